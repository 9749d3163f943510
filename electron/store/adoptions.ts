// The adoptions table (采用): rows in, rows out, no judgement.
import { cachedStatement, type Db } from '../db/database';

export interface AdoptionFields {
  itemId: number;
  publication: string;
  form: string;
  date: string;
  issueNo: string;
  note: string;
}

/** Whether an item already has a live adoption in the same publication, form and date (other than `excludeId`). */
export function adoptionExists(db: Db, a: Pick<AdoptionFields, 'itemId' | 'publication' | 'form' | 'date'>, excludeId = -1): boolean {
  return (
    db
      .prepare('SELECT 1 FROM adoptions WHERE item_id = ? AND publication = ? AND form = ? AND date = ? AND deleted_at IS NULL AND id != ?')
      .get(a.itemId, a.publication, a.form, a.date, excludeId) !== undefined
  );
}

/** Whether an item already has a live adoption in this issue of this publication (other than `excludeId`). */
export function adoptionInIssueExists(db: Db, itemId: number, publication: string, issueNo: string, excludeId: number): boolean {
  return (
    db
      .prepare(`SELECT 1 FROM adoptions WHERE item_id = ? AND publication = ? AND issue_no = ? AND deleted_at IS NULL AND id != ?`)
      .get(itemId, publication, issueNo, excludeId) !== undefined
  );
}

export function insertAdoptionRow(db: Db, a: AdoptionFields, at: string): number {
  return Number(
    cachedStatement(db, `INSERT INTO adoptions (item_id, publication, form, date, issue_no, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(
      a.itemId,
      a.publication,
      a.form,
      a.date,
      a.issueNo,
      a.note,
      at,
      at,
    ).lastInsertRowid,
  );
}

export function updateAdoptionRow(db: Db, id: number, a: AdoptionFields, at: string): void {
  db.prepare('UPDATE adoptions SET item_id = ?, publication = ?, form = ?, date = ?, issue_no = ?, note = ?, updated_at = ? WHERE id = ?').run(
    a.itemId,
    a.publication,
    a.form,
    a.date,
    a.issueNo,
    a.note,
    at,
    id,
  );
}

/** The live adoption of an item in one publication, form and date (import matches by these). */
export function findAdoption(
  db: Db,
  itemId: number,
  publication: string,
  form: string,
  date: string,
): { id: number; issueNo: string; note: string } | undefined {
  return cachedStatement(
    db,
    `SELECT id, issue_no AS issueNo, note FROM adoptions
     WHERE item_id = ? AND publication = ? AND form = ? AND date = ? AND deleted_at IS NULL`,
  ).get(itemId, publication, form, date) as { id: number; issueNo: string; note: string } | undefined;
}

/** An adoption as an 采用 sheet changes it: a null leaves the column as it is. */
export function updateImportedAdoption(db: Db, id: number, issueNo: string | null, note: string | null, at: string): void {
  cachedStatement(db, `UPDATE adoptions SET issue_no = coalesce(?, issue_no), note = coalesce(?, note), updated_at = ? WHERE id = ?`).run(
    issueNo,
    note,
    at,
    id,
  );
}
