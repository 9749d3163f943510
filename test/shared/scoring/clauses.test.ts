// One test per clause of 莱芜区2019 as docs/计分规则说明.md explains it.
import { describe, expect, it } from 'vitest';
import { LAIWU_2019 } from '../../../shared/rules/laiwu2019';
import { allUnitScores, competitionRanks, scorePeriod, type UnitScore } from '../../../shared/scoring';
import { monthPeriod, quarterPeriod, yearPeriod, type Period } from '../../../shared/periods';
import { FactsBuilder } from '../../helpers/facts-builder';

const LATE = '2030-01-01';

function score(b: FactsBuilder, p: Period, asOf = LATE): UnitScore[] {
  return allUnitScores(scorePeriod([LAIWU_2019], b.facts, p, asOf));
}
function one(b: FactsBuilder, p: Period, asOf = LATE): UnitScore {
  return score(b, p, asOf)[0]!;
}
const linesOf = (u: UnitScore, rule: string) => u.lines.filter((l) => l.rule === rule);

describe('一（一）1 报送任务 and 四1 shortfall', () => {
  it('a town month with 20 items earns 20 quota points', () => {
    const b = new FactsBuilder();
    const u = b.unit('凤城街道', 'town');
    b.items(u, '2019-04-03', 20);
    const s = one(b, monthPeriod(2019, 4));
    expect(linesOf(s, '报送任务')[0]!.points).toBe(20);
    expect(s.deduction).toBe(0);
  });

  it('a month below quota earns 0 and −2 per missing item', () => {
    const b = new FactsBuilder();
    const u = b.unit('凤城街道', 'town');
    b.items(u, '2019-04-03', 13, 1, 2); // research met, quota not
    const s = one(b, monthPeriod(2019, 4));
    expect(linesOf(s, '报送任务')[0]!.points).toBe(0);
    expect(linesOf(s, '未完成报送任务')[0]!.points).toBe(-14);
    expect(s.base).toBe(10);
    expect(s.total).toBe(10 - 14);
  });

  it('the −2 applies to the quota count only, not to 调研/专报 counts', () => {
    const b = new FactsBuilder();
    const u = b.unit('凤城街道', 'town');
    b.items(u, '2019-04-03', 20, 0, 0); // no 调研, no 专报
    const s = one(b, monthPeriod(2019, 4));
    expect(s.deduction).toBe(0);
    expect(s.total).toBe(20);
  });

  it('a month with nothing submitted costs 20 × 2 = 40 for towns and dept1, 10 × 2 = 20 for dept2', () => {
    const b = new FactsBuilder();
    b.unit('凤城街道', 'town');
    b.unit('区财政局', 'dept1');
    b.unit('区审计局', 'dept2');
    const s = score(b, monthPeriod(2019, 4));
    expect(s.map((x) => x.total)).toEqual([-40, -40, -20]);
  });
});

describe('一（一）2 town research: ≥1 调研 and ≥2 专报 in the month', () => {
  it('needs both conditions', () => {
    const b = new FactsBuilder();
    const u1 = b.unit('凤城街道', 'town');
    const u2 = b.unit('张家洼街道', 'town');
    b.items(u1, '2019-04-03', 20, 1, 2);
    b.items(u2, '2019-04-03', 20, 1, 1);
    const [s1, s2] = score(b, monthPeriod(2019, 4));
    expect(s1!.base).toBe(30);
    expect(s2!.base).toBe(20);
  });

  it('an item may be both 调研 and 专报', () => {
    const b = new FactsBuilder();
    const u = b.unit('凤城街道', 'town');
    b.items(u, '2019-04-03', 18);
    b.item(u, '2019-04-04', ['research', 'special']);
    b.item(u, '2019-04-05', ['special']);
    expect(one(b, monthPeriod(2019, 4)).base).toBe(30);
  });
});

