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

/** Text bytes as a clerk's PC wrote them: UTF-8 with or without BOM, UTF-16 with BOM, else GB18030 (GBK, GB2312). */
export function decodeText(buf: Buffer): string {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return new TextDecoder('utf-8').decode(buf.subarray(3));
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return new TextDecoder('gb18030').decode(buf);
  }
}
