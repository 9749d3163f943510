// Entries of 操作记录 that no table trigger writes: one entry for a whole import (the rows it wrote join it) and one
// for a restore of the ledger file. Call inside the write transaction, so a rolled-back change leaves no entry.
import { nowIso } from '../clock';
import type { Db } from '../db/database';

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
