// Opening a workbook a clerk picked, as one pipeline: the bytes (never the extension) pick a row of FORMATS, that
// row's reader reads it, and when that reader fails on a file that is well formed, its fallback does; every refusal
// is one line saying what to do. docs/数据交换工作簿.md lists the same table for clerks.
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync, statSync } from 'node:fs';
import { basename, extname, posix } from 'node:path';
import officeCrypto from 'officecrypto-tool';
import { messageOf, UserError } from '../db/errors';
import { setCell, type Book, type BookFormat, type BookSheet } from './book';
import { forgetLongStrings, readCell } from './cells';
import { LIMITS } from './limits';
import { HEADER_SCAN_ROWS } from './read-sheet';
import { decideEncoding, readBinaryWithSheetJs, readTextWithSheetJs } from './sheetjs-book';
import { attr, forEachTag, scanSheetXml, xmlShape } from './xml-scan';
import { measureZip, ZipIndex, ZipRefusal } from './zip-index';

export { IMPORT_EXTENSIONS, LIMITS } from './limits';
export { scanSheetXml } from './xml-scan';

/** exceljs's merge handling grows faster than the number of merges (5,000: 2 s, 20,000: 35 s); past this, SheetJS. */
export const EXCELJS_MAX_MERGES = 2_000;

/** The key Excel uses when a file is "encrypted" without a password the clerk chose: it opens without asking. */
const DEFAULT_PASSWORD = 'VelvetSweatshop';

const SAVE_AS = '请在 WPS 或 Excel 中打开后另存为 .xlsx 再导入。';

const damaged = (name: string): UserError =>
  new UserError(`“${name}”已损坏或不完整，无法读取。请在 WPS 或 Excel 中打开，确认内容完整后另存为 .xlsx 再导入。`);

const passwordProtected = (name: string): UserError =>
  new UserError(`“${name}”受密码保护（已加密），无法读取。请在 WPS 或 Excel 中用密码打开，取消密码后另存，再导入。`);

const tooManyRows = (name: string, sheet: string): UserError =>
  new UserError(
    `“${name}”的工作表“${sheet}”超过 ${LIMITS.rows.toLocaleString('en-US')} 行，超过一次导入的上限，未读取。请分成几个工作簿（每个不超过 ${LIMITS.rows.toLocaleString('en-US')} 行）再导入。`,
  );

const tooBig = (name: string): UserError =>
  new UserError(
    `“${name}”解压后超过 ${LIMITS.totalBytes / 1024 / 1024} MB（或其中某个部分超过 ${LIMITS.entryBytes / 1024 / 1024} MB），不像正常的工作簿，已拒绝导入。请在 WPS 或 Excel 中打开，删去无关内容后另存为 .xlsx 再导入。`,
  );

/** What a file is made of, read once; each format's test and reader look at it. */
interface Source {
  name: string;
  ext: string;
  buf: Buffer;
  /** the zip's parts, measured (null when the file is not a zip) */
  zip: ZipIndex | null;
  /** set when the bytes were decrypted with the default key */
  decrypted?: boolean;
}

/** One row of the format table: how it is recognised, who reads it, what happens when that reader fails. */
export interface Format {
  key: string;
  /** what the clerk calls it */
  name: string;
  signature: string;
  reader: string;
  fallback: string;
  test: (s: Source) => boolean;
  read: (s: Source) => Book | Promise<Book>;
}

// ------------------------------------------------------------------------------------------------ sniffing

const isCfb = (b: Buffer): boolean => b.length >= 8 && b.readUInt32BE(0) === 0xd0cf11e0 && b.readUInt32BE(4) === 0xa1b11ae1;
const isZip = (b: Buffer): boolean => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b;

