// What one adoption or instruction record of an item is worth under a rule set, before any 合报 split: the one
// computation the engine scores with and the item's detail view shows, so the two cannot disagree.
import type { AdoptionFact, InstructionFact } from '../domain';
import type { PublicationRule, RuleSet } from '../rules/schema';
import { adoptionPoints, publicationInstructionPoints } from './clauses';

/** 二: an adoption's points by its publication (multiplier included), form and the item's category (factor included). */
export function adoptionValue(rules: RuleSet, category: string | undefined, r: Pick<AdoptionFact, 'publication' | 'form'>): number {
  const pub = rules.publications.find((p) => p.key === r.publication);
  const cat = category === undefined ? undefined : rules.categories.find((c) => c.key === category);
  return adoptionPoints(pub, r.form, cat);
}

/**
 * 三: an instruction's points — the highest bonus of the publications that adopted the item up to the instruction's
 * date (日报 +10, 专报 +20), or the level's own points when none of them names the level.
 */
export function instructionValue(
  rules: RuleSet,
  r: Pick<InstructionFact, 'level' | 'form' | 'date'>,
  adoptionsOfItem: readonly Pick<AdoptionFact, 'publication' | 'date'>[],
): { points: number; publication: PublicationRule | null } {
  const adoptedIn = adoptionsOfItem
    .filter((a) => a.date <= r.date)
    .flatMap((a) => rules.publications.find((p) => p.key === a.publication) ?? []);
  return publicationInstructionPoints(
    rules.instructionLevels.find((l) => l.key === r.level),
    r.form,
    adoptedIn,
  );
}
