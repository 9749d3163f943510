// The rows an import skipped at the clerk's choice, saved as a workbook to fix and import again: each sheet with its
// header as it was, the rows as they stood, and a last column saying what is wrong with each.
import ExcelJS from 'exceljs';
import { writeWorkbookAtomically } from './write-file';

export interface SkippedRows {
  rows: { sheet: string; row: number; values: string[]; reasons: string[] }[];
  headers: Record<string, string[]>;
}

/** Roughly how wide a text prints: a Chinese character takes two columns. */
const textWidth = (v: string): number => [...v].reduce((n, ch) => n + (/[\u2e80-\uffff]/.test(ch) ? 2 : 1), 0);

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
    // wide enough to read each column (a Chinese character is about two widths); the reasons wrap
    for (let c = 1; c <= width; c++) {
      const longest = Math.max(...[header[c - 1] ?? '', ...rows.map((r) => r.values[c - 1] ?? '')].map(textWidth));
      ws.getColumn(c).width = Math.min(50, Math.max(8, longest + 2));
    }
    ws.getColumn(width + 1).width = 8;
    ws.getColumn(width + 2).width = 60;
    ws.getColumn(width + 2).alignment = { wrapText: true, vertical: 'top' };
    // printed on one page wide, the reasons beside the rows
    ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  }
  await writeWorkbookAtomically(wb, file);
}
