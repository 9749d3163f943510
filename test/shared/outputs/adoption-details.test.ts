// 采用明细 rows (shared/outputs/tables.ts) from the engine's lines: a 合报 item of three units split evenly into
// tenths, and the lead-only split. Expected values worked out by hand from 示例市2024 (assets/rules/).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adoptionDetails } from '../../../shared/outputs/tables';
import { quarterPeriod } from '../../../shared/periods';
import { parseRuleFile } from '../../../shared/rules/file';
import type { RuleSet } from '../../../shared/rules/schema';
import { allUnitScores, scorePeriod } from '../../../shared/scoring';
import { FactsBuilder } from '../../helpers/facts-builder';

const parsed = parseRuleFile(readFileSync(join(__dirname, '../../../assets/rules/example-city-2024.json'), 'utf8'));
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const CITY = parsed.value[0]!;
const Q1 = quarterPeriod(2024, 1);

function threeUnits(rules: RuleSet) {
  const b = new FactsBuilder();
  const jia = b.unit('甲县', 'county');
  const yi = b.unit('乙县', 'county');
  const bing = b.unit('丙县', 'county');
  // 丙县 leads, 甲县 and 乙县 join; 信息专报 单篇 10 points
  const item = b.itemWith(bing, '2024-02-01', { jointUnitIds: [jia, yi], title: '三县合报' });
  b.adopt(item, 'special', 'single', '2024-02-10');
  const scores = scorePeriod([rules], b.facts, Q1, '2030-01-01');
  return { rows: adoptionDetails([rules], b.facts, scores), scores };
}

describe('采用明细 rows of a 合报 item', () => {
  it('split evenly: one row per unit, the odd tenth to the unit listed first, adding up to the whole', () => {
    const { rows, scores } = threeUnits(CITY);
    // 10 points = 100 tenths over 3 units: 33 each, the one left over to the lead → 3.4, 3.3, 3.3
    expect(rows.map((r) => [r.unitName, r.points, r.joint])).toEqual([
      ['丙县', 3.4, '牵头，与甲县、乙县合报，平分'],
      ['甲县', 3.3, '与丙县（牵头）、乙县合报，平分'],
      ['乙县', 3.3, '与丙县（牵头）、甲县合报，平分'],
    ]);
    for (const u of allUnitScores(scores)) expect(rows.find((r) => r.unitName === u.unitName)!.points).toBe(u.adoption);
  });

  it('lead only: the partners’ rows show 0 and say why', () => {
    const { rows } = threeUnits({ ...CITY, jointSplit: 'lead' });
    expect(rows.map((r) => [r.unitName, r.points, r.joint])).toEqual([
      ['丙县', 10, '牵头，与甲县、乙县合报，只计牵头单位'],
      ['甲县', 0, '与丙县（牵头）、乙县合报，只计牵头单位'],
      ['乙县', 0, '与丙县（牵头）、甲县合报，只计牵头单位'],
    ]);
  });

  it('full: every unit gets the whole value', () => {
    const { rows } = threeUnits({ ...CITY, jointSplit: 'full' });
    expect(rows.map((r) => [r.unitName, r.points, r.joint])).toEqual([
      ['丙县', 10, '牵头，与甲县、乙县合报，各得全分'],
      ['甲县', 10, '与丙县（牵头）、乙县合报，各得全分'],
      ['乙县', 10, '与丙县（牵头）、甲县合报，各得全分'],
    ]);
  });
});
