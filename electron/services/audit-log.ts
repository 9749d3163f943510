// The audit trail page, so every change can be traced: who changed what, before and after, written by SQLite triggers (db/audit.ts).
// This reads it with filters and turns each row's JSON into the fields a clerk recognises.
// Every value is shown in the office's words, since a clerk reads it: 待报 → 未完成, 市政府办公厅, 《莱芜政务信息》, 单篇, 市 ★★,
// an item as "X2019-00007 标题", a rule-set change as the list of what changed — never a key, a code or an id.
import type { Args, AuditRowView } from '../../shared/ipc/contract';
import {
  ADOPTION_FORM_LABEL,
  AWARD_LABEL,
  INSTRUCTION_FORM_LABEL,
  ITEM_KIND_LABEL,
  JOINT_SPLIT_NAME,
  PUBLICATION_LEVEL_LABEL,
  publicationTitle,
  REQUEST_OUTCOME_LABEL,
  RULE_WINDOW_LABEL,
  stars,
} from '../../shared/labels';
import { parsePeriod, periodLabel } from '../../shared/periods';
import type { RuleSet } from '../../shared/rules/schema';
import { DEFAULT_SETTINGS, FONT_LABELS, SETTING_LABELS, TEMPLATE_LABELS } from '../../shared/settings';
import { JOURNAL_STATE_LABEL } from '../../shared/journal';
import type { Db } from '../db/database';
import { SHEETS } from '../exchange/sheets';
import { auditNames, auditRows, auditSources } from '../store/audit';
import { ruleSets } from '../store/rulesets';

export const AUDIT_ENTITY_LABEL: Record<string, string> = {
  units: '单位',
  unit_aliases: '单位别名',
  persons: '作者',
  items: '信息',
  item_authors: '信息作者',
  item_joint_units: '合报单位',
  adoptions: '采用',
  instructions: '批示',
  requests: '约稿',
  request_targets: '约稿单位',
  events: '加减分',
  rule_sets: '规则集',
  period_locks: '季度锁定',
  settings: '设置',
  circular_issues: '通报成文日期、文号和改写',
  kept_documents: '通报留底文件',
  journal_issues: '刊物的期',
};

/** entries that stand for the ledger file or a whole import, not a table's row */
const ENTRY_LABEL: Record<string, { entity: string; action: string }> = {
  import: { entity: '工作簿', action: '导入' },
  ledger: { entity: '数据文件', action: '恢复' },
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
  category: '信息类别',
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
  issue_date: '成文日期',
  doc_no: '文号',
  edits: '改写的段落',
  kept_at: '留存时间',
  state: '状态',
  year_no: '期号',
  total_no: '总期号',
  editor_note: '编者按',
  journal_issue_id: '刊物的期',
  journal_role: '定版登记',
};

/** The 操作记录 page's filter (the contract's `audit:list`). */
export type AuditFilter = Args<'audit:list'>;


type Json = Record<string, unknown>;

/** Everything needed to put a stored value into words: unit, item, request and person names, and the rule sets' vocabularies. */
export interface Words {
  units: Map<number, string>;
  items: (id: number) => string | undefined;
  requests: (id: number) => string | undefined;
  persons: (id: number) => string | undefined;
  rules: RuleSet[];
  groups: Map<string, string>;
}

function wordsOf(db: Db): Words {
  const names = auditNames(db);
  const rules = ruleSets(db);
  const groups = new Map<string, string>([['none', '不计分']]);
  for (const r of rules) for (const g of r.groups) groups.set(g.key, g.name);
  return {
    units: names.units,
    items: (id) => {
      const r = names.item(id);
      return r && `${r.no} ${r.title}`;
    },
    requests: (id) => {
      const r = names.request(id);
      return r && `${r.no} ${r.topic}`;
    },
    persons: names.person,
    rules,
    groups,
  };
}

