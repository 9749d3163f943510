// What an item's records are worth and which of them count (rule 8, 就高不就低), for the item's detail view.
import type { AdoptionFact, InstructionFact } from '../domain';
import type { RuleSet } from '../rules/schema';
import { adoptionPoints, instructionPoints } from '../scoring/clauses';
import { ruleSetForQuarterOf } from '../scoring/rulesets';

export interface RecordWorth<R> {
  record: R;
  points: number;
  /** the record that sets the item's value (highest mode), or every record (sum mode) */
  counts: boolean;
}

export function adoptionWorth(ruleSets: readonly RuleSet[], records: readonly AdoptionFact[]): RecordWorth<AdoptionFact>[] {
  const worth = records.map((r) => {
    const rules = ruleSetForQuarterOf(ruleSets, r.date);
    return { record: r, points: adoptionPoints(rules.publications.find((p) => p.key === r.publication), r.form), mode: rules.adoptionCombine };
  });
  return markCounting(worth);
}

export function instructionWorth(ruleSets: readonly RuleSet[], records: readonly InstructionFact[]): RecordWorth<InstructionFact>[] {
  const worth = records.map((r) => {
    const rules = ruleSetForQuarterOf(ruleSets, r.date);
    return { record: r, points: instructionPoints(rules.instructionLevels.find((l) => l.key === r.level), r.form), mode: rules.instructionCombine };
  });
  return markCounting(worth);
}

function markCounting<R extends { date: string; id: number }>(list: { record: R; points: number; mode: 'highest' | 'sum' }[]): RecordWorth<R>[] {
  if (list.length === 0) return [];
  if (list.some((w) => w.mode === 'sum')) return list.map((w) => ({ record: w.record, points: w.points, counts: true }));
  const best = list.reduce((a, b) => (b.points > a.points || (b.points === a.points && b.record.date < a.record.date) ? b : a));
  return list.map((w) => ({ record: w.record, points: w.points, counts: w === best }));
}
