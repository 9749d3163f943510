// The audit log (操作记录) as the history page reads it, the names its rows refer to by id, and the entries no table
// trigger writes: one entry for a whole import (the rows it wrote join it) and one for a restore of the ledger file.
import { nowIso } from '../clock';
import type { Db } from '../db/database';

export interface AuditRow {
  id: number;
  at: string;
  source: string;
  action: string;
  entity: string;
  entityId: number | null;
  before: string | null;
  after: string | null;
  /** for an import's entry: how many rows joined it */
  n: number | null;
}

/** What the history page filters by; dates are the clerk's local dates. */
export interface AuditQuery {
  entity?: string;
  action?: string;
  source?: string;
  entityId?: number;
  from?: string;
  to?: string;
  text?: string;
  /** the rows of one entry (an import) */
  group?: number;
  limit: number;
  offset: number;
}

/** A page of the log, newest first, and how many rows match in all. */
export function auditRows(db: Db, f: AuditQuery): { total: number; rows: AuditRow[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]): void => {
    where.push(clause);
    params.push(...values);
  };
  if (f.entity) add('entity = ?', f.entity);
  if (f.action) add('action = ?', f.action);
  if (f.source) add('source = ?', f.source);
  if (f.entityId !== undefined) add('entity_id = ?', f.entityId);
  // `at` is UTC; the clerk's dates are local (Beijing time): compare on the local date
  if (f.from) add(`date(at, 'localtime') >= ?`, f.from);
  if (f.to) add(`date(at, 'localtime') <= ?`, f.to);
  if (f.text) add(`(instr(coalesce(before, ''), ?) > 0 OR instr(coalesce(after, ''), ?) > 0)`, f.text, f.text);
  // an import is one entry that expands to its rows; a search for a record lists the rows themselves
  if (f.group !== undefined) add('grp = ?', f.group);
  else if (!f.entity && f.entityId === undefined && !f.text) add('grp IS NULL');
  const sql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM audit_log ${sql}`).get(...params) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT id, at, source, action, entity, entity_id AS entityId, before, after,
              CASE WHEN entity = 'import' THEN (SELECT count(*) FROM audit_log c WHERE c.grp = audit_log.id) END AS n
       FROM audit_log ${sql} ORDER BY id DESC LIMIT ? OFFSET ?`,
    )
    .all(...params, f.limit, f.offset) as AuditRow[];
  return { total, rows };
}

/** Every source the log has seen (界面, 命令行, 导入 …). */
export function auditSources(db: Db): string[] {
  return (db.prepare('SELECT DISTINCT source FROM audit_log ORDER BY source').all() as { source: string }[]).map((r) => r.source);
}

/** Names of what log rows refer to by id: units (all at once), items, requests and persons (one at a time). */
export function auditNames(db: Db): {
  units: Map<number, string>;
  item: (id: number) => { no: string; title: string } | undefined;
  request: (id: number) => { no: string; topic: string } | undefined;
  person: (id: number) => string | undefined;
} {
  const units = new Map((db.prepare('SELECT id, name FROM units').all() as { id: number; name: string }[]).map((u) => [u.id, u.name]));
  const item = db.prepare('SELECT no, title FROM items WHERE id = ?');
  const request = db.prepare('SELECT no, topic FROM requests WHERE id = ?');
  const person = db.prepare('SELECT name FROM persons WHERE id = ?');
  return {
    units,
    item: (id) => item.get(id) as { no: string; title: string } | undefined,
    request: (id) => request.get(id) as { no: string; topic: string } | undefined,
    person: (id) => (person.get(id) as { name: string } | undefined)?.name,
  };
}

// Call these inside the write transaction, so a rolled-back change leaves no entry.
const insertEntry = (db: Db, source: string, action: string, entity: string, detail: unknown): number =>
  Number(
    db
      .prepare('INSERT INTO audit_log (at, source, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, NULL, NULL, ?)')
      .run(nowIso(), source, action, entity, JSON.stringify(detail)).lastInsertRowid,
  );

/** Opens one entry standing for every row written until `endAuditGroup`; returns its id. */
export function beginAuditGroup(db: Db, source: string, entity: 'import', detail: unknown): number {
  const id = insertEntry(db, source, 'create', entity, detail);
  db.prepare('UPDATE audit_context SET grp = ? WHERE id = 1').run(id);
  return id;
}

export function endAuditGroup(db: Db): void {
  db.prepare('UPDATE audit_context SET grp = NULL WHERE id = 1').run();
}

/** The entry of a restore, written into the restored ledger (the replaced one is kept as a backup). */
export function insertRestoreEntry(db: Db, source: string, detail: unknown): number {
  return db.transaction(() => insertEntry(db, source, 'restore', 'ledger', detail))();
}
