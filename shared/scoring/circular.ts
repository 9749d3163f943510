// 五、通报 (docs/计分规则说明.md §9.2): who is praised, criticised, named for zero adoption or empty months, and what is overdue.
import { isActiveIn, type Facts, type RequestTargetFact } from '../domain';
import { monthsOf, previousMonth, type Period } from '../periods';
import type { RuleSet } from '../rules/schema';
import { belowPassLine } from './clauses';
import { countInRange, inRange, indexFacts, type FactIndex } from './facts-index';
import { ruleSetForQuarterOf } from './rulesets';
import type { GroupScores, PeriodScores, UnitScore } from './types';

export interface UnitRef {
  unitId: number;
  unitName: string;
  group: string;
  groupName: string;
}

export interface GroupUnits {
  group: string;
  groupName: string;
  units: UnitScore[];
}

export interface FlaggedUnit extends UnitRef {
  /** the 迟报/漏报/失实 events of the period: kind name and date */
  events: { kind: string; name: string; date: string; quantity: number }[];
}

export interface EmptyMonthsUnit extends UnitRef {
  months: string[];
}

export interface BelowStandardUnit extends UnitRef {
  total: number;
  passLine: number;
}

export interface OverdueTarget {
  target: RequestTargetFact;
  unitName: string;
  issuerName: string;
}

export interface CircularSummary {
  /** items submitted in the period by group key */
  itemsByGroup: Record<string, number>;
  items: number;
  /** adoption records dated in the period, by publication key and by publication level */
  adoptionsByPublication: Record<string, number>;
  adoptionsByLevel: Record<string, number>;
  adoptions: number;
  instructionsByLevel: Record<string, number>;
  instructions: number;
  /** requests with a deadline in the period */
  requests: number;
  requestTargets: number;
  targetsDone: number;
  targetsExplained: number;
  targetsMissed: number;
  targetsPending: number;
  /** the names of the issuers of those requests, in the rule set's order (区政府办公室、市政府办公厅) */
  requestIssuers: string[];
}

export interface CircularFacts {
  period: Period;
  /** 通报表扬: the rank-1 units of each group, when their score is > 0 */
  praise: GroupUnits[];
  /** the top three of each group, for the optional longer praise sentence */
  topThree: GroupUnits[];
  /** 通报批评 by rank: the last-ranked units of each group with more than one distinct score */
  criticiseLast: GroupUnits[];
  /** 通报批评 by event: units with a 迟报/漏报/失实 event in the period */
  criticiseEvents: FlaggedUnit[];
  /** 零通报: scored units with no adoption dated in the period */
  zeroAdoption: UnitRef[];
  /** 连续一个月不报送: units with a calendar month in the period with no item */
  emptyMonth: EmptyMonthsUnit[];
  /** 连续两个月不报送 (约谈分管领导): two consecutive empty months ending in the period (the month before counts) */
  twoEmptyMonths: EmptyMonthsUnit[];
  /** 约稿 targets still 待报 after their deadline, with a deadline up to the end of the period */
  overdue: OverdueTarget[];
  /** 未达标: units of a group with a base grant and a pass line whose quarter score is under it (quarters only) */
  belowStandard: BelowStandardUnit[];
  summary: CircularSummary;
}

const ref = (u: UnitScore): UnitRef => ({ unitId: u.unitId, unitName: u.unitName, group: u.group, groupName: u.groupName });

function lastRanked(g: GroupScores, howMany: number): UnitScore[] {
  if (howMany === 0 || new Set(g.units.map((u) => u.total)).size < 2) return [];
  const cutoffRank = g.units[Math.max(0, g.units.length - howMany)]!.rank;
  return g.units.filter((u) => u.rank >= cutoffRank);
}

