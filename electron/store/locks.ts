import type { Db } from '../db/database';

/** Codes of locked quarters (2019Q2 …). */
export function lockedQuarters(db: Db): Set<string> {
  return new Set((db.prepare('SELECT period FROM period_locks').all() as { period: string }[]).map((r) => r.period));
}

/** The day a quarter was locked (YYYY-MM-DD, the office's own day), or null when it is open. */
export function lockedOn(db: Db, period: string): string | null {
  const row = db.prepare('SELECT locked_at AS at FROM period_locks WHERE period = ?').get(period) as { at: string } | undefined;
  return row ? row.at.slice(0, 10) : null;
}
