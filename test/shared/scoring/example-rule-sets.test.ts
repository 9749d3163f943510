// The shipped example rule files (assets/rules/), read as a clerk would import them, scored end to end through the
// engine. Every expected value is computed by hand from the rules in the file; the arithmetic is in the comments.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRuleFile } from '../../../shared/rules/file';
import { LAIWU_2019 } from '../../../shared/rules/laiwu2019';
import type { RuleSet } from '../../../shared/rules/schema';
import { allUnitScores, circularFacts, personScores, scorePeriod, type UnitScore } from '../../../shared/scoring';
import { monthPeriod, quarterPeriod, yearPeriod, type Period } from '../../../shared/periods';
import { FactsBuilder } from '../../helpers/facts-builder';

const LATE = '2030-01-01';

function ruleFile(name: string): RuleSet {
  const r = parseRuleFile(readFileSync(join(__dirname, '../../../assets/rules', name), 'utf8'));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.value[0]!;
}

const CITY = ruleFile('example-city-2024.json');
const DISTRICT = ruleFile('example-district-2023.json');

function byName(rules: RuleSet, b: FactsBuilder, p: Period): Map<string, UnitScore> {
  return new Map(allUnitScores(scorePeriod([rules], b.facts, p, LATE)).map((u) => [u.unitName, u]));
}

/**
 * 示例市2024, quarter 2024Q1. 县区: month quota 10 items (10 points, −0.5 per missing item, floored), ≥ 8 要情动态
 * a month +5, ≥ 1 长篇调研 a quarter +10 once. 市直部门: base grant 6 a quarter, pass line 6. Adoptions add up (sum);
 * 合报 split evenly; instructions: highest; 约稿 done +5, missed −5 (not floored).
 */
function cityLedger(): { b: FactsBuilder; ids: Record<string, number> } {
  const b = new FactsBuilder();
  const jia = b.unit('甲县', 'county');
  const yi = b.unit('乙县', 'county');
  const cai = b.unit('市财政局', 'bureau');
  const jiao = b.unit('市教育局', 'bureau');
  // 甲县 January: 8 要情动态, the 长篇 item L, 3 plain = 12 items
  for (let i = 0; i < 8; i++) b.itemWith(jia, '2024-01-03', { category: 'short' });
  const L = b.itemWith(jia, '2024-01-05', { category: 'long', title: '长篇L' });
  b.items(jia, '2024-01-06', 3);
  // 乙县 January: 9 要情动态, one of them J submitted jointly with 甲县 (乙县 leads)
  for (let i = 0; i < 8; i++) b.itemWith(yi, '2024-01-04', { category: 'short' });
  const J = b.itemWith(yi, '2024-01-10', { category: 'short', jointUnitIds: [jia], title: '合报J' });
  // February: 甲县 10 plain; 乙县 8 要情动态 + 2 plain
  b.items(jia, '2024-02-05', 10);
  for (let i = 0; i < 8; i++) b.itemWith(yi, '2024-02-05', { category: 'short' });
  b.items(yi, '2024-02-06', 2);
  // March: 甲县 8 要情动态 + the picture item P + 1 plain = 10; 乙县 nothing
  for (let i = 0; i < 8; i++) b.itemWith(jia, '2024-03-02', { category: 'short' });
  const P = b.itemWith(jia, '2024-03-03', { category: 'picture', title: '图片P' });
  b.items(jia, '2024-03-04', 1);
  const S = b.item(cai, '2024-02-01', [], [], '财政S');

  b.adopt(L, 'special', 'single', '2024-01-20'); // 长篇 in 信息专报: 20
  b.adopt(L, 'province', 'single', '2024-02-10'); // 省办 10 × 2 = 20
  b.instruct(L, 'city', 'single', '2024-02-15'); // adopted in 信息专报 → its 市领导 bonus 20
  b.adopt(J, 'daily', 'single', '2024-01-12'); // 3, 合报 2 units: 1.5 each
  b.instruct(J, 'city', 'single', '2024-03-01'); // adopted in 每日要情 → 10, 5 each
  b.adopt(P, 'daily', 'combined', '2024-03-05'); // 1.5 × 0.5 = 0.75 → 0.8
  b.adopt(P, 'state', 'brief', '2024-03-20'); // 10 × 5 × 0.5 = 25
  b.adopt(S, 'special', 'brief', '2024-02-03'); // 5
  b.instruct(S, 'province', 'combined', '2024-02-20'); // 信息专报 names no 省领导 bonus → the level's 15
  b.request('city_office', '2024-03-15', [
    { unitId: jia, outcome: 'done' },
    { unitId: yi, outcome: 'missed' },
    { unitId: cai, outcome: 'done' },
  ]);
  b.event(cai, '2024-03-12', 'innovation'); // +3
  b.event(jiao, '2024-02-10', 'major_late', 2); // −4, floored
  b.event(jiao, '2024-03-10', 'major_late', 2); // −4, floored
  return { b, ids: { jia, yi, cai, jiao, L, J, P, S } };
}

