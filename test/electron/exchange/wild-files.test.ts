// Files written by other programs, and files that are not what they claim: each answered within seconds with a
// one-line Chinese message (exit 1, data unchanged), never a hang.
import * as XLSX from '@e965/xlsx';
import JSZip from 'jszip';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readBookBounded } from '../../../electron/exchange/bounded-read';
import { readBook } from '../../../electron/exchange/workbook-file';
import { runCli, tempDir } from '../../helpers/cli';
import { expectImportRefused } from '../../helpers/refusals';
import { convertWithLibreOffice } from '../../helpers/convert';
import { writeWorkbook, type SheetSpec } from '../../helpers/workbooks';

const FIXTURES = resolve(__dirname, '../../fixtures');
const HANG = join(FIXTURES, 'wps-template-hang.xlsx');
const dir = tempDir();
const db = join(dir, 'zwxx.db');

const items: SheetSpec = {
  name: '信息',
  headers: ['编号', '报送日期', '报送单位', '信息标题'],
  rows: [['W-1', '2019-07-01', '凤城街道', '一条好信息']],
};


const expectRefused = (file: string, ...expected: string[]): string => expectImportRefused(db, file, ...expected);

/** A BIFF8 workbook stream with a FILEPASS record (RC4 encryption) right after its BOF, as Excel writes one. */
function withFilePass(xls: Buffer): Buffer {
  const cfb = XLSX.CFB.read(xls, { type: 'buffer' }) as { FileIndex: { name: string; content: Buffer | number[] }[] };
  const entry = cfb.FileIndex.find((e) => e.name === 'Workbook')!;
  const stream = Buffer.from(entry.content as Buffer);
  const bofEnd = 4 + stream.readUInt16LE(2);
  const filePass = Buffer.alloc(4 + 54);
  filePass.writeUInt16LE(0x002f, 0);
  filePass.writeUInt16LE(54, 2);
  filePass.writeUInt16LE(1, 4); // RC4
  filePass.writeUInt16LE(1, 6); // major
  filePass.writeUInt16LE(1, 8); // minor
  for (let i = 10; i < filePass.length; i++) filePass[i] = (i * 37) & 0xff; // salt, verifier, verifier hash
  entry.content = Buffer.concat([stream.subarray(0, bofEnd), filePass, stream.subarray(bofEnd)]);
  return XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer;
}

describe('files from the wild', () => {
  beforeAll(() => {
    const r = runCli(['import', join(FIXTURES, 'roster-laiwu-2019.csv'), '--db', db]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it('the WPS template with whole-column drop-down lists is read (and has nothing to import)', async () => {
    const book = await readBook(HANG);
    expect(book.sheets.map((s) => s.name)).toEqual(['人员导入模版', '人员导入模板说明']);
    expect(book.sheets[0]!.rows.length).toBe(3);
    expectRefused(HANG, '没有可导入的工作表');
  });

  it('a reader that loops is stopped by the time bound, with a message', async () => {
    // a heap ceiling well above what 5 s of looping allocates, so the time limit is what stops it: V8 can abort the
    // whole process, not just the worker, when a worker dies at its heap ceiling mid-allocation (seen on this machine)
    const started = readBookBounded(HANG, { heapMb: 3072, seconds: 5 }, resolve(__dirname, '../../helpers/exceljs-raw-worker.ts'));
    await expect(started).rejects.toThrow(/超过 5 秒仍未完成/);
  });

  it('a rels entry naming a part that is missing', async () => {
    const whole = join(dir, 'two-sheets.xlsx');
    await writeWorkbook(whole, [items, { name: '采用', headers: ['信息编号', '刊物', '采用日期'], rows: [] }]);
    const zip = await JSZip.loadAsync(readFileSync(whole));
    zip.remove('xl/worksheets/sheet2.xml');
    const f = join(dir, 'missing-part.xlsx');
    writeFileSync(f, await zip.generateAsync({ type: 'nodebuffer' }));
    const out = expectRefused(f, '工作表“采用”的内容（xl/worksheets/sheet2.xml）在文件中缺失');
    expect(out.trim().split('\n')).toHaveLength(1);
  });

  it('an encrypted .xlsx (an OLE container with EncryptionInfo)', () => {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, 'EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
    XLSX.CFB.utils.cfb_add(cfb, 'EncryptedPackage', Buffer.alloc(4096, 7));
    const f = join(dir, 'encrypted.xlsx');
    writeFileSync(f, XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer);
    expectRefused(f, '受密码保护', '取消密码后另存');
  });

  it('an encrypted .xls (FILEPASS)', async () => {
    const plain = join(dir, 'plain.xlsx');
    await writeWorkbook(plain, [items]);
    const xls = convertWithLibreOffice(plain, 'xls', dir);
    const f = join(dir, 'encrypted.xls');
    writeFileSync(f, withFilePass(readFileSync(xls)));
    expectRefused(f, '受密码保护', '取消密码后另存');
  });

  it('a .numbers file', async () => {
    const zip = new JSZip();
    zip.file('Index/Document.iwa', Buffer.alloc(64, 1));
    zip.file('Metadata/Properties.plist', '<plist/>');
    const f = join(dir, 'ledger.numbers');
    writeFileSync(f, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    expectRefused(f, 'Numbers', '导出为', 'Excel');
  });

  it('a zip whose entry sizes lie', async () => {
    const whole = join(dir, 'whole.xlsx');
    await writeWorkbook(whole, [items]);
    const buf = readFileSync(whole);
    // every central-directory entry claims one byte more than it holds
    for (let p = buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); p >= 0; p = buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p + 4))
      buf.writeUInt32LE(buf.readUInt32LE(p + 24) + 1, p + 24);
    const f = join(dir, 'lying-sizes.xlsx');
    writeFileSync(f, buf);
    expectRefused(f, '已损坏或不完整');
  });

  it('text renamed .xlsx', () => {
    const f = join(dir, 'renamed.xlsx');
    writeFileSync(f, '编号,报送日期,报送单位,信息标题\nW-2,2019-07-01,凤城街道,标题\n');
    expectRefused(f, '改了扩展名的文本文件', '.csv');
  });

  it('a Word document renamed .xls', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', '<w:document/>');
    const f = join(dir, 'report.xlsx');
    writeFileSync(f, await zip.generateAsync({ type: 'nodebuffer' }));
    expectRefused(f, '是 Word 文档');
  });
});
