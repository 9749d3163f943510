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
