// Spreadsheets other writers make and files made to hurt, each generated here: through the command line on a real
// ledger, every one is either read with the exact numbers or refused with the message of its class — never a hang,
// never “导入完成” for what was not imported — and afterwards `check` passes and the ledger is as it was.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compactBook, expandBook } from '../../../electron/exchange/book';
import { readBookBounded, readBookInWorker } from '../../../electron/exchange/bounded-read';
import { FORMATS, readBook } from '../../../electron/exchange/workbook-file';
import { runCli, tempDir } from '../../helpers/cli';
import {
  deeplyNested,
  encryptedOds,
  inlineRow,
  itemRows,
  manyRows,
  mergesXml,
  ooxml,
  renameCfbStream,
  sharedStringBomb,
  sheetJsFile,
  unclosedTags,
  withDefaultKey,
  withZip64End,
  zippedNumbersBundle,
} from '../../helpers/hostile';
import { expectImportRefused, ledgerSnapshot } from '../../helpers/refusals';
import { writeWorkbook } from '../../helpers/workbooks';

const dir = tempDir();
const db = join(dir, 'zwxx.db');

const write = (name: string, bytes: Buffer | string): string => {
  const f = join(dir, name);
  writeFileSync(f, bytes);
  return f;
};

/** Refused with the expected words, no stack trace, the ledger unchanged, and `check` clean. */
function refused(file: string, ...expected: string[]): string {
  const out = expectImportRefused(db, file, ...expected);
  expect(out).not.toContain('导入完成');
  expect(out).not.toContain('程序内部错误');
  const check = runCli(['check', '--db', db]);
  expect(check.code, check.stdout + check.stderr).toBe(0);
  return out;
}

/** A dry run that reads the file whole and would add exactly `items` 信息 rows (nothing is written). */
function readsAs(file: string, items: number): void {
  const before = ledgerSnapshot(db);
  const r = runCli(['import', file, '--dry-run', '--db', db]);
  expect(r.code, r.stdout + r.stderr).toBe(0);
  expect(r.stdout).toContain(`信息：新增 ${items}`);
  expect(ledgerSnapshot(db)).toBe(before);
}

const ROWS = [
  ['H-1', '2019-07-01', '凤城街道', '第一条信息'],
  ['H-2', '2019-07-02', '张家洼街道', '第二条信息'],
];
const HEADER = ['编号', '报送日期', '报送单位', '信息标题'];

beforeAll(() => {
  const r = runCli(['import', join(__dirname, '../../fixtures/roster-laiwu-2019.csv'), '--db', db]);
  expect(r.code, r.stdout + r.stderr).toBe(0);
});

