// Imported records follow the rule set in force on their date, as the entry forms do: an item's
// 信息类别, an adoption's 刊物 and a 批示's level that the date's rule set lacks are refused row by row, naming the
// rule set and what it offers, and nothing is written. Rule sets: 莱芜区2019 (no categories) and the shipped
// 示例市2024 from 2024-01-01 (categories 要情动态、长篇调研、图片信息; its own publications and levels).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../electron/db/database';
import { exchangeRows } from '../../../electron/exchange/export';
import { importWorkbook } from '../../../electron/exchange/import';
import { importRuleFile } from '../../../electron/services/rule-files';
import { tempDir } from '../../helpers/cli';
import { writeWorkbook } from '../../helpers/workbooks';

const dir = tempDir('zwxx-rules-by-date-');

describe('an imported record follows the rule set in force on its date', () => {
  it('refuses a 2019 category, a 2019 adoption by a 2024 publication and a 2024 批示 level from 2019, by name', async () => {
    const db = openDatabase(join(dir, 'zwxx.db'));
    try {
      // the shipped 示例市2024 with one more 批示 level that 莱芜区2019 does not have
      const ruleFile = JSON.parse(readFileSync(join(__dirname, '../../../assets/rules/example-city-2024.json'), 'utf8')) as { 规则集: { instructionLevels: unknown[] }[] };
      ruleFile.规则集[0]!.instructionLevels.push({ key: 'sj', name: '市委书记', stars: 5, points: { single: 20, combined: 10 } });
      writeFileSync(join(dir, 'rules.json'), JSON.stringify(ruleFile));
      expect(importRuleFile(db, join(dir, 'rules.json'), { dryRun: false, source: '测试' }).problems).toEqual([]);
      const file = join(dir, 'mixed.xlsx');
      await writeWorkbook(file, [
        { name: '单位', headers: ['单位名称', '类别', '排序'], rows: [['甲县', '县区', 1]] },
        {
          name: '信息',
          headers: ['编号', '报送日期', '报送单位', '信息标题', '信息类别'],
          rows: [
            ['A1', '2019-05-06', '甲县', '2019年的一条信息', '要情动态'],
            ['A2', '2019-05-07', '甲县', '2019年的另一条信息', null],
            ['B1', '2024-05-06', '甲县', '2024年的一条信息', '长篇调研'],
          ],
        },
        {
          name: '采用',
          headers: ['信息编号', '刊物', '形式', '采用日期'],
          rows: [
            ['A2', '每日要情', '单篇', '2019-05-20'],
            ['B1', '信息专报', '单篇', '2024-05-20'],
          ],
        },
        {
          name: '批示',
          headers: ['信息编号', '批示级别', '形式', '批示日期'],
          rows: [
            ['A2', '市委书记', '单篇', '2019-05-25'],
            ['B1', '市委书记', '单篇', '2024-05-25'],
          ],
        },
      ]);
      const before = JSON.stringify(exchangeRows(db));
      const report = await importWorkbook(db, file, { dryRun: false, source: '测试' });
      const problem = (sheet: string, column: string) => report.problems.find((p) => p.sheet === sheet && p.column === column);
      expect(problem('信息', '信息类别')).toMatchObject({ row: 2, value: '要情动态' });
      expect(problem('信息', '信息类别')!.reason).toBe('2019-05-06 适用的规则“莱芜区2019”不分信息类别，请留空或写“无”');
      expect(problem('采用', '刊物')).toMatchObject({ row: 2, value: '每日要情' });
      expect(problem('采用', '刊物')!.reason).toMatch(/^2019-05-20 适用的规则“莱芜区2019”没有“每日要情”这一刊物，应为：莱芜政务信息、/);
      expect(problem('批示', '批示级别')).toMatchObject({ row: 2, value: '市委书记' });
      expect(problem('批示', '批示级别')!.reason).toBe('2019-05-25 适用的规则“莱芜区2019”没有“市委书记”这一批示级别，应为：国办、省、市、区');
      // the 2024 row of the same sheets is fine: only the three wrong rows are named
      expect(report.problems.filter((p) => p.row !== 2 || !['信息', '采用', '批示'].includes(p.sheet))).toEqual([]);
      expect(report.applied).toBe(false);
      expect(JSON.stringify(exchangeRows(db))).toBe(before);
    } finally {
      closeDatabase(db);
    }
  });
});
