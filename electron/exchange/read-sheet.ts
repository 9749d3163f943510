// Finds the header row by its text (title and blank rows above it are skipped), maps columns in any order, and
// yields the data rows as cell reads keyed by column. Every format (xlsx, xls, et, ods, xlsb, csv) comes here as a
// Book sheet, so all get the same checks.
import { toHalfWidth } from '../../shared/text';
import { cellAt, columnCount, rowCount, type BookSheet } from './book';
import type { CellRead } from './cells';
import { LIMITS } from './limits';
import type { ColumnDef, SheetDef } from './sheets';

export interface SheetRow {
  /** the row number Excel shows */
  row: number;
  cells: Record<string, CellRead>;
}

/** How one header cell was understood, for the dry-run report. */
export interface ColumnUse {
  /** column letters as Excel shows them (A, B, … AA) */
  column: string;
  header: string;
  /** the exchange column it feeds, or null when ignored */
  key: string | null;
  /** that column's own header, e.g. 报送日期, or 忽略 */
  as: string;
}

export type SheetRead =
  | { ok: true; headerRow: number; columns: Map<string, number>; rows: SheetRow[]; uses: ColumnUse[] }
  | { ok: false; reason: string; headerRow?: number; headers?: { column: number; text: string }[] };

export const HEADER_SCAN_ROWS = 30;
const MAX_HEADER_COLUMNS = 200;

export const headerKey = (s: string): string =>
  toHalfWidth(s).replace(/[\s*＊:：()（）]/g, '').replace(/\(必填\)|必填/g, '');

/** Header texts that mean "no data here": a running number, not a column of the exchange format. */
const IGNORED_HEADERS = new Set(['序号', '序', '编次', '行号', 'No.', 'NO', 'No'].map(headerKey));

export function columnLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

interface Mapped {
  columns: Map<string, number>;
  /** columns that two header cells of the same rank both claim */
  ambiguous: { def: ColumnDef; cells: number[] }[];
}

/** Header cells → column keys: exact header texts first, then the synonyms clerks use, each column once. */
function mapColumns(texts: Map<number, string>, columns: ColumnDef[]): Mapped {
  const out = new Map<string, number>();
  const used = new Set<number>();
  const ambiguous: Mapped['ambiguous'] = [];
  const passes: ((key: string, c: ColumnDef) => boolean)[] = [
    (key, c) => headerKey(c.header) === key,
    (key, c) => (c.synonyms ?? []).some((s) => headerKey(s) === key),
  ];
  for (const matches of passes) {
    const claims = new Map<string, number[]>();
    for (const [c, text] of texts) {
      if (used.has(c)) continue;
      const key = headerKey(text);
      if (key === '') continue;
      const col = columns.find((d) => !out.has(d.key) && matches(key, d));
      if (col) claims.set(col.key, [...(claims.get(col.key) ?? []), c]);
    }
    for (const [key, cells] of claims) {
      out.set(key, cells[0]!);
      for (const c of cells) used.add(c);
      if (cells.length > 1) ambiguous.push({ def: columns.find((d) => d.key === key)!, cells });
    }
  }
  return { columns: out, ambiguous };
}

function rowTexts(ws: BookSheet, r: number): Map<number, string> {
  const out = new Map<number, string>();
  const count = Math.min(columnCount(ws, r), MAX_HEADER_COLUMNS);
  for (let c = 1; c <= count; c++) {
    const read = cellAt(ws, r, c);
    if (read.kind === 'text') out.set(c, read.text);
  }
  return out;
}

export function matchSheet(name: string, defs: SheetDef[]): SheetDef | undefined {
  const key = headerKey(name);
  return defs.find((d) => headerKey(d.name) === key) ?? defs.find((d) => d.synonyms.some((s) => headerKey(s) === key));
}

/** Required columns that the sheet must have (a column that may be derived, like 编号, may be absent as a whole). */
const mustHave = (def: Pick<SheetDef, 'columns'>): ColumnDef[] => def.columns.filter((c) => c.required && !c.derivable);

