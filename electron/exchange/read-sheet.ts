// Finds the header row by its text (title and blank rows above it are skipped), maps columns in any order, and
// yields the data rows as cell reads keyed by column.
import type ExcelJS from 'exceljs';
import { toHalfWidth } from '../../shared/text';
import { readCell, type CellRead } from './cells';
import { LIMITS } from './workbook-file';
import type { ColumnDef, SheetDef } from './sheets';

export interface SheetRow {
  /** the row number Excel shows */
  row: number;
  cells: Record<string, CellRead>;
}

export type SheetRead =
  | { ok: true; headerRow: number; columns: Map<string, number>; rows: SheetRow[] }
  | { ok: false; reason: string };

const HEADER_SCAN_ROWS = 30;

const headerKey = (s: string): string => toHalfWidth(s).replace(/[\s*＊:：()（）]/g, '').replace(/\(必填\)|必填/g, '');

function exactColumn(text: string, columns: ColumnDef[]): ColumnDef | undefined {
  const key = headerKey(text);
  return key === '' ? undefined : columns.find((c) => headerKey(c.header) === key);
}

function synonymColumn(text: string, columns: ColumnDef[]): ColumnDef | undefined {
  const key = headerKey(text);
  return key === '' ? undefined : columns.find((c) => (c.synonyms ?? []).some((s) => headerKey(s) === key));
}

/** Header cells → column keys: exact header texts first, then the synonyms clerks use, each column once. */
function mapColumns(texts: Map<number, string>, columns: ColumnDef[]): Map<string, number> {
  const out = new Map<string, number>();
  const used = new Set<number>();
  for (const pick of [exactColumn, synonymColumn]) {
    for (const [c, text] of texts) {
      if (used.has(c)) continue;
      const col = pick(text, columns);
      if (col && !out.has(col.key)) {
        out.set(col.key, c);
        used.add(c);
      }
    }
  }
  return out;
}

function rowTexts(ws: ExcelJS.Worksheet, r: number): Map<number, string> {
  const out = new Map<number, string>();
  const row = ws.getRow(r);
  const count = Math.min(row.cellCount, 200);
  for (let c = 1; c <= count; c++) {
    const read = readCell(row.getCell(c));
    if (read.kind === 'text') out.set(c, read.text);
  }
  return out;
}

export function matchSheet(name: string, defs: SheetDef[]): SheetDef | undefined {
  const key = headerKey(name);
  return defs.find((d) => headerKey(d.name) === key) ?? defs.find((d) => d.synonyms.some((s) => headerKey(s) === key));
}

export function readSheet(ws: ExcelJS.Worksheet, def: SheetDef): SheetRead {
  const last = Math.min(ws.rowCount, HEADER_SCAN_ROWS);
  let best: { row: number; columns: Map<string, number> } | null = null;
  for (let r = 1; r <= last; r++) {
    const columns = mapColumns(rowTexts(ws, r), def.columns);
    const requiredFound = def.columns.filter((c) => c.required && columns.has(c.key)).length;
    if (requiredFound > 0 && (!best || columns.size > best.columns.size)) best = { row: r, columns };
    if (def.columns.filter((c) => c.required).every((c) => columns.has(c.key))) {
      best = { row: r, columns };
      break;
    }
  }
  const missing = def.columns.filter((c) => c.required && !best?.columns.has(c.key)).map((c) => c.header);
  if (!best || missing.length > 0)
    return {
      ok: false,
      reason: best
        ? `第${best.row}行像是表头，但缺少必填列：${missing.join('、')}。请补上这些列（列名写在表头行）后再导入`
        : `前${HEADER_SCAN_ROWS}行中找不到表头行（应含：${def.columns.filter((c) => c.required).map((c) => c.header).join('、')}）`,
    };
  if (ws.rowCount - best.row > LIMITS.rows)
    return {
      ok: false,
      reason: `数据有 ${ws.rowCount - best.row} 行，超过一次导入的上限 ${LIMITS.rows} 行，请分成几个工作簿导入`,
    };
  const rows: SheetRow[] = [];
  for (let r = best.row + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: Record<string, CellRead> = {};
    let any = false;
    for (const [key, c] of best.columns) {
      const read = readCell(row.getCell(c));
      cells[key] = read;
      if (read.kind !== 'empty') any = true;
    }
    if (any) rows.push({ row: r, cells });
  }
  return { ok: true, headerRow: best.row, columns: best.columns, rows };
}
