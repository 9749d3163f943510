// The rule file asks only for what a regulation says: no 约稿方 when it has no 约稿, one number or only 单篇 where it
// scores one form, no 报送任务 line for a group without one; the shortfall and 扣完为止 lines cite the clauses the rule
// set names (the engine names none of its own).
import { describe, expect, it } from 'vitest';
import { parseRuleFile } from '../../../shared/rules/file';
import { LAIWU_2019 } from '../../../shared/rules/laiwu2019';
import { ruleSetSchema } from '../../../shared/rules/schema';
import { allUnitScores, scorePeriod } from '../../../shared/scoring';
import { quarterPeriod } from '../../../shared/periods';
import { FactsBuilder } from '../../helpers/facts-builder';

const MINIMAL = {
  文件类型: '政务信息计分规则',
  格式版本: 1,
  规则集: [
    {
      name: '只计单篇的区',
      effectiveFrom: '2024-01-01',
      groups: [
        { key: 'town', name: '镇街', quota: { window: 'month', min: 5, points: 10, shortfallPerItem: -1, clause: '一1' } },
        { key: 'dept', name: '部门' },
      ],
      publications: [
        { key: 'district', name: '区政务信息', level: 'district', points: { single: 10 } },
        { key: 'city', name: '市政务信息', level: 'city', points: 20 },
      ],
      adoptionCombine: 'highest',
      instructionLevels: [{ key: 'city', name: '市领导', stars: 2, points: { single: 30 } }],
      instructionCombine: 'highest',
    },
  ],
};

describe('a forgiving rule file', () => {
  it('reads a rule set without 约稿方, events, a quota for every group or every form', () => {
    const r = parseRuleFile(JSON.stringify(MINIMAL));
    expect(r.ok ? [] : r.errors).toEqual([]);
    if (!r.ok) return;
    const rules = r.value[0]!;
    expect(rules.requestIssuers).toEqual([]);
    expect(rules.eventKinds).toEqual([]);
    expect(rules.groups[1]!.quota).toBeNull();
    expect(rules.shortfallFloored).toBe(false);
    expect(rules.publications[0]!.points).toEqual({ single: 10, combined: 0, brief: 0 });
    expect(rules.publications[1]!.points).toEqual({ single: 20, combined: 20, brief: 20 });
    expect(rules.instructionLevels[0]!.points).toEqual({ single: 30, combined: 0 });
  });

  it('still names a wrong form value and an unknown field', () => {
    const bad = structuredClone(MINIMAL);
    (bad.规则集[0]!.publications[0]!.points as Record<string, unknown>).brief = -1;
    (bad.规则集[0] as Record<string, unknown>).requestIssuer = [];
    const r = parseRuleFile(JSON.stringify(bad));
    expect(r.ok ? [] : r.errors).toEqual([
      '刊物「区政务信息」的分值（简讯）：应为不小于 0 的数',
    ]);
    delete (bad.规则集[0]!.publications[0]!.points as Record<string, unknown>).brief;
    const r2 = parseRuleFile(JSON.stringify(bad));
    expect(r2.ok ? [] : r2.errors.join()).toContain('requestIssuer：不认识这个字段');
  });

  it('the shortfall and floor lines cite the rule set’s clauses, or none', () => {
    const b = new FactsBuilder();
    const u = b.unit('镇甲', 'town');
    b.items(u, '2024-01-10', 2);
    const rules = ruleSetSchema.parse(MINIMAL.规则集[0]);
    const cite = (r: typeof rules): string[] =>
      allUnitScores(scorePeriod([r], b.facts, quarterPeriod(2024, 1), '2030-01-01'))[0]!.lines
        .filter((l) => l.category === 'deduction' || l.category === 'floor')
        .map((l) => l.clause);
    expect(new Set(cite(rules))).toEqual(new Set(['']));
    const cited = { ...rules, shortfallClause: '五2', shortfallFloored: true, floorClause: '五3' };
    expect(new Set(cite(cited))).toEqual(new Set(['五2', '五3']));
    expect([LAIWU_2019.shortfallClause, LAIWU_2019.floorClause]).toEqual(['四1', '四1、四4']);
  });
});