describe('示例市2024 end to end', () => {
  it('months of 甲县: January 36.5, February 50, March 60.8', () => {
    const { b } = cityLedger();
    // Jan: quota 10 + 要情动态 5 + L in 信息专报 20 + J share 1.5 = 36.5 (长篇 points come once, in March)
    expect(byName(CITY, b, monthPeriod(2024, 1)).get('甲县')!.total).toBe(36.5);
    // Feb: quota 10 + 要情动态 0 (none) + L 省办 20 (sum: adds) + 批示 on L 20 = 50
    expect(byName(CITY, b, monthPeriod(2024, 2)).get('甲县')!.total).toBe(50);
    // Mar: quota 10 + 要情动态 5 + 长篇 10 + 批示 on J 5 (half of 10) + P 0.8 + 25 + 约稿 done 5 = 60.8
    const mar = byName(CITY, b, monthPeriod(2024, 3)).get('甲县')!;
    expect(mar.total).toBe(60.8);
    expect(mar.adoption).toBe(25.8);
  });

  it('quarter: 甲县 147.3, 乙县 16, 市财政局 34, 市教育局 0 (floored)', () => {
    const { b } = cityLedger();
    const q = byName(CITY, b, quarterPeriod(2024, 1));
    // 36.5 + 50 + 60.8 = 147.3
    expect(q.get('甲县')!.total).toBe(147.3);
    // 乙县: positive Jan (5 + J 1.5) + Feb (10 + 5) + Mar (批示 J 5) = 26.5; floored: Jan 1 missing × 0.5 + Mar
    // 10 missing × 0.5 = 5.5; unfloored: 约稿 missed 5 → 26.5 − 5.5 − 5 = 16
    expect(q.get('乙县')!.total).toBe(16);
    expect(q.get('乙县')!.deduction).toBe(10.5);
    // 市财政局: base 6 + S 5 + 省领导 批示 15 + 约稿 done 5 + 工作创新 3 = 34
    expect(q.get('市财政局')!.total).toBe(34);
    // 市教育局: base 6 − 4 − 4 → floored at 0
    expect(q.get('市教育局')!.total).toBe(0);
    expect(q.get('市教育局')!.lines.find((l) => l.category === 'floor')!.points).toBe(2);
  });

  it('each 合报 unit sees its share, and who leads', () => {
    const { b } = cityLedger();
    const q = byName(CITY, b, monthPeriod(2024, 1));
    const lead = q.get('乙县')!.lines.find((l) => l.rule === '信息采用')!;
    const partner = q.get('甲县')!.lines.find((l) => l.rule === '信息采用' && l.detail.includes('合报J'))!;
    expect([lead.points, partner.points]).toEqual([1.5, 1.5]);
    expect(lead.detail).toContain('合报2个单位，均分，本单位（牵头单位）按3分计1.5分');
    expect(partner.detail).toContain('参与单位');
  });

  it('explains the category, multiplier and per-publication 批示 bonus', () => {
    const { b } = cityLedger();
    const jia = byName(CITY, b, quarterPeriod(2024, 1)).get('甲县')!;
    const details = jia.lines.map((l) => l.detail).join('\n');
    expect(details).toContain('长篇调研类20分');
    expect(details).toContain('按上级计分10分的2倍');
    expect(details).toContain('图片信息按0.5倍折算');
    expect(details).toContain('《信息专报》采用的信息按该刊批示加分20分');
  });

  it('the circular names the bureau under its pass line (未达标) and ranks by decimals', () => {
    const { b } = cityLedger();
    const scores = scorePeriod([CITY], b.facts, quarterPeriod(2024, 1), LATE);
    const c = circularFacts([CITY], b.facts, scores);
    expect(c.belowStandard.map((u) => [u.unitName, u.total, u.passLine])).toEqual([['市教育局', 0, 6]]);
    expect(scores.groups.map((g) => g.units.map((u) => [u.unitName, u.rank]))).toEqual([
      [
        ['甲县', 1],
        ['乙县', 2],
      ],
      [
        ['市财政局', 1],
        ['市教育局', 2],
      ],
    ]);
    expect(c.criticiseEvents.map((u) => u.unitName)).toEqual(['市教育局']);
  });

  it('year 2024: the bureaus get the base grant every quarter; the counties floor empty quarters at 0', () => {
    const { b } = cityLedger();
    const y = byName(CITY, b, yearPeriod(2024));
    // 县区 Q2–Q4: each month 10 missing × 0.5 = −5, no points → floored to 0 each quarter
    expect(y.get('甲县')!.total).toBe(147.3);
    expect(y.get('乙县')!.total).toBe(16);
    // 市财政局 34 + 6 × 3 = 52; 市教育局 0 + 6 × 3 = 18
    expect(y.get('市财政局')!.total).toBe(52);
    expect(y.get('市教育局')!.total).toBe(18);
  });
});