/** CFB stream names, which Office compares without regard to case (WORKBOOK, Book, workbook …). */
function cfbNames(s: Source): Set<string> {
  try {
    const cfb = XLSX.CFB.read(s.buf, { type: 'buffer' }) as { FileIndex: { name: string }[] };
    return new Set(cfb.FileIndex.map((e) => e.name.toLowerCase()));
  } catch {
    throw damaged(s.name);
  }
}

/** Excel 2.x–4.0 files are a bare record stream, not a CFB container: a BOF record (09 00 / 09 02 / 09 04 …) first. */
const isBiffStream = (b: Buffer): boolean =>
  b.length >= 8 && b[0] === 0x09 && [0x00, 0x02, 0x04, 0x08].includes(b[1]!) && b.readUInt16LE(2) >= 4 && b.readUInt16LE(2) <= 20;

/** Text, not a binary file: no NUL bytes near the start (UTF-16 text has them, but begins with a BOM). */
const looksLikeText = (b: Buffer): boolean =>
  (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff) || !b.subarray(0, 4096).includes(0);

/** Flat OpenDocument (.fods) and Excel 2003 XML: one XML file, no zip. */
const isSpreadsheetXml = (b: Buffer): boolean => {
  const h = b.subarray(0, 4096).toString('latin1');
  return /^\s*(\xef\xbb\xbf)?\s*</.test(h) && (/<office:document\b/.test(h) || /urn:schemas-microsoft-com:office:spreadsheet/.test(h));
};

/** The workbook part of an OOXML zip: where `_rels/.rels` points (Office finds it there, whatever its path). */
function workbookPart(zip: ZipIndex): string | null {
  const rels = zip.text('_rels/.rels');
  let found: string | null = null;
  if (rels !== undefined)
    forEachTag(rels, 'Relationship', (tag) => {
      const type = attr(tag, 'Type') ?? '';
      const target = attr(tag, 'Target');
      if (found === null && target && /\/officeDocument$/.test(type)) found = posix.normalize(target.replace(/^\//, ''));
    });
  if (found !== null && zip.has(found)) return zip.find(found)!.name.replace(/^\//, '');
  return zip.find('xl/workbook.xml')?.name ?? null;
}

const partIsBinary = (part: string): boolean => /\.bin$/i.test(part);

// ------------------------------------------------------------------------------------------------ readers

function sheetJs(s: Source, format: BookFormat): Book {
  try {
    return readBinaryWithSheetJs(s.buf, format);
  } catch (e) {
    if (/password|encrypt/i.test(messageOf(e))) throw passwordProtected(s.name);
    throw damaged(s.name);
  }
}

/** Decrypts with the default key (files Excel opens without asking); a real password is for the clerk to remove. */
async function withDefaultKey(s: Source): Promise<Book> {
  let plain: Buffer;
  try {
    plain = await officeCrypto.decrypt(s.buf, { password: DEFAULT_PASSWORD });
  } catch {
    throw passwordProtected(s.name);
  }
  if (plain === s.buf || plain.equals(s.buf)) throw passwordProtected(s.name);
  return readSource({ ...s, buf: plain, zip: null, decrypted: true });
}

/** The sheets named in workbook.xml, each with the part its relationship points at (relative to the workbook). */
function sheetParts(workbookXml: string, relsXml: string, base: string): { sheet: string; part: string }[] {
  const targets = new Map<string, string>();
  forEachTag(relsXml, 'Relationship', (tag) => {
    const id = attr(tag, 'Id');
    const target = attr(tag, 'Target');
    if (id && target && !/External/.test(attr(tag, 'TargetMode') ?? '')) targets.set(id, target);
  });
  const out: { sheet: string; part: string }[] = [];
  forEachTag(workbookXml, 'sheet', (tag) => {
    const id = /\s[\w.-]*:?id\s*=\s*"([^"]*)"/.exec(tag)?.[1];
    const target = id ? targets.get(id) : undefined;
    if (!target) return;
    out.push({ sheet: attr(tag, 'name') ?? '', part: target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(base, target)) });
  });
  return out;
}

