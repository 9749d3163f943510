// Every live record as the exchange workbook writes it out, in the workbook's order; names, not ids.
import type { AdoptionForm, InstructionForm, RequestOutcome } from '../../shared/domain';
import type { Db } from '../db/database';

/** Each item's author names in order, by item id. */
export function authorsByItem(db: Db): Map<number, string[]> {
  const authors = new Map<number, string[]>();
  for (const a of db
    .prepare(
      `SELECT a.item_id AS itemId, p.name FROM item_authors a JOIN persons p ON p.id = a.person_id ORDER BY a.item_id, a.position`,
    )
    .iterate() as IterableIterator<{ itemId: number; name: string }>)
    authors.set(a.itemId, [...(authors.get(a.itemId) ?? []), a.name]);
  return authors;
}

export interface ExportItemRow {
  id: number;
  no: string;
  submitted: string;
  unit: string;
  title: string;
  r: number;
  s: number;
  note: string;
  category: string | null;
  /** 合报 unit names joined by 、 */
  joint: string | null;
  /** 正文 */
  body: string;
}

export function exportItems(db: Db): ExportItemRow[] {
  return db
    .prepare(
      `SELECT i.id, i.no, i.submitted, u.name AS unit, i.title, i.is_research AS r, i.is_special AS s, i.note, i.category, i.body,
              (SELECT group_concat(name, '、') FROM (SELECT ju.name FROM item_joint_units j JOIN units ju ON ju.id = j.unit_id
                 WHERE j.item_id = i.id ORDER BY j.position)) AS joint
       FROM items i JOIN units u ON u.id = i.unit_id WHERE i.deleted_at IS NULL ORDER BY i.submitted, i.id`,
    )
    .all() as ExportItemRow[];
}

export function exportAdoptions(db: Db): { no: string; publication: string; form: AdoptionForm; date: string; issueNo: string; note: string }[] {
  return db
    .prepare(
      `SELECT i.no, a.publication, a.form, a.date, a.issue_no AS issueNo, a.note FROM adoptions a
       JOIN items i ON i.id = a.item_id AND i.deleted_at IS NULL WHERE a.deleted_at IS NULL ORDER BY a.date, a.id`,
    )
    .all() as { no: string; publication: string; form: AdoptionForm; date: string; issueNo: string; note: string }[];
}

export function exportInstructions(db: Db): { no: string; level: string; form: InstructionForm; date: string; leader: string; note: string }[] {
  return db
    .prepare(
      `SELECT i.no, r.level, r.form, r.date, r.leader, r.note FROM instructions r
       JOIN items i ON i.id = r.item_id AND i.deleted_at IS NULL WHERE r.deleted_at IS NULL ORDER BY r.date, r.id`,
    )
    .all() as { no: string; level: string; form: InstructionForm; date: string; leader: string; note: string }[];
}

export interface ExportTargetRow {
  no: string;
  issuer: string;
  topic: string;
  issued: string | null;
  deadline: string;
  unit: string;
  outcome: RequestOutcome;
  itemNo: string | null;
  note: string;
}

/** One row per unit of each live request. */
export function exportTargets(db: Db): ExportTargetRow[] {
  return db
    .prepare(
      `SELECT r.no, r.issuer, r.topic, r.issued, r.deadline, u.name AS unit, t.outcome, i.no AS itemNo, t.note
       FROM request_targets t JOIN requests r ON r.id = t.request_id AND r.deleted_at IS NULL
       JOIN units u ON u.id = t.unit_id LEFT JOIN items i ON i.id = t.item_id
       ORDER BY r.deadline, r.id, u.sort_order`,
    )
    .all() as ExportTargetRow[];
}

export function exportEvents(db: Db): { date: string; unit: string; kind: string; quantity: number; note: string }[] {
  return db
    .prepare(
      `SELECT e.date, u.name AS unit, e.kind, e.quantity, e.note FROM events e JOIN units u ON u.id = e.unit_id
       WHERE e.deleted_at IS NULL ORDER BY e.date, e.id`,
    )
    .all() as { date: string; unit: string; kind: string; quantity: number; note: string }[];
}
