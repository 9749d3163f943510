// docs/计分规则说明.md §10: the worked example, exactly as the contract states it.
import { describe, expect, it } from 'vitest';
import { LAIWU_2019 } from '../../../shared/rules/laiwu2019';
import { allUnitScores, scorePeriod } from '../../../shared/scoring';
import { monthPeriod, quarterPeriod } from '../../../shared/periods';
import { FactsBuilder } from '../../helpers/facts-builder';

function workedExample(): { b: FactsBuilder; unit: number } {
  const b = new FactsBuilder();
  const unit = b.unit('凤城街道', 'town');
  // April 22 items (1 调研, 2 专报), May 18 items (1 调研, 0 专报), June 20 items (0 调研)
  const april = b.items(unit, '2019-04-08', 22, 1, 2);
  b.items(unit, '2019-05-09', 18, 1, 0);
  b.items(unit, '2019-06-10', 20, 0, 0);
  const [a, bb, c] = [april[3]!, april[4]!, april[5]!];
  b.adopt(a, 'district', 'single', '2019-04-20'); // 10
  b.adopt(a, 'city', 'brief', '2019-05-15'); // 10 → best stays 10
  b.adopt(bb, 'city_special', 'single', '2019-05-20'); // 30
  b.adopt(c, 'district', 'combined', '2019-06-05'); // 5
  b.instruct(bb, 'city', 'single', '2019-06-01'); // ★★ 40
  b.request('city_office', '2019-06-15', [{ unitId: unit, outcome: 'missed' }]); // −20
  return { b, unit };
}

describe('the worked example of docs/计分规则说明.md §10 (莱芜区2019, 2019Q2)', () => {
  it('凤城街道 scores 111 in the quarter', () => {
    const { b } = workedExample();
    const s = scorePeriod([LAIWU_2019], b.facts, quarterPeriod(2019, 2), '2019-12-31');
    const u = allUnitScores(s)[0]!;
    expect(u.base).toBe(30 + 0 + 20);
    expect(u.adoption).toBe(45);
    expect(u.instruction).toBe(40);
    expect(u.deduction).toBe(4 + 20);
    expect(u.total).toBe(111);
    expect(u.rank).toBe(1);
    // every point is explained: the lines add up to the total
    expect(u.lines.reduce((sum, l) => sum + l.points, 0)).toBe(111);
  });

  it('the month scores are April 30 + 10 adoption, May −4 + 30, June 20 + 5 + 40 − 20', () => {
    const { b } = workedExample();
    const total = (m: number): number =>
      allUnitScores(scorePeriod([LAIWU_2019], b.facts, monthPeriod(2019, m), '2019-12-31'))[0]!.total;
    expect(total(4)).toBe(30 + 10);
    expect(total(5)).toBe(-4 + 30);
    expect(total(6)).toBe(20 + 5 + 40 - 20);
    expect(total(4) + total(5) + total(6)).toBe(111);
  });
});
