// Counts the start page and the rule list show: how much is in the ledger and which years its items span.
import type { Db } from '../db/database';

export function unitCount(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM units').get() as { n: number }).n;
}

/** Items not in the recycle bin. */
export function itemCount(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM items WHERE deleted_at IS NULL').get() as { n: number }).n;
}

/** The first and last 报送 dates of the items not in the recycle bin; null when there are none. */
export function submittedRange(db: Db): { first: string | null; last: string | null } {
  const r = db.prepare('SELECT min(submitted) AS a, max(submitted) AS b FROM items WHERE deleted_at IS NULL').get() as { a: string | null; b: string | null };
  return { first: r.a, last: r.b };
}
