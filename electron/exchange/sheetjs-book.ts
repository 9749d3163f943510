// .xls, WPS .et, .ods, .xlsb, .csv and HTML tables saved as .xls, read through SheetJS Community Edition
// (@e965/xlsx; npm's own `xlsx` is stuck at an old release with advisories) into the same Book as .xlsx.
import * as XLSX from '@e965/xlsx';
import { DISPIMG, fromValue, type CellRead } from './cells';
import { setCell, spreadMerges, type Book, type BookFormat, type BookSheet } from './book';
import { LIMITS } from './limits';

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** An Excel serial as a UTC date, in the workbook's own date system (Excel for Mac and some WPS files use 1904). */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round(((date1904 ? EPOCH_1904 : EPOCH_1900) + serial * DAY_MS) / 1000) * 1000);
}

function readSheetJsCell(cell: XLSX.CellObject, date1904: boolean): CellRead {
  if (typeof cell.f === 'string' && DISPIMG.test(cell.f)) return { kind: 'image' };
  switch (cell.t) {
    case 'z':
      return typeof cell.f === 'string' ? { kind: 'formula-without-result', formula: cell.f } : { kind: 'empty' };
    case 'e':
      return { kind: 'error', code: cell.w ?? '#VALUE!' };
    case 'n': {
      const v = cell.v as number;
      if (typeof cell.z === 'string' && XLSX.SSF.is_date(cell.z) && Number.isFinite(v) && v >= 0)
        return fromValue(serialToDate(v, date1904));
      return fromValue(v);
    }
    case 'd':
      return fromValue(cell.v);
    default:
      if (cell.v === undefined && typeof cell.f === 'string') return { kind: 'formula-without-result', formula: cell.f };
      return fromValue(cell.v);
  }
}

export function bookFromSheetJs(wb: XLSX.WorkBook, format: BookFormat): Book {
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const sheets: BookSheet[] = [];
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    const sheet: BookSheet = { name, rows: [] };
    const data = (ws?.['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
    for (let r = 0; r < data.length; r++) {
      const row = data[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (cell) setCell(sheet, r + 1, c + 1, readSheetJsCell(cell, date1904));
      }
    }
    spreadMerges(
      sheet,
      (ws?.['!merges'] ?? []).map((m) => ({ top: m.s.r + 1, left: m.s.c + 1, bottom: m.e.r + 1, right: m.e.c + 1 })),
    );
    sheets.push(sheet);
  }
  return { format, sheets };
}

const OPTIONS: XLSX.ParsingOptions = {
  dense: true,
  cellDates: false,
  cellNF: true,
  cellFormula: true,
  cellHTML: false,
  cellStyles: false,
  // a few rows past the limit, so the row reader can say the sheet is too long
  sheetRows: LIMITS.rows + 100,
};

export function readBinaryWithSheetJs(buf: Buffer, format: BookFormat): Book {
  return bookFromSheetJs(XLSX.read(buf, { ...OPTIONS, type: 'buffer' }), format);
}

/** CSV and HTML-as-.xls: text, every cell kept as text (编号 001 stays 001; dates are parsed by the row reader). */
export function readTextWithSheetJs(text: string, format: BookFormat, sheetName: string): Book {
  const wb = XLSX.read(text, { ...OPTIONS, type: 'string', raw: true });
  const book = bookFromSheetJs(wb, format);
  if (format === 'csv' && book.sheets.length === 1) book.sheets[0]!.name = sheetName;
  return book;
}

/**
 * How a text file's bytes are decided, per file: a BOM says so; otherwise UTF-8 when the bytes are UTF-8 — and
 * still UTF-8 when one or two bytes among many good multi-byte characters are not (a file cut inside its last
 * character, one stray byte), with the line of the first bad byte so the clerk can be told where; otherwise GB18030
 * (GBK, GB2312), whose Chinese text is almost never valid UTF-8.
 */
export function decideEncoding(buf: Buffer): { text: string; encoding: string; badLine?: number } {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return utf8(buf.subarray(3), 3);
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-16le' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(buf.subarray(2)), encoding: 'utf-16be' };
  const { good, bad, badLine } = utf8Census(buf);
  if (bad === 0 || (bad <= 2 && good >= 4 * bad)) return { ...utf8(buf, 0), badLine };
  return { text: new TextDecoder('gb18030').decode(buf), encoding: 'gb18030' };
}

function utf8(buf: Buffer, skipped: number): { text: string; encoding: string; badLine?: number } {
  const { bad, badLine } = skipped > 0 ? utf8Census(buf) : { bad: 0, badLine: undefined };
  return { text: new TextDecoder('utf-8').decode(buf), encoding: 'utf-8', badLine: bad > 0 ? badLine : undefined };
}

/** Valid multi-byte UTF-8 sequences, spots of invalid bytes, and the line (from 1) of the first invalid one. */
function utf8Census(b: Buffer): { good: number; bad: number; badLine?: number } {
  let good = 0;
  let bad = 0;
  let line = 1;
  let badLine: number | undefined;
  for (let i = 0; i < b.length; ) {
    const x = b[i]!;
    if (x < 0x80) {
      if (x === 0x0a) line++;
      i++;
      continue;
    }
    const n = x >= 0xc2 && x <= 0xdf ? 1 : x >= 0xe0 && x <= 0xef ? 2 : x >= 0xf0 && x <= 0xf4 ? 3 : -1;
    let ok = n > 0;
    for (let k = 1; ok && k <= n; k++) ok = i + k < b.length && (b[i + k]! & 0xc0) === 0x80;
    if (ok) {
      good++;
      i += n + 1;
    } else {
      // one bad spot, however many stray continuation bytes follow it (a character with its lead byte damaged)
      bad++;
      badLine ??= line;
      i++;
      while (i < b.length && (b[i]! & 0xc0) === 0x80) i++;
    }
  }
  return { good, bad, badLine };
}

/** Text bytes as a clerk's PC wrote them (see decideEncoding). */
export function decodeText(buf: Buffer): string {
  return decideEncoding(buf).text;
}
