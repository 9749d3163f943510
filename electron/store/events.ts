// The events table (加减分事项): rows in, rows out, no judgement.
import { cachedStatement, type Db } from '../db/database';

export interface EventFields {
  unitId: number;
  date: string;
  kind: string;
  quantity: number;
  note: string;
}

export function insertEventRow(db: Db, e: EventFields, at: string): number {
  return Number(
    cachedStatement(db, `INSERT INTO events (unit_id, date, kind, quantity, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
      e.unitId,
      e.date,
      e.kind,
      e.quantity,
      e.note,
      at,
      at,
    ).lastInsertRowid,
  );
}

export function updateEventRow(db: Db, id: number, e: EventFields, at: string): void {
  db.prepare('UPDATE events SET unit_id = ?, date = ?, kind = ?, quantity = ?, note = ?, updated_at = ? WHERE id = ?').run(
    e.unitId,
    e.date,
    e.kind,
    e.quantity,
    e.note,
    at,
    id,
  );
}

/** The ids of live events equal in every cell, oldest first (import matches events as a multiset). */
export function equalEventIds(db: Db, e: EventFields): number[] {
  return (
    cachedStatement(
      db,
      `SELECT id FROM events WHERE date = ? AND unit_id = ? AND kind = ? AND quantity = ? AND note = ? AND deleted_at IS NULL ORDER BY id`,
    ).all(e.date, e.unitId, e.kind, e.quantity, e.note) as { id: number }[]
  ).map((r) => r.id);
}
