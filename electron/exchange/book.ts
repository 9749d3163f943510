// A workbook as the importer sees it, whatever file it came from: sheets of rows of cell reads. Plain data, so a
// worker thread can hand it back (structured clone), and every format goes through the same row reader.
import type { CellRead } from './cells';

export type BookFormat = 'xlsx' | 'xls' | 'et' | 'ods' | 'xlsb' | 'csv' | 'html';

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
