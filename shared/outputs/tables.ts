// Rows of the detail tables (采用明细, 约稿情况), built from the engine's facts and lines — no scoring of their own:
// the points shown are the points the engine's lines gave each record.
import type { Facts } from '../domain';
import { ADOPTION_FORM_LABEL, REQUEST_OUTCOME_LABEL, stars } from '../labels';
import { inPeriod } from '../periods';
import type { RuleSet } from '../rules/schema';
import type { PeriodScores } from '../scoring/types';

export interface AdoptionDetail {
  unitName: string;
  groupName: string;
  itemNo: string;
  title: string;
  publication: string;
  form: string;
  issueNo: string;
  date: string;
  /** the points this adoption added in the period (0: 就高不就低, not counted again) */
  points: number;
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

function linePoints(scores: PeriodScores, kind: 'adoption' | 'request'): Map<number, number> {
  const out = new Map<number, number>();
  for (const g of scores.groups)
    for (const u of g.units)
      for (const l of u.lines) if (l.ref?.kind === kind) out.set(l.ref.id, (out.get(l.ref.id) ?? 0) + l.points);
  return out;
}

export function adoptionDetails(rules: RuleSet, facts: Facts, scores: PeriodScores): AdoptionDetail[] {
  const p = scores.period;
  const points = linePoints(scores, 'adoption');
  const items = new Map(facts.items.map((i) => [i.id, i]));
  const unitGroup = new Map(scores.groups.flatMap((g) => g.units.map((u) => [u.unitId, { name: u.unitName, group: g.name }] as const)));
  const pubs = new Map(rules.publications.map((x) => [x.key, x.name]));
  const levelStars = new Map(rules.instructionLevels.map((l) => [l.key, l.stars]));
  const bestStars = new Map<number, number>();
  for (const r of facts.instructions)
    if (r.date <= p.end) bestStars.set(r.itemId, Math.max(bestStars.get(r.itemId) ?? 0, levelStars.get(r.level) ?? 0));
  const unitNames = new Map(facts.units.map((u) => [u.id, u.name]));
  return facts.adoptions
    .filter((a) => inPeriod(a.date, p))
    .map((a) => {
      const item = items.get(a.itemId);
      const unit = item ? unitGroup.get(item.unitId) : undefined;
      return {
        unitName: unit?.name ?? (item ? (unitNames.get(item.unitId) ?? '') : ''),
        groupName: unit?.group ?? '不计分',
        itemNo: item?.no ?? '',
        title: item?.title ?? '',
        publication: pubs.get(a.publication) ?? a.publication,
        form: ADOPTION_FORM_LABEL[a.form],
        issueNo: a.issueNo,
        date: a.date,
        points: points.get(a.id) ?? 0,
        stars: stars(bestStars.get(a.itemId) ?? 0),
      };
    })
    .sort((x, y) => x.date.localeCompare(y.date) || x.unitName.localeCompare(y.unitName, 'zh-CN'));
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
      points: points.get(t.id) ?? 0,
    }));
}
