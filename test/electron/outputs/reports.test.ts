// report --period P --out DIR for a hand-built quarter and year: the workbooks re-read cell by cell against the
// engine, the circular unzipped and checked element by element, and both rendered by LibreOffice.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../electron/db/database';
import { periodOf, periodScores } from '../../../electron/services/scores';
import { allUnitScores, type PeriodScores } from '../../../shared/scoring';
import { runCli, tempDir } from '../../helpers/cli';
import { writeLedgerWorkbook } from '../../helpers/ledger-fixture';

const dir = tempDir();
const db = join(dir, 'zwxx.db');
const out = join(dir, 'out');
const AS_OF = '2019-07-10';
let q2: PeriodScores;
let year: PeriodScores;

beforeAll(async () => {
  const ledger = join(dir, 'ledger.xlsx');
  await writeLedgerWorkbook(ledger);
  expect(runCli(['import', ledger, '--db', db]).code).toBe(0);
  for (const [p, asOf] of [['2019Q2', AS_OF], ['2019', '2020-01-08'], ['2019-04', AS_OF]] as const) {
    const r = runCli(['report', '--period', p, '--out', out, '--db', db, '--as-of', asOf]);
    expect(r.code, r.stderr).toBe(0);
  }
  const h = openDatabase(db);
  q2 = periodScores(h, periodOf('2019Q2'), AS_OF);
  year = periodScores(h, periodOf('2019'), '2020-01-08');
  closeDatabase(h);
});

const file = (name: string): string => join(out, name);

async function readWorkbook(name: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file(name));
  return wb;
}

/** The body rows of 计分排名: unit name → the row's values by header text. */
function rankingRows(ws: ExcelJS.Worksheet): Map<string, Record<string, unknown>> {
  const headers: string[] = [];
  const top = ws.getRow(3);
  const sub = ws.getRow(4);
  for (let c = 1; c <= ws.columnCount; c++) {
    const s = sub.getCell(c).value;
    const t = top.getCell(c).value;
    headers.push(s && s !== t ? `${t}/${s}` : String(t));
  }
  const rows = new Map<string, Record<string, unknown>>();
  for (let r = 5; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (typeof row.getCell(1).value !== 'number') continue;
    const rec: Record<string, unknown> = {};
    headers.forEach((h, i) => (rec[h] = row.getCell(i + 1).value));
    rows.set(String(rec['单位']), rec);
  }
  return rows;
}