/** The header row: the first of the top rows holding every required column, else the one closest to it. */
export function findHeader(ws: BookSheet, def: Pick<SheetDef, 'columns'>): { row: number; mapped: Mapped; texts: Map<number, string> } | null {
  const last = Math.min(rowCount(ws), HEADER_SCAN_ROWS);
  let best: { row: number; mapped: Mapped; texts: Map<number, string> } | null = null;
  for (let r = 1; r <= last; r++) {
    const texts = rowTexts(ws, r);
    const mapped = mapColumns(texts, def.columns);
    const requiredFound = mustHave(def).filter((c) => mapped.columns.has(c.key)).length;
    if (requiredFound > 0 && (!best || mapped.columns.size > best.mapped.columns.size)) best = { row: r, mapped, texts };
    if (mustHave(def).every((c) => mapped.columns.has(c.key))) return { row: r, mapped, texts };
  }
  return best;
}

/** Whether every required column of `def` is in the sheet's header (for sheets whose name says nothing). */
export function headerFits(ws: BookSheet, def: Pick<SheetDef, 'columns'>): number {
  const h = findHeader(ws, def);
  return h && mustHave(def).every((c) => h.mapped.columns.has(c.key)) ? h.mapped.columns.size : 0;
}

/**
 * Reads a sheet against its definition. `given` is a column mapping the clerk chose (column key → column number,
 * header row) for a sheet whose headers are not recognised; it replaces the header matching.
 */
export function readSheet(ws: BookSheet, def: Pick<SheetDef, 'columns'>, given?: { headerRow: number; columns: Record<string, number> }): SheetRead {
  let headerRow: number;
  let columns: Map<string, number>;
  let texts: Map<number, string>;
  if (given) {
    headerRow = given.headerRow;
    columns = new Map(Object.entries(given.columns).filter(([k, c]) => def.columns.some((d) => d.key === k) && c > 0));
    texts = rowTexts(ws, headerRow);
  } else {
    const best = findHeader(ws, def);
    const missing = mustHave(def).filter((c) => !best?.mapped.columns.has(c.key)).map((c) => c.header);
    if (!best || missing.length > 0)
      return {
        ok: false,
        reason: best
          ? `第${best.row}行像是表头，但缺少必填列：${missing.join('、')}。请补上这些列（列名写在表头行），或改用能识别的列名后再导入`
          : `前${HEADER_SCAN_ROWS}行中找不到表头行（应含：${mustHave(def).map((c) => c.header).join('、')}）`,
        headerRow: best?.row,
        headers: best ? [...best.texts].map(([column, text]) => ({ column, text })) : undefined,
      };
    if (best.mapped.ambiguous.length > 0) {
      const a = best.mapped.ambiguous[0]!;
      return {
        ok: false,
        reason: `第${best.row}行表头有几列都可以理解为“${a.def.header}”：${a.cells.map((c) => `${columnLetters(c)}列“${best.texts.get(c)}”`).join('、')}。请把其中不是${a.def.header}的列改名或删去后再导入`,
        headerRow: best.row,
        headers: [...best.texts].map(([column, text]) => ({ column, text })),
      };
    }
    headerRow = best.row;
    columns = best.mapped.columns;
    texts = best.texts;
  }
  const total = rowCount(ws);
  if (total - headerRow > LIMITS.rows)
    // the readers stop a little past the limit, so the real count is not known: say what is
    return {
      ok: false,
      reason: `数据超过 ${LIMITS.rows.toLocaleString('en-US')} 行，超过一次导入的上限，请分成几个工作簿（每个不超过 ${LIMITS.rows.toLocaleString('en-US')} 行）导入`,
    };
  const uses: ColumnUse[] = [];
  const byColumn = new Map([...columns].map(([k, c]) => [c, k]));
  for (const [c, text] of texts) {
    const key = byColumn.get(c) ?? null;
    const def2 = key ? def.columns.find((d) => d.key === key) : undefined;
    uses.push({
      column: columnLetters(c),
      header: text,
      key,
      as: def2 ? def2.header : IGNORED_HEADERS.has(headerKey(text)) ? '忽略（序号）' : '忽略',
    });
  }
  for (const [key, c] of columns)
    if (!texts.has(c)) uses.push({ column: columnLetters(c), header: '', key, as: def.columns.find((d) => d.key === key)!.header });
  uses.sort((a, b) => a.column.length - b.column.length || a.column.localeCompare(b.column));
  const rows: SheetRow[] = [];
  for (let r = headerRow + 1; r <= total; r++) {
    const cells: Record<string, CellRead> = {};
    let any = false;
    for (const [key, c] of columns) {
      const read = cellAt(ws, r, c);
      cells[key] = read;
      if (read.kind !== 'empty') any = true;
    }
    if (any) rows.push({ row: r, cells });
  }
  return { ok: true, headerRow, columns, rows, uses };
}
