// A ledger kept by hand, not in the exchange format: a title row, 序号, no 编号, the office's own header words.
// It imports through the command line as .xlsx and as CSV (UTF-8 with and without BOM, GBK), with the same
// scores; importing it again adds nothing.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../../helpers/cli';
import { convertWithLibreOffice } from '../../helpers/convert';
import { writeWorkbook, type CellInput } from '../../helpers/workbooks';

const ROSTER = resolve(__dirname, '../../fixtures/roster-laiwu-2019.csv');
const dir = tempDir();

const UNITS = ['凤城街道', '区发展改革局', '区财政局', '张家洼街道', '区医保局'];

/** 2019Q2: each unit a different number of items, some 调研, dates as Excel dates in a Chinese format. */
function ledgerRows(): CellInput[][] {
  const rows: CellInput[][] = [];
  let n = 0;
  UNITS.forEach((unit, u) => {
    for (let i = 0; i < 8 + u * 4; i++) {
      n++;
      const month = 4 + (i % 3);
      const day = 1 + ((i * 7 + u) % 28);
      rows.push([
        n,
        { value: new Date(Date.UTC(2019, month - 1, day)), numFmt: 'yyyy"年"m"月"d"日"' },
        unit,
        `${unit}关于第${i + 1}项重点工作的进展情况`,
        i % 5 === 0 ? '调研' : '一般',
        i % 4 === 0 ? '已电话核实' : null,
      ]);
    }
  });
  return rows;
}

function cli(args: string[]): { code: number; out: string } {
  const r = runCli(args);
  return { code: r.code, out: r.stdout + r.stderr };
}

function freshDb(name: string): string {
  const db = join(dir, name);
  const r = cli(['import', ROSTER, '--db', db]);
  expect(r.code, r.out).toBe(0);
  return db;
}

function scores(db: string): unknown {
  const r = runCli(['scores', '--period', '2019Q2', '--json', '--db', db, '--as-of', '2019-12-31']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe('a foreign ledger', () => {
  const xlsx = join(dir, '2019年信息报送台账.xlsx');
  const total = 8 + 12 + 16 + 20 + 24;
  let expected: unknown;

  beforeAll(async () => {
    await writeWorkbook(xlsx, [
      {
        name: '2019年二季度',
        titleRows: ['莱芜区2019年第二季度政务信息报送台账', ''],
        headers: ['序号', '报送时间', '报送单位', '信息题目', '类别', '备注'],
        rows: ledgerRows(),
      },
    ]);
  });

  it('a dry run says how each column was understood', () => {
    const r = cli(['import', xlsx, '--dry-run', '--db', freshDb('dry.db')]);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('工作表“2019年二季度”按表头识别为“信息”表');
    expect(r.out).toContain('表头在第3行');
    expect(r.out).toContain('A列“序号”→忽略（序号）；B列“报送时间”→报送日期；C列“报送单位”→报送单位；D列“信息题目”→信息标题；E列“类别”→类型；F列“备注”→备注');
    expect(r.out).toContain('没有“编号”列');
    expect(r.out).toContain(`信息：新增 ${total}，修改 0，未变 0`);
  });

  it('imports, and a second import adds nothing', () => {
    const db = freshDb('xlsx.db');
    let r = cli(['import', xlsx, '--db', db]);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain(`信息：新增 ${total}，修改 0，未变 0`);
    expected = scores(db);
    const byUnit = Object.fromEntries((expected as { unit: string; base: number }[]).map((s) => [s.unit, s.base]));
    expect(Object.keys(byUnit).length).toBeGreaterThan(0);
    r = cli(['import', xlsx, '--db', db]);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain(`信息：新增 0，修改 0，未变 ${total}`);
    expect(scores(db)).toEqual(expected);
  });

  it('as CSV in UTF-8, UTF-8 with BOM and GBK: the same items and scores', () => {
    const utf8 = convertWithLibreOffice(xlsx, 'csv:Text - txt - csv (StarCalc):44,34,76', dir);
    const text = readFileSync(utf8);
    expect(text.toString('utf8')).toContain('2019年4月');
    const bom = join(dir, 'ledger-bom.csv');
    writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text]));
    const gbk = join(dir, 'ledger-gbk.csv');
    writeFileSync(gbk, execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030', utf8]));
    expect(readFileSync(gbk).equals(text)).toBe(false);
    for (const [name, file] of [['utf8', utf8], ['bom', bom], ['gbk', gbk]] as const) {
      const db = freshDb(`csv-${name}.db`);
      const r = cli(['import', file, '--db', db]);
      expect(r.code, r.out).toBe(0);
      expect(r.out).toContain(`信息：新增 ${total}`);
      expect(scores(db), name).toEqual(expected);
      // the .xlsx after the CSV: the same derived keys, nothing added
      expect(cli(['import', xlsx, '--db', db]).out).toContain(`信息：新增 0，修改 0，未变 ${total}`);
    }
  });

  it('two columns that could both be the date are reported, nothing imported', async () => {
    const f = join(dir, 'ambiguous.xlsx');
    await writeWorkbook(f, [
      {
        name: '台账',
        headers: ['报送时间', '上报日期', '报送单位', '标题'],
        rows: [['2019-04-01', '2019-04-02', '凤城街道', '一条信息']],
      },
    ]);
    const db = freshDb('ambiguous.db');
    const r = cli(['import', f, '--db', db]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('几列都可以理解为“报送日期”：A列“报送时间”、B列“上报日期”');
  });
});
