// Moving the data file to another folder, and finding a backup the recovery screen listed.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/database';
import { UserError } from '../db/errors';
import { backupDirFor, backupTo } from './backup';
import { listBackups } from './startup';

/** Copies the ledger into `dir` as zwxx.db (a consistent, checked copy) and returns the new file; the old file stays. */
export async function copyDataInto(db: Db, dir: string): Promise<string> {
  const file = join(dir, 'zwxx.db');
  if (existsSync(file)) throw new UserError(`“${dir}”中已有数据文件 zwxx.db。请选择一个空文件夹；如要使用那份数据，请用“从备份恢复”。`);
  await backupTo(db, file);
  return file;
}

/** The file of a backup the recovery screen listed, by name: never a path from the page. */
export function listedBackupFile(dataFile: string, name: string): string {
  const listed = listBackups(dataFile).find((b) => b.name === name);
  if (!listed) throw new UserError('备份文件夹中没有这个备份，请刷新后重新选择。');
  return join(backupDirFor(dataFile), listed.name);
}