describe('shapes other writers make are read with the exact numbers', () => {
  it('rows and cells without r=, inline strings, docProps/app.xml without Company', async () => {
    readsAs(write('no-refs.xlsx', await ooxml([{ name: '信息', rows: itemRows(ROWS, false) }], { appXml: '<Properties/>' })), 2);
  });

  it('x: namespace prefixes on every element', async () => {
    readsAs(write('prefixed.xlsx', await ooxml([{ name: '信息', rows: itemRows(ROWS) }], { prefix: 'x' })), 2);
  });

  it('part names in capitals', async () => {
    readsAs(write('capitals.xlsx', await ooxml([{ name: '信息', rows: itemRows(ROWS) }], { capitals: true })), 2);
  });

  it('a workbook part found only through the relationships (wtf/workbook.xml)', async () => {
    readsAs(write('odd-path.xlsx', await ooxml([{ name: '信息', rows: itemRows(ROWS) }], { folder: 'wtf' })), 2);
  });

  it('a zip with ZIP64 end records is measured, not guessed, and read', async () => {
    const f = write('zip64.xlsx', withZip64End(await ooxml([{ name: '信息', rows: itemRows(ROWS) }])));
    expect(readFileSync(f).length).toBeLessThan(4096);
    readsAs(f, 2);
  });

  it('.xls whose workbook stream is spelled WORKBOOK or BOOK', () => {
    const xls = sheetJsFile([HEADER, ...ROWS], 'biff8');
    readsAs(write('upper.xls', renameCfbStream(xls, 'Workbook', 'WORKBOOK')), 2);
    readsAs(write('book.xls', renameCfbStream(xls, 'Workbook', 'BOOK')), 2);
  });

  it('flat ODS (.fods) and Excel 2003 XML', () => {
    readsAs(write('flat.fods', sheetJsFile([HEADER, ...ROWS], 'fods')), 2);
    readsAs(write('xml2003.xls', sheetJsFile([HEADER, ...ROWS], 'xlml')), 2);
  });

  it('Excel 2.x–4.0 files (BIFF2–4, one sheet) are read by SheetJS', async () => {
    for (const bookType of ['biff2', 'biff3', 'biff4'] as const) {
      const f = write(`old-${bookType}.xls`, sheetJsFile([['No', 'Count'], ['A-1', 7]], bookType));
      const book = await readBook(f);
      expect(book.sheets[0]!.rows[1]!.map((c) => (c?.kind === 'text' ? c.text : ''))).toEqual(['A-1', '7']);
    }
    // nothing of the exchange format in it: the clerk is told that, not that the file is unreadable
    refused(join(dir, 'old-biff2.xls'), '没有可导入的工作表');
  });

  it('encrypted with Excel’s default key (opens without a password): decrypted and read', async () => {
    const plain = await ooxml([{ name: '信息', rows: itemRows(ROWS) }]);
    readsAs(write('default-key-agile.xlsx', withDefaultKey(plain)), 2);
    readsAs(write('default-key-standard.xlsx', withDefaultKey(plain, 'standard')), 2);
  });

  it('a pair of cells merged on each of 3,000 rows (past the exceljs merge limit) reads every row', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [`M-${i + 1}`, '2019-07-03', '凤城街道', `合并的一条${i + 1}`]);
    const f = write('row-merges.xlsx', await ooxml([{ name: '信息', rows: itemRows(rows), after: mergesXml(3000, 2, 'EF') }]));
    readsAs(f, 3000);
  });
});