describe('the quarterly score workbook', () => {
  it('has the four sheets, a merged title, two header rows and one table per group', async () => {
    const wb = await readWorkbook('2019年第二季度政务信息计分表.xlsx');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['计分排名', '采用明细', '约稿情况', '提示']);
    const ws = wb.getWorksheet('计分排名')!;
    expect(ws.getCell('A1').value).toBe('2019年第二季度全区政务信息报送采用情况计分表');
    expect(ws.getCell('A1').isMerged).toBe(true);
    expect(String(ws.getCell('A2').value)).toContain('统计时间：2019年4月1日—6月30日');
    expect(String(ws.getCell('A2').value)).toContain('莱芜区2019');
    expect(ws.getCell('C3').value).toBe('报送条数');
    expect(['C4', 'D4', 'E4', 'F4'].map((a) => ws.getCell(a).value)).toEqual(['4月', '5月', '6月', '合计']);
    expect(ws.getCell('A3').value).toBe('排名');
    expect(ws.getCell('A4').isMerged).toBe(true);
    const groupRows = [];
    for (let r = 5; r <= ws.rowCount; r++) if (String(ws.getCell(r, 1).value).includes('个单位）')) groupRows.push(ws.getCell(r, 1).value);
    expect(groupRows).toEqual(['镇街（2个单位）', '第一数量级（2个单位）', '第二数量级（2个单位）']);
  });

  it('shows every unit with the engine’s numbers, stored as numbers', async () => {
    const ws = (await readWorkbook('2019年第二季度政务信息计分表.xlsx')).getWorksheet('计分排名')!;
    const rows = rankingRows(ws);
    const units = allUnitScores(q2);
    expect(rows.size).toBe(units.length);
    for (const u of units) {
      const r = rows.get(u.unitName)!;
      expect(r, u.unitName).toBeDefined();
      expect(r).toMatchObject({
        排名: u.rank,
        '报送条数/合计': u.counts.items,
        '报送条数/4月': u.counts.itemsByMonth['2019-04'],
        调研: u.counts.research,
        专报: u.counts.special,
        基础分: u.base,
        采用得分: u.adoption,
        批示加分: u.instruction,
        其他加分: u.bonus,
        减分: u.deduction,
        季度得分: u.total,
        '采用条数/济南政务信息专报': u.counts.adoptionsByPublication.city_special ?? 0,
      });
      expect(typeof r['季度得分']).toBe('number');
    }
    expect(rows.get('凤城街道')!['季度得分']).toBe(111);
    expect(rows.get('区财政局')!['备注']).toBe('扣完为止');
  });

  it('is set up to print: A4 landscape, fit to width, repeated headers, frozen panes, page footer', async () => {
    const ws = (await readWorkbook('2019年第二季度政务信息计分表.xlsx')).getWorksheet('计分排名')!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:4' });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 4 });
    expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页，共 &N 页');
    expect(ws.getCell('B6').font.name).toBe('宋体');
    expect(ws.getCell('B6').border.left?.style).toBe('thin');
  });

  it('lists the adoptions with their points and ★, the 约稿 outcomes and the check list', async () => {
    const wb = await readWorkbook('2019年第二季度政务信息计分表.xlsx');
    const adoptions = wb.getWorksheet('采用明细')!;
    const rows: unknown[][] = [];
    for (let r = 4; r <= adoptions.rowCount; r++) rows.push((adoptions.getRow(r).values as unknown[]).slice(2));
    expect(rows.map((r) => [r[0], r[2], r[3], r[6], r[7]])).toEqual([
      ['凤城街道', '莱芜政务信息', '单篇', 10, ''],
      ['凤城街道', '济南政务信息', '简讯', 0, ''],
      ['凤城街道', '济南政务信息专报', '单篇', 30, '★★'],
      ['凤城街道', '莱芜政务信息', '综合', 5, ''],
      ['区发展和改革委员会', '国务院办公厅采用', '单篇', 40, ''],
    ]);
    const requests = wb.getWorksheet('约稿情况')!;
    expect([4, 5, 6].map((r) => [requests.getCell(r, 5).value, requests.getCell(r, 6).value, requests.getCell(r, 7).value])).toEqual([
      ['区发展和改革委员会', '已说明', 0],
      ['区财政局', '未完成', -10],
      ['凤城街道', '未完成', -20],
    ]);
    const checks = wb.getWorksheet('提示')!;
    const text = (checks.getSheetValues() as unknown[][]).flat().join('|');
    expect(text).toContain('零采用（零通报）|张家洼街道');
    expect(text).toContain('整月未报送|区财政局|第一数量级|6月');
  });
});

describe('the month and year workbooks', () => {
  it('the April sheet has the month’s numbers and no quarter-only sheets', async () => {
    const wb = await readWorkbook('2019年4月政务信息计分表.xlsx');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['计分排名', '采用明细']);
    const rows = rankingRows(wb.getWorksheet('计分排名')!);
    expect(rows.get('凤城街道')!['月度得分']).toBe(40);
    expect(rows.get('区审计局')!['报送条数']).toBe(12);
  });

  it('the annual workbook adds 个人排名 from the engine’s person scores', async () => {
    const wb = await readWorkbook('2019年政务信息计分表.xlsx');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['计分排名', '采用明细', '约稿情况', '提示', '个人排名']);
    const rows = rankingRows(wb.getWorksheet('计分排名')!);
    for (const u of allUnitScores(year)) expect(rows.get(u.unitName)!['年度得分']).toBe(u.total);
    const persons = wb.getWorksheet('个人排名')!;
    // 张三、李四 wrote every third item; 凤城街道's A (items FC-04-04) … their gains are the adoption gains of those items
    const names = [];
    for (let r = 4; r <= persons.rowCount; r++) names.push([persons.getCell(r, 2).value, persons.getCell(r, 3).value, persons.getCell(r, 6).value]);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => typeof n[2] === 'number')).toBe(true);
  });
});

