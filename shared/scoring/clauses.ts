// One small pure function per clause of the 计分通报办法 (clause numbers of 莱芜区2019 in brackets).
import type { AdoptionForm, InstructionForm, ItemKind, RequestOutcome } from '../domain';
import type {
  EventKindRule,
  InstructionLevelRule,
  PublicationRule,
  QuotaRule,
  RequestIssuerRule,
  RequirementRule,
} from '../rules/schema';

/** 一（一）1 / 一（二）: the quota points of a window — all of them when the count reaches the quota, else none. */
export function quotaPoints(quota: QuotaRule, count: number, min: number): number {
  return count >= min ? quota.points : 0;
}

/** 四1: each item missing from the quota costs `shortfallPerItem` (only the quota count, not 调研/专报). */
export function shortfallPenalty(quota: QuotaRule, count: number, min: number): number {
  return count >= min ? 0 : (min - count) * quota.shortfallPerItem;
}

/** A quota over a window longer than a month, for a unit active only part of it, is scaled down (rounded up). */
export function scaledQuotaMin(quota: QuotaRule, activeMonths: number, monthsInWindow: number): number {
  if (quota.window === 'week' || quota.window === 'month' || activeMonths >= monthsInWindow) return quota.min;
  return Math.ceil((quota.min * activeMonths) / monthsInWindow);
}

/** 一（一）2 / 一（二）: research points when every condition (≥ n 调研, ≥ n 专报) is met in the window. */
export function researchPoints(req: RequirementRule, kindCounts: Record<ItemKind, number>): number {
  return req.conditions.every((c) => kindCounts[c.kind] >= c.min) ? req.points : 0;
}

/** 二: the points of one adoption by its publication and form. */
export function adoptionPoints(pub: PublicationRule | undefined, form: AdoptionForm): number {
  return pub ? pub.points[form] : 0;
}

/** 三1–4: the points of one instruction by its level and form. */
export function instructionPoints(level: InstructionLevelRule | undefined, form: InstructionForm): number {
  return level ? level.points[form] : 0;
}

/** 三8 (就高不就低): several records of one item count once at their highest — or, where a rule set says so, add up. */
export function combinedValue(values: readonly number[], mode: 'highest' | 'sum'): number {
  if (values.length === 0) return 0;
  return mode === 'highest' ? Math.max(...values) : values.reduce((a, b) => a + b, 0);
}

/** 三5–7, 四4: an event's points are its kind's points times its quantity, within the kind's yearly cap. */
export function eventPoints(kind: EventKindRule, quantity: number, alreadyCountedThisYear: number): number {
  const room = kind.capPerYear === null ? quantity : Math.max(0, kind.capPerYear - alreadyCountedThisYear);
  return Math.min(quantity, room) * kind.points;
}

/** 四2–3: a request target not done on time and not explained (未完成) costs the issuer's points. */
export function requestMissPenalty(issuer: RequestIssuerRule | undefined, outcome: RequestOutcome): number {
  return outcome === 'missed' && issuer ? issuer.missPoints : 0;
}

/**
 * 四1, 四4 (季度得分扣完为止): floored deductions take the score down to zero at most; unfloored ones (request
 * misses) are taken after the floor (scoring.md §4). Returns the total and the points the floor gave back.
 */
export function applyFloor(
  positive: number,
  flooredDeductions: number,
  unflooredDeductions: number,
): { total: number; floorAdjust: number } {
  const floorAdjust = Math.max(0, flooredDeductions - positive);
  return { total: positive - flooredDeductions + floorAdjust - unflooredDeductions, floorAdjust };
}

/** 五: equal scores share a rank and the next rank skips (1, 1, 3). Input sorted by score, highest first. */
export function competitionRanks(sortedScores: readonly number[]): number[] {
  const ranks: number[] = [];
  sortedScores.forEach((s, i) => {
    ranks.push(i > 0 && s === sortedScores[i - 1] ? ranks[i - 1]! : i + 1);
  });
  return ranks;
}
