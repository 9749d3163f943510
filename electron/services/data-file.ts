// Moving the data file to another folder, starting a new one, and finding a backup the app listed.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupFileView } from '../../shared/ipc/contract';
import type { Db } from '../db/database';
import { UserError } from '../db/errors';
import { assertRestorable, backupDirFor, backupTo } from './backup';
import { listBackups } from './startup';

/** Copies the ledger into `dir` as zwxx.db (a consistent, checked copy) and returns the new file; the old file stays. */
export async function copyDataInto(db: Db, dir: string): Promise<string> {
  const file = join(dir, 'zwxx.db');
  if (existsSync(file)) throw new UserError(`“${dir}”中已有数据文件 zwxx.db。请选择一个空文件夹；如要使用那份数据，请用“从备份恢复”。`);
  await backupTo(db, file);
  return file;
}

/** Where a new, empty ledger goes in `dir`; a folder that already holds one is refused, never overwritten. */
export function newLedgerIn(dir: string): string {
  const file = join(dir, 'zwxx.db');
  if (existsSync(file)) throw new UserError(`“${dir}”中已有数据文件 zwxx.db。如要使用它，请点“选择数据文件…”；如要新建，请选择另一个文件夹。`);
  return file;
}

/** A file the clerk chose as the ledger: it must be one (a backup or a ledger of this program) that passes its check. */
export function assertLedgerFile(file: string): void {
  assertRestorable(file);
}

/** The file of a backup the app listed, by name: never a path from the page. */
export function listedBackupFile(dataFile: string, name: string): string {
  const listed = listBackups(dataFile, 0).find((b) => b.name === name);
  if (!listed) throw new UserError('备份文件夹中没有这个备份，请刷新后重新选择。');
  return join(backupDirFor(dataFile), listed.name);
}

/** The backups folder beside the ledger, newest first, with time and size (the 数据 page's list). */
export function backupFiles(dataFile: string): BackupFileView[] {
  const dir = backupDirFor(dataFile);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.db') && !f.startsWith('.') && !f.startsWith('损坏的数据-'))
    .map((name) => {
      const s = statSync(join(dir, name));
      return { name, at: s.mtime.toISOString(), bytes: s.size };
    })
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.name.localeCompare(a.name)));
}
