// The adoptions 定版 records carry the issue's 期号, and every place that lists adoptions shows it: the item's detail
// (the drawer: 第N期（总第M期）), the 采用明细 sheet of the score workbook and the circular's 采用信息目录 attachment
// (第N期), read back from the written .xlsx and .docx. A hand-logged adoption 定版 linked, its 期号 left blank, shows
// the issue's 期号 too; one typed differently keeps what was typed.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Db } from '../../../electron/db/database';
import { publishIssue, saveDraft } from '../../../electron/services/journal';
import { createAdoptions, createItem, saveUnit } from '../../../electron/services/ledger';
import { itemDetail } from '../../../electron/services/queries';
import { writeReports, type ReportFiles } from '../../../electron/services/report';
import { periodOf } from '../../../electron/services/scores';
import { readSettings, writeSettings } from '../../../electron/services/settings';
import { tempDir } from '../../helpers/cli';

const dir = tempDir();
let db: Db;
const ids: Record<string, number> = {};
let files: ReportFiles;

const TITLES = {
  single: '区财政局多措并举优化营商环境',
  brief: '凤城街道开展安全生产大检查',
  linked: '区审计局扎实开展审计整改',
  typed: '区审计局召开审计工作会议',
};

beforeAll(async () => {
  db = openDatabase(join(dir, 'zwxx.db'));
  const unit = (name: string, group: string) => saveUnit(db, { name, group, aliases: [], contact: '', phone: '', activeFrom: null, activeUntil: null, note: '' }, '测试').id;
  const units = { 财政: unit('区财政局', 'dept1'), 审计: unit('区审计局', 'dept2'), 凤城: unit('凤城街道', 'town') };
  const item = (key: keyof typeof TITLES, unitId: number) =>
    (ids[key] = createItem(db, { unitId, date: '2019-06-10', title: TITLES[key], kinds: [], authors: [], note: '', body: `${TITLES[key]}。` }, '测试'));
  item('single', units.财政);
  item('brief', units.凤城);
  item('linked', units.审计);
  item('typed', units.审计);
  // logged by hand before the issue was made: one without its 期号, one with a 期号 of its own
  createAdoptions(
    db,
    [
      { itemId: ids.linked!, publication: 'district', form: 'single', date: '2019-06-15', issueNo: '', note: '' },
      { itemId: ids.typed!, publication: 'district', form: 'single', date: '2019-06-15', issueNo: '增刊1', note: '' },
    ],
    '测试',
  );
  const s = readSettings(db);
  writeSettings(db, { ...s, attachments: ['ranking', 'adoptions'], journal: { ...s.journal, startYear: 2019, startNo: 56, startTotalNo: 1234 } }, '测试');
  const single = (id: number) => ({ itemIds: [id], form: 'single' as const, title: '', body: '', editorNote: '' });
  const issue = saveDraft(
    db,
    undefined,
    {
      publication: '莱芜政务信息',
      date: '2019-06-20',
      editorNote: '',
      sections: [
        { name: '工作动态', entries: [single(ids.single!), single(ids.linked!), single(ids.typed!)] },
        { name: '简讯', entries: [{ itemIds: [ids.brief!], form: 'brief', title: '', body: '', editorNote: '' }] },
      ],
    },
    '测试',
  );
  expect(publishIssue(db, issue, '测试')).toMatchObject({ label: '第56期（总第1234期）', created: 2, linked: 2 });
  files = await writeReports(db, periodOf('2019Q2'), dir, '2019-07-10');
}, 120_000);
afterAll(() => closeDatabase(db));

describe('期号 of the adoptions 定版 recorded', () => {
  it('the drawer shows 第56期（总第1234期）, and a 期号 typed by hand as it was typed', () => {
    const issueNo = (key: string) => itemDetail(db, ids[key]!).adoptionRecords.map((r) => r.record.issueNo);
    expect(issueNo('single')).toEqual(['第56期（总第1234期）']);
    expect(issueNo('brief')).toEqual(['第56期（总第1234期）']);
    expect(issueNo('linked')).toEqual(['第56期（总第1234期）']);
    expect(issueNo('typed')).toEqual(['增刊1']);
  });

  it('the 采用明细 sheet of the score workbook gives each its 期号', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(files.workbook);
    const ws = wb.getWorksheet('采用明细')!;
    const headers: unknown[] = [];
    for (let c = 1; c <= ws.columnCount; c++) headers.push(ws.getCell(3, c).value);
    const col = (h: string) => headers.indexOf(h) + 1;
    const rows: Record<string, string> = {};
    for (let r = 4; r <= ws.rowCount; r++) {
      const title = String(ws.getCell(r, col('信息标题')).value ?? '');
      if (title) rows[title] = String(ws.getCell(r, col('期号')).value ?? '');
    }
    expect(rows).toEqual({ [TITLES.single]: '第56期', [TITLES.brief]: '第56期', [TITLES.linked]: '第56期', [TITLES.typed]: '增刊1' });
  });

  it('the circular’s 采用信息目录 lists each with its 期号', async () => {
    const xml = await (await JSZip.loadAsync(readFileSync(files.circular!))).file('word/document.xml')!.async('string');
    // the attachment's table: one row per adoption, 期号 in the cell before the title
    const rows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => [...m[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => [...c[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')));
    const numberOf = (title: string) => {
      const row = rows.find((r) => r.includes(title));
      return row?.[row.indexOf(title) - 1];
    };
    expect(rows.find((r) => r.includes('期号')), 'the 期号 column').toBeDefined();
    expect(numberOf(TITLES.single)).toBe('第56期');
    expect(numberOf(TITLES.brief)).toBe('第56期');
    expect(numberOf(TITLES.linked)).toBe('第56期');
    expect(numberOf(TITLES.typed)).toBe('增刊1');
  });
});