function vocab(w: Words, kind: 'publications' | 'instructionLevels' | 'eventKinds' | 'requestIssuers' | 'categories', key: string): { name: string; stars?: number } | undefined {
  for (const r of [...w.rules].reverse()) {
    const hit = (r[kind] as { key: string; name: string; stars?: number }[]).find((x) => x.key === key);
    if (hit) return hit;
  }
  return undefined;
}

/** A stored UTC time as the office's clock shows it: 2026-12-05 05:27:48. */
export const localTime = (v: string): string => {
  const d = new Date(v);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
};

/** A stored value in the office's words, given the table (`form` of an adoption is 单篇/综合/简讯, of an instruction 单篇/综合). */
export function shown(entity: string, field: string, v: unknown, w: Words): string {
  if (v === null || v === undefined) return '';
  const n = typeof v === 'number' ? v : Number.NaN;
  const s = String(v);
  switch (field) {
    case 'unit_id':
      return w.units.get(n) ?? '（已删除的单位）';
    case 'item_id':
      return w.items(n) ?? '（已删除的信息）';
    case 'request_id':
      return w.requests(n) ?? '（已删除的约稿）';
    case 'person_id':
      return w.persons(n) ?? '';
    case 'is_research':
    case 'is_special':
      return v ? '是' : '否';
    case 'deleted_at':
    case 'locked_at':
      return Number.isNaN(Date.parse(s)) ? s : localTime(s);
    case 'outcome':
      return REQUEST_OUTCOME_LABEL[s as keyof typeof REQUEST_OUTCOME_LABEL] ?? s;
    case 'grp':
      return w.groups.get(s) ?? s;
    case 'publication': {
      const p = vocab(w, 'publications', s);
      return p ? publicationTitle(p.name) : s;
    }
    case 'issuer':
      return vocab(w, 'requestIssuers', s)?.name ?? s;
    case 'category':
      return vocab(w, 'categories', s)?.name ?? s;
    case 'level': {
      const l = vocab(w, 'instructionLevels', s);
      return l ? `${l.name} ${stars(l.stars ?? 0)}`.trim() : s;
    }
    case 'kind':
      return entity === 'events' ? (vocab(w, 'eventKinds', s)?.name ?? s) : s;
    case 'form':
      return entity === 'instructions'
        ? (INSTRUCTION_FORM_LABEL[s as keyof typeof INSTRUCTION_FORM_LABEL] ?? s)
        : (ADOPTION_FORM_LABEL[s as keyof typeof ADOPTION_FORM_LABEL] ?? s);
    case 'period': {
      const p = parsePeriod(s);
      return p ? periodLabel(p) : s;
    }
    case 'state':
      return JOURNAL_STATE_LABEL[s as keyof typeof JOURNAL_STATE_LABEL] ?? s;
    case 'journal_role':
      return s === 'created' ? '定版时登记' : s === 'linked' ? '定版时关联（手工登记）' : s;
    case 'year_no':
      return `第${s}期`;
    case 'total_no':
      return `总第${s}期`;
    default:
      return s.length > 200 ? `${s.slice(0, 200)}…` : s;
  }
}

// ------------------------------------------------------------------------------------------- rule-set differences

