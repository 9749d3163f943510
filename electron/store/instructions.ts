// The instructions table (批示): rows in, rows out, no judgement.
import { cachedStatement, type Db } from '../db/database';

export interface InstructionFields {
  itemId: number;
  level: string;
  form: string;
  date: string;
  leader: string;
  note: string;
}

/** Whether an item already has a live instruction of this level on this date (other than `excludeId`). */
export function instructionExists(db: Db, itemId: number, level: string, date: string, excludeId = -1): boolean {
  return (
    db
      .prepare('SELECT 1 FROM instructions WHERE item_id = ? AND level = ? AND date = ? AND deleted_at IS NULL AND id != ?')
      .get(itemId, level, date, excludeId) !== undefined
  );
}

export function insertInstructionRow(db: Db, r: InstructionFields, at: string): number {
  return Number(
    cachedStatement(db, `INSERT INTO instructions (item_id, level, form, date, leader, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(
      r.itemId,
      r.level,
      r.form,
      r.date,
      r.leader,
      r.note,
      at,
      at,
    ).lastInsertRowid,
  );
}

export function updateInstructionRow(db: Db, id: number, r: InstructionFields, at: string): void {
  db.prepare('UPDATE instructions SET item_id = ?, level = ?, form = ?, date = ?, leader = ?, note = ?, updated_at = ? WHERE id = ?').run(
    r.itemId,
    r.level,
    r.form,
    r.date,
    r.leader,
    r.note,
    at,
    id,
  );
}

/** The live instruction of an item of one level on one date (import matches by these). */
export function findInstruction(
  db: Db,
  itemId: number,
  level: string,
  date: string,
): { id: number; form: string; leader: string; note: string } | undefined {
  return cachedStatement(db, `SELECT id, form, leader, note FROM instructions WHERE item_id = ? AND level = ? AND date = ? AND deleted_at IS NULL`).get(
    itemId,
    level,
    date,
  ) as { id: number; form: string; leader: string; note: string } | undefined;
}

/** An instruction as a 批示 sheet changes it: a null leader or note leaves the column as it is. */
export function updateImportedInstruction(db: Db, id: number, form: string, leader: string | null, note: string | null, at: string): void {
  cachedStatement(db, `UPDATE instructions SET form = ?, leader = coalesce(?, leader), note = coalesce(?, note), updated_at = ? WHERE id = ?`).run(
    form,
    leader,
    note,
    at,
    id,
  );
}