/**
 * 示例区2023, quarter 2023Q3. 区直部门: 4 items a month (5 points, −0.5 per missing item), ≥ 1 建议类 in the quarter
 * +2.5 each month. Adoptions: highest; instructions add up (sum), bonus by the adopting publication (日报 5, 政策建议
 * 10); 报市采用 4 × 1.5; 合报 each unit the full points; 约稿 done +5.
 */
function districtLedger(): FactsBuilder {
  const b = new FactsBuilder();
  const cai = b.unit('区财政局', 'dept');
  const min = b.unit('区民政局', 'dept');
  const Pr = b.itemWith(cai, '2023-07-03', { category: 'proposal', title: '建议Pr' });
  const Pic = b.itemWith(cai, '2023-07-04', { category: 'picture', title: '图片Pic' });
  b.items(cai, '2023-07-05', 2);
  b.items(cai, '2023-08-05', 3);
  b.items(cai, '2023-09-05', 4);
  b.items(min, '2023-07-05', 4);
  b.items(min, '2023-08-05', 4);
  b.items(min, '2023-09-05', 3);
  const Jt = b.itemWith(min, '2023-09-06', { jointUnitIds: [cai], title: '合报Jt' });
  b.adopt(Pr, 'daily', 'single', '2023-07-10'); // 3
  b.adopt(Pr, 'policy', 'single', '2023-08-05'); // 10: highest, gain 7
  b.instruct(Pr, 'district', 'single', '2023-07-12'); // adopted in 日报 only by then → 5
  b.instruct(Pr, 'district', 'single', '2023-08-20'); // 日报 and 政策建议 → 10; sum
  b.adopt(Pic, 'to_city', 'single', '2023-09-02'); // 4 × 1.5 × 0.5 = 3
  b.adopt(Jt, 'daily', 'brief', '2023-09-09'); // 1 to each unit (full)
  b.request('district_office', '2023-09-30', [
    { unitId: cai, outcome: 'done' },
    { unitId: min, outcome: 'explained' },
  ]);
  return b;
}

