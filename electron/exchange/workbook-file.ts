// Opening a workbook a clerk picked: the first bytes decide what it is, and every failure is a clear message.
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { basename, extname } from 'node:path';
import { UserError } from '../db/errors';
import { setCell, type Book, type BookFormat, type BookSheet } from './book';
import { readCell } from './cells';
import { LIMITS } from './limits';
import { decodeText, readBinaryWithSheetJs, readTextWithSheetJs } from './sheetjs-book';

export { IMPORT_EXTENSIONS, LIMITS } from './limits';

const damaged = (name: string): UserError =>
  new UserError(`“${name}”已损坏或不完整，无法读取。请在 WPS 或 Excel 中打开，确认内容完整后另存为 .xlsx 再导入。`);

/**
 * Walks the zip's central directory and inflates every entry with a hard output limit, before ExcelJS sees the
 * file: a workbook whose parts expand beyond the limits (a zip bomb, whatever its headers claim) is refused.
 */
export function inspectZip(buf: Buffer, name: string): { entries: number; bytes: number; names: string[] } {
  const tooBig = new UserError(
    `“${name}”解压后超过 ${LIMITS.totalBytes / 1024 / 1024} MB（或其中某个部分超过 ${LIMITS.entryBytes / 1024 / 1024} MB），不像正常的工作簿，已拒绝导入。请在 WPS 或 Excel 中打开，删去无关内容后另存为 .xlsx 再导入。`,
  );
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--)
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw damaged(name);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || p === 0xffffffff) throw tooBig; // ZIP64: far beyond any workbook a clerk imports
  if (count > LIMITS.zipEntries)
    throw new UserError(`“${name}”中包含 ${count} 个部件，超过上限 ${LIMITS.zipEntries}，不像正常的工作簿，已拒绝导入。`);
  let total = 0;
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw damaged(name);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const declared = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    names.push(buf.toString('utf8', p + 46, Math.min(buf.length, p + 46 + nameLen)));
    const local = buf.readUInt32LE(p + 42);
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) throw damaged(name);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + compressed > buf.length) throw damaged(name);
    const data = buf.subarray(start, start + compressed);
    let size: number;
    if (method === 0) size = compressed;
    else if (method === 8) {
      try {
        size = inflateRawSync(data, { maxOutputLength: LIMITS.entryBytes }).length;
      } catch (e) {
        if (e instanceof RangeError || (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooBig;
        throw damaged(name);
      }
    } else throw damaged(name);
    // sizes that lie: the directory promises one size and the data holds another
    if (size !== declared) throw damaged(name);
    total += size;
    if (total > LIMITS.totalBytes) throw tooBig;
  }
  return { entries: count, bytes: total, names };
}

