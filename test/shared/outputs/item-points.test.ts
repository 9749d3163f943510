// The item detail view's record values: the engine's own (category factor, publication multiplier, per-publication
// 批示 bonus), checked against values worked out by hand from 示例市2024 (assets/rules/example-city-2024.json).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AdoptionFact, InstructionFact } from '../../../shared/domain';
import { adoptionWorth, instructionWorth } from '../../../shared/outputs/item-points';
import { parseRuleFile } from '../../../shared/rules/file';

const parsed = parseRuleFile(readFileSync(join(__dirname, '../../../assets/rules/example-city-2024.json'), 'utf8'));
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const CITY = parsed.value;

const adoption = (id: number, publication: string, form: AdoptionFact['form'], date: string): AdoptionFact => ({
  id,
  itemId: 1,
  publication,
  form,
  date,
  issueNo: '',
});

describe('item record values (示例市2024)', () => {
  it('an adoption counts the category factor and the publication multiplier', () => {
    const records = [adoption(1, 'daily', 'combined', '2024-03-05'), adoption(2, 'state', 'brief', '2024-03-20')];
    // 图片信息 (factor 0.5): 每日要情 综合 1.5 × 0.5 = 0.75 → 0.8 (half up to a tenth);
    // 国务院办公厅采用 简讯 10 × 5 (multiplier) × 0.5 = 25; adoptions add up (sum), so both count
    expect(adoptionWorth(CITY, records, 'picture').map((w) => [w.points, w.counts])).toEqual([
      [0.8, true],
      [25, true],
    ]);
    // 长篇调研 in 信息专报 单篇: the category's own table, 20 (not the plain 10)
    expect(adoptionWorth(CITY, [adoption(3, 'special', 'single', '2024-01-20')], 'long')[0]!.points).toBe(20);
  });

  it('an instruction earns the bonus of the publications that adopted the item before it', () => {
    const adoptions = [adoption(1, 'special', 'single', '2024-01-20')];
    const instr = (id: number, level: string, date: string): InstructionFact => ({ id, itemId: 1, level, form: 'single', date, leader: '' });
    const worth = instructionWorth(CITY, [instr(1, 'city', '2024-01-10'), instr(2, 'city', '2024-02-15')], adoptions);
    // before the adoption: 市领导 单篇 8 (the level's own points); after 信息专报 adopted it: its bonus 20;
    // instructions: highest, so only the 20 counts
    expect(worth.map((w) => [w.points, w.counts])).toEqual([
      [8, false],
      [20, true],
    ]);
  });
});
