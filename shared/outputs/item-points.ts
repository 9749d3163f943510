// What an item's records are worth and which of them count (rule 8, 就高不就低), for the item's detail view. The
// values are the engine's own (shared/scoring/record-values.ts): the item's category, the publication's multiplier and
// the per-publication 批示 bonus all count; a 合报 item shows its whole value (the units' shares are in 得分明细).
import type { AdoptionFact, InstructionFact } from '../domain';
import type { RuleSet } from '../rules/schema';
import { adoptionValue, instructionValue } from '../scoring/record-values';
import { ruleSetForQuarterOf } from '../scoring/rulesets';

export interface RecordWorth<R> {
  record: R;
  points: number;
  /** the record that sets the item's value (highest mode), every record (sum mode), or the best of each level */
  counts: boolean;
}

/** `category`: the item's category key, if it has one. */
export function adoptionWorth(
  ruleSets: readonly RuleSet[],
  records: readonly AdoptionFact[],
  category?: string,
): RecordWorth<AdoptionFact>[] {
  const worth = records.map((r) => {
    const rules = ruleSetForQuarterOf(ruleSets, r.date);
    return { record: r, points: adoptionValue(rules, category, r), mode: rules.adoptionCombine };
  });
  return markCounting(worth);
}

/** `adoptions`: the item's adoption records (the bonus may depend on where it was adopted before the instruction). */
export function instructionWorth(
  ruleSets: readonly RuleSet[],
  records: readonly InstructionFact[],
  adoptions: readonly AdoptionFact[] = [],
): RecordWorth<InstructionFact>[] {
  const worth = records.map((r) => {
    const rules = ruleSetForQuarterOf(ruleSets, r.date);
    return { record: r, points: instructionValue(rules, r, adoptions).points, mode: rules.instructionCombine };
  });
  if (!worth.some((w) => w.mode === 'per_level')) return markCounting(worth.map((w) => ({ ...w, mode: w.mode === 'sum' ? 'sum' : 'highest' })));
  // 同级只计一次、不同级别累加: the best record of each level counts
  const byLevel = new Map<string, typeof worth>();
  for (const w of worth) byLevel.set(w.record.level, [...(byLevel.get(w.record.level) ?? []), w]);
  const counting = new Set([...byLevel.values()].flatMap((list) => markCounting(list.map((w) => ({ ...w, mode: 'highest' as const }))).filter((x) => x.counts).map((x) => x.record)));
  return worth.map((w) => ({ record: w.record, points: w.points, counts: counting.has(w.record) }));
}

function markCounting<R extends { date: string; id: number }>(list: { record: R; points: number; mode: 'highest' | 'sum' }[]): RecordWorth<R>[] {
  if (list.length === 0) return [];
  if (list.some((w) => w.mode === 'sum')) return list.map((w) => ({ record: w.record, points: w.points, counts: true }));
  const best = list.reduce((a, b) => (b.points > a.points || (b.points === a.points && b.record.date < a.record.date) ? b : a));
  return list.map((w) => ({ record: w.record, points: w.points, counts: w === best }));
}
