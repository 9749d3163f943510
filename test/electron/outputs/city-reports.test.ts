// The report files of a ledger under 示例市2024 (信息类别, 合报 split evenly, decimals): the 示例市2024 ledger workbook
// imported into a real database, `writeReports` for 2024Q1, the workbook read back with exceljs and the circular
// unzipped. The expected points are worked out by hand from assets/rules/example-city-2024.json in the comments.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Db } from '../../../electron/db/database';
import { importWorkbook } from '../../../electron/exchange/import';
import { writeReports, type ReportFiles } from '../../../electron/services/report';
import { itemDetail } from '../../../electron/services/queries';
import { importRuleFile } from '../../../electron/services/rule-files';
import { quarterPeriod } from '../../../shared/periods';
import { tempDir } from '../../helpers/cli';
import { writeCityLedger } from '../../helpers/city-ledger';

const dir = tempDir('zwxx-city-reports-');
const out = join(dir, 'out');
const AS_OF = '2024-04-10';
let db: Db;
let files: ReportFiles;

beforeAll(async () => {
  db = openDatabase(join(dir, 'city.db'));
  const rules = importRuleFile(db, join(__dirname, '../../../assets/rules/example-city-2024.json'), { dryRun: false, source: '测试' });
  expect(rules.problems).toEqual([]);
  const ledger = join(dir, 'city.xlsx');
  await writeCityLedger(ledger);
  expect((await importWorkbook(db, ledger, { dryRun: false, source: '测试' })).problems).toEqual([]);
  files = await writeReports(db, quarterPeriod(2024, 1), out, AS_OF);
});

afterAll(() => closeDatabase(db));

async function sheet(name: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(files.workbook);
  return wb.getWorksheet(name)!;
}

/** A sheet's body rows (from row `first`) as records by the header texts of row `header`. */
function records(ws: ExcelJS.Worksheet, header: number, first: number): { values: Record<string, unknown>; cells: Record<string, ExcelJS.Cell> }[] {
  const names: string[] = [];
  for (let c = 1; c <= ws.columnCount; c++) names.push(String(ws.getCell(header, c).value));
  const rows = [];
  for (let r = first; r <= ws.rowCount; r++) {
    const values: Record<string, unknown> = {};
    const cells: Record<string, ExcelJS.Cell> = {};
    names.forEach((n, i) => {
      cells[n] = ws.getCell(r, i + 1);
      values[n] = cells[n].value;
    });
    rows.push({ values, cells });
  }
  return rows;
}

describe('计分排名 under 示例市2024', () => {
  it('counts the items of each 信息类别 instead of 调研/专报, which the rule set neither asks for nor has', async () => {
    const ws = await sheet('计分排名');
    const headers: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const [top, sub] = [ws.getCell(3, c).value, ws.getCell(4, c).value];
      headers.push(sub && sub !== top ? `${String(top)}/${String(sub)}` : String(top));
    }
    expect(headers.slice(2, 10)).toEqual([
      '报送条数/1月',
      '报送条数/2月',
      '报送条数/3月',
      '报送条数/合计',
      '信息类别/要情动态',
      '信息类别/长篇调研',
      '信息类别/图片信息',
      '基础分',
    ]);
    const counts = new Map<string, unknown[]>();
    for (let r = 5; r <= ws.rowCount; r++)
      if (typeof ws.getCell(r, 1).value === 'number') counts.set(String(ws.getCell(r, 2).value), [7, 8, 9].map((c) => ws.getCell(r, c).value));
    // 甲县: 要情动态 8 in January + 8 in March, L 长篇调研, P 图片信息; 乙县: 8 要情 + J in January, 8 动态 in February
    expect(Object.fromEntries(counts)).toEqual({ 甲县: [16, 1, 1], 乙县: [17, 0, 0], 市财政局: [0, 0, 0], 市教育局: [0, 0, 0] });
    // the notes under the table: adoptions add up under 示例市2024 (not 就高不就低), and 合报 shares are explained
    const text = (ws.getSheetValues() as unknown[][]).flat().filter((v) => typeof v === 'string').join('\n');
    expect(text).toContain('说明：1. 同一信息被多个刊物采用，各次采用得分相加。');
    expect(text).toContain('3. 合报信息的采用得分和批示加分按规则分给各合报单位；采用得分怎么分见“采用明细”的“合报”列。');
  });
});

