// Running numbers (信息编号 X2019-00001, 约稿编号 YG2019-001): the next one follows the largest number in use, compared
// as numbers, so numbers written with other padding (YG2019-04, imported) neither sort wrongly nor collide.
import type { Db } from '../db/database';

/** The largest number after `prefix` among the table's `no` values that are `prefix` + digits; 0 if none. */
export function lastNumber(db: Db, table: 'items' | 'requests', prefix: string): number {
  // the range over the UNIQUE index on no: only this prefix's numbers are read
  const end = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  const row = db
    .prepare(
      `SELECT max(CAST(substr(no, @from) AS INTEGER)) AS n FROM ${table}
        WHERE no > @prefix AND no < @end AND substr(no, @from) NOT GLOB '*[^0-9]*'`,
    )
    .get({ prefix, end, from: prefix.length + 1 }) as { n: number | null };
  return row.n ?? 0;
}
