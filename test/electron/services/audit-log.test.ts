// 操作记录 in the office's words: a rule-set change reads as a list of what changed, never JSON.
import { describe, expect, it } from 'vitest';
import { ruleSetDifferences } from '../../../electron/services/audit-log';
import { publicationTitle } from '../../../shared/labels';
import { LAIWU_2019 } from '../../../shared/rules/laiwu2019';

describe('ruleSetDifferences', () => {
  it('names a changed point value by publication and form', () => {
    const after = structuredClone(LAIWU_2019);
    after.publications[0]!.points.single = 12;
    expect(ruleSetDifferences(LAIWU_2019, after)).toEqual([{ field: '刊物 · 莱芜政务信息 · 分值 · 单篇', before: '10', after: '12' }]);
  });

  it('lists an added publication and a changed setting in words', () => {
    const after = structuredClone(LAIWU_2019);
    after.publications.push({ key: 'jn_canyue', name: '济南参阅', aliases: [], level: 'city', points: { single: 15, combined: 5, brief: 5 }, categoryPoints: {}, multiplier: 1, instructionPoints: {}, clause: '' });
    after.adoptionCombine = 'sum';
    const diff = ruleSetDifferences(LAIWU_2019, after);
    expect(diff).toContainEqual({ field: '刊物 · 济南参阅', before: '（新增）', after: '济南参阅' });
    expect(diff).toContainEqual({ field: '多次采用', before: '就高不就低', after: '累加' });
    expect(JSON.stringify(diff)).not.toMatch(/jn_canyue|highest|"sum"|city/);
  });

  it('names a changed clause, an added alias and a changed or added requirement', () => {
    const after = structuredClone(LAIWU_2019);
    after.publications[0]!.clause = '二（一）';
    after.publications[0]!.aliases.push('莱芜信息');
    after.groups[0]!.requirements[0]!.points = 12;
    after.groups[1]!.requirements[0]!.award = 'once';
    const diff = ruleSetDifferences(LAIWU_2019, after);
    expect(diff).toEqual([
      { field: '分组 · 镇街 · 调研专报要求 · 调研、专报 · 分值', before: '10', after: '12' },
      { field: '分组 · 第一数量级 · 调研专报要求 · 调研 · 计分方式', before: '每月各得一次', after: '周期内得一次' },
      { field: '刊物 · 莱芜政务信息 · 别名', before: '《莱芜政务信息》', after: '《莱芜政务信息》、莱芜信息' },
      { field: '刊物 · 莱芜政务信息 · 条款', before: '二（一）1', after: '二（一）' },
    ]);
    const added = structuredClone(LAIWU_2019);
    added.groups[0]!.requirements.push({ name: '季度调研', window: 'quarter', conditions: [{ kind: 'research', min: 1 }], points: 3, award: 'once', clause: '' });
    expect(ruleSetDifferences(LAIWU_2019, added)).toEqual([{ field: '分组 · 镇街 · 调研专报要求', before: '调研、专报', after: '调研、专报、季度调研' }]);
  });

  it('names the rule set’s own categories and 批示 levels, never their keys', () => {
    const before = structuredClone(LAIWU_2019);
    before.categories.push({ key: 'yq', name: '要情', aliases: [], factor: 1, clause: '' });
    const after = structuredClone(before);
    after.groups[0]!.requirements[0]!.conditions.push({ kind: 'yq', min: 8 });
    after.publications[0]!.categoryPoints['yq'] = { single: 5, combined: 2, brief: 1 };
    after.publications[0]!.instructionPoints['city'] = { single: 8, combined: 4 };
    const diff = ruleSetDifferences(before, after);
    expect(diff).toContainEqual({ field: '刊物 · 莱芜政务信息 · 按类别分值 · 要情', before: '无', after: '单篇5，综合2，简讯1' });
    expect(diff).toContainEqual({ field: '刊物 · 莱芜政务信息 · 按刊物批示分值 · 市', before: '无', after: '单篇8，综合4' });
    expect(diff).toContainEqual({ field: '分组 · 镇街 · 调研专报要求 · 调研、专报 · 条件', before: '调研≥1篇、专报≥2篇', after: '调研≥1篇、专报≥2篇、要情≥8篇' });
    expect(JSON.stringify(diff)).not.toMatch(/\byq\b|"city"|· city/);
  });

  it('is empty when nothing changed', () => {
    expect(ruleSetDifferences(LAIWU_2019, structuredClone(LAIWU_2019))).toEqual([]);
  });
});

describe('publicationTitle', () => {
  it('puts 《》 around publications only', () => {
    expect(publicationTitle('莱芜政务信息')).toBe('《莱芜政务信息》');
    expect(publicationTitle('报送市政府办公厅')).toBe('报送市政府办公厅');
    expect(publicationTitle('国务院办公厅采用')).toBe('国务院办公厅采用');
  });
});