function sharedStringsPart(relsXml: string, base: string): string | null {
  let out: string | null = null;
  forEachTag(relsXml, 'Relationship', (tag) => {
    const target = attr(tag, 'Target');
    if (out === null && target && /\/sharedStrings$/.test(attr(tag, 'Type') ?? ''))
      out = target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(base, target));
  });
  return out;
}

const relsOf = (part: string): string => posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);

async function readXlsx(s: Source, zip: ZipIndex, wbPart: string): Promise<Book> {
  const workbookXml = zip.text(wbPart);
  const relsXml = zip.text(relsOf(wbPart));
  if (workbookXml === undefined || relsXml === undefined || xmlShape(workbookXml) !== 'ok') throw damaged(s.name);
  const parts = sheetParts(workbookXml, relsXml, posix.dirname(wbPart));
  for (const { sheet, part } of parts)
    if (!zip.has(part))
      throw new UserError(
        `“${s.name}”不完整：工作表“${sheet}”的内容（${part}）在文件中缺失。请在 WPS 或 Excel 中打开，确认各工作表完整后另存为 .xlsx 再导入。`,
      );
  // exceljs knows only the usual names: xl/workbook.xml, xl/worksheets/…, unprefixed XML
  let usual = wbPart === 'xl/workbook.xml' && !/<[\w.-]+:workbook\b/.test(workbookXml);
  let merges = 0;
  const scanned = new Map<string, string>();
  for (const { sheet, part } of parts) {
    const real = zip.find(part)!.name;
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(real)) usual = false;
    const raw = zip.text(part)!;
    if (/<[\w.-]+:worksheet\b/.test(raw.slice(0, 4096))) usual = false;
    const scan = scanSheetXml(raw);
    if (scan.rowsWithValues > LIMITS.rows + HEADER_SCAN_ROWS) throw tooManyRows(s.name, sheet);
    // a part cut short or nested absurdly is damaged, even where a lenient reader would make an empty sheet of it
    const shape = xmlShape(scan.xml);
    if (shape === 'too-deep')
      throw new UserError(
        `“${s.name}”的工作表“${sheet}”结构异常（单元格内容嵌套超过正常层数），无法读取，未导入任何数据。请在 WPS 或 Excel 中打开，把内容复制到新工作簿另存为 .xlsx 再导入。`,
      );
    if (shape !== 'ok') throw damaged(s.name);
    merges += scan.merges;
    scanned.set(real, scan.xml);
  }
  const strings = sharedStringsPart(relsXml, posix.dirname(wbPart));
  const stringsXml = strings === null ? undefined : zip.text(strings);
  if (stringsXml !== undefined && xmlShape(stringsXml) !== 'ok') throw damaged(s.name);
  if (!usual || merges > EXCELJS_MAX_MERGES || parts.length === 0) return sheetJs(s, 'xlsx');
  try {
    const jszip = await JSZip.loadAsync(s.buf);
    for (const [part, xml] of scanned) jszip.file(part, xml);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await jszip.generateAsync({ type: 'nodebuffer', compression: 'STORE' })) as unknown as ArrayBuffer);
    const book = bookFromExcelJs(wb);
    // a sheet exceljs could not see is read by SheetJS, never reported as absent
    if (book.sheets.length < parts.length) return sheetJs(s, 'xlsx');
    return book;
  } catch (e) {
    if (e instanceof UserError) throw e;
    // exceljs throws on legal shapes other writers use (app.xml without Company, rows without r=, tables with
    // filters …): SheetJS reads those, and only when it too fails is the file damaged
    return sheetJs(s, 'xlsx');
  }
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

function readCsv(s: Source): Book {
  const decided = decideEncoding(s.buf);
  if (decided.badLine !== undefined)
    throw new UserError(
      `“${s.name}”第 ${decided.badLine} 行有无法识别的字节（文件不完整，或混入了其他编码的文字），未导入。请在 WPS 或记事本中改正这一行，另存为 UTF-8 编码的 CSV 再导入。`,
    );
  return readTextWithSheetJs(decided.text, 'csv', basename(s.name, extname(s.name)));
}

