// What happened to the ledger file itself, in 操作记录: a restore says from which backup, what it replaced and where
// the replaced data was kept, so the clerk can find it and undo the restore.
import { basename } from 'node:path';
import type { Db } from '../db/database';
import { insertRestoreEntry } from '../store/audit';
import { write } from './write-gate';

export interface RestoreRecord {
  /** the backup restored from */
  from: string;
  /** what the replaced ledger held (null: it was damaged and could not be read) */
  replaced: { units: number; items: number; lastEntry: string | null } | null;
  /** the damaged ledger moved aside by a recovery */
  damagedCopy: string | null;
  /** the safety backup of the replaced ledger */
  safetyBackup: string | null;
}

/** A restore replaces the whole ledger by design: exempt from the lock check, but written through the one gate. */
export function recordRestore(db: Db, source: string, r: RestoreRecord): void {
  write(db, source, () => insertRestoreEntry(db, source, {
    from: basename(r.from),
    fromPath: r.from,
    replaced: r.replaced,
    damagedCopy: r.damagedCopy && basename(r.damagedCopy),
    safetyBackup: r.safetyBackup && basename(r.safetyBackup),
  }), { exemptFromLocks: true });
}
