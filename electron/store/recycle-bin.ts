// What the recycle bin lists and puts back: rows with deleted_at set, in every table that has one.
import type { AdoptionForm, InstructionForm } from '../../shared/domain';
import type { RecycleKind } from '../../shared/ipc/contract';
import type { Db } from '../db/database';

export interface DeletedItemRow { id: number; no: string; date: string; title: string; deletedAt: string; unitName: string; together: number }
export interface DeletedAdoptionRow { id: number; date: string; publication: string; form: AdoptionForm; issueNo: string; deletedAt: string; title: string; unitName: string }
export interface DeletedInstructionRow { id: number; date: string; level: string; form: InstructionForm; leader: string; deletedAt: string; title: string; unitName: string }
export interface DeletedRequestRow { id: number; no: string; issuer: string; topic: string; date: string; deletedAt: string; n: number }
export interface DeletedEventRow { id: number; date: string; kind: string; quantity: number; note: string; deletedAt: string; unitName: string }

/** Deleted items, each with how many adoptions and instructions were deleted together with it. */
export function deletedItems(db: Db): DeletedItemRow[] {
  return db
    .prepare(
      `SELECT i.id, i.no, i.submitted AS date, i.title, i.deleted_at AS deletedAt, u.name AS unitName,
         (SELECT count(*) FROM adoptions a WHERE a.item_id = i.id AND a.deleted_at = i.deleted_at) +
         (SELECT count(*) FROM instructions s WHERE s.item_id = i.id AND s.deleted_at = i.deleted_at) AS together
       FROM items i JOIN units u ON u.id = i.unit_id WHERE i.deleted_at IS NOT NULL`,
    )
    .all() as DeletedItemRow[];
}

/** Adoptions deleted on their own (not together with their item). */
export function deletedAdoptions(db: Db): DeletedAdoptionRow[] {
  return db
    .prepare(
      `SELECT a.id, a.date, a.publication, a.form, a.issue_no AS issueNo, a.deleted_at AS deletedAt, i.title, u.name AS unitName
       FROM adoptions a JOIN items i ON i.id = a.item_id JOIN units u ON u.id = i.unit_id
       WHERE a.deleted_at IS NOT NULL AND (i.deleted_at IS NULL OR i.deleted_at != a.deleted_at)`,
    )
    .all() as DeletedAdoptionRow[];
}

/** Instructions deleted on their own (not together with their item). */
export function deletedInstructions(db: Db): DeletedInstructionRow[] {
  return db
    .prepare(
      `SELECT s.id, s.date, s.level, s.form, s.leader, s.deleted_at AS deletedAt, i.title, u.name AS unitName
       FROM instructions s JOIN items i ON i.id = s.item_id JOIN units u ON u.id = i.unit_id
       WHERE s.deleted_at IS NOT NULL AND (i.deleted_at IS NULL OR i.deleted_at != s.deleted_at)`,
    )
    .all() as DeletedInstructionRow[];
}

export function deletedRequests(db: Db): DeletedRequestRow[] {
  return db
    .prepare(`SELECT r.id, r.no, r.issuer, r.topic, r.deadline AS date, r.deleted_at AS deletedAt, (SELECT count(*) FROM request_targets t WHERE t.request_id = r.id) AS n FROM requests r WHERE r.deleted_at IS NOT NULL`)
    .all() as DeletedRequestRow[];
}

export function deletedEvents(db: Db): DeletedEventRow[] {
  return db
    .prepare(`SELECT e.id, e.date, e.kind, e.quantity, e.note, e.deleted_at AS deletedAt, u.name AS unitName FROM events e JOIN units u ON u.id = e.unit_id WHERE e.deleted_at IS NOT NULL`)
    .all() as DeletedEventRow[];
}

/** A record of any kind with its date (报送, 截止 or its own), when it was deleted (null if it was not) and its item. */
export function recordState(db: Db, kind: RecycleKind, id: number): { date: string; deletedAt: string | null; itemId?: number } | undefined {
  const dateCol = kind === 'items' ? 'submitted' : kind === 'requests' ? 'deadline' : 'date';
  const extra = kind === 'adoptions' || kind === 'instructions' ? ', item_id AS itemId' : '';
  return db.prepare(`SELECT ${dateCol} AS date, deleted_at AS deletedAt${extra} FROM ${kind} WHERE id = ?`).get(id) as
    | { date: string; deletedAt: string | null; itemId?: number }
    | undefined;
}

/** Puts an item back with the adoptions and instructions deleted together with it; how many rows came back. */
export function undeleteItem(db: Db, id: number, deletedAt: string, at: string): number {
  let n = db.prepare('UPDATE items SET deleted_at = NULL, updated_at = ? WHERE id = ?').run(at, id).changes;
  n += db.prepare('UPDATE adoptions SET deleted_at = NULL, updated_at = ? WHERE item_id = ? AND deleted_at = ?').run(at, id, deletedAt).changes;
  n += db.prepare('UPDATE instructions SET deleted_at = NULL, updated_at = ? WHERE item_id = ? AND deleted_at = ?').run(at, id, deletedAt).changes;
  return n;
}

/** When an item was deleted; null when it is not in the recycle bin. */
export function itemDeletedAt(db: Db, itemId: number): string | null {
  return (db.prepare('SELECT deleted_at AS d FROM items WHERE id = ?').get(itemId) as { d: string | null }).d;
}

/** The publication, form and date of an adoption. */
export function adoptionKey(db: Db, id: number): { publication: string; form: string; date: string } {
  return db.prepare('SELECT publication, form, date FROM adoptions WHERE id = ?').get(id) as { publication: string; form: string; date: string };
}

/** Puts one record back; how many rows came back. */
export function undeleteRecord(db: Db, kind: RecycleKind, id: number, at: string): number {
  return db.prepare(`UPDATE ${kind} SET deleted_at = NULL, updated_at = ? WHERE id = ?`).run(at, id).changes;
}