const numbersZip = (names: string[]): boolean =>
  names.some((n) => /(^|\/)Index\/[^/]+\.iwa$/i.test(n) || /(^|\/)Index\.zip$/i.test(n) || /\.numbers\//i.test(n));

const zipOf = (s: Source): ZipIndex => s.zip!;

/**
 * The formats, in the order they are tried. The first whose test fits reads the file; its fallback is in its
 * reader. Refusals are rows too, so a clerk's every kind of file is answered here.
 */
export const FORMATS: Format[] = [
  {
    key: 'encrypted-ooxml',
    name: '加密的 .xlsx',
    signature: 'OLE 复合文件，含 EncryptionInfo / EncryptedPackage',
    reader: '用 Excel 的默认密钥解密后按 .xlsx 读取',
    fallback: '设了密码的：拒绝，请取消密码后另存',
    test: (s) => isCfb(s.buf) && ((n) => n.has('encryptioninfo') || n.has('encryptedpackage'))(cfbNames(s)),
    read: (s) => (s.decrypted ? Promise.reject(passwordProtected(s.name)) : withDefaultKey(s)),
  },
  {
    key: 'xls',
    name: 'Excel 97–2003 (.xls)、WPS 表格 (.et)',
    signature: 'OLE 复合文件，含 Workbook 或 Book 流（不分大小写）',
    reader: 'SheetJS',
    fallback: '以默认密钥加密的先解密；设了密码的拒绝',
    test: (s) => isCfb(s.buf) && ((n) => n.has('workbook') || n.has('book'))(cfbNames(s)),
    read: async (s) => {
      const format: BookFormat = s.ext === 'et' ? 'et' : 'xls';
      try {
        return readBinaryWithSheetJs(s.buf, format);
      } catch (e) {
        if (!/password|encrypt/i.test(messageOf(e))) throw damaged(s.name);
        if (s.decrypted) throw passwordProtected(s.name);
        return withDefaultKey(s);
      }
    },
  },
  {
    key: 'ole-other',
    name: 'Word 文档等其他 Office 文件',
    signature: 'OLE 复合文件，没有工作簿流',
    reader: '—',
    fallback: '拒绝：不是表格',
    test: (s) => isCfb(s.buf),
    read: (s) => {
      throw new UserError(`“${s.name}”不是 Excel 工作簿（可能是 Word 文档或其他 Office 文件）。${SAVE_AS}`);
    },
  },
  {
    key: 'xlsx',
    name: 'Excel 工作簿 (.xlsx、.xlsm)',
    signature: 'ZIP，_rels/.rels 指向的工作簿部件（通常是 xl/workbook.xml）',
    reader: 'exceljs（先去掉整列下拉列表和过大的合并区域）',
    fallback: 'exceljs 出错、认不出工作表、合并单元格超过 2,000 个或部件路径不寻常时用 SheetJS',
    test: (s) => s.zip !== null && ((p) => p !== null && !partIsBinary(p))(workbookPart(s.zip)),
    read: (s) => readXlsx(s, zipOf(s), workbookPart(zipOf(s))!),
  },
  {
    key: 'xlsb',
    name: 'Excel 二进制工作簿 (.xlsb)',
    signature: 'ZIP，工作簿部件是 workbook.bin',
    reader: 'SheetJS',
    fallback: '—',
    test: (s) => s.zip !== null && ((p) => p !== null && partIsBinary(p))(workbookPart(s.zip)),
    read: (s) => sheetJs(s, 'xlsb'),
  },
  {
    key: 'ods',
    name: 'OpenDocument 表格 (.ods)',
    signature: 'ZIP，含 mimetype 与 content.xml',
    reader: 'SheetJS',
    fallback: '加密的（清单中有 encryption-data）：拒绝，请取消密码后另存',
    test: (s) => s.zip !== null && s.zip.has('content.xml') && s.zip.has('mimetype'),
    read: (s) => {
      // the manifest is deflated like every other part: the encryption mark is read inside it, not in the raw bytes
      if (/encryption-data/.test(zipOf(s).text('META-INF/manifest.xml') ?? '')) throw passwordProtected(s.name);
      return sheetJs(s, 'ods');
    },
  },
  {
    key: 'numbers',
    name: '苹果 Numbers 表格',
    signature: 'ZIP，含 Index/*.iwa 或 Index.zip（包括打包成 zip 的 .numbers 文件夹）',
    reader: '—',
    fallback: '拒绝：请在 Numbers 中导出为 Excel',
    test: (s) => s.zip !== null && numbersZip(s.zip.names()),
    read: (s) => {
      throw new UserError(`“${s.name}”是苹果 Numbers 表格，本程序不能直接读取。请在 Numbers 中选择“文件 → 导出为 → Excel”，存为 .xlsx 后再导入。`);
    },
  },
  {
    key: 'other-zip',
    name: 'Word 文档、演示文稿、其他压缩包',
    signature: 'ZIP，没有工作簿部件',
    reader: '—',
    fallback: '拒绝，并说明它是什么',
    test: (s) => s.zip !== null,
    read: (s) => {
      const zip = zipOf(s);
      if (zip.has('word/document.xml')) throw new UserError(`“${s.name}”是 Word 文档，不是表格。请选择 Excel 或 WPS 表格文件。`);
      if (zip.has('ppt/presentation.xml')) throw new UserError(`“${s.name}”是演示文稿，不是表格。请选择 Excel 或 WPS 表格文件。`);
      throw new UserError(`“${s.name}”是压缩包，不是 Excel 工作簿。请解压后选择其中的表格文件，或在 WPS 或 Excel 中另存为 .xlsx 再导入。`);
    },
  },
  {
    key: 'biff',
    name: 'Excel 2.x–4.0 工作表 (.xls)',
    signature: '以 BOF 记录开头的 BIFF2–4 记录流（不是 OLE 复合文件）',
    reader: 'SheetJS',
    fallback: '—',
    test: (s) => isBiffStream(s.buf),
    read: (s) => sheetJs(s, 'xls'),
  },
  {
    key: 'xml',
    name: '平面 OpenDocument 表格 (.fods)、Excel 2003 XML 表格',
    signature: 'XML 文本，根元素 office:document 或 SpreadsheetML 命名空间',
    reader: 'SheetJS',
    fallback: '—',
    test: (s) => isSpreadsheetXml(s.buf),
    read: (s) => sheetJs(s, 'xml'),
  },
  {
    key: 'csv',
    name: 'CSV 文本 (.csv、.txt)',
    signature: '扩展名 .csv 或 .txt 的文本',
    reader: '逐个文件判断编码（UTF-8、带 BOM 的 UTF-16、GB18030），再用 SheetJS 分列，全部按文字读取',
    fallback: 'UTF-8 文件中个别字节无法识别：拒绝，并指出第几行',
    test: (s) => s.ext === 'csv' || s.ext === 'txt',
    read: readCsv,
  },
  {
    key: 'html',
    name: '网页表格另存的 .xls',
    signature: '扩展名 .xls 或 .et 的文本，含 <table>',
    reader: 'SheetJS',
    fallback: '—',
    test: (s) => (s.ext === 'xls' || s.ext === 'et') && looksLikeText(s.buf) && /<table[\s>]/i.test(decideEncoding(s.buf).text),
    read: (s) => {
      try {
        return readTextWithSheetJs(decideEncoding(s.buf).text, 'html', basename(s.name, extname(s.name)));
      } catch {
        throw damaged(s.name);
      }
    },
  },
  {
    key: 'text',
    name: '改了扩展名的文本文件',
    signature: '其他文本',
    reader: '—',
    fallback: '拒绝：是 CSV 就改扩展名为 .csv',
    test: (s) => looksLikeText(s.buf),
    read: (s) => {
      throw new UserError(
        `“${s.name}”不是 Excel 工作簿（.xlsx），看起来是改了扩展名的文本文件。若它是 CSV，请把扩展名改为 .csv 再导入；否则${SAVE_AS}`,
      );
    },
  },
  {
    key: 'unknown',
    name: '其他文件',
    signature: '以上都不是',
    reader: '—',
    fallback: '拒绝',
    test: () => true,
    read: (s) => {
      throw new UserError(`“${s.name}”不是 Excel 工作簿（.xlsx），也不是能读取的其他表格格式。${SAVE_AS}`);
    },
  },
];

/** Measures a zip before anything reads it: too many parts, parts that expand too far, sizes that lie. */
function indexZip(buf: Buffer, name: string): ZipIndex {
  try {
    const { entries } = measureZip(buf, { entries: LIMITS.zipEntries, entryBytes: LIMITS.entryBytes, totalBytes: LIMITS.totalBytes });
    return new ZipIndex(buf, entries, LIMITS.entryBytes);
  } catch (e) {
    if (!(e instanceof ZipRefusal)) throw e;
    if (e.problem === 'too-big') throw tooBig(name);
    if (e.problem === 'too-many') throw new UserError(`“${name}”中包含的部件超过上限 ${LIMITS.zipEntries} 个，不像正常的工作簿，已拒绝导入。`);
    throw damaged(name);
  }
}

/** Kept for callers that only measure a zip (the zip-bomb tests): entries, expanded bytes and names. */
export function inspectZip(buf: Buffer, name: string): { entries: number; bytes: number; names: string[] } {
  const zip = indexZip(buf, name);
  return { entries: zip.entries.length, bytes: zip.entries.reduce((n, e) => n + e.declared, 0), names: zip.names() };
}

async function readSource(s: Source): Promise<Book> {
  const src: Source = { ...s, zip: s.zip ?? (isZip(s.buf) ? indexZip(s.buf, s.name) : null) };
  const format = FORMATS.find((f) => f.test(src))!;
  return format.read(src);
}

/**
 * Reads any spreadsheet a clerk has into a Book through the format table. Every refusal is a one-line message
 * saying what to do. Runs in the caller's process: use readBookBounded for a file a clerk picked.
 */
export async function readBook(file: string): Promise<Book> {
  forgetLongStrings();
  try {
    return await readAnyBook(file);
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw damaged(basename(file)); // whatever a reader library throws on a broken file, the clerk gets one clear line
  } finally {
    forgetLongStrings();
  }
}

async function readAnyBook(file: string): Promise<Book> {
  const name = basename(file);
  let stat;
  try {
    stat = statSync(file);
  } catch {
    throw new UserError(`找不到文件“${file}”，请检查路径。`);
  }
  if (stat.isDirectory()) throw new UserError(`“${name}”是一个文件夹，不是文件。请打开这个文件夹，选择其中的表格文件再导入。`);
  if (stat.size === 0) throw new UserError(`“${name}”是空文件（0 字节），请选择保存好的 Excel 工作簿。`);
  if (stat.size > LIMITS.fileBytes)
    throw new UserError(
      `“${name}”有 ${(stat.size / 1024 / 1024).toFixed(1)} MB，超过导入上限 ${LIMITS.fileBytes / 1024 / 1024} MB。请删去图片和无关工作表，或分成几个工作簿导入。`,
    );
  return readSource({ name, ext: extname(file).slice(1).toLowerCase(), buf: readFileSync(file), zip: null });
}

/** A worksheet's XML as exceljs is given it (drop-down lists and monstrous merges cut). */
export const neutraliseSheetXml = (xml: string): string => scanSheetXml(xml).xml;