describe('一（二） departments', () => {
  it('dept1 earns research points in each month with ≥1 调研', () => {
    const b = new FactsBuilder();
    const u = b.unit('区财政局', 'dept1');
    b.items(u, '2019-04-03', 20, 1);
    b.items(u, '2019-05-03', 20, 0);
    b.items(u, '2019-06-03', 20, 1);
    expect(one(b, quarterPeriod(2019, 2)).base).toBe(30 + 20 + 30);
  });

  it('dept2 needs 10 items a month and one 调研 in the quarter; then every month earns 10', () => {
    const b = new FactsBuilder();
    const u = b.unit('区审计局', 'dept2');
    b.items(u, '2019-04-03', 10);
    b.items(u, '2019-05-03', 10);
    b.items(u, '2019-06-03', 10, 1);
    expect(one(b, quarterPeriod(2019, 2)).base).toBe(90);
    // the April sheet already shows the quarter's research points
    expect(one(b, monthPeriod(2019, 4)).base).toBe(30);
  });

  it('dept2 research points of a quarter not over yet are provisional', () => {
    const b = new FactsBuilder();
    const u = b.unit('区审计局', 'dept2');
    b.items(u, '2019-04-03', 10, 1);
    const s = one(b, monthPeriod(2019, 4), '2019-05-10');
    const research = linesOf(s, '调研（季度）')[0]!;
    expect(research.points).toBe(10);
    expect(research.provisional).toBe(true);
    expect(s.provisional).toBe(true);
    const after = one(b, monthPeriod(2019, 4), '2019-07-01');
    expect(after.provisional).toBe(false);
  });
});

describe('active months', () => {
  it('a month outside a unit’s active months is not scored at all', () => {
    const b = new FactsBuilder();
    const u = b.unit('区审计局', 'dept2', { activeFrom: '2019-05', activeUntil: '2019-06' });
    b.items(u, '2019-05-03', 10, 1);
    const q = one(b, quarterPeriod(2019, 2));
    expect(q.lines.every((l) => l.month === '2019-05')).toBe(true);
    expect(q.total).toBe(30);
    expect(score(b, monthPeriod(2019, 4))).toHaveLength(0);
  });

  it('units of the group 不计分 are never scored', () => {
    const b = new FactsBuilder();
    b.unit('区政府办公室', 'none');
    expect(score(b, quarterPeriod(2019, 2))).toHaveLength(0);
  });
});

describe('二 adoption points and 三8 就高不就低', () => {
  it('prices each publication and form as §2.2 (综合 in 济南政务信息 as 简讯)', () => {
    const cases: [string, 'single' | 'combined' | 'brief', number][] = [
      ['district', 'single', 10],
      ['district', 'combined', 5],
      ['district', 'brief', 5],
      ['to_city', 'single', 5],
      ['city', 'single', 20],
      ['city', 'combined', 10],
      ['city', 'brief', 10],
      ['city_special', 'single', 30],
      ['to_state', 'combined', 20],
      ['state', 'single', 40],
    ];
    for (const [pub, form, pts] of cases) {
      const b = new FactsBuilder();
      const u = b.unit('区财政局', 'dept1');
      const item = b.item(u, '2019-04-02');
      b.adopt(item, pub, form, '2019-04-10');
      expect(one(b, monthPeriod(2019, 4)).adoption, `${pub} ${form}`).toBe(pts);
    }
  });

  it('an item adopted by several publications scores only its highest', () => {
    const b = new FactsBuilder();
    const u = b.unit('区财政局', 'dept1');
    const item = b.item(u, '2019-04-02');
    b.adopt(item, 'district', 'single', '2019-04-10');
    b.adopt(item, 'to_city', 'single', '2019-04-11');
    b.adopt(item, 'city', 'single', '2019-04-20');
    expect(one(b, quarterPeriod(2019, 2)).adoption).toBe(20);
  });

  it('§3: a period gains the increase of the best value (Q1 10, Q2 10, year 20)', () => {
    const b = new FactsBuilder();
    const u = b.unit('区财政局', 'dept1');
    const item = b.item(u, '2019-03-20');
    b.adopt(item, 'district', 'single', '2019-03-28');
    b.adopt(item, 'city', 'single', '2019-04-10');
    expect(one(b, quarterPeriod(2019, 1)).adoption).toBe(10);
    const q2 = one(b, quarterPeriod(2019, 2));
    expect(q2.adoption).toBe(10);
    expect(linesOf(q2, '信息采用')[0]!.detail).toContain('此前已计10分');
    expect(one(b, yearPeriod(2019)).adoption).toBe(20);
  });

  it('a lower adoption after a higher one adds nothing and says why', () => {
    const b = new FactsBuilder();
    const u = b.unit('区财政局', 'dept1');
    const item = b.item(u, '2019-04-02');
    b.adopt(item, 'city', 'single', '2019-04-10');
    b.adopt(item, 'district', 'single', '2019-05-10');
    const may = one(b, monthPeriod(2019, 5));
    expect(may.adoption).toBe(0);
    expect(linesOf(may, '信息采用')[0]!.detail).toContain('不重复计分');
  });

  it('the adoption belongs to the period of its own date, not the item’s', () => {
    const b = new FactsBuilder();
    const u = b.unit('区财政局', 'dept1');
    const item = b.item(u, '2019-06-28');
    b.adopt(item, 'city_special', 'single', '2019-07-03');
    expect(one(b, quarterPeriod(2019, 2)).adoption).toBe(0);
    expect(one(b, quarterPeriod(2019, 3)).adoption).toBe(30);
  });
});

