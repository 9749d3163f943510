import type { UnitFact } from '../../shared/domain';
import { cachedStatement, type Db } from '../db/database';

/** Codes of locked quarters (2019Q2 …). */
export function lockedQuarters(db: Db): Set<string> {
  return new Set((cachedStatement(db, 'SELECT period FROM period_locks').all() as { period: string }[]).map((r) => r.period));
}

/** When a quarter was locked (an ISO timestamp), or null when it is open. */
export function lockedAt(db: Db, period: string): string | null {
  const row = db.prepare('SELECT locked_at AS at FROM period_locks WHERE period = ?').get(period) as { at: string } | undefined;
  return row ? row.at : null;
}

export function isLocked(db: Db, quarter: string): boolean {
  return db.prepare('SELECT 1 FROM period_locks WHERE period = ?').get(quarter) !== undefined;
}

/** Codes of locked quarters in order (cheap: the kept rosters and rule sets are not read). */
export function lockedPeriods(db: Db): string[] {
  return (cachedStatement(db, 'SELECT period FROM period_locks ORDER BY period').raw(true).all() as [string][]).map((r) => r[0]);
}

/** A locked quarter with what it was circulated with (null where a lock predates keeping them). */
export interface LockRow {
  period: string;
  /** the roster as circulated: groups, names, order, active months */
  units: string | null;
  /** the stored text of the rule set that scored the quarter */
  ruleSet: string | null;
  /** the 通报设置 the circular was written with */
  settings: string | null;
}

export function lockRows(db: Db): LockRow[] {
  return cachedStatement(db, 'SELECT period, units, rule_set AS ruleSet, settings FROM period_locks ORDER BY period').all() as LockRow[];
}

/** Each locked quarter with the text of the rule set kept for it. */
export function lockedRuleTexts(db: Db): { period: string; ruleSet: string | null }[] {
  return cachedStatement(db, 'SELECT period, rule_set AS ruleSet FROM period_locks ORDER BY period').all() as { period: string; ruleSet: string | null }[];
}

/** The roster each of these locked quarters was circulated with (quarters without a kept roster are left out). */
export function lockedRosters(db: Db, quarters: readonly string[]): Record<string, UnitFact[]> {
  const out: Record<string, UnitFact[]> = {};
  if (quarters.length === 0) return out;
  const rows = cachedStatement(
    db,
    'SELECT period, units FROM period_locks WHERE units IS NOT NULL AND period IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify(quarters)) as { period: string; units: string }[];
  for (const r of rows) out[r.period] = JSON.parse(r.units) as UnitFact[];
  return out;
}

/** The 通报设置 a locked quarter was circulated with, if kept. */
export function lockedSettings(db: Db, quarter: string): string | null {
  const row = cachedStatement(db, 'SELECT settings FROM period_locks WHERE period = ?').get(quarter) as { settings: string | null } | undefined;
  return row?.settings ?? null;
}

export function insertLock(db: Db, row: LockRow, at: string): void {
  db.prepare('INSERT INTO period_locks (period, locked_at, units, rule_set, settings) VALUES (?, ?, ?, ?, ?)').run(
    row.period,
    at,
    row.units,
    row.ruleSet,
    row.settings,
  );
}

export function deleteLocks(db: Db, quarters: readonly string[]): number {
  return db.prepare('DELETE FROM period_locks WHERE period IN (SELECT value FROM json_each(?))').run(JSON.stringify(quarters)).changes;
}

/** The rule sets' stored texts with their effective dates (to tell which one scores a quarter). */
export function ruleSetTexts(db: Db): { effectiveFrom: string; body: string }[] {
  return cachedStatement(db, 'SELECT effective_from AS effectiveFrom, body FROM rule_sets ORDER BY effective_from').all() as {
    effectiveFrom: string;
    body: string;
  }[];
}

/** The earliest date of any record in the ledger (the first quarter that can be locked). */
export function firstRecordDate(db: Db): string | null {
  const row = cachedStatement(
    db,
    `SELECT min(d) AS d FROM (
       SELECT min(submitted) AS d FROM items WHERE deleted_at IS NULL
       UNION ALL SELECT min(date) FROM adoptions WHERE deleted_at IS NULL
       UNION ALL SELECT min(date) FROM instructions WHERE deleted_at IS NULL
       UNION ALL SELECT min(deadline) FROM requests WHERE deleted_at IS NULL
       UNION ALL SELECT min(date) FROM events WHERE deleted_at IS NULL)`,
  ).get() as { d: string | null };
  return row.d;
}
