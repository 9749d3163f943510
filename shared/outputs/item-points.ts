// What an item's records are worth and which of them count (rule 8, 就高不就低), for the item's detail view.
import type { AdoptionFact, InstructionFact } from '../domain';
import type { RuleSet } from '../rules/schema';
import { adoptionPoints, publicationInstructionPoints } from '../scoring/clauses';
import { ruleSetForQuarterOf } from '../scoring/rulesets';

export interface RecordWorth<R> {
  record: R;
  points: number;
  /** the record that sets the item's value (highest mode), or every record (sum mode) */
  counts: boolean;
}

/** Each adoption's points under the rule set of its quarter: by publication, form and the item's category. */
export function adoptionWorth(ruleSets: readonly RuleSet[], records: readonly AdoptionFact[], category: string | null = null): RecordWorth<AdoptionFact>[] {
  const worth = records.map((r) => {
    const rules = ruleSetForQuarterOf(ruleSets, r.date);
    const pub = rules.publications.find((p) => p.key === r.publication);
    return { record: r, points: adoptionPoints(pub, r.form, rules.categories.find((c) => c.key === category)), mode: rules.adoptionCombine };
  });
  return markCounting(worth);
}

/** Each 批示's points under the rule set of its quarter — the bonus the item's adopting publications give for the
 *  level where they name one (日报 +10, 专报 +20; adoptions up to the 批示's date, as the engine), else the level's own
 *  points. */
export function instructionWorth(
  ruleSets: readonly RuleSet[],
  records: readonly InstructionFact[],
  adoptions: readonly AdoptionFact[] = [],
): RecordWorth<InstructionFact>[] {
  const worth = records.map((r) => {
    const rules = ruleSetForQuarterOf(ruleSets, r.date);
    const adoptedIn = rules.publications.filter((p) => adoptions.some((a) => a.publication === p.key && a.date <= r.date));
    const level = rules.instructionLevels.find((l) => l.key === r.level);
    return { record: r, points: publicationInstructionPoints(level, r.form, adoptedIn).points, mode: rules.instructionCombine };
  });
  return markCounting(worth);
}

function markCounting<R extends { date: string; id: number }>(list: { record: R; points: number; mode: 'highest' | 'sum' }[]): RecordWorth<R>[] {
  if (list.length === 0) return [];
  if (list.some((w) => w.mode === 'sum')) return list.map((w) => ({ record: w.record, points: w.points, counts: true }));
  const best = list.reduce((a, b) => (b.points > a.points || (b.points === a.points && b.record.date < a.record.date) ? b : a));
  return list.map((w) => ({ record: w.record, points: w.points, counts: w === best }));
}
