// Fuzz, because offices send workbooks of every kind: 1,200+ malformed workbooks fed to the importer — wrong types, huge strings, formulas, error cells,
// deep merges, broken XML, missing parts, corrupted and truncated zips, parts that expand hugely, 50,000 rows.
// Each must end in a clear Chinese message (a thrown UserError or a report of problems) with the data unchanged,
// or — when the mutation happened to leave a valid workbook — a clean import. Never a crash, never a hang.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateLedger, rng } from '../../bench/generate';
import { closeDatabase, openDatabase, type Db } from '../../electron/db/database';
import { UserError } from '../../electron/db/errors';
import { exportData } from '../../electron/exchange/export';
import { importWorkbook, type ImportReport } from '../../electron/exchange/import';
import { readBook } from '../../electron/exchange/workbook-file';
import { tempDir } from '../helpers/cli';
import { zipBomb } from '../helpers/zip-bomb';
import { writeLedgerWorkbook } from '../helpers/ledger-fixture';

const ROOT = resolve(__dirname, '../..');
const dir = tempDir('zwxx-fuzz-');
const r = rng(424242);
const int = (n: number): number => Math.floor(r() * n);
const pick = <T>(a: readonly T[]): T => a[int(a.length)]!;
const CJK = /[\u4e00-\u9fff]/;
const LEAK = /TypeError|ReferenceError|RangeError|undefined|NaN|\[object |\bat \S+ \(|SQLITE_/;

let db: Db;
const bases: { name: string; bytes: Buffer; zip: JSZip }[] = [];
const tally = { cases: 0, refused: 0, reported: 0, applied: 0, kinds: {} as Record<string, number> };

/** Every write goes through the audit triggers, so the last audit id and the row counts prove nothing changed. */
const fingerprint = (): string =>
  JSON.stringify([
    db.prepare('SELECT max(id) AS m FROM audit_log').get(),
    ...['units', 'items', 'adoptions', 'instructions', 'requests', 'request_targets', 'events', 'persons'].map((t) => db.prepare(`SELECT count(*) AS n FROM ${t}`).get()),
  ]);

async function feed(kind: string, bytes: Buffer | Uint8Array): Promise<void> {
  const file = join(dir, `case-${tally.cases++}.xlsx`);
  writeFileSync(file, bytes);
  tally.kinds[kind] = (tally.kinds[kind] ?? 0) + 1;
  const before = fingerprint();
  let report: ImportReport | null = null;
  let error: unknown = null;
  const timeout = new Promise<never>((_, no) => setTimeout(() => no(new Error(`hang: ${kind} ${file}`)), 60_000));
  try {
    report = await Promise.race([importWorkbook(db, file, { source: '导入', read: readBook }), timeout]);
  } catch (e) {
    error = e;
  }
  if (error !== null) {
    // refused: a UserError in Chinese that says what to do, and nothing written
    if (!(error instanceof UserError)) throw new Error(`${kind}: not a clear message: ${String((error as Error).stack ?? error)} (${file})`);
    expect(error.message, file).toMatch(CJK);
    expect(error.message, file).not.toMatch(LEAK);
    expect(fingerprint(), file).toBe(before);
    tally.refused++;
    return;
  }
  if (report!.problems.length > 0) {
    for (const p of report!.problems) {
      expect(p.reason, file).toMatch(CJK);
      expect(p.reason, file).not.toMatch(LEAK);
      expect(p.value.length, file).toBeLessThanOrEqual(200);
    }
    expect(report!.applied).toBe(false);
    expect(fingerprint(), file).toBe(before);
    tally.reported++;
  } else {
    expect(report!.applied || Object.keys(report!.counts).length === 0).toBe(true);
    tally.applied++;
  }
}

// ------------------------------------------------------------------------------------------- mutators

const GARBAGE = [
  () => 'x'.repeat(100_000),
  () => '报'.repeat(5_000),
  () => String(-1e308),
  () => '1e400',
  () => '-0',
  () => '2019-02-30',
  () => '9999-99-99',
  () => '\u0000\u0001\u0002',
  () => '\uD800',
  () => '=HYPERLINK("http://example.com","点我")',
  () => '<![CDATA[x]]>',
  () => '&amp;&lt;&#1114111;',
  () => '   ',
  () => String(int(1e9)),
  () => '莱芜区莱芜区莱芜区',
  () => '★★★★★★★★',
  () => '#REF!',
  () => 'TRUE',
];
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

async function mutateXml(base: (typeof bases)[number]): Promise<{ kind: string; bytes: Buffer }> {
  const zip = await JSZip.loadAsync(base.bytes);
  const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  const sheet = pick(sheets);
  let xml = await zip.file(sheet)!.async('string');
  const cells = [...xml.matchAll(/<c r="([A-Z]+)(\d+)"[^>]*?(\/>|>.*?<\/c>)/g)];
  const cell = cells.length > 0 ? pick(cells) : null;
  const which = int(14);
  let kind = '';
  const replaceCell = (to: string): void => {
    if (cell) xml = xml.replace(cell[0], to.replace('REF', `${cell[1]}${cell[2]}`));
  };
  switch (which) {
    case 0:
      kind = '单元格改为随机文字';
      replaceCell(`<c r="REF" t="inlineStr"><is><t>${esc(pick(GARBAGE)())}</t></is></c>`);
      break;
    case 1:
      kind = '错误值单元格';
      replaceCell(`<c r="REF" t="e"><v>${pick(['#N/A', '#DIV/0!', '#VALUE!', '#REF!'])}</v></c>`);
      break;
    case 2:
      kind = '布尔单元格';
      replaceCell(`<c r="REF" t="b"><v>${int(2)}</v></c>`);
      break;
    case 3:
      kind = '公式单元格';
      replaceCell(`<c r="REF"><f>${pick(['SUM(A1:A3)', 'NOW()', 'A1&amp;B1', '1/0', 'INDIRECT("Z"&amp;ROW())'])}</f>${int(2) ? `<v>${int(99999)}</v>` : ''}</c>`);
      break;
    case 4:
      kind = '数字单元格';
      replaceCell(`<c r="REF"><v>${pick(['-1', '0', '1e308', '45658.75', '2958466', '-693594', '3.14159'])}</v></c>`);
      break;
    case 5:
      kind = '大范围合并单元格';
      xml = xml.replace('</sheetData>', `</sheetData><mergeCells count="3"><mergeCell ref="A1:XFD1"/><mergeCell ref="B2:C${2 + int(50000)}"/><mergeCell ref="A3:A9"/></mergeCells>`);
      break;
    case 6:
      kind = 'XML 截断';
      xml = xml.slice(0, Math.max(1, int(xml.length)));
      break;
    case 7:
      kind = 'XML 标签错乱';
      xml = xml.replace(/<row /, '<row><c r="A1"><v>1</v></row><row ');
      break;
    case 8:
      kind = '删除若干行';
      xml = xml.replace(/<row r="\d+"[^>]*>.*?<\/row>/g, (m) => (r() < 0.3 ? '' : m));
      break;
    case 9:
      kind = '行号错乱';
      xml = xml.replace(/<row r="(\d+)"/g, () => `<row r="${1 + int(1_048_576)}"`);
      break;
    case 10:
      kind = '共享字符串索引越界';
      replaceCell(`<c r="REF" t="s"><v>${pick(['999999', '-1', 'abc'])}</v></c>`);
      break;
    case 11: {
      kind = '共享字符串被改写';
      const ss = zip.file('xl/sharedStrings.xml');
      if (ss) {
        const s = await ss.async('string');
        zip.file('xl/sharedStrings.xml', s.replace(/<t([^>]*)>([^<]*)<\/t>/g, (m, a: string) => (r() < 0.2 ? `<t${a}>${esc(pick(GARBAGE)())}</t>` : m)));
      }
      break;
    }
    case 12:
      kind = '缺少部件';
      zip.remove(pick(['xl/sharedStrings.xml', 'xl/styles.xml', 'xl/workbook.xml', '[Content_Types].xml', 'xl/_rels/workbook.xml.rels', sheet]));
      break;
    default:
      kind = '表头被改写';
      xml = xml.replace(/(<row r="1"[^>]*>)(.*?)(<\/row>)/, (_m, a: string, b: string, c: string) => `${a}${b.replace(/<c r="([A-Z]+)1"[^>]*?(\/>|>.*?<\/c>)/, `<c r="$1" t="inlineStr"><is><t>${esc(pick(['', '标题标题', '日期', '序号', '单位名称']))}</t></is></c>`)}${c}`);
  }
  if (which !== 12) zip.file(sheet, xml);
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return { kind, bytes };
}

function mutateBytes(base: Buffer): { kind: string; bytes: Buffer } {
  const b = Buffer.from(base);
  if (r() < 0.4) return { kind: '压缩包截断', bytes: b.subarray(0, int(b.length)) };
  const n = 1 + int(40);
  for (let i = 0; i < n; i++) b[int(b.length)] = int(256);
  return { kind: '字节损坏', bytes: b };
}


/** Whole workbooks written by ExcelJS with values of the wrong type in every column of a known sheet. */
async function wrongTypes(seed: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = pick(['单位', '信息', '采用', '批示', '约稿', '加减分', '名单', 'Sheet1']);
  const ws = wb.addWorksheet(sheet);
  const headers = pick([
    ['单位名称', '类别', '别名', '排序'],
    ['编号', '报送日期', '报送单位', '标题', '类型', '作者', '备注'],
    ['信息编号', '刊物', '形式', '采用日期', '期号'],
    ['信息编号', '批示级别', '形式', '批示日期', '批示领导'],
    ['约稿编号', '约稿单位', '主题', '截止日期', '单位', '完成情况'],
    ['单位', '日期', '事项', '数量', '说明'],
  ]);
  ws.addRow(headers);
  const values: (() => ExcelJS.CellValue)[] = [
    () => new Date(Date.UTC(1900 + int(300), int(12), 1 + int(28))),
    () => int(2) === 1,
    () => ({ error: '#N/A' }) as ExcelJS.CellErrorValue,
    () => ({ formula: 'A1+1', result: seed }) as ExcelJS.CellFormulaValue,
    () => ({ richText: [{ text: '凤城' }, { text: '街道', font: { bold: true } }] }),
    () => ({ text: '链接', hyperlink: 'http://example.com' }),
    () => r() * 1e12 - 5e11,
    () => pick(GARBAGE)(),
    () => null,
  ];
  for (let i = 0; i < 1 + int(30); i++) ws.addRow(headers.map(() => pick(values)()));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ------------------------------------------------------------------------------------------- the run

beforeAll(async () => {
  const small = openDatabase(join(dir, 'small-source.db'));
  await generateLedger(small, 1, { scale: 0.005, assetsDir: join(ROOT, 'assets'), seed: 9 });
  await exportData(small, join(dir, 'base-small.xlsx'));
  closeDatabase(small);
  await writeLedgerWorkbook(join(dir, 'base-ledger.xlsx'));
  for (const name of ['base-small.xlsx', 'base-ledger.xlsx']) {
    const bytes = readFileSync(join(dir, name));
    bases.push({ name, bytes, zip: await JSZip.loadAsync(bytes) });
  }
  db = openDatabase(join(dir, 'target.db'));
  // the target already holds the data, so mutated rows meet existing units, items and 编号
  for (const b of bases) expect((await importWorkbook(db, join(dir, b.name), { source: '导入', read: readBook })).problems).toEqual([]);
}, 120_000);

describe('fuzzing the importer', () => {
  it('600 XML-level mutations of real exchange and ledger workbooks', async () => {
    for (let i = 0; i < 600; i++) {
      const m = await mutateXml(pick(bases));
      await feed(m.kind, m.bytes);
    }
  }, 600_000);

  it('400 corrupted or truncated zips', async () => {
    for (let i = 0; i < 400; i++) {
      const m = mutateBytes(pick(bases).bytes);
      await feed(m.kind, m.bytes);
    }
  }, 600_000);

  it('200 workbooks with values of the wrong type in every column', async () => {
    for (let i = 0; i < 200; i++) await feed('类型错误的整表', await wrongTypes(i));
  }, 600_000);

  it('zip bombs, empty and foreign zips, and a 50,000-row sheet', async () => {
    await feed('解压后巨大的部件', zipBomb(600 * 1024 * 1024, 2048, 0x20));
    await feed('头部如实声明的巨大部件', zipBomb(300 * 1024 * 1024, 300 * 1024 * 1024, 0x20));
    const empty = new JSZip();
    await feed('空压缩包', await empty.generateAsync({ type: 'nodebuffer' }));
    const docx = new JSZip();
    docx.file('word/document.xml', '<w:document/>');
    docx.file('[Content_Types].xml', '<Types/>');
    await feed('不是工作簿的压缩包', await docx.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('信息');
    ws.addRow(['编号', '报送日期', '报送单位', '标题']);
    for (let i = 0; i < 50_000; i++) ws.addRow([`F${i}`, i % 97 === 0 ? '某天' : '2020-03-04', i % 89 === 0 ? '不存在的单位' : '凤城街道', `标题${i}`]);
    await feed('五万行（含错误行）', Buffer.from(await wb.xlsx.writeBuffer()));
    console.log(
      `模糊测试：共 ${tally.cases} 个畸形工作簿；拒绝并说明原因 ${tally.refused}，逐行报告问题 ${tally.reported}，变异后仍为有效工作簿并正常导入 ${tally.applied}；` +
        Object.entries(tally.kinds)
          .map(([k, n]) => `${k} ${n}`)
          .join('，'),
    );
    expect(tally.cases).toBeGreaterThanOrEqual(1200);
    expect(tally.refused + tally.reported).toBeGreaterThan(tally.cases * 0.5);
    const check = db.pragma('integrity_check') as { integrity_check: string }[];
    expect(check).toEqual([{ integrity_check: 'ok' }]);
    closeDatabase(db);
  }, 600_000);
});
