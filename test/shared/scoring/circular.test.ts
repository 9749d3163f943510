// docs/计分规则说明.md §9.2: the circular facts of a hand-built quarter.
import { describe, expect, it } from 'vitest';
import { LAIWU_2019 } from '../../../shared/rules/laiwu2019';
import { circularFacts, overdueTargetsIn, personScores, scorePeriod } from '../../../shared/scoring';
import { quarterPeriod, yearPeriod } from '../../../shared/periods';
import { FactsBuilder } from '../../helpers/facts-builder';

function quarter() {
  const b = new FactsBuilder();
  const t1 = b.unit('凤城街道', 'town');
  const t2 = b.unit('张家洼街道', 'town');
  const t3 = b.unit('高庄街道', 'town');
  const d1 = b.unit('区财政局', 'dept1');
  const d2 = b.unit('区民政局', 'dept1');
  const e1 = b.unit('区审计局', 'dept2');
  const e2 = b.unit('区信访局', 'dept2');
  for (const m of ['2019-04-05', '2019-05-05', '2019-06-05']) {
    b.items(t1, m, 20, 1, 2);
    b.items(t2, m, 20);
    b.items(d1, m, 20, 1);
    b.items(d2, m, 20, 1);
    b.items(e1, m, 10, 1);
    b.items(e2, m, 10, 1);
  }
  // 高庄街道 submits only in June; it was empty in March too (→ March+April, April+May)
  b.items(t3, '2019-01-10', 5);
  b.items(t3, '2019-02-10', 5);
  b.items(t3, '2019-06-05', 20);
  const p1 = b.person('张三', t1);
  const p2 = b.person('李四', t1);
  const p3 = b.person('王五', d1);
  const shared = b.item(t1, '2019-04-20', [], [p1, p2]);
  b.adopt(shared, 'city', 'single', '2019-05-02');
  const solo = b.item(d1, '2019-04-21', [], [p3]);
  b.adopt(solo, 'district', 'single', '2019-05-03');
  b.instruct(solo, 'district', 'single', '2019-05-20');
  b.event(d2, '2019-05-20', 'major_late');
  b.request('city_office', '2019-06-10', [
    { unitId: t2, outcome: 'pending' },
    { unitId: e1, outcome: 'done' },
    { unitId: e2, outcome: 'missed' },
  ]);
  return { b, ids: { t1, t2, t3, d1, d2, e1, e2 } };
}