export function circularFacts(
  ruleSets: readonly RuleSet[],
  facts: Facts,
  scores: PeriodScores,
): CircularFacts {
  const p = scores.period;
  const rules = ruleSetForQuarterOf(ruleSets, p.start);
  const idx = indexFacts(facts);
  const scored = scores.groups.flatMap((g) => g.units);
  const groupRule = new Map(rules.groups.map((g) => [g.key, g]));

  const praise = scores.groups.map((g) => ({
    group: g.key,
    groupName: g.name,
    units: g.units.filter((u) => u.rank === 1 && u.total > 0),
  }));
  const topThree = scores.groups.map((g) => ({
    group: g.key,
    groupName: g.name,
    units: g.units.filter((u) => u.rank <= 3 && u.total > 0),
  }));
  const criticiseLast = scores.groups.map((g) => ({
    group: g.key,
    groupName: g.name,
    units: lastRanked(g, groupRule.get(g.key)?.criticiseLast ?? 1),
  }));

  const criticisedKinds = new Map(rules.eventKinds.filter((k) => k.criticise).map((k) => [k.key, k]));
  const criticiseEvents: FlaggedUnit[] = [];
  const zeroAdoption: UnitRef[] = [];
  const emptyMonth: EmptyMonthsUnit[] = [];
  const twoEmptyMonths: EmptyMonthsUnit[] = [];
  const months = monthsOf(p);
  // a month before the ledger's first item holds no records at all: it is not an empty month (else a ledger begun in
  // January would find every unit empty in January "two months running", counting December)
  const recordedFrom = facts.firstItemDate?.slice(0, 7) ?? '';
  for (const u of scored) {
    const unit = idx.units.get(u.unitId)!;
    const events = inRange(idx.eventsByUnit.get(u.unitId), p.start, p.end).filter((e) => criticisedKinds.has(e.kind));
    if (events.length > 0)
      criticiseEvents.push({
        ...ref(u),
        events: events.map((e) => ({
          kind: e.kind,
          name: criticisedKinds.get(e.kind)!.name,
          date: e.date,
          quantity: e.quantity,
        })),
      });
    if (inRange(idx.adoptionsByUnit.get(u.unitId), p.start, p.end).length === 0) zeroAdoption.push(ref(u));
    // a month counts as empty only once it is over (as of the circular's date)
    const isEmpty = (m: Period): boolean =>
      m.code >= recordedFrom && m.end < scores.asOf && isActiveIn(unit, m.code) && countInRange(idx.itemsByUnit.get(u.unitId), m.start, m.end) === 0;
    const empties = months.filter(isEmpty);
    if (empties.length > 0) emptyMonth.push({ ...ref(u), months: empties.map((m) => m.code) });
    const pairs = new Set<string>();
    for (const m of months) {
      const prev = previousMonth(m);
      if (isEmpty(m) && isEmpty(prev)) {
        pairs.add(prev.code);
        pairs.add(m.code);
      }
    }
    if (pairs.size > 0) twoEmptyMonths.push({ ...ref(u), months: [...pairs].sort() });
  }

  const issuerName = new Map(rules.requestIssuers.map((i) => [i.key, i.name]));
  const overdue: OverdueTarget[] = facts.requestTargets
    .filter((t) => t.outcome === 'pending' && t.deadline < scores.asOf && t.deadline <= p.end && t.deadline >= p.start)
    .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.id - b.id)
    .map((t) => ({
      target: t,
      unitName: idx.units.get(t.unitId)?.name ?? `单位#${t.unitId}`,
      issuerName: issuerName.get(t.issuer) ?? t.issuer,
    }));

  const belowStandard: BelowStandardUnit[] = [];
  if (p.kind === 'quarter')
    for (const u of scored) {
      const grant = groupRule.get(u.group)?.baseGrant ?? null;
      if (grant && grant.passLine !== null && belowPassLine(grant, u.total))
        belowStandard.push({ ...ref(u), total: u.total, passLine: grant.passLine });
    }

  return {
    period: p,
    praise,
    topThree,
    criticiseLast,
    criticiseEvents,
    zeroAdoption,
    emptyMonth,
    twoEmptyMonths,
    overdue,
    belowStandard,
    summary: summarise(rules, facts, scores, idx),
  };
}

function summarise(rules: RuleSet, facts: Facts, scores: PeriodScores, idx: FactIndex): CircularSummary {
  const p = scores.period;
  const scored = scores.groups.flatMap((g) => g.units);
  const itemsByGroup: Record<string, number> = {};
  for (const u of scored) itemsByGroup[u.group] = (itemsByGroup[u.group] ?? 0) + u.counts.items;
  // a 合报 item's record is in every one of its units' counts, but the office counts it once: each record by its id
  const adoptions = new Map<number, string>();
  const instructions = new Map<number, string>();
  for (const u of scored) {
    for (const a of inRange(idx.adoptionsByUnit.get(u.unitId), p.start, p.end)) adoptions.set(a.id, a.publication);
    for (const r of inRange(idx.instructionsByUnit.get(u.unitId), p.start, p.end)) instructions.set(r.id, r.level);
  }
  const tally = (keys: Iterable<string>): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const k of keys) out[k] = (out[k] ?? 0) + 1;
    return out;
  };
  const adoptionsByPublication = tally(adoptions.values());
  const instructionsByLevel = tally(instructions.values());
  const adoptionsByLevel: Record<string, number> = {};
  for (const pub of rules.publications)
    adoptionsByLevel[pub.level] = (adoptionsByLevel[pub.level] ?? 0) + (adoptionsByPublication[pub.key] ?? 0);
  const targets = facts.requestTargets.filter((t) => t.deadline >= p.start && t.deadline <= p.end);
  const count = (o: RequestTargetFact['outcome']): number => targets.filter((t) => t.outcome === o).length;
  const sum = (r: Record<string, number>): number => Object.values(r).reduce((a, b) => a + b, 0);
  return {
    itemsByGroup,
    items: sum(itemsByGroup),
    adoptionsByPublication,
    adoptionsByLevel,
    adoptions: sum(adoptionsByPublication),
    instructionsByLevel,
    instructions: sum(instructionsByLevel),
    requests: new Set(targets.map((t) => t.requestId)).size,
    requestTargets: targets.length,
    targetsDone: count('done'),
    targetsExplained: count('explained'),
    targetsMissed: count('missed'),
    targetsPending: count('pending'),
    requestIssuers: rules.requestIssuers.filter((i) => targets.some((t) => t.issuer === i.key)).map((i) => i.name),
  };
}

/** 约稿 targets still 待报 after their deadline within the quarter: while there are any, it cannot be locked. */
export function overdueTargetsIn(facts: Facts, p: Period, asOf: string): RequestTargetFact[] {
  return facts.requestTargets.filter(
    (t) => t.outcome === 'pending' && t.deadline < asOf && t.deadline >= p.start && t.deadline <= p.end,
  );
}
