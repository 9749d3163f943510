// docs/规则文件.md: a second district's rules, entered as data — sum mode, four groups, other quotas and windows.
import { describe, expect, it } from 'vitest';
import { LAIWU_2019 } from '../../../shared/rules/laiwu2019';
import { parseRuleSet, ruleSetSchema, type RuleSet } from '../../../shared/rules/schema';
import { allUnitScores, scorePeriod } from '../../../shared/scoring';
import { monthPeriod, quarterPeriod, yearPeriod } from '../../../shared/periods';
import { FactsBuilder } from '../../helpers/facts-builder';

const OTHER: RuleSet = ruleSetSchema.parse({
  name: '某区2021',
  effectiveFrom: '2021-01-01',
  groups: [
    {
      key: 'town',
      name: '镇街',
      quota: { window: 'week', min: 3, points: 5, shortfallPerItem: -1 },
      requirements: [],
    },
    {
      key: 'big',
      name: '重点部门',
      quota: { window: 'quarter', min: 30, points: 60, shortfallPerItem: -3 },
      requirements: [
        { name: '调研', window: 'year', conditions: [{ kind: 'research', min: 2 }], points: 20, award: 'once' },
      ],
    },
    { key: 'small', name: '一般部门', quota: { window: 'month', min: 5, points: 10, shortfallPerItem: 0 }, requirements: [] },
    { key: 'soe', name: '国有企业', quota: null, requirements: [] },
  ],
  shortfallFloored: false,
  publications: [
    { key: 'weixin', name: '微信公众号', level: 'district', points: { single: 2, combined: 1, brief: 1 } },
    { key: 'yaoqing', name: '要情', level: 'city', points: { single: 15, combined: 8, brief: 8 } },
  ],
  adoptionCombine: 'sum',
  instructionLevels: [{ key: 'city', name: '市', stars: 2, points: { single: 40, combined: 10 } }],
  instructionCombine: 'sum',
  eventKinds: [{ key: 'award', name: '获奖', points: 15, scope: 'period' }],
  requestIssuers: [{ key: 'district_office', name: '区政府办公室', missPoints: -5, floored: true }],
});

const LATE = '2030-01-01';

