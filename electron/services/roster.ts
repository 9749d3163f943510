// The sample roster (assets/sample-roster.csv: 单位名称,类别,别名,排序) imported through the same planner as workbooks.
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../db/database';
import { importWorkbook, type ImportReport } from '../exchange/import';

export async function importRosterCsvAsync(db: Db, csv: string, source: string): Promise<ImportReport> {
  const rows = csv
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split(','));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('单位');
  for (const r of rows) ws.addRow(r);
  const dir = mkdtempSync(join(tmpdir(), 'zwxx-roster-'));
  const file = join(dir, 'roster.xlsx');
  try {
    await wb.xlsx.writeFile(file);
    return await importWorkbook(db, file, { source, label: '示例单位名单' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