describe('采用明细 under 示例市2024', () => {
  it('adds 信息类别 and 合报 columns and gives a 合报 item one row per unit with its share', async () => {
    const ws = await sheet('采用明细');
    const headers = [];
    for (let c = 1; c <= ws.columnCount; c++) headers.push(ws.getCell(3, c).value);
    expect(headers).toEqual(['序号', '单位', '信息标题', '信息类别', '刊物', '形式', '期号', '采用日期', '得分', '合报', '批示']);
    const rows = records(ws, 3, 4).map((r) => r.values);
    expect(rows.map((r) => [r['单位'], r['信息类别'], r['刊物'], r['形式'], r['采用日期'], r['得分'], r['合报'], r['批示']])).toEqual([
      // by the (lead) unit in the roster's order, then by date; a 合报 item's rows stay together under its lead
      // L 长篇调研: 信息专报 单篇 by the category's own table, 20
      ['甲县', '长篇调研', '信息专报', '单篇', '2024-01-20', 20, '', '★★'],
      // L again: 省政府办公厅采用 单篇 10 × 2 (multiplier) = 20; adoptions add up (sum)
      ['甲县', '长篇调研', '省政府办公厅采用', '单篇', '2024-02-10', 20, '', '★★'],
      // P 图片信息 (factor 0.5): 每日要情 综合 1.5 × 0.5 = 0.75 → 0.8; 国务院办公厅采用 简讯 10 × 5 × 0.5 = 25
      ['甲县', '图片信息', '每日要情', '综合', '2024-03-05', 0.8, '', ''],
      ['甲县', '图片信息', '国务院办公厅采用', '简讯', '2024-03-20', 25, '', ''],
      // J (乙县 leads, 甲县 joins): 每日要情 单篇 3, split evenly → 1.5 each; 市领导 批示 ★★
      ['乙县', '要情动态', '每日要情', '单篇', '2024-01-12', 1.5, '牵头，与甲县合报，平分', '★★'],
      ['甲县', '要情动态', '每日要情', '单篇', '2024-01-12', 1.5, '与乙县（牵头）合报，平分', '★★'],
      // S (no category): 信息专报 简讯 5; 省领导 批示 ★★★
      ['市财政局', '', '信息专报', '简讯', '2024-02-03', 5, '', '★★★'],
    ]);
    expect(rows.map((r) => r['序号'])).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(String(rows[4]!['信息标题'])).toMatch(/^乙县信息/);
  });

  it('stores points as numbers formatted 0 or 0.0, so 0.8 and 1.5 show one decimal and 20 none', async () => {
    const rows = records(await sheet('采用明细'), 3, 4);
    const formats = rows.map((r) => [r.values['得分'], r.cells['得分']!.numFmt]);
    expect(formats).toEqual([
      [20, '0'],
      [20, '0'],
      [0.8, '0.0'],
      [25, '0'],
      [1.5, '0.0'],
      [1.5, '0.0'],
      [5, '0'],
    ]);
  });

  it('each unit’s rows add up to its 采用得分 of 计分排名, and the totals are the hand-worked scores', async () => {
    const ranking = await sheet('计分排名');
    const byUnit = new Map<string, Record<string, unknown>>();
    const cells = new Map<string, Record<string, ExcelJS.Cell>>();
    for (const r of records(ranking, 3, 5))
      if (typeof r.values['排名'] === 'number') {
        byUnit.set(String(r.values['单位']), r.values);
        cells.set(String(r.values['单位']), r.cells);
      }
    // quarter totals (test/electron/rules-ledger.test.ts): 甲县 36.5 + 50 + 60.8 = 147.3; 乙县 16; 市财政局 34; 市教育局 0
    expect(Object.fromEntries([...byUnit].map(([u, r]) => [u, r['季度得分']]))).toEqual({ 甲县: 147.3, 乙县: 16, 市财政局: 34, 市教育局: 0 });
    expect(cells.get('甲县')!['季度得分']!.numFmt).toBe('0.0');
    expect(cells.get('乙县')!['季度得分']!.numFmt).toBe('0');
    // 采用得分 by hand: 甲县 1.5 + 20 + 20 + 0.8 + 25 = 67.3; 乙县 1.5; 市财政局 5; 市教育局 0
    expect(Object.fromEntries([...byUnit].map(([u, r]) => [u, r['采用得分']]))).toEqual({ 甲县: 67.3, 乙县: 1.5, 市财政局: 5, 市教育局: 0 });
    const sums = new Map<string, number>();
    for (const r of records(await sheet('采用明细'), 3, 4))
      sums.set(String(r.values['单位']), Math.round(((sums.get(String(r.values['单位'])) ?? 0) + Number(r.values['得分'])) * 10) / 10);
    for (const [unit, r] of byUnit) expect(sums.get(unit) ?? 0, unit).toBe(r['采用得分']);
  });

  it('约稿情况 shows the completion points beside the misses under 得分', async () => {
    const rows = records(await sheet('约稿情况'), 3, 4).map((r) => r.values);
    // 市政府办公厅: done +5, missed −5
    expect(rows.map((r) => [r['单位'], r['完成情况'], r['得分']])).toEqual([
      ['甲县', '已完成', 5],
      ['乙县', '未完成', -5],
      ['市财政局', '已完成', 5],
    ]);
  });
});

