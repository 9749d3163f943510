// Importing a workbook as every front door does it: checked first; only an import that will write takes a backup
// (导入前备份, so a wrong workbook can be undone) just before it writes. A dry run, a refused workbook or one with
// nothing new writes nothing and leaves no file behind.
import { readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { UserError } from '../db/errors';
import { writeSkippedRows, type SkippedRows } from '../exchange/skipped-rows';
import type { ImportReportView } from '../../shared/ipc/contract';
import type { Db } from '../db/database';
import { importWorkbook, type ColumnMapping, type ImportReport } from '../exchange/import';
import { SHEETS } from '../exchange/sheets';
import { rememberColumnMapping } from '../store/column-mappings';
import { backupBeforeImport } from './auto-backup';
import { write } from './write-gate';
import { importRosterCsvAsync } from './roster';

export interface ImportOptions {
  dryRun: boolean;
  /** the audit source: 导入 from the app, 命令行 from the command line */
  source: string;
  /** take the 导入前备份 beside the ledger once the import is known to write */
  backup?: boolean;
  /** 信息 rows near an existing item that the clerk ticked to import all the same ('all': every one) */
  includeSimilar?: number[] | 'all';
  /** the clerk chose 跳过有问题的行 */
  skipBadRows?: boolean;
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
  const opts: ImportOptions = { dryRun: req.dryRun, source: req.source, backup: !req.dryRun, includeSimilar: req.includeSimilar, skipBadRows: req.skipBadRows };
  return (run ?? ((f, o) => importWorkbookWithBackup(db, dataFile, f, o)))(file, opts);
}

/** The import itself on `db` (in this thread, or in the import worker on its own connection). */
export function importWorkbookWithBackup(db: Db, dataFile: string, file: string, opts: ImportOptions): Promise<ImportReport> {
  return importWorkbook(db, file, {
    dryRun: opts.dryRun,
    source: opts.source,
    includeSimilar: opts.includeSimilar,
    skipBadRows: opts.skipBadRows,
    beforeWrite: opts.backup ? () => backupBeforeImport(db, dataFile) : undefined,
  });
}

const itemsSheet = SHEETS.find((d) => d.key === 'items')!;

/** The import report as the pages receive it. */
export const importReportView = (r: ImportReport): ImportReportView => ({
  ...r,
  similar: r.similar,
  counts: r.counts as Record<string, { added: number; changed: number; unchanged: number }>,
  // the table a sheet with unrecognised headers can be mapped onto in the column-mapping step
  mappable: {
    sheetKey: 'items',
    name: itemsSheet.name,
    columns: itemsSheet.columns.map((c) => ({ key: c.key, header: c.header, required: c.required && !c.derivable })),
  },
});

/** The rows an import skipped, saved as a workbook the clerk can fix and import again. */
export async function saveSkippedRows(file: string, skipped: SkippedRows): Promise<void> {
  if (skipped.rows.length === 0) throw new UserError('没有跳过的行，无需保存。');
  await writeSkippedRows(file, skipped);
}

/** Beside the imported workbook: 台账-跳过的行.xlsx (the command line's choice of name). */
export function skippedRowsFileFor(file: string): string {
  return join(dirname(file), `${basename(file, extname(file))}-跳过的行.xlsx`);
}

/** The sample roster shipped in assets/, imported through the same planner as a workbook. */
export async function importSampleRoster(db: Db, assetsDir: string, source: string): Promise<ImportReport> {
  return importRosterCsvAsync(db, readFileSync(join(assetsDir, 'sample-roster.csv'), 'utf8'), source);
}