describe('hostile files get an answer of their class, and change nothing', () => {
  it('50,000 two-cell merges and no values', async () => {
    refused(write('many-merges.xlsx', await ooxml([{ name: 'Sheet1', rows: '', after: mergesXml(50_000) }])), '没有可导入的工作表');
  });

  it('one 1 MB shared string in 12,000 cells: the limit is applied while reading', async () => {
    const rows = inlineRow(1, HEADER) + Array.from({ length: 1200 }, (_, r) => `<row r="${r + 2}">${Array.from({ length: 10 }, (_, c) => `<c r="${String.fromCharCode(65 + c)}${r + 2}" t="s"><v>0</v></c>`).join('')}</row>`).join('');
    const f = write('shared-string.xlsx', await ooxml([{ name: '信息', rows }], { sharedStrings: ['长'.repeat(1_000_000)] }));
    const out = refused(f, '信息\t2\t编号', '内容有 1000000 个字，超过 2000 字的上限');
    // each problem shows the start of the cell, never the megabyte
    expect(out.length).toBeLessThan(100_000);
    // the same bomb with no header: nothing to import, said plainly
    refused(write('shared-bomb.xlsx', await sharedStringBomb(1_000_000, 12_000)), '没有可导入的工作表');
  });

  it('160,000 unclosed tags where the drop-down lists are: cut in one pass, the rows before them read', async () => {
    readsAs(write('unclosed.xlsx', await unclosedTags(160_000, ROWS)), 2);
  });

  it('a 1,048,576-row sheet is refused before its rows are kept', async () => {
    refused(write('million.xlsx', await manyRows(1_048_576)), '超过 200,000 行');
  });

  it('a cell nested 100,000 levels deep is never reported as imported', async () => {
    refused(write('deep.xlsx', await deeplyNested(100_000)), '结构异常');
  });

  it('an encrypted .ods (its manifest deflated)', async () => {
    refused(write('secret.ods', await encryptedOds()), '受密码保护');
  });

  it('a Numbers document folder zipped as it is', async () => {
    refused(write('台账.zip', await zippedNumbersBundle()), 'Numbers', '导出为');
  });

  it('a folder named like a workbook', () => {
    const f = join(dir, 'folder.xlsx');
    mkdirSync(f, { recursive: true });
    refused(f, '是一个文件夹');
  });

  it('one bad byte in a UTF-8 CSV, or a file cut inside its last character: the line is named', () => {
    const good = Buffer.from(`${HEADER.join(',')}\nC-1,2019-07-01,凤城街道,一条信息\nC-2,2019-07-02,凤城街道,另一条\n`);
    const bad = Buffer.from(good);
    bad[good.indexOf(Buffer.from('另一条'))] = 0xff;
    refused(write('bad-byte.csv', bad), 'UTF-8 编码', '第 3 行');
    refused(write('cut.csv', good.subarray(0, good.length - 2)), '第 3 行');
    // a real GB18030 file, whose Chinese is never valid UTF-8, is still read as such
    readsAs(write('gbk.csv', execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: good })), 2);
  });

  it('a 500-character unit name is refused by column, not by the database', async () => {
    const f = write('long-unit.xlsx', await ooxml([{ name: '单位', rows: inlineRow(1, ['单位名称', '类别']) + inlineRow(2, ['长'.repeat(500), '镇街']) }]));
    refused(f, '单位\t2\t单位名称', '内容有 500 个字，超过 100 字的上限');
  });

  it('dates outside the years a ledger holds are named as such', async () => {
    const rows = [
      ['Y-1', '1899-12-30', '凤城街道', '太早'],
      ['Y-2', '9999-12-31', '凤城街道', '太晚'],
      ['Y-3', 3_000_000, '凤城街道', '序号太大'],
    ];
    const out = refused(write('years.xlsx', await ooxml([{ name: '信息', rows: itemRows(rows) }])), '超出台账能记录的年份');
    expect(out).toContain('1899-12-30 超出台账能记录的年份');
    expect(out).toContain('9999-12-31 超出台账能记录的年份');
    expect(out).toContain('日期序号 3000000');
  });
});

describe('the reading process', () => {
  it('a reader that outgrows its heap ends its own process, and the caller gets a message', async () => {
    // the raw exceljs reader on the WPS template grows past a gigabyte; the child's heap is bounded far below that
    const hang = join(__dirname, '../../fixtures/wps-template-hang.xlsx');
    const started = readBookBounded(hang, { heapMb: 96, seconds: 100 }, join(__dirname, '../../helpers/exceljs-raw-worker.ts'));
    await expect(started).rejects.toThrow(/超出内存上限（96 MB）/);
  });

  it('hands back compact rows: every cell one string, read back as the same cells', async () => {
    const f = join(dir, 'compact.xlsx');
    await writeWorkbook(f, [
      { name: '信息', headers: HEADER, rows: [['C-1', new Date(Date.UTC(2019, 6, 1)), '凤城街道', 12.5], ['C-2', { value: 43647, numFmt: 'yyyy"年"m"月"d"日"' }, true, { formula: '1+1', result: 2 }]] },
    ]);
    const book = await readBook(f);
    const compact = compactBook(book);
    expect(compact.sheets[0]!.rows.flatMap((r) => r ?? []).every((c) => typeof c === 'string')).toBe(true);
    expect(expandBook(compact)).toEqual(book);
    expect(await readBookBounded(f)).toEqual(book);
    // the packaged app's way (a worker thread, Electron cannot run itself as Node there) gives the same cells
    expect(await readBookInWorker(f)).toEqual(book);
  });
});

describe('the format table clerks read is the one the reader uses', () => {
  it('docs list every row of FORMATS by name', () => {
    const doc = readFileSync(join(__dirname, '../../../docs/数据交换工作簿.md'), 'utf8');
    for (const f of FORMATS) expect(doc, f.key).toContain(`| ${f.name} |`);
  });
});
