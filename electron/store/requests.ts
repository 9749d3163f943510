// The requests (约稿) and request_targets (受约单位) tables: rows in, rows out, no judgement.
import type { RequestOutcome } from '../../shared/domain';
import { cachedStatement, type Db } from '../db/database';

export interface RequestFields {
  issuer: string;
  topic: string;
  issued: string | null;
  deadline: string;
  note: string;
}

export function insertRequestRow(db: Db, no: string, r: RequestFields, at: string): number {
  return Number(
    cachedStatement(db, `INSERT INTO requests (no, issuer, topic, issued, deadline, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(
      no,
      r.issuer,
      r.topic,
      r.issued,
      r.deadline,
      r.note,
      at,
      at,
    ).lastInsertRowid,
  );
}

export function updateRequestRow(db: Db, id: number, r: RequestFields, at: string): void {
  db.prepare('UPDATE requests SET issuer = ?, topic = ?, issued = ?, deadline = ?, note = ?, updated_at = ? WHERE id = ?').run(
    r.issuer,
    r.topic,
    r.issued,
    r.deadline,
    r.note,
    at,
    id,
  );
}

/** The deadline of a request not in the recycle bin. */
export function liveRequestDeadline(db: Db, id: number): string | undefined {
  return (db.prepare('SELECT deadline FROM requests WHERE id = ? AND deleted_at IS NULL').get(id) as { deadline: string } | undefined)?.deadline;
}

export function softDeleteRequest(db: Db, id: number, at: string): void {
  db.prepare('UPDATE requests SET deleted_at = ?, updated_at = ? WHERE id = ?').run(at, at, id);
}

/** Adds units to a request as 待报; a unit it already has keeps its outcome. */
export function addPendingTargets(db: Db, requestId: number, unitIds: Iterable<number>): void {
  const insert = db.prepare(`INSERT OR IGNORE INTO request_targets (request_id, unit_id, outcome) VALUES (?, ?, 'pending')`);
  for (const u of unitIds) insert.run(requestId, u);
}

/** Takes every unit off a request except those in `keep` (their outcomes go with them). */
export function deleteTargetsExcept(db: Db, requestId: number, keep: ReadonlySet<number>): void {
  const have = db.prepare('SELECT id, unit_id AS unitId FROM request_targets WHERE request_id = ?').all(requestId) as { id: number; unitId: number }[];
  for (const t of have) if (!keep.has(t.unitId)) db.prepare('DELETE FROM request_targets WHERE id = ?').run(t.id);
}

/** The deadline of the live request a target belongs to. */
export function targetDeadline(db: Db, targetId: number): string | undefined {
  return (
    db
      .prepare(`SELECT r.deadline FROM request_targets t JOIN requests r ON r.id = t.request_id AND r.deleted_at IS NULL WHERE t.id = ?`)
      .get(targetId) as { deadline: string } | undefined
  )?.deadline;
}

/** Sets a target's outcome and item; `note` undefined leaves the note as it is. */
export function setTargetRow(db: Db, targetId: number, outcome: RequestOutcome, itemId: number | null, note?: string): void {
  if (note === undefined) db.prepare('UPDATE request_targets SET outcome = ?, item_id = ? WHERE id = ?').run(outcome, itemId, targetId);
  else db.prepare('UPDATE request_targets SET outcome = ?, item_id = ?, note = ? WHERE id = ?').run(outcome, itemId, note, targetId);
}

// ------------------------------------------------------------------------------------------- as the import writes them

export interface RequestByNoRow {
  id: number;
  issuer: string;
  topic: string;
  issued: string | null;
  deadline: string;
  deleted: string | null;
}

/** A request by 编号, the recycle bin included. */
export function requestByNo(db: Db, no: string): RequestByNoRow | undefined {
  return cachedStatement(db, `SELECT id, issuer, topic, issued, deadline, deleted_at AS deleted FROM requests WHERE no = ?`).get(no) as
    | RequestByNoRow
    | undefined;
}

/** A request's target for one unit, with the 编号 of the item it was answered with. */
export function findTarget(
  db: Db,
  requestId: number,
  unitId: number,
): { id: number; outcome: string; note: string; itemNo: string | null } | undefined {
  return cachedStatement(
    db,
    `SELECT t.id, t.outcome, t.note, i.no AS itemNo FROM request_targets t LEFT JOIN items i ON i.id = t.item_id
     WHERE t.request_id = ? AND t.unit_id = ?`,
  ).get(requestId, unitId) as { id: number; outcome: string; note: string; itemNo: string | null } | undefined;
}

/** A request as an 约稿 sheet changes it: a null 下发日期 leaves it as it is. */
export function updateImportedRequest(db: Db, id: number, r: Omit<RequestFields, 'note'>, at: string): void {
  cachedStatement(db, `UPDATE requests SET issuer = ?, topic = ?, issued = coalesce(?, issued), deadline = ?, updated_at = ? WHERE id = ?`).run(
    r.issuer,
    r.topic,
    r.issued,
    r.deadline,
    at,
    id,
  );
}

export function insertTargetRow(db: Db, requestId: number, unitId: number, outcome: string, itemId: number | null, note: string): void {
  cachedStatement(db, `INSERT INTO request_targets (request_id, unit_id, outcome, item_id, note) VALUES (?, ?, ?, ?, ?)`).run(
    requestId,
    unitId,
    outcome,
    itemId,
    note,
  );
}

/** A target as an 约稿 sheet changes it: a null item or note leaves the column as it is. */
export function updateImportedTarget(db: Db, id: number, outcome: string, itemId: number | null, note: string | null): void {
  cachedStatement(db, `UPDATE request_targets SET outcome = ?, item_id = coalesce(?, item_id), note = coalesce(?, note) WHERE id = ?`).run(
    outcome,
    itemId,
    note,
    id,
  );
}
