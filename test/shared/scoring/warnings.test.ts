// What the engine warns about when records or units do not fit the rule set of the period: said once, in the office's
// words (a group's name, not its key), with what to do.
import { describe, expect, it } from 'vitest';
import { LAIWU_2019 } from '../../../shared/rules/laiwu2019';
import { scorePeriod } from '../../../shared/scoring';
import { quarterPeriod } from '../../../shared/periods';
import { FactsBuilder } from '../../helpers/facts-builder';

describe('engine warnings', () => {
  it('a group the period’s rule set lacks: one warning naming the group and its units, none per unit', () => {
    // from 2020 a rule set with only 镇街: the two units of 第一数量级 are not scored in 2020
    const townsOnly = structuredClone(LAIWU_2019);
    townsOnly.name = '只有镇街的规则';
    townsOnly.effectiveFrom = '2020-01-01';
    townsOnly.groups = townsOnly.groups.filter((g) => g.key === 'town');
    const b = new FactsBuilder();
    b.unit('凤城街道', 'town');
    b.unit('区发展和改革委员会', 'dept1');
    b.unit('区财政局', 'dept1');
    const s = scorePeriod([LAIWU_2019, townsOnly], b.facts, quarterPeriod(2020, 1), '2020-04-10');
    expect(s.groups.flatMap((g) => g.units).map((u) => u.unitName)).toEqual(['凤城街道']);
    expect(s.warnings).toEqual([
      '规则集“只有镇街的规则”没有“第一数量级”这个分组，其中2个单位未计分（区发展和改革委员会、区财政局）。请在“单位名单”中把这些单位改到本规则的分组，或在“规则设置”中添加这个分组。',
    ]);
  });
});
