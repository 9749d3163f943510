// npm run bench:wild — a small wild corpus from our own generators: one ledger of N 信息 rows written by every writer
// at hand (SheetJS's writers in each of their formats, exceljs, LibreOffice's 另存为, hand-written OOXML with the
// quirks other programs have, default-key encryption), each read through the import's dry run on a ledger that has
// the district's units. Prints one line per file — the 信息 count it would add, or what the clerk is told — and,
// LAST, a JSON summary. Files SheetJS writes without Chinese (BIFF2–5) carry a Latin header and are expected to
// be read but refused as “没有可导入的工作表”.
//   npm run bench:wild [-- --rows 500 --no-libreoffice]
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { closeDatabase, openDatabase } from '../electron/db/database';
import { importWorkbook } from '../electron/exchange/import';
import { importRosterCsvAsync } from '../electron/services/roster';
import { itemRows, ooxml, sheetJsFile, withDefaultKey, withZip64End } from '../test/helpers/hostile';
import { convertWithLibreOffice } from '../test/helpers/convert';
import { writeWorkbook } from '../test/helpers/workbooks';
import { ROOT } from './options';

const DIR = join(ROOT, 'bench-data', 'wild');
const arg = (name: string): string | undefined => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const N = Number(arg('--rows') ?? 500);
const UNITS = ['凤城街道', '张家洼街道', '区财政局', '区审计局'];
const HEADER = ['编号', '报送日期', '报送单位', '信息标题'];
const ROWS = Array.from({ length: N }, (_, i) => [`W-${i + 1}`, `2019-0${(i % 9) + 1}-1${i % 10}`, UNITS[i % UNITS.length]!, `语料中的第${i + 1}条信息`]);

async function corpus(): Promise<{ file: string; expect: number | string }[]> {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  const out: { file: string; expect: number | string }[] = [];
  const put = (name: string, bytes: Buffer | string, expect: number | string = N): void => {
    writeFileSync(join(DIR, name), bytes);
    out.push({ file: join(DIR, name), expect });
  };
  const aoa = [HEADER, ...ROWS];
  for (const [ext, bookType] of [
    ['xlsx', 'xlsx'],
    ['xlsm', 'xlsm'],
    ['xlsb', 'xlsb'],
    ['xls', 'biff8'],
    ['xml2003.xls', 'xlml'],
    ['ods', 'ods'],
    ['fods', 'fods'],
    ['html.xls', 'html'],
  ] as const)
    put(`sheetjs.${ext}`, sheetJsFile(aoa, bookType));
  put('sheetjs.csv', `\ufeff${aoa.map((r) => r.join(',')).join('\r\n')}`);
  put('gbk.csv', execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: aoa.map((r) => r.join(',')).join('\n') }));
  // SheetJS writes these without a code page, so they carry no Chinese: read, and refused as holding no known sheet
  for (const bookType of ['biff2', 'biff3', 'biff4', 'biff5'] as const)
    put(`sheetjs-${bookType}.xls`, sheetJsFile([['No', 'Count'], ['A-1', 1]], bookType), '没有可导入的工作表');
  const exceljs = join(DIR, 'exceljs.xlsx');
  await writeWorkbook(exceljs, [{ name: '信息', titleRows: ['2019年信息报送台账', ''], headers: HEADER, rows: ROWS }]);
  out.push({ file: exceljs, expect: N });
  const rows = itemRows(ROWS);
  put('hand-norefs.xlsx', await ooxml([{ name: '信息', rows: itemRows(ROWS, false) }], { appXml: '<Properties/>' }));
  put('hand-prefix.xlsx', await ooxml([{ name: '信息', rows }], { prefix: 'x' }));
  put('hand-capitals.xlsx', await ooxml([{ name: '信息', rows }], { capitals: true }));
  put('hand-odd-path.xlsx', await ooxml([{ name: '信息', rows }], { folder: 'wtf' }));
  put('hand-zip64.xlsx', withZip64End(await ooxml([{ name: '信息', rows }])));
  put('hand-stored.xlsx', await ooxml([{ name: '信息', rows }], { compression: 'STORE' }));
  put('default-key-agile.xlsx', withDefaultKey(readFileSync(exceljs)));
  put('default-key-standard.xlsx', withDefaultKey(readFileSync(exceljs), 'standard'));
  if (!process.argv.includes('--no-libreoffice')) {
    const lo = join(DIR, 'lo');
    mkdirSync(lo, { recursive: true });
    for (const to of ['xls', 'ods', 'fods']) {
      const f = convertWithLibreOffice(exceljs, to, lo);
      copyFileSync(f, join(DIR, `libreoffice.${to}`));
      out.push({ file: join(DIR, `libreoffice.${to}`), expect: N });
    }
    // LibreOffice's own .xlsx writer, from its .ods
    const back = convertWithLibreOffice(join(DIR, 'libreoffice.ods'), 'xlsx', lo);
    copyFileSync(back, join(DIR, 'libreoffice.xlsx'));
    out.push({ file: join(DIR, 'libreoffice.xlsx'), expect: N });
  }
  return out;
}

async function main(): Promise<void> {
  const files = await corpus();
  const dbFile = join(DIR, 'wild.db');
  const db = openDatabase(dbFile);
  await importRosterCsvAsync(db, readFileSync(join(ROOT, 'test/fixtures/roster-laiwu-2019.csv'), 'utf8'), '导入');
  const summary: Record<string, { ms: number; got: string; ok: boolean }> = {};
  for (const { file, expect } of files) {
    const t0 = performance.now();
    let got: string;
    try {
      const r = await importWorkbook(db, file, { dryRun: true });
      got = r.problems.length > 0 ? `问题：${r.problems[0]!.reason}` : `信息 新增 ${r.counts.items?.added ?? 0}`;
    } catch (e) {
      got = `拒绝：${(e as Error).message}`;
    }
    const ok = typeof expect === 'number' ? got === `信息 新增 ${expect}` : got.includes(expect);
    const name = file.slice(DIR.length + 1);
    summary[name] = { ms: Math.round(performance.now() - t0), got: got.slice(0, 80), ok };
    process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${name.padEnd(28)} ${String(summary[name].ms).padStart(6)} ms  ${got.slice(0, 80)}\n`);
  }
  closeDatabase(db);
  const failed = Object.values(summary).filter((s) => !s.ok).length;
  process.stdout.write(`${JSON.stringify({ files: files.length, failed, summary })}\n`);
  process.exitCode = failed > 0 ? 1 : 0;
}

await main();
