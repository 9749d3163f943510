// A workbook as the importer sees it, whatever file it came from: sheets of rows of cell reads. Plain data, so a
// worker thread can hand it back (structured clone), and every format goes through the same row reader.
import type { CellRead } from './cells';

export type BookFormat = 'xlsx' | 'xls' | 'et' | 'ods' | 'xlsb' | 'csv' | 'html' | 'xml';

export interface BookSheet {
  name: string;
  /** rows[r - 1][c - 1] is the cell Excel shows at row r, column c; null or missing = empty */
  rows: ((CellRead | null)[] | null)[];
}

export interface Book {
  format: BookFormat;
  sheets: BookSheet[];
}

const EMPTY: CellRead = { kind: 'empty' };

export const cellAt = (s: BookSheet, row: number, col: number): CellRead => s.rows[row - 1]?.[col - 1] ?? EMPTY;

export const rowCount = (s: BookSheet): number => s.rows.length;

export const columnCount = (s: BookSheet, row: number): number => s.rows[row - 1]?.length ?? 0;

/** Sets a cell, growing the rows as needed (empty cells are not stored). */
export function setCell(s: BookSheet, row: number, col: number, read: CellRead): void {
  if (read.kind === 'empty') return;
  while (s.rows.length < row) s.rows.push(null);
  const cells = (s.rows[row - 1] ??= []);
  while (cells.length < col - 1) cells.push(null);
  cells[col - 1] = read;
}

/** Merged ranges: the top-left value shown in every cell of the range (a unit name merged down several rows). */
export function spreadMerges(s: BookSheet, merges: { top: number; left: number; bottom: number; right: number }[]): void {
  for (const m of merges) {
    if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > 10_000) continue; // a whole-column merge holds nothing to spread
    const master = cellAt(s, m.top, m.left);
    if (master.kind === 'empty') continue;
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (cellAt(s, r, c).kind === 'empty') setCell(s, r, c, master);
  }
}

/**
 * A Book as it crosses from the reading process to the importer: each row an array of strings, one per cell, with
 * a one-letter tag for what the cell held ('' = empty). No object per cell and no second copy of a reader's raw
 * value, so what the reader hands back is as small as the text it holds.
 */
export interface CompactBook {
  format: BookFormat;
  sheets: { name: string; rows: (string[] | null)[] }[];
}

function encodeCell(c: CellRead | null): string {
  if (!c) return '';
  switch (c.kind) {
    case 'empty':
      return '';
    case 'image':
      return 'i';
    case 'error':
      return `e${c.code}`;
    case 'formula-without-result':
      return `f${c.formula.slice(0, 200)}`;
    case 'text':
      if (c.chars !== undefined) return `L${c.chars}:${c.text}`;
      if (typeof c.raw === 'number') return `n${String(c.raw)}`;
      if (typeof c.raw === 'boolean') return c.raw ? 'b1' : 'b0';
      if (c.raw instanceof Date) return `d${c.raw.toISOString()}|${c.text}`;
      // a text whose line breaks matter (正文) keeps the cell as written beside its cleaned form
      if (typeof c.raw === 'string' && c.raw !== c.text && /\n/.test(c.raw)) return `r${c.text.length}:${c.text}${c.raw}`;
      return `s${c.text}`;
  }
}

function decodeCell(s: string): CellRead | null {
  const tag = s[0];
  const rest = s.slice(1);
  switch (tag) {
    case undefined:
      return null;
    case 'i':
      return { kind: 'image' };
    case 'e':
      return { kind: 'error', code: rest };
    case 'f':
      return { kind: 'formula-without-result', formula: rest };
    case 'r': {
      const colon = rest.indexOf(':');
      const end = colon + 1 + Number(rest.slice(0, colon));
      return { kind: 'text', text: rest.slice(colon + 1, end), raw: rest.slice(end) };
    }
    case 'L': {
      const colon = rest.indexOf(':');
      const text = rest.slice(colon + 1);
      return { kind: 'text', text, raw: text, chars: Number(rest.slice(0, colon)) };
    }
    case 'n':
      return { kind: 'text', text: rest, raw: Number(rest) };
    case 'b':
      return { kind: 'text', text: rest === '1' ? 'TRUE' : 'FALSE', raw: rest === '1' };
    case 'd': {
      const bar = rest.indexOf('|');
      return { kind: 'text', text: rest.slice(bar + 1), raw: new Date(rest.slice(0, bar)) };
    }
    default:
      return { kind: 'text', text: rest, raw: rest };
  }
}

export const compactBook = (book: Book): CompactBook => ({
  format: book.format,
  sheets: book.sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => (r ? r.map(encodeCell) : null)) })),
});

export const expandBook = (c: CompactBook): Book => ({
  format: c.format,
  sheets: c.sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => (r ? r.map(decodeCell) : null)) })),
});