const RULE_FIELD: Record<string, string> = {
  name: '名称',
  effectiveFrom: '生效日期',
  source: '依据',
  groups: '分组',
  quota: '报送任务',
  window: '统计周期',
  min: '最少条数',
  points: '分值',
  shortfallPerItem: '每少一条',
  requirements: '调研专报要求',
  conditions: '条件',
  award: '计分方式',
  criticiseLast: '通报批评末位数',
  shortfallFloored: '报送任务扣分扣完为止',
  shortfallClause: '少报扣分条款',
  floorClause: '扣完为止条款',
  publications: '刊物',
  level: '级别',
  single: '单篇',
  combined: '综合',
  brief: '简讯',
  adoptionCombine: '多次采用',
  instructionLevels: '批示级别',
  stars: '星级',
  instructionCombine: '多次批示',
  eventKinds: '加减分事项',
  description: '说明',
  scope: '计入',
  floored: '扣完为止',
  capPerYear: '每年最多',
  criticise: '通报批评',
  requestIssuers: '约稿方',
  missPoints: '未完成扣分',
  aliases: '别名',
  clause: '条款',
  kind: '类型',
  categories: '信息类别',
  factor: '折算系数',
  categoryPoints: '按类别分值',
  multiplier: '转报倍数',
  instructionPoints: '按刊物批示分值',
  jointSplit: '合报计分',
  baseGrant: '基础分',
  passLine: '达标线',
  donePoints: '完成得分',
};

const RULE_VALUE: Record<string, string> = {
  ...RULE_WINDOW_LABEL,
  ...AWARD_LABEL,
  highest: '就高不就低',
  sum: '累加',
  period: '当期',
  ...PUBLICATION_LEVEL_LABEL,
  ...ITEM_KIND_LABEL,
  ...JOINT_SPLIT_NAME,
};

/** A rule value in words; `names` turns the rule set's own keys (a category, a 批示 level) into their names. */
function ruleValue(v: unknown, names: ReadonlyMap<string, string> = new Map()): string {
  if (v === null || v === undefined) return '无';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (Array.isArray(v)) return v.length === 0 ? '无' : v.map((x) => ruleValue(x, names)).join('、');
  if (typeof v === 'object') {
    const o = v as Json;
    if (typeof o['name'] === 'string') return String(o['name']);
    // a requirement's condition, as the editor shows it: 调研≥1篇
    if (typeof o['kind'] === 'string' && typeof o['min'] === 'number' && Object.keys(o).length === 2) return `${ruleValue(o['kind'], names)}≥${o['min']}篇`;
    return Object.entries(o)
      .filter(([k]) => k !== 'clause')
      .map(([k, x]) => `${RULE_FIELD[k] ?? names.get(k) ?? k}${ruleValue(x, names)}`)
      .join('，');
  }
  const s = String(v);
  return RULE_VALUE[s] ?? names.get(s) ?? s;
}

/** The names of the keys a rule set's rules refer to (categories, 批示 levels), from both versions of it. */
function keyNames(...bodies: unknown[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const b of bodies) {
    if (typeof b !== 'object' || b === null) continue;
    for (const list of [(b as Json)['categories'], (b as Json)['instructionLevels']])
      if (Array.isArray(list))
        for (const e of list as Json[]) if (typeof e['key'] === 'string' && typeof e['name'] === 'string') names.set(e['key'], e['name']);
  }
  return names;
}

/** The differences between two rule sets, one line per changed setting, named by what the clerk sees on 规则设置. */
export function ruleSetDifferences(before: unknown, after: unknown): { field: string; before: string; after: string }[] {
  const out: { field: string; before: string; after: string }[] = [];
  const names = keyNames(before, after);
  const value = (v: unknown): string => ruleValue(v, names);
  const walk = (a: unknown, b: unknown, path: string[]): void => {
    if (JSON.stringify(a) === JSON.stringify(b)) return;
    const isObj = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
    const keyed = (x: unknown): x is Json[] => Array.isArray(x) && x.every((e) => isObj(e) && typeof e['key'] === 'string');
    if (keyed(a) && keyed(b)) {
      const byKey = (list: Json[]): Map<string, Json> => new Map(list.map((e) => [String(e['key']), e]));
      const ma = byKey(a);
      const mb = byKey(b);
      for (const [k, ea] of ma) {
        const eb = mb.get(k);
        if (!eb) out.push({ field: [...path, String(ea['name'])].join(' · '), before: value(ea), after: '（删除）' });
        else walk(ea, eb, [...path, String(eb['name'] ?? ea['name'])]);
      }
      for (const [k, eb] of mb) if (!ma.has(k)) out.push({ field: [...path, String(eb['name'])].join(' · '), before: '（新增）', after: value(eb) });
      return;
    }
    // a group's requirements have no key: the same number of them is compared one by one, by name
    if (Array.isArray(a) && Array.isArray(b) && a.length === b.length && [...a, ...b].every((e) => isObj(e) && typeof e['name'] === 'string')) {
      a.forEach((ea, i) => walk(ea, b[i], [...path, String((b[i] as Json)['name'])]));
      return;
    }
    if (isObj(a) && isObj(b)) {
      for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (k === 'key') continue;
        walk(a[k], b[k], [...path, RULE_FIELD[k] ?? names.get(k) ?? k]);
      }
      return;
    }
    out.push({ field: path.join(' · ') || '规则', before: value(a), after: value(b) });
  };
  walk(before, after, []);
  return out;
}

