// What adoptions, instructions and events share: a date, and the recycle bin.
import type { Db } from '../db/database';

export type DatedTable = 'adoptions' | 'instructions' | 'events';

/** The date of a record not in the recycle bin. */
export function liveRecordDate(db: Db, table: DatedTable, id: number): string | undefined {
  return (db.prepare(`SELECT date FROM ${table} WHERE id = ? AND deleted_at IS NULL`).get(id) as { date: string } | undefined)?.date;
}

export function softDeleteRecord(db: Db, table: DatedTable, id: number, at: string): void {
  db.prepare(`UPDATE ${table} SET deleted_at = ? WHERE id = ?`).run(at, id);
}
