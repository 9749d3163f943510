// Every spreadsheet a clerk has: the same ledger saved as .xlsx, .xls, WPS .et, .ods, .xlsb and .csv (UTF-8 and
// GBK) imports to the same scores, through the same row reader and checks.
import * as XLSX from '@e965/xlsx';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../electron/db/database';
import { runCli, tempDir } from '../../helpers/cli';
import { convertWithLibreOffice } from '../../helpers/convert';
import { EXPECTED_Q2, writeLedgerWorkbook } from '../../helpers/ledger-fixture';

const dir = tempDir();

function importInto(db: string, file: string): string {
  const r = runCli(['import', file, '--db', db]);
  expect(r.stderr, r.stdout).toBe('');
  expect(r.code, r.stdout).toBe(0);
  return r.stdout;
}

function scores(db: string, period = '2019Q2'): unknown {
  const r = runCli(['scores', '--period', period, '--json', '--db', db, '--as-of', '2019-12-31']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe('the same ledger in every format a clerk saves', () => {
  const xlsx = join(dir, 'ledger.xlsx');
  let expected: unknown;

  beforeAll(async () => {
    await writeLedgerWorkbook(xlsx);
    const db = join(dir, 'xlsx.db');
    importInto(db, xlsx);
    expected = scores(db);
    const byUnit = Object.fromEntries((expected as { unit: string; total: number }[]).map((s) => [s.unit, s.total]));
    expect(byUnit).toEqual(Object.fromEntries(Object.entries(EXPECTED_Q2).map(([u, s]) => [u, s.total])));
  }, 120_000);

  it.each([
    ['xls', 'xls'],
    ['ods', 'ods'],
  ])('.%s written by LibreOffice', (_ext, to) => {
    const file = convertWithLibreOffice(xlsx, to, dir);
    const db = join(dir, `${to}.db`);
    const out = importInto(db, file);
    expect(out).toContain('信息：新增 276');
    expect(scores(db)).toEqual(expected);
  });

  it('.et (WPS 表格, the same container as .xls)', () => {
    const xls = join(dir, 'ledger.xls');
    const et = join(dir, 'ledger.et');
    copyFileSync(xls, et);
    const db = join(dir, 'et.db');
    importInto(db, et);
    expect(scores(db)).toEqual(expected);
  });

  it('.xlsb (Excel binary workbook)', () => {
    const file = join(dir, 'ledger.xlsb');
    const wb = XLSX.read(readFileSync(xlsx), { cellNF: true, cellDates: false });
    writeFileSync(file, XLSX.write(wb, { bookType: 'xlsb', type: 'buffer' }) as Buffer);
    const db = join(dir, 'xlsb.db');
    importInto(db, file);
    expect(scores(db)).toEqual(expected);
  });
});

describe('Excel 1904 dates', () => {
  it('read right from .xlsx and from .xls', async () => {
    const file = join(dir, 'mac-1904.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const units = wb.addWorksheet('单位');
    units.addRow(['单位名称', '类别']);
    units.addRow(['凤城街道', '镇街']);
    const ws = wb.addWorksheet('信息');
    ws.addRow(['编号', '报送日期', '报送单位', '信息标题']);
    ws.addRow(['M-1', new Date(Date.UTC(2019, 3, 3)), '凤城街道', '苹果电脑上登记的信息']);
    ws.getCell('B2').numFmt = 'yyyy-mm-dd';
    await wb.xlsx.writeFile(file);
    const xls = convertWithLibreOffice(file, 'xls', dir);
    for (const f of [file, xls]) {
      const db = join(dir, `${f.endsWith('.xls') ? 'xls' : 'xlsx'}-1904.db`);
      importInto(db, f);
      const h = openDatabase(db);
      try {
        expect(h.prepare("SELECT submitted FROM items WHERE no = 'M-1'").get()).toEqual({ submitted: '2019-04-03' });
      } finally {
        closeDatabase(h);
      }
    }
  });
});
