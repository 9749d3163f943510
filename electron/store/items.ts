// The items table (信息) with its 合报 units and authors: rows in, rows out, no judgement.
import { cachedStatement, type Db } from '../db/database';

/** The columns of an item the entry form writes. */
export interface ItemFields {
  unitId: number;
  date: string;
  title: string;
  research: boolean;
  special: boolean;
  note: string;
  category: string | null;
}

/** Whether any item, the recycle bin included, has this 编号. */
export function itemNoTaken(db: Db, no: string): boolean {
  return db.prepare('SELECT 1 FROM items WHERE no = ?').get(no) !== undefined;
}

export function insertItemRow(db: Db, no: string, i: ItemFields, at: string): number {
  return Number(
    db
      .prepare(
        `INSERT INTO items (no, unit_id, submitted, title, is_research, is_special, note, category, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(no, i.unitId, i.date, i.title, Number(i.research), Number(i.special), i.note, i.category, at, at).lastInsertRowid,
  );
}

export function updateItemRow(db: Db, id: number, i: ItemFields, at: string): void {
  db.prepare(
    `UPDATE items SET unit_id = ?, submitted = ?, title = ?, is_research = ?, is_special = ?, note = ?, category = ?, updated_at = ? WHERE id = ?`,
  ).run(i.unitId, i.date, i.title, Number(i.research), Number(i.special), i.note, i.category, at, id);
}

/** The 报送 date and unit of an item not in the recycle bin. */
export function liveItemHead(db: Db, id: number): { date: string; unitId: number } | undefined {
  return db.prepare('SELECT submitted AS date, unit_id AS unitId FROM items WHERE id = ? AND deleted_at IS NULL').get(id) as
    | { date: string; unitId: number }
    | undefined;
}

/** 编号, title and 报送 date of an item not in the recycle bin. */
export function liveItemSummary(db: Db, id: number): { no: string; title: string; submitted: string } | undefined {
  return db.prepare('SELECT no, title, submitted FROM items WHERE id = ? AND deleted_at IS NULL').get(id) as
    | { no: string; title: string; submitted: string }
    | undefined;
}

export function itemCategory(db: Db, id: number): string | null {
  return (db.prepare('SELECT category FROM items WHERE id = ?').pluck().get(id) as string | null | undefined) ?? null;
}

/** An item's 合报 units in their order. */
export function itemJointUnitIds(db: Db, id: number): number[] {
  return cachedStatement(db, 'SELECT unit_id FROM item_joint_units WHERE item_id = ? ORDER BY position').pluck().all(id) as number[];
}

export function jointUnitRows(db: Db, itemId: number): { unitId: number; position: number }[] {
  return db.prepare('SELECT unit_id AS unitId, position FROM item_joint_units WHERE item_id = ?').all(itemId) as { unitId: number; position: number }[];
}

export function insertJointUnit(db: Db, itemId: number, unitId: number, position: number): void {
  cachedStatement(db, 'INSERT INTO item_joint_units (item_id, unit_id, position) VALUES (?, ?, ?)').run(itemId, unitId, position);
}

export function deleteJointUnit(db: Db, itemId: number, unitId: number): void {
  db.prepare('DELETE FROM item_joint_units WHERE item_id = ? AND unit_id = ?').run(itemId, unitId);
}

export function setJointUnitPosition(db: Db, itemId: number, unitId: number, position: number): void {
  db.prepare('UPDATE item_joint_units SET position = ? WHERE item_id = ? AND unit_id = ?').run(position, itemId, unitId);
}

export function clearJointUnits(db: Db, itemId: number): void {
  cachedStatement(db, 'DELETE FROM item_joint_units WHERE item_id = ?').run(itemId);
}

/** The names of an item's authors in their order. */
export function itemAuthorNames(db: Db, itemId: number): string[] {
  return cachedStatement(db, 'SELECT p.name FROM item_authors a JOIN persons p ON p.id = a.person_id WHERE a.item_id = ? ORDER BY a.position')
    .pluck()
    .all(itemId) as string[];
}

export function clearItemAuthors(db: Db, itemId: number): void {
  cachedStatement(db, 'DELETE FROM item_authors WHERE item_id = ?').run(itemId);
}

export function insertItemAuthor(db: Db, itemId: number, personId: number, position: number): void {
  cachedStatement(db, 'INSERT OR IGNORE INTO item_authors (item_id, person_id, position) VALUES (?, ?, ?)').run(itemId, personId, position);
}

/** Finds or creates the person of a unit by name (信息员 are matched within their unit). */
export function personResolver(db: Db): (unitId: number, name: string) => number {
  const find = db.prepare('SELECT id FROM persons WHERE unit_id = ? AND name = ?');
  const insert = db.prepare('INSERT INTO persons (unit_id, name) VALUES (?, ?)');
  return (unitId, name) => {
    const row = find.get(unitId, name) as { id: number } | undefined;
    return row ? row.id : Number(insert.run(unitId, name).lastInsertRowid);
  };
}

/** Puts an item and its adoptions and instructions in the recycle bin, all with the same time. */
export function softDeleteItem(db: Db, id: number, at: string): void {
  db.prepare('UPDATE adoptions SET deleted_at = ? WHERE item_id = ? AND deleted_at IS NULL').run(at, id);
  db.prepare('UPDATE instructions SET deleted_at = ? WHERE item_id = ? AND deleted_at IS NULL').run(at, id);
  db.prepare('UPDATE items SET deleted_at = ? WHERE id = ?').run(at, id);
}

/** Items of a unit submitted between two dates, not in the recycle bin, except one. */
export function itemsOfUnitBetween(
  db: Db,
  unitId: number,
  from: string,
  to: string,
  excludeId: number,
): { id: number; no: string; title: string; date: string }[] {
  return db
    .prepare(`SELECT id, no, title, submitted AS date FROM items WHERE unit_id = ? AND deleted_at IS NULL AND submitted BETWEEN ? AND ? AND id != ?`)
    .all(unitId, from, to, excludeId) as { id: number; no: string; title: string; date: string }[];
}

// ------------------------------------------------------------------------------------------- as the import writes them

/** An item as the exchange workbook holds it, the recycle bin included (import matches by 编号). */
export interface ItemByNoRow {
  id: number;
  unitId: number;
  date: string;
  title: string;
  research: number;
  special: number;
  note: string;
  category: string | null;
  body: string;
  deleted: string | null;
}

export function itemByNo(db: Db, no: string): ItemByNoRow | undefined {
  return cachedStatement(
    db,
    `SELECT id, unit_id AS unitId, submitted AS date, title, is_research AS research, is_special AS special, note,
            category, body, deleted_at AS deleted FROM items WHERE no = ?`,
  ).get(no) as ItemByNoRow | undefined;
}

/** The id of the item with this 编号 not in the recycle bin. */
export function liveItemIdByNo(db: Db, no: string): number | undefined {
  return (cachedStatement(db, 'SELECT id FROM items WHERE no = ? AND deleted_at IS NULL').get(no) as { id: number } | undefined)?.id;
}

/** An item as an 信息 sheet adds it. */
export function insertImportedItem(
  db: Db,
  i: { no: string; unitId: number; date: string; title: string; research: number; special: number; note: string },
  at: string,
): number {
  return Number(
    cachedStatement(
      db,
      `INSERT INTO items (no, unit_id, submitted, title, is_research, is_special, note, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(i.no, i.unitId, i.date, i.title, i.research, i.special, i.note, at, at).lastInsertRowid,
  );
}

/** An item as an 信息 sheet changes it: a null flag or note leaves the column as it is. */
export function updateImportedItem(
  db: Db,
  id: number,
  i: { unitId: number; date: string; title: string; research: number | null; special: number | null; note: string | null },
  at: string,
): void {
  cachedStatement(
    db,
    `UPDATE items SET unit_id = ?, submitted = ?, title = ?, is_research = coalesce(?, is_research),
       is_special = coalesce(?, is_special), note = coalesce(?, note), updated_at = ? WHERE id = ?`,
  ).run(i.unitId, i.date, i.title, i.research, i.special, i.note, at, id);
}

export function setItemCategory(db: Db, id: number, category: string | null): void {
  cachedStatement(db, 'UPDATE items SET category = ? WHERE id = ?').run(category, id);
}

/** An item's 正文, written only when it differs (so 操作记录 shows no empty change). */
export function setItemBody(db: Db, id: number, body: string): void {
  cachedStatement(db, 'UPDATE items SET body = ? WHERE id = ? AND body != ?').run(body, id, body);
}
