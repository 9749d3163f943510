// One small pure function per clause of the 计分通报办法 (clause numbers of 莱芜区2019 in brackets).
import type { AdoptionForm, InstructionForm, RequestOutcome } from '../domain';
import type {
  BaseGrantRule,
  CategoryRule,
  EventKindRule,
  InstructionLevelRule,
  PublicationRule,
  QuotaRule,
  RequestIssuerRule,
  RequirementRule,
  JointSplit,
} from '../rules/schema';
import { fromTenths, sumPoints, timesPoints, toTenths } from './points';

/** 一（一）1 / 一（二）: the quota points of a window — all of them when the count reaches the quota, else none. */
export function quotaPoints(quota: QuotaRule, count: number, min: number): number {
  return count >= min ? quota.points : 0;
}

/** 四1: each item missing from the quota costs `shortfallPerItem` (only the quota count, not 调研/专报). */
export function shortfallPenalty(quota: QuotaRule, count: number, min: number): number {
  return count >= min ? 0 : timesPoints(quota.shortfallPerItem, min - count);
}

/** A quota over a window longer than a month, for a unit active only part of it, is scaled down (rounded up). */
export function scaledQuotaMin(quota: QuotaRule, activeMonths: number, monthsInWindow: number): number {
  if (quota.window === 'week' || quota.window === 'month' || activeMonths >= monthsInWindow) return quota.min;
  return Math.ceil((quota.min * activeMonths) / monthsInWindow);
}

/**
 * 一（一）2 / 一（二）: research points when every condition (≥ n 调研, ≥ n 专报) is met in the window; a condition on a
 * category (≥ 8 要情 a month) is a category quota judged the same way.
 */
export function researchPoints(req: RequirementRule, tagCounts: Readonly<Record<string, number>>): number {
  return req.conditions.every((c) => (tagCounts[c.kind] ?? 0) >= c.min) ? req.points : 0;
}

/** 二: a publication's table points for a form — its points for the item's category where it has them. */
export function categoryAdoptionPoints(pub: PublicationRule, form: AdoptionForm, category: string | undefined): number {
  const byCategory = category === undefined ? undefined : pub.categoryPoints[category];
  return byCategory ? byCategory[form] : pub.points[form];
}

/** A forwarded item earns the upper office's points times the publication's multiplier (×1 for a plain publication). */
export function forwardedPoints(pub: PublicationRule, upperPoints: number): number {
  return timesPoints(upperPoints, pub.multiplier);
}

/** A category worth a fraction (图片信息 half a point): the adoption points times the category's factor. */
export function categoryFactorPoints(category: CategoryRule | undefined, points: number): number {
  return category ? timesPoints(points, category.factor) : points;
}

/** 二: the points of one adoption by its publication, form and the item's category. */
export function adoptionPoints(
  pub: PublicationRule | undefined,
  form: AdoptionForm,
  category?: CategoryRule,
): number {
  if (!pub) return 0;
  return categoryFactorPoints(category, forwardedPoints(pub, categoryAdoptionPoints(pub, form, category?.key)));
}

/** 三1–4: the points of one instruction by its level and form. */
export function instructionPoints(level: InstructionLevelRule | undefined, form: InstructionForm): number {
  return level ? level.points[form] : 0;
}

/**
 * An instruction bonus that depends on where the item was adopted (日报 +10, 专报 +20): the highest bonus the
 * adopting publications give for the level; the level's own points when none of them names it.
 */
export function publicationInstructionPoints(
  level: InstructionLevelRule | undefined,
  form: InstructionForm,
  adoptedIn: readonly PublicationRule[],
): { points: number; publication: PublicationRule | null } {
  let best: { points: number; publication: PublicationRule | null } | null = null;
  if (level)
    for (const pub of adoptedIn) {
      const p = pub.instructionPoints[level.key];
      if (p && (best === null || p[form] > best.points)) best = { points: p[form], publication: pub };
    }
  return best ?? { points: instructionPoints(level, form), publication: null };
}

