// Importing a workbook as every front door does it: a backup first (导入前备份, so a wrong workbook can be undone),
// then the import itself; a dry run writes nothing and so needs no backup.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportReportView } from '../../shared/ipc/contract';
import type { Db } from '../db/database';
import { importWorkbook, type ColumnMapping, type ImportReport } from '../exchange/import';
import { SHEETS } from '../exchange/sheets';
import { rememberColumnMapping } from '../store/column-mappings';
import { backupBeforeImport } from './auto-backup';
import { importRosterCsvAsync } from './roster';
import { write } from './write-gate';

export interface ImportOptions {
  dryRun: boolean;
  /** the audit source: 导入 from the app, 命令行 from the command line */
  source: string;
}

export interface ImportRequest extends ImportOptions {
  /** the clerk's column choice for a sheet whose headers were not recognised: remembered for its layout first */
  mapping?: ColumnMapping;
  /** the audit source of remembering that choice */
  mappingSource?: string;
}

/** Runs an import; the desktop app and the test bridge run it in a worker thread so the window never freezes. */
export type ImportRunner = (file: string, opts: ImportOptions) => Promise<ImportReport>;

export async function importData(db: Db, dataFile: string, file: string, req: ImportRequest, run?: ImportRunner): Promise<ImportReport> {
  // remembered before the import runs (a worker reads it from the ledger), and for the next import of this layout
  const mapping = req.mapping;
  if (mapping) write(db, req.mappingSource ?? req.source, () => rememberColumnMapping(db, mapping, req.mappingSource ?? req.source));
  const opts: ImportOptions = { dryRun: req.dryRun, source: req.source };
  if (!opts.dryRun) await backupBeforeImport(db, dataFile);
  return (run ?? ((f, o) => importWorkbook(db, f, o)))(file, opts);
}

const itemsSheet = SHEETS.find((d) => d.key === 'items')!;

/** The import report as the pages receive it. */
export const importReportView = (r: ImportReport): ImportReportView => ({
  ...r,
  counts: r.counts as Record<string, { added: number; changed: number; unchanged: number }>,
  // the table a sheet with unrecognised headers can be mapped onto in the column-mapping step
  mappable: {
    sheetKey: 'items',
    name: itemsSheet.name,
    columns: itemsSheet.columns.map((c) => ({ key: c.key, header: c.header, required: c.required && !c.derivable })),
  },
});

/** The sample roster shipped in assets/, imported through the same planner as a workbook. */
export async function importSampleRoster(db: Db, assetsDir: string, source: string): Promise<ImportReport> {
  return importRosterCsvAsync(db, readFileSync(join(assetsDir, 'sample-roster.csv'), 'utf8'), source);
}