describe('circular facts for 2019Q2', () => {
  const { b } = quarter();
  const scores = scorePeriod([LAIWU_2019], b.facts, quarterPeriod(2019, 2), '2019-07-05');
  const c = circularFacts([LAIWU_2019], b.facts, scores);
  const names = (list: { unitName: string }[]): string[] => list.map((u) => u.unitName);

  it('praises the rank-1 unit of each group', () => {
    expect(c.praise.map((g) => names(g.units))).toEqual([['凤城街道'], ['区财政局'], ['区审计局']]);
  });

  it('criticises the last-ranked unit of each group and units with 迟报/漏报/失实', () => {
    expect(c.criticiseLast.map((g) => names(g.units))).toEqual([['高庄街道'], ['区民政局'], ['区信访局']]);
    expect(names(c.criticiseEvents)).toEqual(['区民政局']);
    expect(c.criticiseEvents[0]!.events[0]!.name).toBe('重大信息迟报漏报');
  });

  it('names the units with no adoption in the quarter (零通报)', () => {
    expect(names(c.zeroAdoption)).toEqual(['张家洼街道', '高庄街道', '区民政局', '区审计局', '区信访局']);
  });

  it('finds empty months and two consecutive empty months across the quarter boundary', () => {
    expect(c.emptyMonth.map((u) => [u.unitName, u.months])).toEqual([['高庄街道', ['2019-04', '2019-05']]]);
    expect(c.twoEmptyMonths.map((u) => [u.unitName, u.months])).toEqual([
      ['高庄街道', ['2019-03', '2019-04', '2019-05']],
    ]);
  });

  it('does not count a month before the ledger’s first item as empty', () => {
    // the same facts, as a ledger whose earliest item is dated in April: March holds no records at all, so 高庄街道's
    // April and May are empty months but not "two in a row" with March
    const c2 = circularFacts([LAIWU_2019], { ...b.facts, firstItemDate: '2019-04-02' }, scores);
    expect(c2.emptyMonth.map((u) => [u.unitName, u.months])).toEqual([['高庄街道', ['2019-04', '2019-05']]]);
    expect(c2.twoEmptyMonths.map((u) => [u.unitName, u.months])).toEqual([['高庄街道', ['2019-04', '2019-05']]]);
  });

  it('lists 约稿 targets still 待报 after the deadline', () => {
    expect(c.overdue.map((o) => o.unitName)).toEqual(['张家洼街道']);
    expect(overdueTargetsIn(b.facts, quarterPeriod(2019, 2), '2019-07-05')).toHaveLength(1);
    expect(overdueTargetsIn(b.facts, quarterPeriod(2019, 2), '2019-06-10')).toHaveLength(0);
  });

  it('summarises the quarter', () => {
    expect(c.summary.items).toBe(60 + 60 + 20 + 60 + 60 + 30 + 30 + 2);
    expect(c.summary.adoptionsByLevel).toMatchObject({ city: 1, district: 1 });
    expect(c.summary.instructions).toBe(1);
    expect(c.summary).toMatchObject({ requests: 1, requestTargets: 3, targetsDone: 1, targetsMissed: 1, targetsPending: 1 });
  });

  it('a group whose units all score the same has nobody to criticise by rank', () => {
    const b2 = new FactsBuilder();
    b2.unit('凤城街道', 'town');
    b2.unit('张家洼街道', 'town');
    const s2 = scorePeriod([LAIWU_2019], b2.facts, quarterPeriod(2019, 2), '2019-07-05');
    const c2 = circularFacts([LAIWU_2019], b2.facts, s2);
    expect(c2.criticiseLast[0]!.units).toEqual([]);
    expect(c2.praise[0]!.units).toEqual([]); // score 0 is not praised
  });

  it('two consecutive empty months need the earlier month to be active', () => {
    const b3 = new FactsBuilder();
    const u = b3.unit('区审计局', 'dept2', { activeFrom: '2019-04' });
    b3.items(u, '2019-05-05', 10);
    b3.items(u, '2019-06-05', 10);
    const s3 = scorePeriod([LAIWU_2019], b3.facts, quarterPeriod(2019, 2), '2019-07-05');
    const c3 = circularFacts([LAIWU_2019], b3.facts, s3);
    expect(c3.emptyMonth.map((x) => x.months)).toEqual([['2019-04']]);
    expect(c3.twoEmptyMonths).toEqual([]);
  });
});

describe('person scores (先进个人)', () => {
  it('each author of a shared item gets the full gain; instructions count', () => {
    const { b } = quarter();
    const scores = scorePeriod([LAIWU_2019], b.facts, yearPeriod(2019), '2020-01-05');
    const persons = personScores(b.facts, scores);
    expect(persons.map((p) => [p.name, p.total, p.rank])).toEqual([
      ['王五', 40, 1],
      ['张三', 20, 2],
      ['李四', 20, 2],
    ]);
  });
});

describe('months not over yet', () => {
  it('a month that has not begun is not scored, and a month not over is not an empty month', () => {
    const b = new FactsBuilder();
    const u = b.unit('区财政局', 'dept1');
    b.items(u, '2019-04-05', 20, 1);
    const asOf = '2019-05-20';
    const s = scorePeriod([LAIWU_2019], b.facts, quarterPeriod(2019, 2), asOf);
    const unit = s.groups[1]!.units[0]!;
    expect(unit.lines.some((l) => l.month === '2019-06' && l.category !== 'floor')).toBe(false);
    expect(unit.lines.filter((l) => l.month === '2019-05').every((l) => l.provisional)).toBe(true);
    const c = circularFacts([LAIWU_2019], b.facts, s);
    expect(c.emptyMonth).toEqual([]);
  });
});
