// A regulation that counts instructions once per level: “同一条信息的多次批示，同一级别只计一次，不同级别累加”.
// The case: one item instructed by a 省 leader and twice by 市 leaders, another item by a 区 leader, a third by a 市
// leader. 就高不就低 would give 50 + 3 + 10 = 63; adding every instruction 70 + 3 + 10 = 83; the regulation says
// 50 + 10 (the 市 level once) + 3 + 10 = 73.
import { describe, expect, it } from 'vitest';
import { instructionWorth } from '../../../shared/outputs/item-points';
import { parseRuleFile, serialiseRuleFile } from '../../../shared/rules/file';
import { ruleSetSchema, type RuleSet } from '../../../shared/rules/schema';
import { allUnitScores, scorePeriod } from '../../../shared/scoring';
import { oncePerLevelValue } from '../../../shared/scoring/clauses';
import { monthPeriod, quarterPeriod } from '../../../shared/periods';
import { FactsBuilder } from '../../helpers/facts-builder';

const rules = (instructionCombine: RuleSet['instructionCombine']): RuleSet =>
  ruleSetSchema.parse({
    name: '湖州示例',
    effectiveFrom: '2024-01-01',
    groups: [{ key: 'dept', name: '部门', quota: null }],
    shortfallFloored: false,
    publications: [{ key: 'daily', name: '每日要情', level: 'city', points: 5 }],
    adoptionCombine: 'highest',
    instructionLevels: [
      { key: 'province', name: '省', stars: 3, points: { single: 50, combined: 20 } },
      { key: 'city', name: '市', stars: 2, points: { single: 10, combined: 5 } },
      { key: 'district', name: '区', stars: 1, points: { single: 3, combined: 1 } },
    ],
    instructionCombine,
    eventKinds: [],
  });

function ledger(): FactsBuilder {
  const b = new FactsBuilder();
  const u = b.unit('区发改局', 'dept');
  const a = b.item(u, '2024-04-02');
  b.instruct(a, 'province', 'single', '2024-04-10');
  b.instruct(a, 'city', 'single', '2024-05-06');
  b.instruct(a, 'city', 'single', '2024-06-07');
  b.instruct(b.item(u, '2024-04-03'), 'district', 'single', '2024-04-20');
  b.instruct(b.item(u, '2024-04-04'), 'city', 'single', '2024-05-20');
  return b;
}

const LATE = '2030-01-01';
const instruction = (r: RuleSet, p = quarterPeriod(2024, 2)): number =>
  allUnitScores(scorePeriod([r], ledger().facts, p, LATE))[0]!.instruction;

describe('同一级别只计一次，不同级别累加', () => {
  it('the clause: the best of each level, added up across levels', () => {
    const item = [
      { level: 'province', points: 50 },
      { level: 'city', points: 10 },
      { level: 'city', points: 10 },
    ];
    expect(oncePerLevelValue(item)).toBe(60);
    expect(oncePerLevelValue([])).toBe(0);
    expect(oncePerLevelValue([{ level: 'city', points: 5 }, { level: 'city', points: 10 }, { level: 'district', points: 0.3 }])).toBe(10.3);
  });

  it('the quarter scores 73, where 就高不就低 gives 63 and adding every instruction 83', () => {
    expect(instruction(rules('highest'))).toBe(63);
    expect(instruction(rules('sum'))).toBe(83);
    expect(instruction(rules('per_level'))).toBe(73);
  });

  it('each month gains what the new level adds; a second 市 instruction adds nothing and says why', () => {
    const r = rules('per_level');
    expect([4, 5, 6].map((m) => instruction(r, monthPeriod(2024, m)))).toEqual([53, 20, 0]);
    const june = allUnitScores(scorePeriod([r], ledger().facts, monthPeriod(2024, 6), LATE))[0]!;
    const line = june.lines.find((l) => l.category === 'instruction')!;
    expect(line.points).toBe(0);
    expect(line.detail).toContain('此前已计10分，同级只计一次，不重复计分');
  });

  it('the item’s detail marks the best instruction of each level as counting', () => {
    const b = ledger();
    const item = b.facts.items[0]!;
    const records = b.facts.instructions.filter((i) => i.itemId === item.id);
    const worth = instructionWorth([rules('per_level')], records);
    expect(worth.map((w) => [w.record.level, w.points, w.counts])).toEqual([
      ['province', 50, true],
      ['city', 10, true],
      ['city', 10, false],
    ]);
  });

  it('a rule file says per_level, and reads back the same', () => {
    const text = serialiseRuleFile([rules('per_level')]);
    expect(text).toContain('"instructionCombine": "per_level"');
    const back = parseRuleFile(text);
    expect(back.ok && back.value[0]!.instructionCombine).toBe('per_level');
    const bad = parseRuleFile(text.replace('"per_level"', '"each_level"'));
    expect(bad.ok ? '' : bad.errors.join()).toContain('per_level（同级只计一次、不同级别累加）');
  });
});
