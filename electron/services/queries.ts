// What the pages list: items with filters (the 信息登记 list), an item's records, requests, events, the dashboard.
import type { AdoptionFact, InstructionFact } from '../../shared/domain';
import type { Args, DashboardView, EventView, IssueView, ItemDetailView, ItemView, RequestView } from '../../shared/ipc/contract';
import { adoptionWorth, instructionWorth } from '../../shared/outputs/item-points';
import { monthPeriod, monthsOf, quarterOf, yearPeriod, type Period } from '../../shared/periods';
import { scorePeriod } from '../../shared/scoring';
import { cachedStatement, type Db } from '../db/database';
import { UserError } from '../db/errors';
import { issueLabel, issueNoText } from '../../shared/journal';
import { adoptionIssueLabels, itemBody } from '../store/journal';
import { ruleSets } from '../store/rulesets';
import { Vocabulary } from '../../shared/vocabulary';
import { scoredPeriod } from './scores';

/** The roster, in the order of the circular's tables. */
export { listUnits } from '../store/units';

/** The 信息登记 list's filter (the contract's `items:list`). */
export type ItemFilter = Args<'items:list'>;

export function listItems(db: Db, f: ItemFilter): { total: number; rows: ItemView[] } {
  const where = ['i.deleted_at IS NULL'];
  const params: unknown[] = [];
  if (f.month) {
    where.push('i.submitted BETWEEN ? AND ?');
    const m = monthPeriod(Number(f.month.slice(0, 4)), Number(f.month.slice(5, 7)));
    params.push(m.start, m.end);
  }
  const add = (clause: string, value: unknown): void => {
    where.push(clause);
    params.push(value);
  };
  if (f.from) add('i.submitted >= ?', f.from);
  if (f.to) add('i.submitted <= ?', f.to);
  if (f.unitId !== undefined) add('i.unit_id = ?', f.unitId);
  if (f.group) add('u.grp = ?', f.group);
  if (f.kind === 'research') where.push('i.is_research = 1');
  if (f.kind === 'special') where.push('i.is_special = 1');
  if (f.kind === 'plain') where.push('i.is_research = 0 AND i.is_special = 0');
  if (f.category) add('i.category = ?', f.category);
  if (f.joint) where.push('EXISTS (SELECT 1 FROM item_joint_units ju WHERE ju.item_id = i.id)');
  const adopted = 'EXISTS (SELECT 1 FROM adoptions a WHERE a.item_id = i.id AND a.deleted_at IS NULL)';
  if (f.adopted === 'yes') where.push(adopted);
  if (f.adopted === 'no') where.push(`NOT ${adopted}`);
  const q = f.q?.trim() ?? '';
  // the trigram index finds any 3+ character piece of a title (a phrase query); the matches drive the query
  const fts = [...q].length >= 3;
  if (fts) {
    // (bound first: the matches subquery comes before the WHERE clause)
    params.unshift(`"${q.replace(/"/g, '""')}"`, q);
  } else if (q !== '') {
    // one or two characters are below the trigram size: a scan, still limited to live items
    where.push(`(i.title LIKE ? ESCAPE '\\' OR i.no = ?)`);
    params.push(`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, q);
  }
  const source = fts
    ? `(SELECT rowid AS id FROM items_fts WHERE items_fts MATCH ? UNION SELECT id FROM items WHERE no = ?) m CROSS JOIN items i ON i.id = m.id`
    : 'items i';
  const from = `FROM ${source} JOIN units u ON u.id = i.unit_id WHERE ${where.join(' AND ')}`;
  // the count needs the units table only when a group is chosen, and reads the live-items index, not the table
  const countFrom = f.group
    ? from
    : `FROM ${fts ? source : 'items i INDEXED BY items_live_date'} WHERE ${where.join(' AND ')}`;
  const total = (cachedStatement(db, `SELECT count(*) AS n ${countFrom}`).get(...params) as { n: number }).n;
  const rows = cachedStatement(
    db,
    `SELECT i.id, i.no, i.unit_id AS unitId, u.name AS unitName, i.submitted AS date, i.title, i.is_research AS r, i.is_special AS s, i.note,
         i.category, ${JOINT_UNITS} AS joint,
         (SELECT group_concat(p.name, '、') FROM item_authors ia JOIN persons p ON p.id = ia.person_id WHERE ia.item_id = i.id) AS authors,
         (SELECT count(*) FROM adoptions a WHERE a.item_id = i.id AND a.deleted_at IS NULL) AS adoptions,
         (SELECT count(*) FROM instructions r WHERE r.item_id = i.id AND r.deleted_at IS NULL) AS instructions
       ${from} ORDER BY i.submitted DESC, i.id DESC LIMIT ? OFFSET ?`,
  ).all(...params, f.limit, f.offset) as (ItemRow & { adoptions: number; instructions: number })[];
  const names = new Vocabulary(ruleSets(db)).categories.names;
  return { total, rows: rows.map((row) => itemView(row, names)) };
}

/** An item's 合报 units in order, as JSON [{id, name}] (a correlated subquery of a query over `items i`). */
const JOINT_UNITS = `(SELECT json_group_array(json_object('id', j.unit_id, 'name', j.name)) FROM
    (SELECT ju.unit_id, ju2.name FROM item_joint_units ju JOIN units ju2 ON ju2.id = ju.unit_id WHERE ju.item_id = i.id ORDER BY ju.position) j)`;

type ItemRow = Omit<ItemView, 'kinds' | 'authors' | 'adoptions' | 'instructions' | 'categoryName' | 'jointUnits'> & {
  r: number;
  s: number;
  authors: string | null;
  joint: string;
};

function itemView<R extends ItemRow>({ r, s, joint, ...row }: R, categoryNames: ReadonlyMap<string, string>): Omit<R, 'r' | 's' | 'joint'> & ItemView {
  return {
    adoptions: 0,
    instructions: 0,
    ...row,
    authors: row.authors ?? '',
    kinds: [...(r ? (['research'] as const) : []), ...(s ? (['special'] as const) : [])],
    categoryName: row.category === null ? null : (categoryNames.get(row.category) ?? row.category),
    jointUnits: JSON.parse(joint) as ItemView['jointUnits'],
  };
}

/** An adoption 定版 recorded or linked shows its issue's full 期号 where none or only 第N期 was typed. */
function withIssueNumbers<R extends { record: AdoptionFact }>(db: Db, rows: R[]): (R & { record: R['record'] & { issueNo: string; journalIssueId: number | null } })[] {
  const issues = adoptionIssueLabels(db, rows.map((r) => r.record.id));
  return rows.map((r) => {
    const j = issues.get(r.record.id);
    const typed = (r.record.issueNo ?? '').trim();
    const numbered = j !== undefined && j.yearNo !== null && j.totalNo !== null;
    const issueNo = numbered && (typed === '' || typed === issueNoText(j.yearNo!)) ? issueLabel(j.yearNo!, j.totalNo!) : typed;
    return { ...r, record: { ...r.record, issueNo, journalIssueId: j?.issueId ?? null } };
  });
}

export function itemDetail(db: Db, id: number): ItemDetailView {
  const rules = ruleSets(db);
  const r = db
    .prepare(
      `SELECT i.id, i.no, i.unit_id AS unitId, u.name AS unitName, i.submitted AS date, i.title, i.is_research AS r, i.is_special AS s, i.note,
         i.category, ${JOINT_UNITS} AS joint,
         (SELECT group_concat(p.name, '、') FROM item_authors ia JOIN persons p ON p.id = ia.person_id WHERE ia.item_id = i.id) AS authors
       FROM items i JOIN units u ON u.id = i.unit_id WHERE i.id = ? AND i.deleted_at IS NULL`,
    )
    .get(id) as ItemRow | undefined;
  if (!r) throw new UserError('这条信息已不存在（可能已删除），请刷新后重试。');
  const adoptions = db
    .prepare(
      `SELECT id, item_id AS itemId, publication, form, date, issue_no AS issueNo FROM adoptions WHERE item_id = ? AND deleted_at IS NULL ORDER BY date, id`,
    )
    .all(id) as AdoptionFact[];
  const instructions = db
    .prepare(
      `SELECT id, item_id AS itemId, level, form, date, leader FROM instructions WHERE item_id = ? AND deleted_at IS NULL ORDER BY date, id`,
    )
    .all(id) as InstructionFact[];
  const row = itemView(r, new Vocabulary(rules).categories.names);
  return {
    ...row,
    adoptions: adoptions.length,
    instructions: instructions.length,
    authorList: row.authors ? row.authors.split('、') : [],
    ...itemBody(db, id),
    adoptionRecords: withIssueNumbers(db, adoptionWorth(rules, adoptions, row.category ?? undefined)),
    instructionRecords: instructionWorth(rules, instructions, adoptions),
  };
}

export function listRequests(db: Db, asOf: string, year?: number): RequestView[] {
  const reqs = db
    .prepare(
      `SELECT id, no, issuer, topic, issued, deadline, note FROM requests WHERE deleted_at IS NULL ${year ? 'AND deadline LIKE ?' : ''} ORDER BY deadline DESC, id DESC`,
    )
    .all(...(year ? [`${year}-%`] : [])) as Omit<RequestView, 'targets'>[];
  const targets = db
    .prepare(
      `SELECT t.id, t.request_id AS requestId, t.unit_id AS unitId, u.name AS unitName, t.outcome, t.item_id AS itemId, i.no AS itemNo,
         i.title AS itemTitle, t.note AS reason
       FROM request_targets t JOIN units u ON u.id = t.unit_id LEFT JOIN items i ON i.id = t.item_id ORDER BY u.sort_order`,
    )
    .all() as (Omit<RequestView['targets'][number], 'overdue'> & { requestId: number })[];
  return reqs.map((r) => ({
    ...r,
    targets: targets
      .filter((t) => t.requestId === r.id)
      .map(({ requestId: _r, ...t }) => ({ ...t, overdue: t.outcome === 'pending' && r.deadline < asOf })),
  }));
}

export function listEvents(db: Db, year?: number): EventView[] {
  return db
    .prepare(
      `SELECT e.id, e.unit_id AS unitId, u.name AS unitName, e.date, e.kind, e.quantity, e.note FROM events e JOIN units u ON u.id = e.unit_id
       WHERE e.deleted_at IS NULL ${year ? 'AND e.date LIKE ?' : ''} ORDER BY e.date DESC, e.id DESC`,
    )
    .all(...(year ? [`${year}-%`] : [])) as EventView[];
}

export function dashboard(db: Db, month: Period, asOf: string): DashboardView {
  const q = quarterOf(month.start);
  // the quarter's facts cover the month too (the engine filters by date): one load for both
  const { rules, facts: qFacts, scores: qScores } = scoredPeriod(db, q, asOf);
  const mScores = scorePeriod(rules, qFacts, month, asOf);
  const issuerNames = new Map(rules.flatMap((r) => r.requestIssuers.map((i) => [i.key, i.name] as const)));
  const ruleGroups = new Map(rules[rules.length - 1]!.groups.map((g) => [g.key, g]));
  const year = month.year;
  const series = monthsOf(yearPeriod(year)).map((m) => ({
    month: m.code,
    items: (
      db
        .prepare('SELECT count(*) AS n FROM items WHERE deleted_at IS NULL AND submitted BETWEEN ? AND ?')
        .get(m.start, m.end) as { n: number }
    ).n,
    adoptions: (
      db
        .prepare('SELECT count(*) AS n FROM adoptions WHERE deleted_at IS NULL AND date BETWEEN ? AND ?')
        .get(m.start, m.end) as { n: number }
    ).n,
  }));
  return {
    month: month.code,
    quarter: q.code,
    groups: mScores.groups.map((g) => {
      const quota = ruleGroups.get(g.key)?.quota;
      return {
        key: g.key,
        name: g.name,
        units: g.units.length,
        items: g.units.reduce((n, u) => n + u.counts.items, 0),
        metQuota: g.units.filter((u) => u.lines.some((l) => l.rule === '报送任务' && l.points > 0)).length,
        quota: quota && quota.window === 'month' ? quota.min : null,
      };
    }),
    adoptions: mScores.groups.reduce((n, g) => n + g.units.reduce((k, u) => k + u.counts.adoptions, 0), 0),
    instructions: mScores.groups.reduce((n, g) => n + g.units.reduce((k, u) => k + u.counts.instructions, 0), 0),
    emptyUnits: mScores.groups.flatMap((g) =>
      g.units
        .filter((u) => u.counts.items === 0)
        .map((u) => ({ unitId: u.unitId, unitName: u.unitName, groupName: g.name })),
    ),
    // every 约稿 still 待报 after its deadline, whatever month the page shows (the 约稿 page and 通报 count them so)
    overdue: listRequests(db, asOf).flatMap((r) =>
      r.targets
        .filter((t) => t.overdue)
        .map((t) => ({ unitName: t.unitName, topic: r.topic, deadline: r.deadline, issuer: issuerNames.get(r.issuer) ?? '约稿方' })),
    ),
    series,
    ranking: qScores.groups.map((g) => ({
      group: g.name,
      units: g.units.slice(0, 10).map((u) => ({ unitName: u.unitName, total: u.total })),
    })),
  };
}

/** Every recorded issue (刊物 + 期号) with its items, newest first: the per-issue view of 采用与批示. */
export function listIssues(db: Db, year?: number): IssueView[] {
  const rows = db
    .prepare(
      `SELECT a.id AS adoptionId, a.publication, a.issue_no AS issueNo, a.date, a.form, a.item_id AS itemId, i.no, i.title, i.submitted, u.name AS unitName
       FROM adoptions a JOIN items i ON i.id = a.item_id AND i.deleted_at IS NULL JOIN units u ON u.id = i.unit_id
       WHERE a.deleted_at IS NULL ${year ? 'AND a.date LIKE ?' : ''} ORDER BY a.date DESC, a.publication, a.issue_no, a.id`,
    )
    .all(...(year ? [`${year}-%`] : [])) as (IssueView['items'][number] & { publication: string; issueNo: string; date: string })[];
  const issues = new Map<string, IssueView>();
  for (const r of rows) {
    // an adoption without 期号 is its own issue of one (dated), so nothing is hidden
    const key = r.issueNo.trim() ? `${r.publication}|${r.issueNo.trim()}|${r.date.slice(0, 4)}` : `${r.publication}||${r.date}`;
    let issue = issues.get(key);
    if (!issue) issues.set(key, (issue = { key, publication: r.publication, issueNo: r.issueNo.trim(), date: r.date, items: [] }));
    const { publication: _p, issueNo: _n, ...item } = r;
    issue.items.push({ ...item, twice: issue.items.some((x) => x.itemId === r.itemId), early: r.date < r.submitted });
  }
  return [...issues.values()];
}
