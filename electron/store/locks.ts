import type { Db } from '../db/database';

/** Codes of locked quarters (2019Q2 …). */
export function lockedQuarters(db: Db): Set<string> {
  return new Set((db.prepare('SELECT period FROM period_locks').all() as { period: string }[]).map((r) => r.period));
}
