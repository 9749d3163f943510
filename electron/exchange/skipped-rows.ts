// The rows an import skipped at the clerk's choice, saved as a workbook to fix and import again: each sheet with its
// header as it was, the rows as they stood, and a last column saying what is wrong with each.
import ExcelJS from 'exceljs';
import { writeWorkbookAtomically } from './write-file';

export interface SkippedRows {
  rows: { sheet: string; row: number; values: string[]; reasons: string[] }[];
  headers: Record<string, string[]>;
}

export async function writeSkippedRows(file: string, skipped: SkippedRows): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of [...new Set(skipped.rows.map((r) => r.sheet))]) {
    const ws = wb.addWorksheet(sheet);
    const header = skipped.headers[sheet] ?? [];
    const rows = skipped.rows.filter((r) => r.sheet === sheet);
    const width = Math.max(header.length, ...rows.map((r) => r.values.length));
    const pad = (v: string[]): string[] => [...v, ...Array<string>(width - v.length).fill('')];
    ws.addRow([...pad(header), '原行号', '问题']).font = { bold: true };
    // an empty cell stays empty, as it was in the workbook
    for (const r of rows) ws.addRow([...pad(r.values).map((v) => (v === '' ? null : v)), r.row, r.reasons.join('；')]);
    ws.getColumn(width + 2).width = 60;
  }
  await writeWorkbookAtomically(wb, file);
}
