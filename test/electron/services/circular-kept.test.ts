// A period's circular as the clerk left it, and a locked quarter's files: the 成文日期, 文号 and rewritten parts are
// remembered and used by the export; locking keeps the files the quarter went out with, and exporting it later
// writes those files, whatever the templates say by then; the signed final version goes with them.
import JSZip from 'jszip';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Db } from '../../../electron/db/database';
import { attachSigned, circularPreview, saveCircularIssue } from '../../../electron/services/circular';
import { lockQuarter, unlockQuarter } from '../../../electron/services/locks';
import { documentsToKeep, writeReports } from '../../../electron/services/report';
import { periodOf } from '../../../electron/services/scores';
import { keptDocumentList } from '../../../electron/store/circulars';
import { readSettings, writeSettings } from '../../../electron/store/settings';
import { METHODS } from '../../../shared/ipc/contract';
import { runCli, tempDir } from '../../helpers/cli';
import { writeLedgerWorkbook } from '../../helpers/ledger-fixture';

const dir = tempDir();
const AS_OF = '2019-07-10';
const Q2 = periodOf('2019Q2');
let db: Db;

beforeAll(async () => {
  const ledger = join(dir, 'ledger.xlsx');
  await writeLedgerWorkbook(ledger);
  expect(runCli(['import', ledger, '--db', join(dir, 'zwxx.db')]).code).toBe(0);
  db = openDatabase(join(dir, 'zwxx.db'));
});
afterAll(() => closeDatabase(db));

async function docText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  return (xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []).map((p) => (p.match(/<w:t[^>]*>([^<]*)<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join('')).join('\n');
}

describe('the circular of a period as the clerk left it', () => {
  it('remembers the 成文日期, 文号 and a rewritten part, and the export uses them', async () => {
    saveCircularIssue(db, { period: '2019Q2', date: '2019-07-12', docNo: '12', edits: { problems: ['个别单位报送不及时，请对照通报逐项整改。'] } }, 'test');
    const preview = circularPreview(db, Q2, AS_OF);
    expect(preview.issue).toEqual({ date: '2019-07-12', docNo: '12', edits: { problems: ['个别单位报送不及时，请对照通报逐项整改。'] } });
    expect(preview.text.sections.find((s) => s.key === 'problems')!.paragraphs).toEqual(['个别单位报送不及时，请对照通报逐项整改。']);
    // the draft as the data gives it stays at hand, to go back to
    expect(preview.drafted.sections.find((s) => s.key === 'problems')!.paragraphs.join('')).toContain('零通报');
    const files = await writeReports(db, Q2, join(dir, 'open'), AS_OF);
    const text = await docText(files.circular!);
    expect(text).toContain('莱芜政办字〔2019〕12号');
    expect(text).toContain('2019年7月12日');
    expect(text).toContain('个别单位报送不及时，请对照通报逐项整改。');
    expect(text).not.toContain('信息采用为零的单位（零通报）');
  });

  it('refuses a bad date or part name in Chinese at the front door, and changes nothing', () => {
    const args = METHODS['circular:saveIssue'];
    const bad = args.safeParse({ period: '2019Q2', date: '2019/7/12', docNo: '', edits: {} });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.message).toBe('日期格式应为 YYYY-MM-DD');
    const part = args.safeParse({ period: '2019Q2', date: null, docNo: '', edits: { summary: ['x'] } });
    expect(part.success).toBe(false);
    expect(circularPreview(db, Q2, AS_OF).issue.docNo).toBe('12');
  });
});

describe('a locked quarter keeps what it went out with', () => {
  it('keeps the workbook, circular and SMS list at lock time, dated the lock day and not 暂定', async () => {
    lockQuarter(db, Q2, 'test', AS_OF, await documentsToKeep(db, Q2, AS_OF));
    const kept = keptDocumentList(db, '2019Q2');
    expect(kept.map((k) => [k.kind, k.name])).toEqual([
      ['generated', '2019年第二季度政务信息计分表.xlsx'],
      ['generated', '关于2019年第二季度全区政务信息报送采用情况的通报（稿）.docx'],
      ['generated', '2019年第二季度政务信息得分短信.txt'],
    ]);
    expect(circularPreview(db, Q2, AS_OF).kept).toHaveLength(3);
  });

  it('exports the kept files even after the templates change, and refuses to change the kept choices', async () => {
    const s = readSettings(db);
    writeSettings(db, { ...s, templates: { ...s.templates, opening: '模板改过之后的开头。' } }, 'test');
    const files = await writeReports(db, Q2, join(dir, 'locked'), '2019-09-01');
    expect(files.kept).toBe(true);
    const text = await docText(files.circular!);
    expect(text).not.toContain('模板改过之后的开头。');
    expect(text).toContain('莱芜政办字〔2019〕12号');
    const sms = readFileSync(files.sms!, 'utf8');
    expect(sms).not.toContain('暂定');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(files.workbook);
    expect(String(wb.getWorksheet('计分排名')!.getCell('A2').value)).toContain('制表日期：2019年7月10日');
    expect(() => saveCircularIssue(db, { period: '2019Q2', date: '2019-07-20', docNo: '13', edits: {} }, 'test')).toThrow(/已锁定/);
    expect(circularPreview(db, Q2, AS_OF).issue.docNo).toBe('12');
  });

  it('keeps the signed final version and exports it with the kept files', async () => {
    const scan = join(dir, '签发稿.pdf');
    writeFileSync(scan, '%PDF-1.4 signed');
    expect(attachSigned(db, Q2, scan, 'test')).toEqual({ name: '签发稿.pdf' });
    const files = await writeReports(db, Q2, join(dir, 'signed'), '2019-09-01');
    expect(files.signed).toHaveLength(1);
    expect(readFileSync(files.signed[0]!, 'utf8')).toBe('%PDF-1.4 signed');
    expect(() => attachSigned(db, periodOf('2019Q3'), scan, 'test')).toThrow(/还没有锁定/);
  });

  it('once unlocked, the export is made afresh from the ledger and the templates', async () => {
    unlockQuarter(db, Q2, 'test');
    const files = await writeReports(db, Q2, join(dir, 'unlocked'), AS_OF);
    expect(files.kept).toBe(false);
    expect(await docText(files.circular!)).toContain('模板改过之后的开头。');
    expect(readFileSync(files.sms!, 'utf8')).toContain('暂定');
  });
});
