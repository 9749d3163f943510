// Rows of the detail tables (采用明细, 约稿情况), built from the engine's facts and lines — no scoring of their own:
// the points shown are the points the engine's lines gave each record.
import type { Facts } from '../domain';
import { ADOPTION_FORM_LABEL, JOINT_SPLIT_NAME, REQUEST_OUTCOME_LABEL, stars } from '../labels';
import { inPeriod } from '../periods';
import type { RuleSet } from '../rules/schema';
import { unitsOfItem } from '../scoring/facts-index';
import { addPoints } from '../scoring/points';
import { ruleSetForQuarterOf } from '../scoring/rulesets';
import type { PeriodScores } from '../scoring/types';

export interface AdoptionDetail {
  /** the unit the row's points went to: the item's unit, or for a 合报 item each of its units in turn */
  unitId: number;
  unitName: string;
  groupName: string;
  itemNo: string;
  title: string;
  /** the item's category (信息类别) name under the rule set, '' when it has none */
  category: string;
  publication: string;
  form: string;
  issueNo: string;
  date: string;
  /** the points this adoption gave this unit in the period: its 合报 share; 0 when 就高不就低 gave nothing more */
  points: number;
  /** 合报: who shared the item and how (牵头，与乙县合报，平分), '' for an item of one unit */
  joint: string;
  /** ★ of the item's highest instruction up to the period's end */
  stars: string;
}

export interface RequestDetail {
  requestNo: string;
  issuer: string;
  topic: string;
  deadline: string;
  unitName: string;
  outcome: string;
  overdue: boolean;
  points: number;
}

/** Points of the engine's lines per record, and per unit and record (a 合报 item's record has a line per unit). */
function linePoints(scores: PeriodScores, kind: 'adoption' | 'request'): Map<string, number> {
  const out = new Map<string, number>();
  const add = (key: string, points: number): void => void out.set(key, addPoints(out.get(key) ?? 0, points));
  for (const g of scores.groups)
    for (const u of g.units)
      for (const l of u.lines)
        if (l.ref?.kind === kind) {
          add(`${l.ref.id}`, l.points);
          add(`${u.unitId}:${l.ref.id}`, l.points);
        }
  return out;
}

/** 合报 column text for the unit at `position` among the item's units (0 = lead). */
function jointText(names: readonly string[], position: number, split: RuleSet['jointSplit']): string {
  if (names.length <= 1) return '';
  const how = JOINT_SPLIT_NAME[split];
  if (position === 0) return `牵头，与${names.slice(1).join('、')}合报，${how}`;
  const others = names.map((n, i) => (i === 0 ? `${n}（牵头）` : n)).filter((_, i) => i !== position);
  return `与${others.join('、')}合报，${how}`;
}

/**
 * 采用明细: one row per adoption dated in the period and unit that shares it — an item of one unit has one row, a
 * 合报 item one row per unit (lead first). The points are the engine's lines for that unit and record, so each
 * unit's rows add up to its 采用得分. `ruleSets`: the rule sets in force (names, categories and the 合报 split are
 * taken from the one of each adoption's quarter).
 */
export function adoptionDetails(ruleSets: readonly RuleSet[], facts: Facts, scores: PeriodScores): AdoptionDetail[] {
  const p = scores.period;
  const points = linePoints(scores, 'adoption');
  const items = new Map(facts.items.map((i) => [i.id, i]));
  const unitGroup = new Map(scores.groups.flatMap((g) => g.units.map((u) => [u.unitId, { name: u.unitName, group: g.name }] as const)));
  const unitNames = new Map(facts.units.map((u) => [u.id, u.name]));
  const rosterPlace = new Map(facts.units.map((u) => [u.id, u.sortOrder]));
  const nameOf = (id: number): string => unitGroup.get(id)?.name ?? unitNames.get(id) ?? '';
  const bestStars = new Map<number, number>();
  for (const r of facts.instructions) {
    if (r.date > p.end) continue;
    const level = ruleSetForQuarterOf(ruleSets, r.date).instructionLevels.find((l) => l.key === r.level);
    bestStars.set(r.itemId, Math.max(bestStars.get(r.itemId) ?? 0, level?.stars ?? 0));
  }
  const rows: (AdoptionDetail & { order: [number, number, number] })[] = [];
  for (const a of facts.adoptions) {
    if (!inPeriod(a.date, p)) continue;
    const rules = ruleSetForQuarterOf(ruleSets, a.date);
    const item = items.get(a.itemId);
    const units = item ? unitsOfItem(item) : [];
    const names = units.map(nameOf);
    const shared = {
      itemNo: item?.no ?? '',
      title: item?.title ?? '',
      category: item?.category === undefined ? '' : (rules.categories.find((c) => c.key === item.category)?.name ?? item.category),
      publication: rules.publications.find((x) => x.key === a.publication)?.name ?? a.publication,
      form: ADOPTION_FORM_LABEL[a.form],
      issueNo: a.issueNo,
      date: a.date,
      stars: stars(bestStars.get(a.itemId) ?? 0),
    };
    if (units.length === 0) {
      rows.push({ ...shared, unitId: 0, unitName: '', groupName: '不计分', points: points.get(`${a.id}`) ?? 0, joint: '', order: [Infinity, a.id, 0] });
      continue;
    }
    units.forEach((unitId, position) =>
      rows.push({
        ...shared,
        unitId,
        unitName: names[position]!,
        groupName: unitGroup.get(unitId)?.group ?? '不计分',
        points: points.get(`${unitId}:${a.id}`) ?? 0,
        joint: jointText(names, position, rules.jointSplit),
        order: [rosterPlace.get(units[0]!) ?? Infinity, a.id, position],
      }),
    );
  }
  // by the item's (lead) unit in the roster's order, then by date; a 合报 item's rows stay together, lead first
  rows.sort(
    (x, y) =>
      (x.order[0] === y.order[0] ? 0 : x.order[0] < y.order[0] ? -1 : 1) ||
      (x.date < y.date ? -1 : x.date > y.date ? 1 : 0) ||
      x.order[1] - y.order[1] ||
      x.order[2] - y.order[2],
  );
  return rows.map(({ order: _order, ...row }) => row);
}

export function requestDetails(rules: RuleSet, facts: Facts, scores: PeriodScores): RequestDetail[] {
  const p = scores.period;
  const points = linePoints(scores, 'request');
  const issuers = new Map(rules.requestIssuers.map((i) => [i.key, i.name]));
  const unitNames = new Map(facts.units.map((u) => [u.id, u.name]));
  return facts.requestTargets
    .filter((t) => inPeriod(t.deadline, p))
    .map((t) => ({
      requestNo: t.requestNo,
      issuer: issuers.get(t.issuer) ?? t.issuer,
      topic: t.topic,
      deadline: t.deadline,
      unitName: unitNames.get(t.unitId) ?? '',
      outcome: REQUEST_OUTCOME_LABEL[t.outcome],
      overdue: t.outcome === 'pending' && t.deadline < scores.asOf,
      points: points.get(`${t.id}`) ?? 0,
    }));
}