describe('a second rule set (某区2021)', () => {
  it('parses and rejects bad rule sets with Chinese messages', () => {
    const bad = parseRuleSet({ ...OTHER, groups: [...OTHER.groups, OTHER.groups[0]] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.join()).toContain('分组的键重复');
    const negative = parseRuleSet({ ...OTHER, requestIssuers: [{ ...OTHER.requestIssuers[0], missPoints: 5 }] });
    expect(negative.ok).toBe(false);
  });

  it('sum mode adds every adoption and instruction', () => {
    const b = new FactsBuilder();
    const u = b.unit('国企甲', 'soe');
    const item = b.item(u, '2021-04-02');
    b.adopt(item, 'weixin', 'single', '2021-04-03');
    b.adopt(item, 'yaoqing', 'single', '2021-04-05');
    b.adopt(item, 'yaoqing', 'brief', '2021-05-05');
    b.instruct(item, 'city', 'single', '2021-05-06');
    b.instruct(item, 'city', 'combined', '2021-05-07');
    const s = allUnitScores(scorePeriod([OTHER], b.facts, quarterPeriod(2021, 2), LATE))[0]!;
    expect(s.adoption).toBe(2 + 15 + 8);
    expect(s.instruction).toBe(50);
    expect(s.base).toBe(0); // no quota for this group
  });

  it('ranks four groups separately', () => {
    const b = new FactsBuilder();
    b.unit('镇甲', 'town');
    b.unit('部门甲', 'big');
    b.unit('部门乙', 'small');
    b.unit('国企甲', 'soe');
    const s = scorePeriod([OTHER], b.facts, quarterPeriod(2021, 2), LATE);
    expect(s.groups.map((g) => [g.name, g.units.length])).toEqual([
      ['镇街', 1],
      ['重点部门', 1],
      ['一般部门', 1],
      ['国有企业', 1],
    ]);
  });

  it('a weekly quota is judged per ISO week, each week in the month of its Thursday', () => {
    const b = new FactsBuilder();
    const u = b.unit('镇甲', 'town');
    // March 2021: weeks with Thursdays 4, 11, 18, 25 → 4 weeks; the week of Thu 1 April belongs to April
    b.items(u, '2021-03-02', 3); // week 1 met
    b.items(u, '2021-03-09', 2); // week 2: 1 short
    b.items(u, '2021-03-29', 3); // Monday of the week of Thu 1 April
    const march = allUnitScores(scorePeriod([OTHER], b.facts, monthPeriod(2021, 3), LATE))[0]!;
    expect(march.base).toBe(5);
    expect(march.deduction).toBe(1 + 3 + 3);
    const april = allUnitScores(scorePeriod([OTHER], b.facts, monthPeriod(2021, 4), LATE))[0]!;
    expect(april.lines.filter((l) => l.rule === '报送任务')[0]!.points).toBe(5);
  });

  it('a quarterly quota and a yearly once-only requirement land in the window’s last month', () => {
    const b = new FactsBuilder();
    const u = b.unit('部门甲', 'big');
    b.items(u, '2021-04-10', 12, 1);
    b.items(u, '2021-06-10', 12);
    const q2 = allUnitScores(scorePeriod([OTHER], b.facts, quarterPeriod(2021, 2), LATE))[0]!;
    expect(q2.base).toBe(0);
    expect(q2.deduction).toBe(6 * 3);
    expect(q2.total).toBe(-18); // this rule set does not floor the shortfall
    b.items(u, '2021-11-10', 30, 1);
    const year = allUnitScores(scorePeriod([OTHER], b.facts, yearPeriod(2021), LATE))[0]!;
    const research = year.lines.filter((l) => l.rule === '调研');
    expect(research.map((l) => [l.month, l.points])).toEqual([['2021-12', 20]]);
    const june = allUnitScores(scorePeriod([OTHER], b.facts, monthPeriod(2021, 6), LATE))[0]!;
    expect(june.deduction).toBe(18);
  });

  it('a quarterly quota is scaled down for a unit active only part of the quarter', () => {
    const b = new FactsBuilder();
    const u = b.unit('部门甲', 'big', { activeFrom: '2021-06' });
    b.items(u, '2021-06-10', 10);
    const q = allUnitScores(scorePeriod([OTHER], b.facts, quarterPeriod(2021, 2), LATE))[0]!;
    expect(q.base).toBe(60);
  });

  it('floored request misses follow the rule set', () => {
    const b = new FactsBuilder();
    const u = b.unit('国企甲', 'soe');
    b.request('district_office', '2021-05-10', [{ unitId: u, outcome: 'missed' }]);
    const s = allUnitScores(scorePeriod([OTHER], b.facts, quarterPeriod(2021, 2), LATE))[0]!;
    expect(s.total).toBe(0);
    expect(s.deduction).toBe(5);
  });
});

describe('rule sets are versioned by effective date', () => {
  it('adding next year’s rules never changes a past quarter', () => {
    const b = new FactsBuilder();
    const u = b.unit('区财政局', 'dept1');
    b.items(u, '2019-04-03', 20, 1);
    const item = b.item(u, '2019-04-04');
    b.adopt(item, 'district', 'single', '2019-04-10');
    const before = allUnitScores(scorePeriod([LAIWU_2019], b.facts, quarterPeriod(2019, 2), LATE))[0]!.total;
    const NEXT: RuleSet = {
      ...LAIWU_2019,
      name: '莱芜区2021',
      effectiveFrom: '2021-01-01',
      publications: LAIWU_2019.publications.map((p) =>
        p.key === 'district' ? { ...p, points: { single: 12, combined: 6, brief: 6 } } : p,
      ),
    };
    const after = scorePeriod([LAIWU_2019, NEXT], b.facts, quarterPeriod(2019, 2), LATE);
    expect(allUnitScores(after)[0]!.total).toBe(before);
    expect(after.ruleSetNames).toEqual(['莱芜区2019']);
    const item2 = b.item(u, '2021-04-04');
    b.adopt(item2, 'district', 'single', '2021-04-10');
    const s21 = scorePeriod([LAIWU_2019, NEXT], b.facts, quarterPeriod(2021, 2), LATE);
    expect(s21.ruleSetNames).toEqual(['莱芜区2021']);
    expect(allUnitScores(s21)[0]!.adoption).toBe(12);
  });

  it('the first rule set also scores the days before its effective date (2019-04-05 covers 2019Q2)', () => {
    const b = new FactsBuilder();
    const u = b.unit('区财政局', 'dept1');
    b.items(u, '2019-04-01', 20);
    expect(allUnitScores(scorePeriod([LAIWU_2019], b.facts, monthPeriod(2019, 4), LATE))[0]!.base).toBe(20);
  });
});
