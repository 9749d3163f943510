// Real workbooks written with exceljs, shaped the way offices' own ledgers are: title rows, shuffled columns.
import ExcelJS from 'exceljs';

export type CellInput = ExcelJS.CellValue | { value: ExcelJS.CellValue; numFmt: string };

export interface SheetSpec {
  name: string;
  /** rows above the header (titles, blanks); a title row is merged across the table */
  titleRows?: string[];
  headers: string[];
  rows: CellInput[][];
}

export async function writeWorkbook(file: string, sheets: SheetSpec[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    let r = 1;
    for (const title of s.titleRows ?? []) {
      if (title !== '') {
        ws.getCell(r, 1).value = title;
        ws.mergeCells(r, 1, r, Math.max(2, s.headers.length));
      }
      r++;
    }
    s.headers.forEach((h, i) => (ws.getCell(r, i + 1).value = h));
    r++;
    for (const row of s.rows) {
      row.forEach((v, i) => {
        const cell = ws.getCell(r, i + 1);
        if (v !== null && typeof v === 'object' && 'numFmt' in v && !(v instanceof Date)) {
          cell.value = v.value;
          cell.numFmt = v.numFmt;
        } else cell.value = v as ExcelJS.CellValue;
      });
      r++;
    }
  }
  await wb.xlsx.writeFile(file);
}

/** Every sheet's values as plain text rows, for comparing two exports. */
export async function workbookText(file: string): Promise<Record<string, string[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: Record<string, string[][]> = {};
  for (const ws of wb.worksheets) {
    const rows: string[][] = [];
    ws.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (c) =>
        cells.push(c.value instanceof Date ? c.value.toISOString().slice(0, 10) : JSON.stringify(c.value)),
      );
      rows.push(cells);
    });
    out[ws.name] = rows;
  }
  return out;
}

/** Serial number of an ISO date in Excel's 1900 system. */
export function excelSerial(iso: string): number {
  const ms = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return ms / 86400000 + 25569;
}