describe('示例区2023 end to end', () => {
  it('months of 区财政局: July 15.5, August 19, September 16.5', () => {
    const b = districtLedger();
    // Jul: quota 5 + 建议类 2.5 + 日报 3 + 批示 5 = 15.5
    expect(byName(DISTRICT, b, monthPeriod(2023, 7)).get('区财政局')!.total).toBe(15.5);
    // Aug: quota 0 − 0.5 (3 of 4) + 2.5 + 政策建议 gain 10 − 3 = 7 + 批示 10 = 19
    expect(byName(DISTRICT, b, monthPeriod(2023, 8)).get('区财政局')!.total).toBe(19);
    // Sep: quota 5 + 2.5 + Pic 3 + Jt 1 + 约稿 done 5 = 16.5
    expect(byName(DISTRICT, b, monthPeriod(2023, 9)).get('区财政局')!.total).toBe(16.5);
  });

  it('quarter: 区财政局 51, 区民政局 16; the 合报 item gives each the full point', () => {
    const b = districtLedger();
    const q = byName(DISTRICT, b, quarterPeriod(2023, 3));
    // 15.5 + 19 + 16.5 = 51 (the −0.5 is well above the floor)
    expect(q.get('区财政局')!.total).toBe(51);
    // 区民政局: quota 5 × 3 = 15 (September: 3 + Jt = 4 items) + Jt 1 = 16; 约稿 已说明 0
    expect(q.get('区民政局')!.total).toBe(16);
    expect(q.get('区民政局')!.adoption).toBe(1);
    expect(q.get('区财政局')!.lines.some((l) => l.detail.includes('合报2个单位，各得全分'))).toBe(true);
  });

  it('year 2023: the first rule set also scores the quarters before it; empty quarters floor at 0', () => {
    const b = districtLedger();
    const y = byName(DISTRICT, b, yearPeriod(2023));
    // Q1, Q2, Q4: each month 4 missing × 0.5 = −2, nothing positive → 0; so the year is Q3
    expect(y.get('区财政局')!.total).toBe(51);
    expect(y.get('区民政局')!.total).toBe(16);
  });
});

describe('莱芜区2019 with a 合报 item: the lead unit only (the default)', () => {
  it('the partner sees the adoption at 0 points, explained', () => {
    const b = new FactsBuilder();
    const lead = b.unit('凤城街道', 'town');
    const partner = b.unit('张家洼街道', 'town');
    const item = b.itemWith(lead, '2019-04-03', { jointUnitIds: [partner] });
    b.adopt(item, 'district', 'single', '2019-04-10');
    const m = byName(LAIWU_2019, b, monthPeriod(2019, 4));
    expect(m.get('凤城街道')!.adoption).toBe(10);
    expect(m.get('张家洼街道')!.adoption).toBe(0);
    expect(m.get('张家洼街道')!.lines.find((l) => l.rule === '信息采用')!.detail).toContain('仅计牵头单位');
  });
});

describe('counts by category', () => {
  it('甲县 in 2024Q1: 16 要情动态, 1 长篇调研, 1 图片信息 (January 8 + March 8 要情动态)', () => {
    const { b } = cityLedger();
    expect(byName(CITY, b, quarterPeriod(2024, 1)).get('甲县')!.counts.byCategory).toEqual({ short: 16, long: 1, picture: 1 });
  });
});

describe('先进个人 with a 合报 item', () => {
  it("each author takes their own unit's share; an author of neither unit the lead unit's", () => {
    const b = new FactsBuilder();
    const lead = b.unit('乙县', 'county');
    const partner = b.unit('甲县', 'county');
    const other = b.unit('丙县', 'county');
    const [p1, p2, p3] = [b.person('张', lead), b.person('李', partner), b.person('王', other)];
    const J = b.itemWith(lead, '2024-01-10', { jointUnitIds: [partner], authorIds: [p1, p2, p3] });
    b.adopt(J, 'special', 'single', '2024-01-12'); // 10, split evenly: 5 and 5
    const scores = scorePeriod([CITY], b.facts, yearPeriod(2024), LATE);
    const persons = personScores(b.facts, scores);
    // 张 (乙县) 5, 李 (甲县) 5, 王 (丙县, not a 合报 unit) the lead's 5 — nobody counts the item twice;
    // equal scores in unit order (乙县, 甲县, 丙县 as entered)
    expect(persons.map((p) => [p.name, p.total])).toEqual([
      ['张', 5],
      ['李', 5],
      ['王', 5],
    ]);
  });
});
