// Rules as data, end to end on a real ledger: import the rule file 示例市2024, import a ledger workbook with the
// columns 信息类别 and 合报单位, and the scores equal the values worked out by hand from the rules (the same
// quarter as the engine test of the example, docs/规则文件.md §十). Then the data round-trips through export.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Db } from '../../electron/db/database';
import { exportData } from '../../electron/exchange/export';
import { importWorkbook } from '../../electron/exchange/import';
import { importRuleFile } from '../../electron/services/rule-files';
import { periodScores } from '../../electron/services/scores';
import { loadFacts } from '../../electron/store/facts';
import { ruleSets } from '../../electron/store/rulesets';
import { monthPeriod, quarterPeriod, yearPeriod, type Period } from '../../shared/periods';
import { allUnitScores, circularFacts } from '../../shared/scoring';
import { quarterCircularText } from '../../shared/outputs/circular-text';
import { readSettings } from '../../electron/services/settings';
import { tempDir } from '../helpers/cli';
import { writeCityLedger } from '../helpers/city-ledger';
import { writeWorkbook } from '../helpers/workbooks';

const dir = tempDir('zwxx-rules-ledger-');
const LATE = '2030-01-01';
const SOURCE = '测试';

async function ledgerWith(file: string, name: string): Promise<Db> {
  const db = openDatabase(join(dir, `${name}.db`));
  const rules = importRuleFile(db, join(__dirname, '../../assets/rules/example-city-2024.json'), {
    dryRun: false,
    source: SOURCE,
  });
  expect(rules.problems).toEqual([]);
  const report = await importWorkbook(db, file, { dryRun: false, source: SOURCE });
  expect(report.problems).toEqual([]);
  return db;
}

const totals = (db: Db, p: Period): Record<string, number> =>
  Object.fromEntries(allUnitScores(periodScores(db, p, LATE)).map((u) => [u.unitName, u.total]));

describe('rule file → ledger workbook → scores (示例市2024)', () => {
  it('scores month, quarter and year as worked out by hand, and round-trips the data', async () => {
    const file = join(dir, 'city.xlsx');
    await writeCityLedger(file);
    const db = await ledgerWith(file, 'city');
    try {
      // 甲县 January: quota 10 + 要情动态 5 + L 长篇 in 信息专报 20 + half of J's 3 = 36.5; 乙县: 要情动态 5 + J 1.5,
      // 9 items: −0.5 → 6 (a month is not floored)
      expect(totals(db, monthPeriod(2024, 1))).toMatchObject({ 甲县: 36.5, 乙县: 6 });
      // quarter: 甲县 36.5 + 50 + 60.8 = 147.3; 乙县 26.5 − 5.5 − 5 = 16; 市财政局 6 + 5 + 15 + 5 + 3 = 34;
      // 市教育局 6 − 8 → 0 (扣完为止)
      const q = quarterPeriod(2024, 1);
      expect(totals(db, q)).toEqual({ 甲县: 147.3, 乙县: 16, 市财政局: 34, 市教育局: 0 });
      // year: the bureaus get 6 in each later quarter; the counties' empty quarters floor at 0
      expect(totals(db, yearPeriod(2024))).toEqual({ 甲县: 147.3, 乙县: 16, 市财政局: 52, 市教育局: 18 });
      const rules = ruleSets(db);
      const facts = loadFacts(db, rules, q);
      const circular = circularFacts(rules, facts, periodScores(db, q, LATE));
      expect(circular.belowStandard.map((u) => u.unitName)).toEqual(['市教育局']);
      // the circular's 存在问题 names it with its score and the pass line
      const text = quarterCircularText(readSettings(db), periodScores(db, q, LATE), circular, LATE);
      expect(text.sections.flatMap((x) => x.paragraphs)).toContain('2024年第一季度得分未达到达标线的：市教育局（0分，达标线6分）。');

      // export → a new ledger with the same rule file → the same scores (categories and 合报 units travel)
      const exported = join(dir, 'exported.xlsx');
      await exportData(db, exported);
      const copy = await ledgerWith(exported, 'copy');
      try {
        for (const p of [monthPeriod(2024, 3), q, yearPeriod(2024)]) expect(totals(copy, p)).toEqual(totals(db, p));
      } finally {
        closeDatabase(copy);
      }
    } finally {
      closeDatabase(db);
    }
  });

  it('refuses an unknown category and a 合报 unit that is the submitting unit, naming the row', async () => {
    const file = join(dir, 'bad.xlsx');
    await writeWorkbook(file, [
      { name: '单位', headers: ['单位名称', '类别'], rows: [['甲县', '县区'], ['乙县', '县区']] },
      {
        name: '信息',
        headers: ['编号', '报送日期', '报送单位', '信息标题', '信息类别', '合报单位'],
        rows: [
          ['B1', '2024-01-03', '甲县', '标题一', '快讯', null],
          ['B2', '2024-01-03', '甲县', '标题二', null, '甲县、乙县'],
          ['B3', '2024-01-03', '甲县', '标题三', null, '丙县'],
        ],
      },
    ]);
    const db = openDatabase(join(dir, 'bad.db'));
    try {
      importRuleFile(db, join(__dirname, '../../assets/rules/example-city-2024.json'), { dryRun: false, source: SOURCE });
      const report = await importWorkbook(db, file, { dryRun: true, source: SOURCE });
      expect(report.problems.map((p) => [p.row, p.column])).toEqual([
        [2, '信息类别'],
        [3, '合报单位'],
        [4, '合报单位'],
      ]);
      expect(report.problems[0]!.reason).toBe('规则中没有这个信息类别，应为：要情动态、长篇调研、图片信息，或“无”');
      expect(report.problems[1]!.reason).toBe('合报单位不必再写报送单位（报送单位即牵头单位）');
    } finally {
      closeDatabase(db);
    }
  });
});
