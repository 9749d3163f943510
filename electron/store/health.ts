// SQLite's own checks of a ledger file and what says which file it is: quick_check, integrity_check, the foreign keys,
// user_version. Any connection will do, the app's or a read-only one opened just to look.
import type Database from 'better-sqlite3';

type Conn = Database.Database;

/** quick_check's findings; empty when the file is sound. */
export function quickCheckProblems(db: Conn): string[] {
  return (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check).filter((r) => r !== 'ok');
}

/** integrity_check's findings (slower and more thorough than quick_check); empty when the file is sound. */
export function integrityProblems(db: Conn): string[] {
  return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).filter((r) => r !== 'ok');
}

/** Rows that refer to a row that does not exist. */
export function foreignKeyProblems(db: Conn): { table: string; rowid: number; parent: string }[] {
  return db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
}

/** The schema version the file was last migrated to (0: not a ledger, or an empty one). */
export function schemaVersion(db: Conn): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function hasTable(db: Conn, name: string): boolean {
  return (db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) as { n: number }).n > 0;
}

/** Switches a file to the rollback journal (a copy that must stand alone, with no -wal/-shm beside it). */
export function useRollbackJournal(db: Conn): void {
  db.pragma('journal_mode = DELETE');
}
