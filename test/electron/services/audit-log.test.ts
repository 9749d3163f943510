// 操作记录 in the office's words (issue 13 §9): a rule-set change reads as a list of what changed, never JSON.
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
