// Audit triggers: every create, update and delete of a ledger table is written to audit_log with the row before and
// after, as JSON, by SQLite itself — no write path can forget it. The source (界面/命令行/导入/恢复) is what the app
// put in audit_context before writing.
// Migrations do not call this: a new migration that audits a table or column pastes the text it prints, so a later
// improvement here never changes what a released migration does.

export interface AuditedTable {
  table: string;
  columns: string[];
  /** SQL expression (over NEW/OLD as `R`) for the entity id */
  id: string;
  /** tables with soft delete record deleted_at NULL → value as 'delete' and back as 'restore' */
  softDelete?: boolean;
}

function jsonOf(columns: string[], row: 'NEW' | 'OLD'): string {
  return `json_object(${columns.map((c) => `'${c}', ${row}.${c}`).join(', ')})`;
}

export function auditTriggerSql(t: AuditedTable): string {
  const now = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
  const source = `(SELECT source FROM audit_context WHERE id = 1)`;
  const idNew = t.id.replaceAll('R.', 'NEW.');
  const idOld = t.id.replaceAll('R.', 'OLD.');
  const updateAction = t.softDelete
    ? `CASE WHEN OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL THEN 'delete'
            WHEN OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL THEN 'restore' ELSE 'update' END`
    : `'update'`;
  return `
CREATE TRIGGER audit_${t.table}_insert AFTER INSERT ON ${t.table} BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (${now}, ${source}, 'create', '${t.table}', ${idNew}, NULL, ${jsonOf(t.columns, 'NEW')});
END;
CREATE TRIGGER audit_${t.table}_update AFTER UPDATE ON ${t.table} BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (${now}, ${source}, ${updateAction}, '${t.table}', ${idNew}, ${jsonOf(t.columns, 'OLD')}, ${jsonOf(t.columns, 'NEW')});
END;
CREATE TRIGGER audit_${t.table}_delete AFTER DELETE ON ${t.table} BEGIN
  INSERT INTO audit_log (at, source, action, entity, entity_id, before, after)
  VALUES (${now}, ${source}, 'delete', '${t.table}', ${idOld}, ${jsonOf(t.columns, 'OLD')}, NULL);
END;`;
}
