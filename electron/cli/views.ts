// How the command line prints what the services answer: tab-separated tables a clerk can paste into Excel.
// `--json` prints the service's answer itself instead.
import type { CircularText } from '../../shared/outputs/circular-text';
import type { Result } from '../../shared/ipc/contract';
import { ITEM_KIND_LABEL, REQUEST_OUTCOME_LABEL } from '../../shared/labels';
import { periodText, quartersText } from '../../shared/periods';
import type { Vocabulary } from '../../shared/vocabulary';
import { localTime } from '../services/audit-log';
import { RECYCLE_KIND_LABEL } from '../services/recycle';
import { firstQuarterOf } from '../services/rule-files';

/** A long value (a rule set's JSON in the audit log) cut to what a terminal line can show. */
const clip = (s: string, max = 60): string => (s.length > max ? `${s.slice(0, max)}…` : s);

const table = (header: string[], rows: (string | number | null)[][]): string =>
  [header, ...rows].map((r) => r.map((c) => (c === null ? '' : String(c).replace(/[\t\n]/g, ' '))).join('\t')).join('\n');

/** A key of the rule sets (a group, an issuer, an event kind) by its name; a key no rule set names stays as it is. */
const named = (lookup: Vocabulary['groups'], key: string): string => lookup.names.get(key) ?? key;

export const unitsTable = (units: Result<'units:list'>, words: Vocabulary): string =>
  table(
    ['编号', '单位', '分组', '排序', '启用', '停用', '别名', '联系人', '电话'],
    units.map((u) => [u.id, u.name, named(words.groups, u.group), u.sortOrder, u.activeFrom, u.activeUntil, u.aliases.join('、'), u.contact, u.phone]),
  );

export const itemsTable = (r: Result<'items:list'>): string =>
  `${table(
    ['编号', '日期', '单位', '标题', '类型', '信息类别', '合报单位', '作者', '采用', '批示'],
    r.rows.map((i) => [
      i.no,
      i.date,
      i.unitName,
      i.title,
      i.kinds.map((k) => ITEM_KIND_LABEL[k]).join('、'),
      i.categoryName,
      i.jointUnits.map((u) => u.name).join('、'),
      i.authors,
      i.adoptions,
      i.instructions,
    ]),
  )}\n共 ${r.total} 条${r.total > r.rows.length ? `，显示 ${r.rows.length} 条（用 --offset、--limit 翻页）` : ''}`;

/** Quarters in words, as the pages write them: 2019年第二季度至2019年第四季度 (the newest rule set: …起). */
export function rulesTable(rules: Result<'rules:list'>): string {
  const newest = rules.reduce<string>((m, r) => (r.rules.effectiveFrom > m ? r.rules.effectiveFrom : m), '');
  return table(
    ['编号', '规则集', '生效日期', '适用季度', '已锁定季度'],
    rules.map((r) => {
      const open = r.rules.effectiveFrom === newest;
      // the newest rule set may start after the ledger's last year: name the quarter it starts with
      const scores = r.usedBy.length > 0 ? quartersText(r.usedBy, open) : open ? `${periodText(firstQuarterOf(r.rules.effectiveFrom))}起` : '';
      return [r.id, r.rules.name, r.rules.effectiveFrom, scores, quartersText(r.lockedPeriods)];
    }),
  );
}

export const auditTable = (r: Result<'audit:list'>): string =>
  `${table(
    ['时间', '来源', '操作', '对象', '摘要', '改动'],
    r.rows.map((a) => [localTime(a.at), a.source, a.action, a.entity, a.summary, a.changes.map((c) => `${c.field}：${clip(c.before)}→${clip(c.after)}`).join('；')]),
  )}\n共 ${r.total} 条`;

export const requestsTable = (requests: Result<'requests:list'>, words: Vocabulary): string =>
  table(
    ['编号', '约稿单位', '主题', '截止', '受约单位', '完成情况'],
    requests.flatMap((q) =>
      q.targets.map((t) => [q.no, named(words.issuers, q.issuer), q.topic, q.deadline, t.unitName, `${REQUEST_OUTCOME_LABEL[t.outcome]}${t.overdue ? '（逾期）' : ''}`]),
    ),
  );

export const eventsTable = (events: Result<'events:list'>, words: Vocabulary): string =>
  table(['日期', '单位', '事项', '数量', '备注'], events.map((e) => [e.date, e.unitName, named(words.eventKinds, e.kind), e.quantity, e.note]));

export const recycleTable = (rows: Result<'recycle:list'>): string =>
  table(['类别', '编号', '日期', '单位', '内容', '删除时间'], rows.map((r) => [RECYCLE_KIND_LABEL[r.kind], r.id, r.date, r.unitName, r.summary, localTime(r.deletedAt)]));

export const settingsText = (s: Result<'settings:get'>): string => JSON.stringify(s, null, 2);

/** The circular draft as plain text, in the order of the document. */
export function circularText(t: CircularText): string {
  return [
    t.title,
    t.mainRecipients,
    t.opening,
    ...t.sections.flatMap((s) => [s.heading, ...s.paragraphs]),
    t.attachmentTitle,
    t.contact,
    t.signature,
    t.date,
    t.publicNote,
  ]
    .filter((x) => x !== '')
    .join('\n\n');
}
