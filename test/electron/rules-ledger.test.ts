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
import { writeWorkbook } from '../helpers/workbooks';

const dir = tempDir('zwxx-rules-ledger-');
const LATE = '2030-01-01';
const SOURCE = '测试';

async function writeCityLedger(file: string): Promise<void> {
  const items: (string | null)[][] = [];
  let n = 0;
  const item = (date: string, unit: string, category: string | null, joint: string | null = null, no?: string): void => {
    items.push([no ?? `S${++n}`, date, unit, `${unit}信息${n}`, category, joint]);
  };
  const many = (k: number, date: string, unit: string, category: string | null): void => {
    for (let i = 0; i < k; i++) item(date, unit, category);
  };
  // 甲县 January: 8 要情动态, 长篇 L, 3 plain; 乙县: 8 要情动态 + the 合报 item J (乙县 leads, with 甲县)
  many(8, '2024-01-03', '甲县', '要情动态');
  item('2024-01-05', '甲县', '长篇调研', null, 'L');
  many(3, '2024-01-06', '甲县', null);
  many(8, '2024-01-04', '乙县', '要情');
  item('2024-01-10', '乙县', '要情动态', '甲县', 'J');
  // February: 甲县 10 plain; 乙县 8 要情动态 + 2 plain
  many(10, '2024-02-05', '甲县', null);
  many(8, '2024-02-05', '乙县', '动态');
  many(2, '2024-02-06', '乙县', '无');
  // March: 甲县 8 要情动态 + picture item P + 1 plain; 乙县 nothing
  many(8, '2024-03-02', '甲县', '要情动态');
  item('2024-03-03', '甲县', '图片信息', null, 'P');
  many(1, '2024-03-04', '甲县', null);
  item('2024-02-01', '市财政局', null, null, 'S');
  await writeWorkbook(file, [
    {
      name: '单位',
      headers: ['单位名称', '类别', '排序'],
      rows: [
        ['甲县', '县区', 1],
        ['乙县', '县区', 2],
        ['市财政局', '市直部门', 3],
        ['市教育局', '市直部门', 4],
      ],
    },
    { name: '信息', headers: ['编号', '报送日期', '报送单位', '信息标题', '信息类别', '合报单位'], rows: items },
    {
      name: '采用',
      headers: ['信息编号', '刊物', '形式', '采用日期'],
      rows: [
        ['L', '信息专报', '单篇', '2024-01-20'],
        ['L', '省办采用', '单篇', '2024-02-10'],
        ['J', '每日要情', '单篇', '2024-01-12'],
        ['P', '每日要情', '综合', '2024-03-05'],
        ['P', '国务院办公厅采用', '简讯', '2024-03-20'],
        ['S', '信息专报', '简讯', '2024-02-03'],
      ],
    },
    {
      name: '批示',
      headers: ['信息编号', '批示级别', '形式', '批示日期'],
      rows: [
        ['L', '市领导', '单篇', '2024-02-15'],
        ['J', '市领导', '单篇', '2024-03-01'],
        ['S', '省领导', '综合', '2024-02-20'],
      ],
    },
    {
      name: '约稿',
      headers: ['约稿编号', '约稿方', '主题', '截止日期', '单位', '完成情况'],
      rows: [
        ['Y1', '市政府办公厅', '一季度经济运行', '2024-03-15', '甲县', '已完成'],
        ['Y1', '市政府办公厅', '一季度经济运行', '2024-03-15', '乙县', '未完成'],
        ['Y1', '市政府办公厅', '一季度经济运行', '2024-03-15', '市财政局', '已完成'],
      ],
    },
    {
      name: '加减分',
      headers: ['日期', '单位', '事项', '数量'],
      rows: [
        ['2024-03-12', '市财政局', '工作创新', 1],
        ['2024-02-10', '市教育局', '重大信息迟报漏报', 2],
        ['2024-03-10', '市教育局', '重大信息迟报漏报', 2],
      ],
    },
  ]);
}

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
