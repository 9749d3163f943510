// What the app shows about itself: the data file, the counts on the start page, the result of the start-up check.
import type { Result } from '../../shared/ipc/contract';
import type { Db } from '../db/database';
import { itemCount, unitCount } from '../store/counts';
import { lockedQuarters } from '../store/locks';
import { ruleSets } from '../store/rulesets';
import { listBackups, type StartupFailure } from './startup';

export function appInfo(db: Db, about: { dataFile: string; version: string; asOf: string }): Result<'app:info'> {
  return {
    dataFile: about.dataFile,
    today: about.asOf,
    version: about.version,
    units: unitCount(db),
    items: itemCount(db),
    ruleSets: ruleSets(db),
    locked: lockedQuarterList(db),
  };
}

/** The locked quarters, oldest first. */
export function lockedQuarterList(db: Db): string[] {
  return [...lockedQuarters(db)].sort();
}

/** The start-up check as the recovery screen shows it; the backups are listed only when they are needed. */
export function startupView(dataFile: string, startup: { failure: StartupFailure | null; notice: string | null }, checking: boolean): Result<'app:startup'> {
  return {
    ok: startup.failure === null,
    kind: startup.failure?.kind ?? null,
    checking: checking && startup.failure === null,
    dataFile,
    notice: startup.notice,
    problem: startup.failure?.problem ?? null,
    details: startup.failure?.details ?? [],
    backups: startup.failure?.kind === 'damaged' ? listBackups(dataFile) : [],
  };
}
