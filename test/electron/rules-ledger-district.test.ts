// Rules as data, end to end for a second example: import the rule file 示例区2023 (categories 建议类 and 图片信息,
// 批示 bonus by the adopting publication, instructions that add up, 报市采用 as 1.5 × the city's points, 合报 with the
// full points to each unit, 约稿 completion points, half points), import a ledger workbook, and the scores equal the
// values worked out by hand from docs/规则文件.md — the same quarter as the engine test of this rule set.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../electron/db/database';
import { importWorkbook } from '../../electron/exchange/import';
import { importRuleFile } from '../../electron/services/rule-files';
import { periodScores } from '../../electron/services/scores';
import { monthPeriod, quarterPeriod, type Period } from '../../shared/periods';
import { allUnitScores } from '../../shared/scoring';
import { tempDir } from '../helpers/cli';
import { writeWorkbook } from '../helpers/workbooks';

const dir = tempDir('zwxx-rules-district-');
const LATE = '2030-01-01';

describe('rule file → ledger workbook → scores (示例区2023)', () => {
  it('scores the months and the quarter of 2023Q3 as worked out by hand', async () => {
    const items: (string | null)[][] = [];
    let n = 0;
    const item = (no: string | null, date: string, unit: string, category: string | null = null, joint: string | null = null): void => {
      n++;
      items.push([no ?? `D${n}`, date, unit, `${unit}信息${n}`, category, joint]);
    };
    const plain = (k: number, date: string, unit: string): void => {
      for (let i = 0; i < k; i++) item(null, date, unit);
    };
    item('Pr', '2023-07-03', '区财政局', '建议类');
    item('Pic', '2023-07-04', '区财政局', '图片信息');
    plain(2, '2023-07-05', '区财政局');
    plain(3, '2023-08-05', '区财政局');
    plain(4, '2023-09-05', '区财政局');
    plain(4, '2023-07-05', '区民政局');
    plain(4, '2023-08-05', '区民政局');
    plain(3, '2023-09-05', '区民政局');
    item('Jt', '2023-09-06', '区民政局', null, '区财政局');
    const file = join(dir, 'district.xlsx');
    await writeWorkbook(file, [
      { name: '单位', headers: ['单位名称', '类别', '排序'], rows: [['区财政局', '区直部门', 1], ['区民政局', '区直部门', 2]] },
      { name: '信息', headers: ['编号', '报送日期', '报送单位', '信息标题', '信息类别', '合报单位'], rows: items },
      {
        name: '采用',
        headers: ['信息编号', '刊物', '形式', '采用日期'],
        rows: [
          ['Pr', '区政务日报', '单篇', '2023-07-10'],
          ['Pr', '政策建议', '单篇', '2023-08-05'],
          ['Pic', '报市采用', '单篇', '2023-09-02'],
          ['Jt', '区政务日报', '简讯', '2023-09-09'],
        ],
      },
      {
        name: '批示',
        headers: ['信息编号', '批示级别', '形式', '批示日期'],
        rows: [
          ['Pr', '区领导', '单篇', '2023-07-12'],
          ['Pr', '区领导', '单篇', '2023-08-20'],
        ],
      },
      {
        name: '约稿',
        headers: ['约稿编号', '约稿方', '主题', '截止日期', '单位', '完成情况'],
        rows: [
          ['Y1', '区政府办公室', '三季度重点工作', '2023-09-30', '区财政局', '已完成'],
          ['Y1', '区政府办公室', '三季度重点工作', '2023-09-30', '区民政局', '已说明'],
        ],
      },
    ]);
    const db = openDatabase(join(dir, 'district.db'));
    try {
      const rules = importRuleFile(db, join(__dirname, '../../assets/rules/example-district-2023.json'), { dryRun: false, source: '测试' });
      expect(rules.problems).toEqual([]);
      const report = await importWorkbook(db, file, { dryRun: false, source: '测试' });
      expect(report.problems).toEqual([]);
      const totals = (p: Period): Record<string, number> =>
        Object.fromEntries(allUnitScores(periodScores(db, p, LATE)).map((u) => [u.unitName, u.total]));
      // 区财政局, July: quota 5 (4 items) + 建议类 in the quarter 2.5 + 区政务日报 single 3 + 批示 5 (adopted only in
      // 日报 by 07-12) = 15.5
      expect(totals(monthPeriod(2023, 7))['区财政局']).toBe(15.5);
      // August: 3 of 4 items −0.5, + 2.5, 政策建议 10 replaces 日报 3 (highest: +7), 批示 10 (政策建议 by then; sum) = 19
      expect(totals(monthPeriod(2023, 8))['区财政局']).toBe(19);
      // September: 5 + 2.5 + 报市采用 4 × 1.5 × ½ (图片信息) = 3 + 合报 Jt 简讯 1 (full to each) + 约稿 done 5 = 16.5
      expect(totals(monthPeriod(2023, 9))['区财政局']).toBe(16.5);
      // quarter: 15.5 + 19 + 16.5 = 51; 区民政局: quota 5 × 3 (September 3 + Jt = 4) + Jt 1 = 16 (已说明: nothing)
      expect(totals(quarterPeriod(2023, 3))).toEqual({ 区财政局: 51, 区民政局: 16 });
    } finally {
      closeDatabase(db);
    }
  });
});
