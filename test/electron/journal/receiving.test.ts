// 收稿 on real files: a .docx written by the docx library, a .doc and a .wps written by LibreOffice, a .txt; and the
// files that must be refused (damaged, not Word, too large), each with a Chinese message and nothing written.
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Db } from '../../../electron/db/database';
import { saveUnit } from '../../../electron/services/ledger';
import { itemDetail } from '../../../electron/services/queries';
import { confirm, preview } from '../../../electron/services/receiving';
import { itemFile } from '../../../electron/store/journal';
import { ITEM_FILE_MAX_BYTES } from '../../../shared/journal';
import { tempDir } from '../../helpers/cli';
import { convertWithLibreOffice } from '../../helpers/convert';

const dir = tempDir();
const inbox = join(dir, '收稿');
const bad = join(dir, '坏文件');
let db: Db;
const units: Record<string, number> = {};

async function submission(file: string, title: string, lines: string[]): Promise<void> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: title, bold: true, size: 44 })] }),
          ...lines.map((l) => new Paragraph({ children: [new TextRun({ text: l, size: 32 })] })),
        ],
      },
    ],
  });
  writeFileSync(file, await Packer.toBuffer(doc));
}

beforeAll(async () => {
  mkdirSync(inbox, { recursive: true });
  mkdirSync(bad, { recursive: true });
  db = openDatabase(join(dir, 'zwxx.db'));
  const unit = (name: string, group: string, aliases: string[] = []) =>
    (units[name] = saveUnit(db, { name, group, aliases, contact: '', phone: '', activeFrom: null, activeUntil: null, note: '' }, '测试').id);
  unit('区财政局', 'dept1');
  unit('凤城街道', 'town');
  unit('区医疗保障局', 'dept2', ['区医保局']);
  // the unit from a 报送单位 line; the title is the centred bold paragraph, not the first line
  await submission(join(inbox, '信息1.docx'), '区财政局多措并举优化营商环境', ['报送单位：区财政局', '今年以来，区财政局坚持问题导向。', '一是优化流程。', '2019年6月12日']);
  // the unit from the file name; a .doc and a .wps written by LibreOffice (Word 97–2003 binary, as WPS saves .wps)
  const src = join(dir, '凤城街道-安全生产.docx');
  await submission(src, '凤城街道开展安全生产大检查', ['凤城街道近日组织开展安全生产大检查，排查隐患23处。']);
  const doc = convertWithLibreOffice(src, 'doc', dir);
  copyFileSync(doc, join(inbox, '凤城街道-安全生产.doc'));
  copyFileSync(doc, join(inbox, '区医保局-医保下沉.wps'));
  writeFileSync(join(inbox, '区医保局-便民服务.txt'), '区医保局推出十项便民服务\n\n来源：区医保局\n为方便群众办事，区医保局推出十项便民服务。\n');
  // refused: a damaged .docx, an OLE file that is not a Word document (a spreadsheet saved as .wps), too large
  writeFileSync(join(bad, '坏的.docx'), Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]));
  const xls = convertWithLibreOffice(await csvFile(), 'xls', dir);
  copyFileSync(xls, join(bad, '表格改名.wps'));
  writeFileSync(join(bad, '太大.txt'), Buffer.alloc(ITEM_FILE_MAX_BYTES + 1, 0x41));
}, 240_000);

async function csvFile(): Promise<string> {
  const f = join(dir, '表格.csv');
  writeFileSync(f, '单位,条数\n区财政局,3\n');
  return f;
}

describe('收稿', () => {
  it('previews a folder: title, unit, date and first lines from .docx, .doc, .wps and .txt', async () => {
    const p = await preview(db, inbox);
    const byFile = Object.fromEntries(p.rows.map((r) => [r.file, r]));
    expect(p.rows.map((r) => r.problem)).toEqual([null, null, null, null]);
    expect(byFile['信息1.docx']).toMatchObject({ title: '区财政局多措并举优化营商环境', unitId: units['区财政局'], date: '2019-06-12' });
    expect(byFile['信息1.docx']!.firstLines[0]).toBe('今年以来，区财政局坚持问题导向。');
    expect(byFile['凤城街道-安全生产.doc']).toMatchObject({ title: '凤城街道开展安全生产大检查', unitId: units['凤城街道'] });
    expect(byFile['凤城街道-安全生产.doc']!.body).toContain('排查隐患23处');
    // word-extractor reads a .wps that is Word 97–2003 inside (what WPS writes); the unit from the file name's alias
    expect(byFile['区医保局-医保下沉.wps']).toMatchObject({ title: '凤城街道开展安全生产大检查', unitId: units['区医疗保障局'] });
    expect(byFile['区医保局-便民服务.txt']).toMatchObject({ title: '区医保局推出十项便民服务', unitId: units['区医疗保障局'] });
  });

  it('confirms: items with their 正文 and the original file kept, byte for byte', async () => {
    const p = await preview(db, inbox);
    const row = p.rows.find((r) => r.file === '信息1.docx')!;
    const r = confirm(db, [{ token: row.token, unitId: row.unitId!, date: row.date, title: row.title, body: row.body }], '测试');
    expect(r.created).toBe(1);
    const item = itemDetail(db, r.itemIds[0]!);
    expect(item).toMatchObject({ title: '区财政局多措并举优化营商环境', unitName: '区财政局', date: '2019-06-12', file: { name: '信息1.docx' } });
    expect(item.body).toContain('一是优化流程。');
    expect(itemFile(db, item.id)!.data.equals(readFileSync(join(inbox, '信息1.docx')))).toBe(true);
    // a token is used once
    expect(() => confirm(db, [{ token: row.token, unitId: row.unitId!, date: row.date, title: row.title, body: '' }], '测试')).toThrow(/收稿预览已过期/);
  });

  it('refuses damaged, non-Word and oversized files with a Chinese message and offers nothing to import', async () => {
    const count = (db.prepare('SELECT count(*) FROM items').pluck().get() as number);
    const p = await preview(db, bad);
    const byFile = Object.fromEntries(p.rows.map((r) => [r.file, r]));
    expect(byFile['坏的.docx']!.problem).toMatch(/不像正常的 Word 文档.*另存为 \.docx/);
    expect(byFile['表格改名.wps']!.problem).toMatch(/不是本程序能读的 Word 97–2003 格式.*另存为 \.docx/);
    expect(byFile['太大.txt']!.problem).toMatch(/超过稿件文件上限 20 MB/);
    for (const r of p.rows) {
      expect(r.token).toBe('');
      expect(r.problem).not.toMatch(/[A-Za-z]{5,} [a-z]{3,}/);
    }
    expect(db.prepare('SELECT count(*) FROM items').pluck().get()).toBe(count);
    closeDatabase(db);
  });
});
