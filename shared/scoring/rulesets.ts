// Which rule set scores which period (docs/计分规则说明.md §11: a period is scored with the rule set in force on its first day).
// [decision] Rule sets change at quarter boundaries: months are scored with their quarter's rule set, so that the
// three month sheets always add up to the quarter. The first rule set also covers dates before its effective date
// (莱芜区2019 takes effect on 2019-04-05 and scores all of 2019Q2).
import type { RuleSet } from '../rules/schema';
import { quarterOf } from '../periods';

export function ruleSetInForce(ruleSets: readonly RuleSet[], date: string): RuleSet {
  if (ruleSets.length === 0) throw new Error('没有可用的计分规则，请先在“规则设置”中建立规则集');
  const sorted = [...ruleSets].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  let chosen = sorted[0]!;
  for (const r of sorted) if (r.effectiveFrom <= date) chosen = r;
  return chosen;
}

/** The rule set for the quarter that contains `date`. */
export function ruleSetForQuarterOf(ruleSets: readonly RuleSet[], date: string): RuleSet {
  return ruleSetInForce(ruleSets, quarterOf(date).start);
}