/** 三8 (就高不就低): several records of one item count once at their highest — or, where a rule set says so, add up. */
export function combinedValue(values: readonly number[], mode: 'highest' | 'sum'): number {
  if (values.length === 0) return 0;
  return mode === 'highest' ? Math.max(...values) : sumPoints(values);
}

/**
 * 同一条信息的多次批示，同一级别只计一次，不同级别累加: the best instruction of each level counts, and the levels add up.
 */
export function oncePerLevelValue(records: readonly { level: string; points: number }[]): number {
  const best = new Map<string, number>();
  for (const r of records) best.set(r.level, Math.max(best.get(r.level) ?? 0, r.points));
  return sumPoints([...best.values()]);
}

/**
 * 合报: a unit's share of an item's points. `position` is the unit's place in the item's unit list (0 = the lead
 * unit). even: whole tenths each, the odd tenths one each to the units listed first — so the shares add up to the
 * points exactly and a larger value never gives a smaller share; full: everyone the points; lead: the lead only.
 */
export function jointShare(points: number, mode: JointSplit, position: number, unitCount: number): number {
  if (unitCount <= 1 || mode === 'full') return points;
  if (mode === 'lead') return position === 0 ? points : 0;
  const t = toTenths(points);
  const base = Math.floor(t / unitCount);
  const rest = t - base * unitCount;
  return fromTenths(base + (position < rest ? 1 : 0));
}

/** 三5–7, 四4: an event's points are its kind's points times its quantity, within the kind's yearly cap. */
export function eventPoints(kind: EventKindRule, quantity: number, alreadyCountedThisYear: number): number {
  const room = kind.capPerYear === null ? quantity : Math.max(0, kind.capPerYear - alreadyCountedThisYear);
  return timesPoints(kind.points, Math.min(quantity, room));
}

/** 四2–3: a request target not done on time and not explained (未完成) costs the issuer's points. */
export function requestMissPenalty(issuer: RequestIssuerRule | undefined, outcome: RequestOutcome): number {
  return outcome === 'missed' && issuer ? issuer.missPoints : 0;
}

/** 约稿 delivered (已完成) earns the issuer's completion points, where the rules give any. */
export function requestDonePoints(issuer: RequestIssuerRule | undefined, outcome: RequestOutcome): number {
  return outcome === 'done' && issuer ? issuer.donePoints : 0;
}

/** 基础分: the grant every unit of the group starts the window with. */
export function baseGrantPoints(grant: BaseGrantRule | null): number {
  return grant ? grant.points : 0;
}

/** 未达标: a score under the group's pass line (none when the group has no pass line). */
export function belowPassLine(grant: BaseGrantRule | null, total: number): boolean {
  return grant !== null && grant.passLine !== null && toTenths(total) < toTenths(grant.passLine);
}

/**
 * 四1, 四4 (季度得分扣完为止): floored deductions take the score down to zero at most; unfloored ones (request
 * misses) are taken after the floor (docs/计分规则说明.md §6). Returns the total and the points the floor gave back.
 */
export function applyFloor(
  positive: number,
  flooredDeductions: number,
  unflooredDeductions: number,
): { total: number; floorAdjust: number } {
  const [pos, floored, unfloored] = [toTenths(positive), toTenths(flooredDeductions), toTenths(unflooredDeductions)];
  const adjust = Math.max(0, floored - pos);
  return { total: fromTenths(pos - floored + adjust - unfloored), floorAdjust: fromTenths(adjust) };
}

/** 五: equal scores share a rank and the next rank skips (1, 1, 3). Input sorted by score, highest first. */
export function competitionRanks(sortedScores: readonly number[]): number[] {
  const ranks: number[] = [];
  sortedScores.forEach((s, i) => {
    ranks.push(i > 0 && s === sortedScores[i - 1] ? ranks[i - 1]! : i + 1);
  });
  return ranks;
}