async function docxXml(name: string): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(file(name)));
  const out: Record<string, string> = {};
  for (const path of Object.keys(zip.files)) if (path.endsWith('.xml')) out[path] = await zip.file(path)!.async('string');
  return out;
}

const plain = (xml: string): string => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
const paragraphs = (xml: string): string[] => xml.split('</w:p>').map(plain);

describe('the quarterly circular (.docx, GB/T 9704)', () => {
  const name = '关于2019年第二季度全区政务信息报送采用情况的通报（稿）.docx';

  it('is A4 with the standard margins, a LINES grid of 22 lines and exact 579-twip body lines', async () => {
    const doc = (await docxXml(name))['word/document.xml']!;
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(doc).toMatch(/<w:docGrid w:type="lines" w:linePitch="579"/);
    expect(doc).toMatch(/<w:spacing [^>]*w:line="579" w:lineRule="exact"\/>/);
    expect(doc).toContain('<w:widowControl w:val="false"/>');
    expect(doc).toContain('<w:spacing w:val="-5"/>'); // 28 characters a line
    expect(doc).toContain('<w:ind w:firstLine="640" w:firstLineChars="200"/>');
  });

  it('sets the East Asian font on every run and uses 2号, 3号 and 4号 sizes', async () => {
    const xml = await docxXml(name);
    const doc = xml['word/document.xml']!;
    const runs = doc.match(/<w:r>[\s\S]*?<\/w:r>/g)!.filter((r) => r.includes('<w:t'));
    expect(runs.length).toBeGreaterThan(50);
    for (const r of runs) expect(r).toMatch(/w:eastAsia="[^"]+"/);
    expect(doc).toContain('w:eastAsia="仿宋_GB2312"');
    expect(doc).toContain('w:eastAsia="方正小标宋简体"');
    expect(doc).toContain('w:eastAsia="黑体"');
    for (const size of [44, 32, 28]) expect(doc).toContain(`<w:sz w:val="${size}"/>`);
    expect(xml['word/styles.xml']).toContain('w:eastAsia="仿宋_GB2312"');
  });

  it('has odd and even footers with the PAGE field between em dashes', async () => {
    const xml = await docxXml(name);
    expect(xml['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
    const footers = Object.entries(xml).filter(([p]) => /word\/footer\d+\.xml/.test(p)).map(([, x]) => x);
    expect(footers.length).toBeGreaterThanOrEqual(2);
    for (const f of footers) {
      expect(f).toMatch(/PAGE/);
      expect(plain(f)).toContain('— ');
    }
    expect(footers.some((f) => f.includes('<w:jc w:val="right"/>'))).toBe(true);
    expect(footers.some((f) => f.includes('<w:jc w:val="left"/>'))).toBe(true);
  });

  it('names the units the rules put under 表扬, 批评 and 零通报', async () => {
    const doc = (await docxXml(name))['word/document.xml']!;
    const ps = paragraphs(doc);
    const after = (heading: string): string => {
      const i = ps.findIndex((p) => p === heading);
      expect(i, heading).toBeGreaterThan(-1);
      const rest = ps.slice(i + 1);
      const next = rest.findIndex((p) => /^[一二三四五]、/.test(p));
      return rest.slice(0, next < 0 ? undefined : next).join('\n');
    };
    const praise = after('二、通报表扬');
    expect(praise).toContain('镇街：凤城街道（111分）');
    expect(praise).toContain('第一数量级：区发展和改革委员会（130分）');
    expect(praise).toContain('第二数量级：区医疗保障局（110分）');
    const criticise = after('三、通报批评');
    expect(criticise).toContain('镇街：张家洼街道（80分）');
    expect(criticise).toContain('第一数量级：区财政局（-10分）');
    expect(criticise).toContain('第二数量级：区审计局（38分）');
    expect(criticise).toContain('张家洼街道2019年第二季度发生重大信息迟报漏报');
    const problems = after('四、存在问题');
    expect(problems).toContain('信息采用为零的单位（零通报）：张家洼街道、区财政局、区医疗保障局、区审计局。');
    expect(problems).toContain('有整月未报送信息的单位：区财政局（6月）');
    expect(ps).toContain('各功能区管委会，各镇（街道）人民政府（办事处），区政府各部门，区直各企事业单位：');
    expect(ps).toContain('附件：1. 2019年第二季度全区政务信息计分排名表');
    expect(ps).toContain('2. 2019年第二季度全区政务信息采用目录');
    expect(ps).toContain('莱芜政办字〔2019〕　　号');
    expect(ps).toContain('2019年7月10日');
  });

  it('puts the ranking tables on a new page, with fixed twip widths, repeated headers and a paragraph in every cell', async () => {
    const doc = (await docxXml(name))['word/document.xml']!;
    expect(doc).toContain('<w:pageBreakBefore/>');
    const tables = doc.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g)!;
    const ranking = tables.filter((t) => plain(t).startsWith('排名单位报送采用批示得分'));
    // one table for the attachment, each group's name a row across it
    expect(ranking).toHaveLength(1);
    for (const g of ['一、镇街', '二、第一数量级', '三、第二数量级']) expect(plain(ranking[0]!)).toContain(g);
    expect(ranking[0]).toContain('<w:trHeight w:val="579" w:hRule="exact"/>');
    for (const t of ranking) {
      expect(t).toContain('<w:tblLayout w:type="fixed"/>');
      expect(t).toContain('<w:tblW w:type="dxa" w:w="8845"/>');
      expect(t).toContain('<w:tblHeader/>');
      expect(t).not.toContain('w:type="pct"');
      const cells = t.match(/<w:tc>[\s\S]*?<\/w:tc>/g)!;
      for (const c of cells) expect(c).toContain('<w:p>');
    }
    expect(plain(ranking[0]!)).toContain('1凤城街道6041111');
    const catalogue = tables.find((t) => plain(t).startsWith('刊物期号信息标题单位采用日期得分'));
    expect(catalogue, '采用信息目录').toBeDefined();
    expect(plain(catalogue!)).toContain('国务院办公厅采用');
  });
});

describe('the annual circular and the SMS list', () => {
  it('the annual circular proposes 先进单位 and 先进个人 and keeps the format', async () => {
    const name = readdirSync(out).find((f) => f.startsWith('关于2019年度'))!;
    expect(name).toBe('关于2019年度全区政务信息工作情况的通报（稿）.docx');
    const doc = (await docxXml(name))['word/document.xml']!;
    const text = paragraphs(doc).join('\n');
    expect(text).toContain('二、先进单位和先进个人');
    expect(text).toMatch(/拟评选以下\d+个单位为2019年度全区政务信息工作先进单位/);
    expect(text).toContain('附件1');
    expect(text).toContain('附件2');
    expect(doc).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
  });

  it('the SMS list has one line per unit with the engine’s score and rank', () => {
    const text = readFileSync(file('2019年第二季度政务信息得分短信.txt'), 'utf8');
    const lines = text.replace(/^\uFEFF/, '').replace(/\r\n$/, '').split('\r\n');
    expect(lines).toHaveLength(allUnitScores(q2).length);
    const texts = lines.map((l) => l.split('\t')[2]);
    // the quarter is not locked: every text says its score is provisional
    const note = '（2019年第二季度尚未锁定，得分为暂定）';
    expect(texts[0]).toBe(`【莱芜区政府办公室】凤城街道：2019年第二季度政务信息得分111分，在镇街中排名第1。${note}`);
    expect(texts).toContain(`【莱芜区政府办公室】区财政局：2019年第二季度政务信息得分-10分，在第一数量级中排名第2。${note}`);
    expect(lines[0]!.split('\t')[1]).toBe('王五');
  });
});

describe('rendering (LibreOffice)', () => {
  const hasSoffice = spawnSync('which', ['soffice']).status === 0;
  it.runIf(hasSoffice || process.env.CI === 'true')('every workbook and circular opens and converts without error', { timeout: 300_000 }, () => {
    const r = spawnSync(process.execPath, [join(__dirname, '../../../scripts/render.mjs'), out], { encoding: 'utf8', timeout: 300_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('.docx →');
    const pngs = readdirSync(join(out, 'render')).filter((f) => f.endsWith('.png'));
    expect(pngs.length).toBeGreaterThanOrEqual(10);
  });
});
