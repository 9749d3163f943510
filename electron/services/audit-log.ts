// The audit trail page (issue 5): who changed what, before and after, written by SQLite triggers (db/audit.ts).
// This reads it with filters and turns each row's JSON into the fields a clerk recognises.
import type { Args, AuditRowView } from '../../shared/ipc/contract';
import type { Db } from '../db/database';

export const AUDIT_ENTITY_LABEL: Record<string, string> = {
  units: '单位',
  unit_aliases: '单位别名',
  persons: '作者',
  items: '信息',
  item_authors: '信息作者',
  adoptions: '采用',
  instructions: '批示',
  requests: '约稿',
  request_targets: '约稿单位',
  events: '加减分',
  rule_sets: '规则集',
  period_locks: '季度锁定',
  settings: '设置',
};

export const AUDIT_ACTION_LABEL: Record<string, string> = { create: '新增', update: '修改', delete: '删除', restore: '恢复' };

const FIELD_LABEL: Record<string, string> = {
  name: '名称',
  grp: '组别',
  sort_order: '排序',
  active_from: '起始月份',
  active_until: '截止月份',
  contact: '联系人',
  phone: '电话',
  note: '备注',
  unit_id: '单位',
  alias: '别名',
  no: '编号',
  submitted: '报送日期',
  title: '标题',
  is_research: '调研',
  is_special: '专报',
  deleted_at: '删除时间',
  item_id: '信息',
  person_id: '作者',
  position: '顺序',
  publication: '刊物',
  form: '形式',
  date: '日期',
  issue_no: '期号',
  level: '级别',
  leader: '批示领导',
  issuer: '约稿单位',
  topic: '主题',
  issued: '发出日期',
  deadline: '截止日期',
  request_id: '约稿',
  outcome: '完成情况',
  kind: '事项',
  quantity: '次数',
  effective_from: '生效日期',
  body: '规则内容',
  period: '季度',
  locked_at: '锁定时间',
  key: '设置项',
  value: '内容',
};

/** The 操作记录 page's filter (the contract's `audit:list`). */
export type AuditFilter = Args<'audit:list'>;


type Json = Record<string, unknown>;

function shown(field: string, v: unknown, units: Map<number, string>): string {
  if (v === null || v === undefined) return '';
  if (field === 'unit_id' && typeof v === 'number') return units.get(v) ?? String(v);
  if ((field === 'is_research' || field === 'is_special') && typeof v === 'number') return v ? '是' : '否';
  if ((field === 'deleted_at' || field === 'locked_at') && typeof v === 'string' && !Number.isNaN(Date.parse(v))) {
    const d = new Date(v);
    const p = (n: number): string => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
  }
  const s = String(v);
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
}

function summaryOf(row: Json, units: Map<number, string>): string {
  const parts: string[] = [];
  for (const f of ['period', 'no', 'name', 'alias', 'key', 'title', 'topic', 'publication', 'level', 'kind', 'date']) {
    const v = row[f];
    if (v !== null && v !== undefined && v !== '') parts.push(shown(f, v, units));
  }
  if (typeof row['unit_id'] === 'number') parts.unshift(shown('unit_id', row['unit_id'], units));
  return parts.join('　').slice(0, 160);
}

export function listAudit(db: Db, f: AuditFilter): { total: number; rows: AuditRowView[]; sources: string[] } {
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
  const sql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM audit_log ${sql}`).get(...params) as { n: number }).n;
  const rows = db
    .prepare(`SELECT id, at, source, action, entity, entity_id AS entityId, before, after FROM audit_log ${sql} ORDER BY id DESC LIMIT ? OFFSET ?`)
    .all(...params, f.limit ?? 100, f.offset ?? 0) as { id: number; at: string; source: string; action: string; entity: string; entityId: number | null; before: string | null; after: string | null }[];
  const units = new Map((db.prepare('SELECT id, name FROM units').all() as { id: number; name: string }[]).map((u) => [u.id, u.name]));
  const sources = (db.prepare('SELECT DISTINCT source FROM audit_log ORDER BY source').all() as { source: string }[]).map((r) => r.source);
  return {
    total,
    sources,
    rows: rows.map((r) => {
      const before = r.before ? (JSON.parse(r.before) as Json) : null;
      const after = r.after ? (JSON.parse(r.after) as Json) : null;
      const fields = Object.keys(after ?? before ?? {});
      const changes = fields
        .filter((k) => !before || !after || before[k] !== after[k])
        .filter((k) => !(r.action === 'create' && (after?.[k] === null || after?.[k] === '')))
        .map((k) => ({ field: FIELD_LABEL[k] ?? k, before: shown(k, before?.[k], units), after: shown(k, after?.[k], units) }));
      return {
        id: r.id,
        at: r.at,
        source: r.source,
        action: AUDIT_ACTION_LABEL[r.action] ?? r.action,
        entity: AUDIT_ENTITY_LABEL[r.entity] ?? r.entity,
        entityId: r.entityId,
        summary: summaryOf(after ?? before ?? {}, units),
        changes,
      };
    }),
  };
}