describe('三1–4 instructions', () => {
  it('prices ★★★★ to ★ by form, added on top of the adoption', () => {
    const cases: [string, 'single' | 'combined', number][] = [
      ['state', 'single', 100],
      ['state', 'combined', 60],
      ['province', 'single', 60],
      ['province', 'combined', 20],
      ['city', 'single', 40],
      ['city', 'combined', 10],
      ['district', 'single', 30],
      ['district', 'combined', 10],
    ];
    for (const [level, form, pts] of cases) {
      const b = new FactsBuilder();
      const u = b.unit('区财政局', 'dept1');
      const item = b.item(u, '2019-04-02');
      b.adopt(item, 'city', 'single', '2019-04-10');
      b.instruct(item, level, form, '2019-04-12');
      const s = one(b, monthPeriod(2019, 4));
      expect(s.instruction, `${level} ${form}`).toBe(pts);
      expect(s.adoption).toBe(20);
    }
  });

  it('an item with several instructions scores only its highest', () => {
    const b = new FactsBuilder();
    const u = b.unit('区财政局', 'dept1');
    const item = b.item(u, '2019-04-02');
    b.instruct(item, 'district', 'single', '2019-04-12');
    b.instruct(item, 'city', 'single', '2019-04-15');
    b.instruct(item, 'district', 'single', '2019-05-15');
    expect(one(b, quarterPeriod(2019, 2)).instruction).toBe(40);
  });
});

describe('三5–7 and 四4 events', () => {
  it('专职信息员 and 考核通报制度 count in the year only; 考核通报制度 once a year', () => {
    const b = new FactsBuilder();
    const u = b.unit('区财政局', 'dept1', { activeFrom: '2019-04' });
    b.event(u, '2019-06-30', 'staff', 2);
    b.event(u, '2019-07-01', 'system');
    b.event(u, '2019-12-01', 'system');
    expect(one(b, quarterPeriod(2019, 2)).bonus).toBe(0);
    const y = one(b, yearPeriod(2019));
    expect(y.bonus).toBe(20 + 10);
    expect(y.lines.filter((l) => l.rule === '考核通报制度').map((l) => l.points)).toEqual([10, 0]);
  });

  it('以干代训 +20 per person-time and 联合调研 +20 per time count in the period of their date', () => {
    const b = new FactsBuilder();
    const u = b.unit('区财政局', 'dept1');
    b.event(u, '2019-05-06', 'training', 3);
    b.event(u, '2019-05-07', 'joint_research');
    expect(one(b, monthPeriod(2019, 5)).bonus).toBe(80);
    expect(one(b, monthPeriod(2019, 4)).bonus).toBe(0);
  });

  it('迟报漏报 and 严重失实 cost 20 each and are floored at zero in the quarter', () => {
    const b = new FactsBuilder();
    const u = b.unit('区财政局', 'dept1');
    b.items(u, '2019-04-03', 20, 1);
    b.items(u, '2019-05-03', 20, 1);
    b.items(u, '2019-06-03', 20, 1);
    b.event(u, '2019-05-10', 'major_late', 3);
    b.event(u, '2019-05-11', 'false_info', 2);
    const s = one(b, quarterPeriod(2019, 2));
    expect(s.deduction).toBe(100);
    expect(s.total).toBe(0);
    expect(s.lines.find((l) => l.category === 'floor')!.points).toBe(10);
  });
});

