// 基本情况's highlights and comparisons and 存在问题's two-period findings, from a hand-built 2019Q1 and 2019Q2.
import { describe, expect, it } from 'vitest';
import { compare, rankChangeText, totalsOf } from '../../../shared/outputs/circular-compare';
import { quarterCircularText } from '../../../shared/outputs/circular-text';
import { quarterPeriod } from '../../../shared/periods';
import { LAIWU_2019 } from '../../../shared/rules/laiwu2019';
import { circularFacts, scorePeriod } from '../../../shared/scoring';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { FactsBuilder } from '../../helpers/facts-builder';

const months = (q: number): string[] => [1, 2, 3].map((m) => `2019-${String((q - 1) * 3 + m).padStart(2, '0')}-05`);

function ledger() {
  const b = new FactsBuilder();
  const [a, bb, c, d] = ['甲镇', '乙镇', '丙镇', '丁镇'].map((n) => b.unit(n, 'town'));
  const e = b.unit('区审计局', 'dept2');
  // Q1: 甲 best, 丁 last; 区审计局 under its quota of 10 a month
  for (const m of months(1)) {
    b.items(a!, m, 20, 1);
    b.items(bb!, m, 20);
    b.items(c!, m, 20);
    b.items(d!, m, 12);
    b.items(e, m, 5);
  }
  for (let k = 0; k < 3; k++) b.adopt(b.item(a!, '2019-02-01'), 'city', 'single', '2019-02-10');
  b.adopt(b.item(bb!, '2019-02-01'), 'city', 'single', '2019-02-11');
  // Q2: 丁 rises from 4th to 1st with an item adopted by 国办 and a 国办 instruction; 区审计局 under quota again
  for (const m of months(2)) {
    b.items(a!, m, 20);
    b.items(bb!, m, 20);
    b.items(c!, m, 20);
    b.items(d!, m, 20);
    b.items(e, m, 6);
  }
  const top = b.item(d!, '2019-04-08', [], [], '关于优化营商环境的做法');
  b.adopt(top, 'state', 'single', '2019-05-20');
  b.instruct(top, 'state', 'single', '2019-05-28');
  const score = (q: number) => scorePeriod([LAIWU_2019], b.facts, quarterPeriod(2019, q), '2019-07-10');
  return { facts: b.facts, q1: score(1), q2: score(2) };
}

describe('the circular against the quarter before', () => {
  const { facts, q1, q2 } = ledger();
  const c1 = circularFacts([LAIWU_2019], facts, q1);
  const c2 = circularFacts([LAIWU_2019], facts, q2);
  const cmp = compare([LAIWU_2019], facts, q2, q1, { previous: totalsOf(c1.summary), lastYear: null });

  it('finds the highlights: the 国办 adoption, the ★★★★ instruction and the unit that rose most', () => {
    expect(cmp.topAdoptions).toEqual([{ unitName: '丁镇', title: '关于优化营商环境的做法', where: '国务院办公厅采用', date: '2019-05-20' }]);
    expect(cmp.topInstructions.map((h) => [h.unitName, h.where])).toEqual([['丁镇', '国办']]);
    expect(cmp.risers).toEqual([{ unitName: '丁镇', groupName: '镇街', from: 4, to: 1 }]);
    const ding = q2.groups[0]!.units.find((u) => u.unitName === '丁镇')!;
    expect(rankChangeText(cmp.rankChange.get(ding.unitId))).toBe('↑3');
  });

  it('draws 存在问题 from both quarters: under quota twice, and the groups whose average fell', () => {
    expect(cmp.belowQuotaTwice).toEqual([{ unitName: '区审计局', items: 18, quota: 30 }]);
    const town = (s: typeof q1) => s.groups.find((g) => g.key === 'town')!.units.map((u) => u.total);
    const avg = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10;
    const fell = avg(town(q2)) < avg(town(q1));
    expect(cmp.fallenGroups.some((g) => g.groupName === '镇街')).toBe(fell);
  });

  it('says it in the circular’s own words, with the changes from the quarter before', () => {
    const text = quarterCircularText(DEFAULT_SETTINGS, q2, c2, '2019-07-10', cmp);
    const overall = text.sections.find((s) => s.key === 'overall')!.paragraphs.join('\n');
    expect(overall).toContain('全区信息被国家级、省级刊物采用1条次：丁镇报送的《关于优化营商环境的做法》被国务院办公厅采用。');
    expect(overall).toContain('获主要领导批示（★★★★）1条次：丁镇报送的《关于优化营商环境的做法》获国办批示。');
    const items = (n: number, m: number) => (n > m ? `增加${n - m}条` : n < m ? `减少${m - n}条` : '持平');
    expect(overall).toContain(`与上季度相比，全区报送信息${items(c2.summary.items, c1.summary.items)}，被采用减少3条次，获批示增加1条次。`);
    expect(overall).toContain('排名进步较大的单位：丁镇（镇街由第4名升至第1名，↑3）。');
    const problems = text.sections.find((s) => s.key === 'problems')!.paragraphs.join('\n');
    expect(problems).toContain('连续两期报送未完成任务数的单位：区审计局（本期报送18条，任务30条）。');
    expect(problems).toContain('信息采用为零的单位（零通报）：甲镇、乙镇、丙镇、区审计局。');
  });

  it('says nothing of a comparison when the quarter before has no records', () => {
    const none = compare([LAIWU_2019], facts, q1, null, { previous: null, lastYear: null });
    expect(none.risers).toEqual([]);
    expect([...none.rankChange.values()].every((v) => v === null)).toBe(true);
    const text = quarterCircularText(DEFAULT_SETTINGS, q1, c1, '2019-04-10', none);
    expect(text.sections[0]!.paragraphs.join('')).not.toContain('相比');
  });
});
