// Reading cell values defensively (docs/已知问题与对策.md §1): rich text, hyperlinks, formulas with and without cached results,
// shared formulas, error values, merged cells, WPS DISPIMG picture cells.
import type { Cell, CellValue } from 'exceljs';
import { cleanText } from '../../shared/text';
import { isoFromUTC } from '../../shared/periods';
import { LIMITS } from './limits';

export type CellRead =
  | { kind: 'empty' }
  | {
      kind: 'text';
      text: string;
      raw: unknown;
      /** set when the cell holds more than the limit: its length, while `text` keeps only the start */
      chars?: number;
    }
  | { kind: 'image' }
  | { kind: 'error'; code: string }
  | { kind: 'formula-without-result'; formula: string };

/** The error code of a cell whose value is nested deeper than any writer makes it. */
export const UNREADABLE = '无法读取';

export const DISPIMG = /_xlfn\.DISPIMG|DISPIMG\(/i;

/** What a cell holds beyond any limit: its start (for the report) and its length; such a cell is never imported. */
const HEAD_CHARS = 60;

/**
 * Long strings read before: a workbook may use one shared string in thousands of cells, and the reader libraries
 * hand back that one string each time. Cleaning it once per cell would copy it once per cell (one 1 MB string in
 * 12,000 cells is 24 GB), so the read of each long string is kept and shared. Cleared for every file.
 */
const longStrings = new Map<string, CellRead>();
const LONG = 200;

export function forgetLongStrings(): void {
  longStrings.clear();
}

function fromString(v: string): CellRead {
  if (DISPIMG.test(v.length > 4 * LIMITS.cellChars ? v.slice(0, 200) : v)) return { kind: 'image' };
  // far beyond the limit: only the start is cleaned, and the cell is kept as “too long” with its length
  if (v.length > 4 * LIMITS.cellChars) {
    const head = cleanText(v.slice(0, HEAD_CHARS * 4)).slice(0, HEAD_CHARS);
    return { kind: 'text', text: head, raw: head, chars: v.length };
  }
  const text = cleanText(v);
  if (text === '') return { kind: 'empty' };
  if (text.length > LIMITS.cellChars) {
    const head = text.slice(0, HEAD_CHARS);
    return { kind: 'text', text: head, raw: head, chars: text.length };
  }
  return { kind: 'text', text, raw: v };
}

/** What a plain value (as a reader library returns it) holds. Never throws. */
export function fromValue(v: unknown, depth = 0): CellRead {
  // a value nested deeper than any spreadsheet writes (rich text in rich text …) is unreadable, never silently empty
  if (depth > 4) return { kind: 'error', code: UNREADABLE };
  if (v === null || v === undefined) return { kind: 'empty' };
  if (typeof v === 'string') {
    if (v.length < LONG) return fromString(v);
    let read = longStrings.get(v);
    if (!read) longStrings.set(v, (read = fromString(v)));
    return read;
  }
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { kind: 'error', code: '#NUM!' };
    return { kind: 'text', text: String(v), raw: v };
  }
  if (typeof v === 'boolean') return { kind: 'text', text: v ? 'TRUE' : 'FALSE', raw: v };
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { kind: 'error', code: '#VALUE!' };
    return { kind: 'text', text: isoFromUTC(v), raw: v };
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('error' in o) return { kind: 'error', code: String(o.error) };
    if (Array.isArray(o.richText)) {
      return fromValue((o.richText as { text?: unknown }[]).map((r) => (typeof r.text === 'string' ? r.text : '')).join(''), depth + 1);
    }
    if ('formula' in o || 'sharedFormula' in o) {
      const formula = String(o.formula ?? o.sharedFormula ?? '');
      if (DISPIMG.test(formula)) return { kind: 'image' };
      if (o.result === undefined || o.result === null) return { kind: 'formula-without-result', formula };
      return fromValue(o.result, depth + 1);
    }
    if ('hyperlink' in o || 'text' in o) return fromValue(o.text, depth + 1);
  }
  return fromString(String(v));
}

/** What a cell holds, whatever exceljs returned for it. Never throws. */
export function readCell(cell: Cell | undefined): CellRead {
  if (!cell) return { kind: 'empty' };
  let value: CellValue;
  try {
    value = cell.value;
  } catch {
    return { kind: 'empty' };
  }
  return fromValue(value);
}

/** The text shown for a cell in reports (value column). */
export function displayOf(read: CellRead): string {
  switch (read.kind) {
    case 'empty':
      return '';
    case 'text':
      return read.text.length > 60 ? `${read.text.slice(0, 60)}…` : read.text;
    case 'image':
      return '[图片]';
    case 'error':
      return read.code;
    case 'formula-without-result':
      return `=${read.formula.slice(0, 40)}`;
  }
}