function parseBody(v: unknown): unknown {
  if (typeof v !== 'string') return undefined;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return undefined;
  }
}

/** A settings change, one line per setting that changed, named as on the 通报设置 form, from what to what. */
export function settingsDifferences(before: unknown, after: unknown): { field: string; before: string; after: string }[] {
  const obj = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});
  const text = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'boolean' ? (v ? '开' : '关') : String(v));
  const out: { field: string; before: string; after: string }[] = [];
  const walk = (a: Json, b: Json, labels: Record<string, string>, prefix: string): void => {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (JSON.stringify(a[k]) === JSON.stringify(b[k])) continue;
      if (k === 'fonts' || k === 'templates') walk(obj(a[k]), obj(b[k]), k === 'fonts' ? FONT_LABELS : TEMPLATE_LABELS, `${SETTING_LABELS[k]} · `);
      else out.push({ field: `${prefix}${labels[k] ?? k}`, before: text(a[k]), after: text(b[k]) });
    }
  };
  walk(obj(before), obj(after), SETTING_LABELS, '');
  return out;
}

const sheetName = (key: string): string => SHEETS.find((s) => s.key === key)?.name ?? key;

/** An import's one entry: the file and, per sheet, how many rows were added and changed. */
function importChanges(after: Json | null): AuditRowView['changes'] {
  const counts = (after?.['counts'] ?? {}) as Record<string, { added: number; changed: number; unchanged: number }>;
  return Object.entries(counts).map(([k, c]) => ({ field: sheetName(k), before: '', after: `新增 ${c.added} 条，修改 ${c.changed} 条，未变 ${c.unchanged} 条` }));
}

const held = (h: unknown): string => {
  const r = h as { units: number; items: number; lastEntry: string | null } | null;
  return r ? `单位 ${r.units} 个，信息 ${r.items} 条${r.lastEntry ? `，最后报送 ${r.lastEntry}` : ''}` : '（已损坏，无法读取）';
};

/** A restore's entry: from which backup, what it replaced, where the replaced data was kept. */
function restoreChanges(after: Json | null): AuditRowView['changes'] {
  const a = after ?? {};
  const out: AuditRowView['changes'] = [{ field: '恢复自备份', before: '', after: String(a['from'] ?? '') }];
  out.push({ field: '被替换的数据', before: held(a['replaced']), after: '' });
  if (a['safetyBackup']) out.push({ field: '恢复前备份', before: '', after: String(a['safetyBackup']) });
  if (a['damagedCopy']) out.push({ field: '损坏的数据文件移到', before: '', after: String(a['damagedCopy']) });
  return out;
}

