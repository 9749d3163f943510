// What a circular says beyond the period's own ranking: its highlights (adoptions by 国办 and 省政府 publications,
// ★★★★ instructions, the units that rose most), the period's totals against the period before and the same period a
// year earlier, rank changes per unit, and the problems that need two periods to see (below the quota two quarters
// running, a group whose average fell). All of it is read from the engine's scores and the ledger's facts.
import type { Facts } from '../domain';
import { inPeriod } from '../periods';
import type { RuleSet } from '../rules/schema';
import type { CircularSummary } from '../scoring/circular';
import { addPoints } from '../scoring/points';
import { ruleSetForQuarterOf } from '../scoring/rulesets';
import type { PeriodScores } from '../scoring/types';

export interface PeriodTotals {
  items: number;
  adoptions: number;
  instructions: number;
}

export interface Highlight {
  unitName: string;
  title: string;
  /** publication name, or the instruction level's name */
  where: string;
  date: string;
}

export interface Riser {
  unitName: string;
  groupName: string;
  from: number;
  to: number;
}

export interface GroupAverage {
  groupName: string;
  now: number;
  before: number;
}

export interface Comparison {
  /** adoptions by publications of the 省 and 国家 levels dated in the period */
  topAdoptions: Highlight[];
  /** instructions of four stars or more (the top leaders) dated in the period */
  topInstructions: Highlight[];
  /** units that rose two places or more in their group since the period before, most first */
  risers: Riser[];
  /** rank change per unit id: positive = rose; null when the unit was not ranked in that group before */
  rankChange: Map<number, number | null>;
  previous: PeriodTotals | null;
  lastYear: PeriodTotals | null;
  /** units under their group's quota both in this and the period before */
  belowQuotaTwice: { unitName: string; items: number; quota: number }[];
  /** groups whose average score fell since the period before */
  fallenGroups: GroupAverage[];
}

export const totalsOf = (s: CircularSummary): PeriodTotals => ({ items: s.items, adoptions: s.adoptions, instructions: s.instructions });

/** The items a unit must submit in `s`'s period under its group's quota (a monthly quota counts for each month). */
function quotaOf(rules: RuleSet, group: string, s: PeriodScores): number | null {
  const q = rules.groups.find((g) => g.key === group)?.quota;
  if (!q) return null;
  const months = s.period.kind === 'month' ? 1 : s.period.kind === 'quarter' ? 3 : 12;
  if (q.window === 'month') return q.min * months;
  if (q.window === 'quarter') return s.period.kind === 'year' ? q.min * 4 : q.min;
  return q.min;
}

const average = (xs: readonly number[]): number => (xs.length === 0 ? 0 : Math.round((xs.reduce((a, b) => addPoints(a, b), 0) / xs.length) * 10) / 10);

/**
 * `before`: the scores of the period before (null when the ledger has nothing then); `totals`: that period's and the
 * same period's a year earlier totals (null when nothing was recorded).
 */
export function compare(
  ruleSets: readonly RuleSet[],
  facts: Facts,
  now: PeriodScores,
  before: PeriodScores | null,
  totals: { previous: PeriodTotals | null; lastYear: PeriodTotals | null },
): Comparison {
  const p = now.period;
  const rules = ruleSetForQuarterOf(ruleSets, p.start);
  const items = new Map(facts.items.map((i) => [i.id, i]));
  const unitName = new Map(facts.units.map((u) => [u.id, u.name]));
  const nameOfItem = (id: number): { unitName: string; title: string } => {
    const it = items.get(id);
    return { unitName: it ? (unitName.get(it.unitId) ?? '') : '', title: it?.title ?? '' };
  };
  const topAdoptions: Highlight[] = [];
  for (const a of facts.adoptions) {
    if (!inPeriod(a.date, p)) continue;
    const pub = ruleSetForQuarterOf(ruleSets, a.date).publications.find((x) => x.key === a.publication);
    if (pub && (pub.level === 'state' || pub.level === 'province')) topAdoptions.push({ ...nameOfItem(a.itemId), where: pub.name, date: a.date });
  }
  const topInstructions: Highlight[] = [];
  for (const r of facts.instructions) {
    if (!inPeriod(r.date, p)) continue;
    const level = ruleSetForQuarterOf(ruleSets, r.date).instructionLevels.find((l) => l.key === r.level);
    if (level && level.stars >= 4) topInstructions.push({ ...nameOfItem(r.itemId), where: level.name, date: r.date });
  }
  const byDate = (a: Highlight, b: Highlight): number => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
  topAdoptions.sort(byDate);
  topInstructions.sort(byDate);

  const rankBefore = new Map<string, number>();
  const groupBefore = new Map<string, number[]>();
  for (const g of before?.groups ?? []) {
    groupBefore.set(g.key, g.units.map((u) => u.total));
    for (const u of g.units) rankBefore.set(`${g.key}:${u.unitId}`, u.rank);
  }
  const rankChange = new Map<number, number | null>();
  const risers: Riser[] = [];
  const belowQuotaTwice: Comparison['belowQuotaTwice'] = [];
  const itemsBefore = new Map((before?.groups ?? []).flatMap((g) => g.units.map((u) => [u.unitId, u.counts.items] as const)));
  const rulesBefore = before ? ruleSetForQuarterOf(ruleSets, before.period.start) : null;
  for (const g of now.groups)
    for (const u of g.units) {
      const was = rankBefore.get(`${g.key}:${u.unitId}`);
      rankChange.set(u.unitId, before && was !== undefined ? was - u.rank : null);
      if (was !== undefined && was - u.rank >= 2) risers.push({ unitName: u.unitName, groupName: g.name, from: was, to: u.rank });
      const quota = quotaOf(rules, g.key, now);
      const quotaBefore = before && rulesBefore ? quotaOf(rulesBefore, g.key, before) : null;
      const prevItems = itemsBefore.get(u.unitId);
      if (quota !== null && quotaBefore !== null && prevItems !== undefined && u.counts.items < quota && prevItems < quotaBefore)
        belowQuotaTwice.push({ unitName: u.unitName, items: u.counts.items, quota });
    }
  risers.sort((a, b) => b.from - b.to - (a.from - a.to));
  const fallenGroups: GroupAverage[] = [];
  for (const g of now.groups) {
    const was = groupBefore.get(g.key);
    if (!was || was.length === 0 || g.units.length === 0) continue;
    const nowAvg = average(g.units.map((u) => u.total));
    const beforeAvg = average(was);
    if (nowAvg < beforeAvg) fallenGroups.push({ groupName: g.name, now: nowAvg, before: beforeAvg });
  }
  return { topAdoptions, topInstructions, risers: risers.slice(0, 3), rankChange, previous: totals.previous, lastYear: totals.lastYear, belowQuotaTwice, fallenGroups };
}

/** ↑3 / ↓1 / 持平 / — (not ranked in that group the period before) */
export function rankChangeText(change: number | null | undefined): string {
  if (change === null || change === undefined) return '—';
  if (change === 0) return '持平';
  return change > 0 ? `↑${change}` : `↓${-change}`;
}

/** 比上季度增加12条 / 比上季度减少3条 / 与上季度持平 */
export function changeText(now: number, before: number, against: string, unit: string): string {
  if (now === before) return `与${against}持平`;
  return now > before ? `比${against}增加${now - before}${unit}` : `比${against}减少${before - now}${unit}`;
}