describe('四2–3 requests and the floor of §4', () => {
  it('a missed 市政府办公厅 request costs 20, a 区政府办公室 one 10; 已完成/已说明/待报 cost nothing', () => {
    const b = new FactsBuilder();
    const u = b.unit('区财政局', 'dept1');
    b.request('city_office', '2019-05-10', [{ unitId: u, outcome: 'missed' }]);
    b.request('district_office', '2019-05-12', [{ unitId: u, outcome: 'missed' }]);
    b.request('district_office', '2019-05-13', [{ unitId: u, outcome: 'explained' }]);
    b.request('district_office', '2019-05-14', [{ unitId: u, outcome: 'done' }]);
    b.request('city_office', '2019-05-15', [{ unitId: u, outcome: 'pending' }]);
    const s = one(b, monthPeriod(2019, 5));
    expect(linesOf(s, '约稿未完成').map((l) => l.points)).toEqual([-20, -10]);
  });

  it('request misses are taken after the floor: a quarter can end below zero', () => {
    const b = new FactsBuilder();
    const u = b.unit('区财政局', 'dept1');
    // nothing submitted: −40 × 3 shortfall, floored to 0; then −20 for the missed request
    b.request('city_office', '2019-05-10', [{ unitId: u, outcome: 'missed' }]);
    const s = one(b, quarterPeriod(2019, 2));
    expect(s.deduction).toBe(120 + 20);
    expect(s.total).toBe(-20);
  });

  it('a month has no floor', () => {
    const b = new FactsBuilder();
    b.unit('区财政局', 'dept1');
    expect(one(b, monthPeriod(2019, 5)).total).toBe(-40);
  });

  it('the year is the sum of its quarters plus year-only events', () => {
    const b = new FactsBuilder();
    const u = b.unit('区财政局', 'dept1');
    for (let m = 1; m <= 12; m++) b.items(u, `2019-${String(m).padStart(2, '0')}-03`, 20, m === 4 ? 1 : 0);
    b.event(u, '2019-09-01', 'staff');
    const quarters = [1, 2, 3, 4].map((q) => one(b, quarterPeriod(2019, q)).total);
    expect(quarters).toEqual([60, 70, 60, 60]);
    expect(one(b, yearPeriod(2019)).total).toBe(250 + 10);
  });
});

describe('五 ranking', () => {
  it('equal scores share a rank and the next rank skips', () => {
    expect(competitionRanks([50, 40, 40, 30, 30, 30, 10])).toEqual([1, 2, 2, 4, 4, 4, 7]);
  });

  it('ranks within each group, ties in roster order', () => {
    const b = new FactsBuilder();
    const t1 = b.unit('凤城街道', 'town');
    const t2 = b.unit('张家洼街道', 'town');
    const t3 = b.unit('高庄街道', 'town');
    const d1 = b.unit('区财政局', 'dept1');
    b.items(t2, '2019-04-03', 20);
    b.items(t3, '2019-04-03', 20);
    b.items(t1, '2019-04-03', 10);
    b.items(d1, '2019-04-03', 5);
    const s = scorePeriod([LAIWU_2019], b.facts, monthPeriod(2019, 4), LATE);
    const town = s.groups.find((g) => g.key === 'town')!;
    expect(town.units.map((u) => [u.unitName, u.total, u.rank])).toEqual([
      ['张家洼街道', 20, 1],
      ['高庄街道', 20, 1],
      ['凤城街道', -20, 3],
    ]);
    expect(s.groups.find((g) => g.key === 'dept1')!.units[0]!.rank).toBe(1);
  });
});
