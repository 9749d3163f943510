// What the pages list: items with filters (the 信息登记 list), an item's records, requests, events, the dashboard.
import type { DashboardView, EventView, IssueView, ItemDetailView, ItemView, RequestView } from '../../shared/ipc/contract';
import type { AdoptionFact } from '../../shared/domain';
import { adoptionWorth, instructionWorth } from '../../shared/outputs/item-points';
import { monthsOf, quarterOf, yearPeriod, type Period } from '../../shared/periods';
import { scorePeriod } from '../../shared/scoring';
import type { Db } from '../db/database';
import { UserError } from '../db/errors';
import { issueLabel, issueNoText } from '../../shared/journal';
import { adoptionIssueLabels, itemBody } from '../store/journal';
import {
  adoptionIssueRows,
  adoptionsOfItem,
  countsBetween,
  eventRows,
  instructionsOfItem,
  itemRow,
  itemRows,
  requestRows,
  targetRows,
  type ItemFilter,
  type ItemRow,
} from '../store/lists';
import { ruleSets } from '../store/rulesets';
import { Vocabulary } from '../../shared/vocabulary';
import { scoredPeriod } from './scores';

/** The roster, in the order of the circular's tables. */
export { listUnits } from '../store/units';

/** The 信息登记 list's filter (the contract's `items:list`). */
export type { ItemFilter };

export function listItems(db: Db, f: ItemFilter): { total: number; rows: ItemView[] } {
  const { total, rows } = itemRows(db, f);
  const names = new Vocabulary(ruleSets(db)).categories.names;
  return { total, rows: rows.map((row) => itemView(row, names)) };
}

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
  const r = itemRow(db, id);
  if (!r) throw new UserError('这条信息已不存在（可能已删除），请刷新后重试。');
  const adoptions = adoptionsOfItem(db, id);
  const instructions = instructionsOfItem(db, id);
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
  const reqs = requestRows(db, year);
  const targets = targetRows(db);
  return reqs.map((r) => ({
    ...r,
    targets: targets
      .filter((t) => t.requestId === r.id)
      .map(({ requestId: _r, ...t }) => ({ ...t, overdue: t.outcome === 'pending' && r.deadline < asOf })),
  }));
}

export function listEvents(db: Db, year?: number): EventView[] {
  return eventRows(db, year);
}

export function dashboard(db: Db, month: Period, asOf: string): DashboardView {
  const q = quarterOf(month.start);
  // the quarter's facts cover the month too (the engine filters by date): one load for both
  const { rules, facts: qFacts, scores: qScores } = scoredPeriod(db, q, asOf);
  const mScores = scorePeriod(rules, qFacts, month, asOf);
  const issuerNames = new Map(rules.flatMap((r) => r.requestIssuers.map((i) => [i.key, i.name] as const)));
  const ruleGroups = new Map(rules[rules.length - 1]!.groups.map((g) => [g.key, g]));
  const year = month.year;
  const series = monthsOf(yearPeriod(year)).map((m) => ({ month: m.code, ...countsBetween(db, m.start, m.end) }));
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
  const rows = adoptionIssueRows(db, year);
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