function head(file: string, n: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const read = readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

const passwordProtected = (name: string): UserError =>
  new UserError(`“${name}”受密码保护（已加密），无法读取。请在 WPS 或 Excel 中用密码打开，取消密码后另存，再导入。`);

const SAVE_AS = '请在 WPS 或 Excel 中打开后另存为 .xlsx 再导入。';

/** Text, not a binary file: no NUL bytes near the start (UTF-16 text has them, but begins with a BOM). */
const looksLikeText = (b: Buffer): boolean =>
  (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff) || !b.subarray(0, 4096).includes(0);

/**
 * Whole-column drop-down lists (`sqref="Q2:Q1048576"`, common in WPS and Excel templates) make exceljs build a
 * million-cell model per list; a template with a dozen of them never finishes. The importer needs no validations,
 * so they are cut from the sheet XML before exceljs sees it, and so are merges too large to mean anything.
 */
export function neutraliseSheetXml(xml: string): string {
  return xml
    .replace(/<(\w+:)?dataValidations\b[^>]*\/>/g, '')
    .replace(/<(\w+:)?dataValidations\b[\s\S]*?<\/\1?dataValidations>/g, '')
    .replace(/<mergeCell\b[^>]*\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"[^>]*\/>/g, (m, c1: string, r1: string, c2: string, r2: string) =>
      (Number(r2) - Number(r1) + 1) * (colNumber(c2) - colNumber(c1) + 1) > 100_000 ? '' : m,
    );
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** The sheets named in workbook.xml, each with the part its relationship points at. */
function sheetParts(workbookXml: string, relsXml: string): { sheet: string; part: string }[] {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target && !/TargetMode="External"/.test(m[0])) targets.set(id, target);
  }
  const out: { sheet: string; part: string }[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const sheet = /\bname="([^"]*)"/.exec(m[0])?.[1] ?? '';
    const id = /\br:id="([^"]*)"/.exec(m[0])?.[1] ?? /\b\w+:id="([^"]*)"/.exec(m[0])?.[1];
    const target = id ? targets.get(id) : undefined;
    if (!target) continue;
    out.push({ sheet, part: target.startsWith('/') ? target.slice(1) : `xl/${target}`.replace(/\/\.\//g, '/') });
  }
  return out;
}

async function readXlsx(buf: Buffer, name: string): Promise<Book> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf);
  } catch {
    throw damaged(name);
  }
  const workbookXml = await zip.file('xl/workbook.xml')?.async('string');
  const relsXml = await zip.file('xl/_rels/workbook.xml.rels')?.async('string');
  if (workbookXml === undefined || relsXml === undefined) throw damaged(name);
  for (const { sheet, part } of sheetParts(workbookXml, relsXml))
    if (!zip.file(part))
      throw new UserError(
        `“${name}”不完整：工作表“${sheet}”的内容（${part}）在文件中缺失。请在 WPS 或 Excel 中打开，确认各工作表完整后另存为 .xlsx 再导入。`,
      );
  for (const part of Object.keys(zip.files))
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(part)) zip.file(part, neutraliseSheetXml(await zip.file(part)!.async('string')));
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load((await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' })) as unknown as ArrayBuffer);
  } catch {
    throw damaged(name);
  }
  return bookFromExcelJs(wb);
}

/** exceljs's model as a Book (merged cells already read the master's value there). */
export function bookFromExcelJs(wb: ExcelJS.Workbook): Book {
  const sheets: BookSheet[] = [];
  for (const ws of wb.worksheets) {
    const sheet: BookSheet = { name: ws.name, rows: [] };
    const last = Math.min(ws.rowCount, LIMITS.rows + 100);
    for (let r = 1; r <= last; r++) {
      const row = ws.findRow(r);
      if (!row) continue;
      row.eachCell({ includeEmpty: false }, (cell, c) => setCell(sheet, r, c, readCell(cell)));
    }
    // a sheet longer than the limit keeps its length, so the row reader can say so
    while (sheet.rows.length < ws.rowCount && sheet.rows.length <= LIMITS.rows + 100) sheet.rows.push(null);
    sheets.push(sheet);
  }
  return { format: 'xlsx', sheets };
}

function readCfb(buf: Buffer, name: string, format: BookFormat): Book {
  let entries: string[];
  try {
    const cfb = XLSX.CFB.read(buf, { type: 'buffer' }) as { FileIndex: { name: string }[] };
    entries = cfb.FileIndex.map((e) => e.name);
  } catch {
    throw damaged(name);
  }
  // an encrypted .xlsx is an OLE container holding EncryptionInfo and EncryptedPackage
  if (entries.includes('EncryptionInfo') || entries.includes('EncryptedPackage')) throw passwordProtected(name);
  if (!entries.includes('Workbook') && !entries.includes('Book'))
    throw new UserError(`“${name}”不是 Excel 工作簿（可能是 Word 文档或其他 Office 文件）。${SAVE_AS}`);
  try {
    return readBinaryWithSheetJs(buf, format);
  } catch (e) {
    if (/password|encrypt/i.test(e instanceof Error ? e.message : String(e))) throw passwordProtected(name);
    throw damaged(name);
  }
}

