// Reading cell values defensively (docs/已知问题与对策.md §1): rich text, hyperlinks, formulas with and without cached results,
// shared formulas, error values, merged cells, WPS DISPIMG picture cells.
import type { Cell, CellValue } from 'exceljs';
import { cleanText } from '../../shared/text';
import { isoFromUTC } from '../../shared/periods';

export type CellRead =
  | { kind: 'empty' }
  | { kind: 'text'; text: string; raw: unknown }
  | { kind: 'image' }
  | { kind: 'error'; code: string }
  | { kind: 'formula-without-result'; formula: string };

export const DISPIMG = /_xlfn\.DISPIMG|DISPIMG\(/i;

/** What a plain value (as a reader library returns it) holds. Never throws. */
export function fromValue(v: unknown, depth = 0): CellRead {
  if (depth > 4) return { kind: 'empty' };
  if (v === null || v === undefined) return { kind: 'empty' };
  if (typeof v === 'string') {
    if (DISPIMG.test(v)) return { kind: 'image' };
    const text = cleanText(v);
    return text === '' ? { kind: 'empty' } : { kind: 'text', text, raw: v };
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
  return { kind: 'text', text: cleanText(String(v)), raw: v };
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
