import { describe, expect, it } from 'vitest';
import { proposeAdvancedPersons, proposeAdvancedUnits, smsLines } from '../../../shared/outputs/circular-text';
import { monthPeriod, yearPeriod } from '../../../shared/periods';
import { LAIWU_2019 } from '../../../shared/rules/laiwu2019';
import { personScores, scorePeriod, type PeriodScores } from '../../../shared/scoring';
import { DEFAULT_SETTINGS, fill, settingsSchema } from '../../../shared/settings';
import { FactsBuilder } from '../../helpers/facts-builder';

function yearWith(sizes: Record<string, number>): PeriodScores {
  const b = new FactsBuilder();
  for (const [group, n] of Object.entries(sizes))
    for (let i = 0; i < n; i++) {
      const u = b.unit(`${group}${i}`, group);
      for (let m = 1; m <= 12; m++) b.items(u, `2019-${String(m).padStart(2, '0')}-05`, 20, 1, 2);
      // distinct scores: unit i has n − i adoptions, so higher i ranks lower
      for (let k = 0; k < n - i; k++) b.adopt(b.item(u, '2019-03-01'), 'district', 'single', '2019-03-02');
    }
  return scorePeriod([LAIWU_2019], b.facts, yearPeriod(2019), '2020-01-05');
}

describe('先进单位 proposals', () => {
  it('share the places among the groups by size (largest remainder): 16/23/18 units, 10 places → 3/4/3', () => {
    const s = yearWith({ town: 16, dept1: 23, dept2: 18 });
    expect(proposeAdvancedUnits(s, 10).map((g) => g.units.length)).toEqual([3, 4, 3]);
    expect(proposeAdvancedUnits(s, 10)[0]!.units.map((u) => u.rank)).toEqual([1, 2, 3]);
  });

  it('never propose more units than a group has, nor units at zero', () => {
    const s = yearWith({ town: 2, dept1: 2, dept2: 2 });
    expect(proposeAdvancedUnits(s, 10).map((g) => g.units.length)).toEqual([2, 2, 2]);
    expect(proposeAdvancedUnits(s, 0).map((g) => g.units.length)).toEqual([0, 0, 0]);
  });
});

describe('先进个人 proposals', () => {
  it('take the best persons, ties at the last place included', () => {
    const b = new FactsBuilder();
    const u = b.unit('凤城街道', 'town');
    const [p1, p2, p3] = [b.person('甲', u), b.person('乙', u), b.person('丙', u)];
    b.adopt(b.item(u, '2019-05-01', [], [p1]), 'city', 'single', '2019-05-03');
    b.adopt(b.item(u, '2019-05-01', [], [p2, p3]), 'district', 'single', '2019-05-03');
    const s = scorePeriod([LAIWU_2019], b.facts, yearPeriod(2019), '2020-01-05');
    const persons = personScores(b.facts, s);
    expect(proposeAdvancedPersons(persons, 2).map((p) => p.name)).toEqual(['甲', '乙', '丙']);
    expect(proposeAdvancedPersons(persons, 1).map((p) => p.name)).toEqual(['甲']);
    expect(proposeAdvancedPersons(persons, 0)).toEqual([]);
  });
});

describe('settings and templates', () => {
  it('fill placeholders and leave unknown ones visible', () => {
    expect(fill('{单位}：{得分}分{未知}', { 单位: '凤城街道', 得分: 111 })).toBe('凤城街道：111分{未知}');
  });

  it('defaults apply to missing nested settings', () => {
    const s = settingsSchema.parse({ templates: { sms: '{单位}{得分}' } });
    expect(s.templates.sms).toBe('{单位}{得分}');
    expect(s.templates.quarterTitle).toBe(DEFAULT_SETTINGS.templates.quarterTitle);
    expect(s.fonts.body).toBe('仿宋_GB2312');
  });

  it('the SMS line follows docs/计分表与通报稿.md §3', () => {
    const b = new FactsBuilder();
    const u = b.unit('凤城街道', 'town');
    b.items(u, '2019-04-03', 20, 1, 2);
    const s = scorePeriod([LAIWU_2019], b.facts, monthPeriod(2019, 4), '2019-05-05');
    expect(smsLines(DEFAULT_SETTINGS, s, [{ id: u, contact: '王五', phone: '13800000000' }])).toEqual([
      '13800000000\t王五\t【莱芜区政府办公室】凤城街道：2019年4月政务信息得分30分，在镇街中排名第1。',
    ]);
    // an open quarter's scores are provisional, and the text says so
    expect(smsLines(DEFAULT_SETTINGS, s, [], false)[0]).toBe('\t\t【莱芜区政府办公室】凤城街道：2019年4月政务信息得分30分，在镇街中排名第1。（2019年4月尚未锁定，得分为暂定）');
  });
});
