// Importing a workbook as every front door does it: a backup first (导入前备份, so a wrong workbook can be undone),
// then the import itself; a dry run writes nothing and so needs no backup.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportReportView } from '../../shared/ipc/contract';
import type { Db } from '../db/database';
import { importWorkbook, type ImportReport } from '../exchange/import';
import { backupBeforeImport } from './auto-backup';
import { importRosterCsvAsync } from './roster';

export interface ImportOptions {
  dryRun: boolean;
  /** the audit source: 导入 from the app, 命令行 from the command line */
  source: string;
}

/** Runs an import; the desktop app and the test bridge run it in a worker thread so the window never freezes. */
export type ImportRunner = (file: string, opts: ImportOptions) => Promise<ImportReport>;

export async function importData(db: Db, dataFile: string, file: string, opts: ImportOptions, run?: ImportRunner): Promise<ImportReport> {
  if (!opts.dryRun) await backupBeforeImport(db, dataFile);
  return (run ?? ((f, o) => importWorkbook(db, f, o)))(file, opts);
}

/** The import report as the pages receive it. */
export const importReportView = (r: ImportReport): ImportReportView => ({
  ...r,
  counts: r.counts as Record<string, { added: number; changed: number; unchanged: number }>,
});

/** The sample roster shipped in assets/, imported through the same planner as a workbook. */
export async function importSampleRoster(db: Db, assetsDir: string, source: string): Promise<ImportReport> {
  return importRosterCsvAsync(db, readFileSync(join(assetsDir, 'sample-roster.csv'), 'utf8'), source);
}