function readZip(buf: Buffer, name: string): Promise<Book> | Book {
  const { names } = inspectZip(buf, name);
  const has = (n: string): boolean => names.includes(n);
  if (has('xl/workbook.xml')) return readXlsx(buf, name);
  const sheetJs = (format: BookFormat): Book => {
    try {
      return readBinaryWithSheetJs(buf, format);
    } catch (e) {
      if (/password|encrypt/i.test(e instanceof Error ? e.message : String(e))) throw passwordProtected(name);
      throw damaged(name);
    }
  };
  if (has('xl/workbook.bin')) return sheetJs('xlsb');
  if (has('content.xml') && has('mimetype')) {
    if (names.includes('META-INF/manifest.xml') && /encryption-data/.test(buf.toString('latin1'))) throw passwordProtected(name);
    return sheetJs('ods');
  }
  if (names.some((n) => n.startsWith('Index/') || n === 'Index.zip'))
    throw new UserError(`“${name}”是苹果 Numbers 表格，本程序不能直接读取。请在 Numbers 中选择“文件 → 导出为 → Excel”，存为 .xlsx 后再导入。`);
  if (has('word/document.xml')) throw new UserError(`“${name}”是 Word 文档，不是表格。请选择 Excel 或 WPS 表格文件。`);
  if (has('ppt/presentation.xml')) throw new UserError(`“${name}”是演示文稿，不是表格。请选择 Excel 或 WPS 表格文件。`);
  throw new UserError(`“${name}”是压缩包，不是 Excel 工作簿。请解压后选择其中的表格文件，或在 WPS 或 Excel 中另存为 .xlsx 再导入。`);
}

/**
 * Reads any spreadsheet a clerk has into a Book: .xlsx through exceljs (with whole-column drop-downs cut first),
 * .xls, WPS .et, .ods, .xlsb and .csv through SheetJS. The first bytes decide, not the extension; every refusal is a
 * one-line message saying what to do. Runs in the caller's thread: use readBookBounded for a file a clerk picked.
 */
export async function readBook(file: string): Promise<Book> {
  try {
    return await readAnyBook(file);
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw damaged(basename(file)); // whatever a reader library throws on a broken file, the clerk gets one clear line
  }
}

async function readAnyBook(file: string): Promise<Book> {
  const name = basename(file);
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new UserError(`找不到文件“${file}”，请检查路径。`);
  }
  if (size === 0) throw new UserError(`“${name}”是空文件（0 字节），请选择保存好的 Excel 工作簿。`);
  if (size > LIMITS.fileBytes)
    throw new UserError(
      `“${name}”有 ${(size / 1024 / 1024).toFixed(1)} MB，超过导入上限 ${LIMITS.fileBytes / 1024 / 1024} MB。请删去图片和无关工作表，或分成几个工作簿导入。`,
    );
  const ext = extname(file).slice(1).toLowerCase();
  const magic = head(file, 8);
  if (magic.length >= 4 && magic.readUInt32BE(0) === 0xd0cf11e0) return readCfb(readFileSync(file), name, ext === 'et' ? 'et' : 'xls');
  if (magic[0] === 0x50 && magic[1] === 0x4b) return readZip(readFileSync(file), name);
  if (ext === 'csv' || ext === 'txt') {
    const book = readTextWithSheetJs(decodeText(readFileSync(file)), 'csv', basename(file, extname(file)));
    return book;
  }
  const text = looksLikeText(head(file, 4096));
  if (text && (ext === 'xls' || ext === 'et')) {
    // many systems "export to Excel" as an HTML table named .xls
    const body = decodeText(readFileSync(file));
    if (/<table[\s>]/i.test(body)) {
      try {
        return readTextWithSheetJs(body, 'html', basename(file, extname(file)));
      } catch {
        throw damaged(name);
      }
    }
  }
  if (text)
    throw new UserError(
      `“${name}”不是 Excel 工作簿（.xlsx），看起来是改了扩展名的文本文件。若它是 CSV，请把扩展名改为 .csv 再导入；否则${SAVE_AS}`,
    );
  throw new UserError(`“${name}”不是 Excel 工作簿（.xlsx），也不是能读取的其他表格格式。${SAVE_AS}`);
}