function changesOf(entity: string, action: string, before: Json | null, after: Json | null, w: Words): AuditRowView['changes'] {
  if (entity === 'import') return importChanges(after);
  if (entity === 'ledger') return restoreChanges(after);
  // the first save is shown against the defaults the clerk saw before it
  if (entity === 'settings') return settingsDifferences(before ? parseBody(before['value']) : DEFAULT_SETTINGS, parseBody(after?.['value']));
  const fields = Object.keys(after ?? before ?? {});
  const out: AuditRowView['changes'] = [];
  for (const k of fields) {
    if (before && after && before[k] === after[k]) continue;
    if (action === 'create' && (after?.[k] === null || after?.[k] === '')) continue;
    if (k === 'body' && entity === 'rule_sets') {
      if (before && after) out.push(...ruleSetDifferences(parseBody(before[k]), parseBody(after[k])));
      else out.push({ field: '规则内容', before: before ? '（原规则）' : '', after: after ? '（见规则设置页）' : '' });
      continue;
    }
    if (k === 'name_key' || k === 'alias_key' || k === 'created_at' || k === 'updated_at') continue;
    out.push({ field: k === 'body' ? '正文' : (FIELD_LABEL[k] ?? k), before: shown(entity, k, before?.[k], w), after: shown(entity, k, after?.[k], w) });
  }
  return out;
}

function summaryOf(entity: string, row: Json, w: Words): string {
  const parts: string[] = [];
  if (typeof row['unit_id'] === 'number') parts.push(shown(entity, 'unit_id', row['unit_id'], w));
  if (typeof row['item_id'] === 'number') parts.push(shown(entity, 'item_id', row['item_id'], w));
  if (typeof row['request_id'] === 'number') parts.push(shown(entity, 'request_id', row['request_id'], w));
  for (const f of ['period', 'no', 'name', 'alias', 'key', 'title', 'topic', 'publication', 'issue_no', 'level', 'kind', 'outcome', 'date']) {
    const v = row[f];
    if (v !== null && v !== undefined && v !== '') parts.push(shown(entity, f, v, w));
  }
  return parts.join('　').slice(0, 160);
}

function entrySummary(entity: string, after: Json | null, rows: number): string {
  const a = after ?? {};
  if (entity === 'ledger') return `从备份“${String(a['from'] ?? '')}”恢复了全部数据`;
  const counts = Object.values((a['counts'] ?? {}) as Record<string, { added: number; changed: number }>);
  const added = counts.reduce((s, c) => s + c.added, 0);
  const changed = counts.reduce((s, c) => s + c.changed, 0);
  return `${String(a['file'] ?? '')}：新增 ${added}，修改 ${changed}（${rows} 处改动，展开可看）`;
}

export function listAudit(db: Db, f: AuditFilter): { total: number; rows: AuditRowView[]; sources: string[] } {
  const { total, rows } = auditRows(db, { ...f, limit: f.limit ?? 100, offset: f.offset ?? 0 });
  const words = wordsOf(db);
  const sources = auditSources(db);
  return {
    total,
    sources,
    rows: rows.map((r) => {
      const before = r.before ? (JSON.parse(r.before) as Json) : null;
      const after = r.after ? (JSON.parse(r.after) as Json) : null;
      const changes = changesOf(r.entity, r.action, before, after, words);
      const entry = ENTRY_LABEL[r.entity];
      return {
        id: r.id,
        at: r.at,
        source: r.source,
        // the settings row is created by the first save, which the clerk made by changing the defaults
        action: entry?.action ?? (r.entity === 'settings' ? '修改' : (AUDIT_ACTION_LABEL[r.action] ?? r.action)),
        entity: entry?.entity ?? AUDIT_ENTITY_LABEL[r.entity] ?? r.entity,
        entityId: r.entityId,
        summary: entry
          ? entrySummary(r.entity, after, r.n ?? 0)
          : r.entity === 'settings'
            ? `通报设置：${changes.map((c) => c.field).slice(0, 6).join('、')}${changes.length > 6 ? ' 等' : ''}`
            : summaryOf(r.entity, after ?? before ?? {}, words),
        changes,
        ...(r.n !== null ? { rows: r.n } : {}),
      };
    }),
  };
}