async function docxText(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml.split('</w:p>').map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
}

describe('the circular under 示例市2024', () => {
  it('prints 147.3 as 147.3, counts the 合报 adoption and instruction once', async () => {
    const ps = await docxText(files.circular!);
    // 县区: 甲县 147.3 first; 市直部门: 市财政局 34 first
    expect(ps).toContain('县区：甲县（147.3分）。');
    expect(ps).toContain('市直部门：市财政局（34分）。');
    // 52 items (甲县 12 + 10 + 10, 乙县 9 + 10, 市财政局 1); 6 adoption records, J's once: 市级 J, L, S, P = 4,
    // 省级 L, 国家级 P; 3 instructions (L, J once, S)
    // the rule set has no 镇街 group: the built-in sentence gives way to one naming the rule set's own groups
    // (县区 = 甲县 32 + 乙县 19 = 51, 市直部门 = 市财政局 1) and the issuers that issued (only 市政府办公厅)
    expect(ps).toContain(
      '2024年第一季度，全区共报送政务信息52条，其中县区51条，市直部门1条；被各级刊物采用6条次，其中区级0条次，市级4条次，省级1条次，国家级1条次；获各级领导批示3条次。',
    );
    expect(ps.find((p) => p.includes('共下发约稿'))).toMatch(/^市政府办公厅共下发约稿\d+次/);
    expect(ps.join('\n')).not.toMatch(/镇街|区政府办公室/);
    // the ledger begins in January 2024: 市财政局's empty January and March are single empty months, not "two in a
    // row" with December 2023, a month the ledger holds nothing for
    expect(ps).toContain('有整月未报送信息的单位：乙县（3月）、市财政局（1月、3月）。');
    expect(ps.find((p) => p.startsWith('连续两个月未报送信息的单位'))).toBe('连续两个月未报送信息的单位：市教育局（1月、2月、3月）。对上述单位，将约谈其分管领导。');

    expect(ps.join('\n')).not.toMatch(/\d\.\d{2,}|\d\.0\D/);
  });

  it('the attachment table shows the score with its decimal', async () => {
    const ps = await docxText(files.circular!);
    // 排名 单位 报送 采用 批示 得分: 甲县 32 items, 5 adoption records of its items (J, L twice, P twice), 2 instructions
    // (L, J); 乙县 19 items, J's adoption and instruction
    expect(ps.join('|')).toContain('1|甲县|32|5|2|147.3|2|乙县|19|1|1|16');
  });

  it('the SMS list prints the decimal score', () => {
    const text = readFileSync(files.sms!, 'utf8');
    expect(text).toContain('甲县：2024年第一季度政务信息得分147.3分，在县区中排名第1。');
  });
});

describe('the item drawer agrees with 采用明细', () => {
  it('shows the picture item’s adoptions at 0.8 and 25, and the 长篇 item’s 批示 at the 信息专报 bonus', () => {
    const id = (no: string): number => (db.prepare('SELECT id FROM items WHERE no = ?').get(no) as { id: number }).id;
    // P 图片信息: 1.5 × 0.5 → 0.8; 10 × 5 × 0.5 = 25 (as in 采用明细 above)
    expect(itemDetail(db, id('P')).adoptionRecords.map((r) => r.points)).toEqual([0.8, 25]);
    // L: 市领导 单篇 on 2024-02-15, after 信息专报 adopted it → that publication's bonus 20 (not the level's 8)
    expect(itemDetail(db, id('L')).instructionRecords.map((r) => r.points)).toEqual([20]);
  });
});
