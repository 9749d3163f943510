import type { Db } from '../db/database';

/** Codes of locked quarters (2019Q2 …). */
export function lockedQuarters(db: Db): Set<string> {
  return new Set((db.prepare('SELECT period FROM period_locks').all() as { period: string }[]).map((r) => r.period));
}

/** When a quarter was locked (an ISO timestamp), or null when it is open. */
export function lockedAt(db: Db, period: string): string | null {
  const row = db.prepare('SELECT locked_at AS at FROM period_locks WHERE period = ?').get(period) as { at: string } | undefined;
  return row ? row.at : null;
}

export function isLocked(db: Db, quarter: string): boolean {
  return db.prepare('SELECT 1 FROM period_locks WHERE period = ?').get(quarter) !== undefined;
}

export function insertLock(db: Db, quarter: string, at: string): void {
  db.prepare('INSERT INTO period_locks (period, locked_at) VALUES (?, ?)').run(quarter, at);
}

/** Removes a quarter's lock; false when it was not locked. */
export function deleteLock(db: Db, quarter: string): boolean {
  return db.prepare('DELETE FROM period_locks WHERE period = ?').run(quarter).changes > 0;
}
