// Backups by SQLite's online backup (never a file copy of a live WAL database), verified with quick_check.
import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync, realpathSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { closeDatabase, isSqliteFile, openDatabase, timestamp, type Db, type OpenOptions } from '../db/database';
import { UserError } from '../db/errors';
import { SCHEMA_VERSION } from '../db/migrations';
import { foreignKeyProblems, hasTable, integrityProblems, quickCheckProblems, schemaVersion } from '../store/health';

export function quickCheck(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return quickCheckProblems(db);
  } finally {
    db.close();
  }
}

/** A consistent copy of the open database at `file`, checked before it is kept. */
export async function backupTo(db: Db, file: string): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    await db.backup(tmp);
    const problems = quickCheck(tmp);
    if (problems.length > 0) throw new UserError(`备份文件校验未通过（${problems[0]}），未保存。请检查磁盘后重试。`);
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/**
 * A new, empty file for a backup named `prefix` + the time to the millisecond (+ a counter), created exclusively: two
 * backups in the same second, or from two processes, never share a name, so a safety backup can never be written
 * over the very file a restore is reading from.
 */
export function uniqueBackupFile(dir: string, prefix: string, now = new Date()): string {
  mkdirSync(dir, { recursive: true });
  const stem = `${prefix}${timestamp(now)}-${String(now.getUTCMilliseconds()).padStart(3, '0')}`;
  for (let n = 0; n < 1000; n++) {
    const file = join(dir, n === 0 ? `${stem}.db` : `${stem}-${n}.db`);
    try {
      closeSync(openSync(file, 'wx'));
      return file;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  throw new UserError(`备份文件夹“${dir}”中同名文件过多，请清理后重试。`);
}

const samePath = (a: string, b: string): boolean => {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
};

export function backupDirFor(dbFile: string): string {
  return join(dirname(dbFile), 'backups');
}

/** Checks that `file` is a ledger this version can open, without changing it. */
export function assertRestorable(file: string): void {
  if (!existsSync(file)) throw new UserError(`找不到备份文件“${file}”。`);
  if (!isSqliteFile(file)) throw new UserError(`“${basename(file)}”不是有效的数据备份（备份文件是 .db 文件），无法恢复。`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    throw new UserError(`“${basename(file)}”不是有效的数据备份，无法恢复。`);
  }
  try {
    let version: number;
    try {
      version = schemaVersion(db);
      const check = quickCheckProblems(db);
      if (check.length > 0) throw new Error(check[0]!);
      const fk = foreignKeyProblems(db);
      if (fk.length > 0) throw new Error(`表 ${fk[0]!.table} 有 ${fk.length} 处引用的记录不存在`);
    } catch (e) {
      throw new UserError(`“${basename(file)}”已损坏或不是本程序的数据备份（${(e as Error).message}），无法恢复。`);
    }
    if (version > SCHEMA_VERSION)
      throw new UserError(`“${basename(file)}”来自更新版本的程序（数据版本 ${version}），请先升级程序再恢复。`);
    if (version === 0 || !hasTable(db, 'units')) throw new UserError(`“${basename(file)}”不是本程序的数据备份，无法恢复。`);
  } finally {
    db.close();
  }
}

/** A consistent copy of the backup `file`, by the online backup API, in a temporary file beside `target`. */
export async function stageCopy(file: string, target: string): Promise<string> {
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.staged`);
  const source = new Database(file, { readonly: true, fileMustExist: true });
  try {
    await source.backup(tmp);
  } finally {
    source.close();
  }
  return tmp;
}

/**
 * Replaces the ledger at `dbFile` with the backup `file`. The current ledger is backed up first, so a restore can
 * itself be undone. Returns the reopened database and the path of that safety backup.
 */
export async function restoreFrom(
  db: Db,
  dbFile: string,
  file: string,
  opts: OpenOptions = {},
): Promise<{ db: Db; safetyBackup: string }> {
  if (samePath(file, dbFile)) throw new UserError('所选文件就是正在使用的数据文件本身，不能从它恢复。请选择一个备份文件（通常在数据文件旁的 backups 文件夹中）。');
  assertRestorable(file);
  const safetyBackup = uniqueBackupFile(opts.backupDir ?? backupDirFor(dbFile), '恢复前备份-');
  try {
    await backupTo(db, safetyBackup);
  } catch (e) {
    rmSync(safetyBackup, { force: true });
    throw e;
  }
  const tmp = await stageCopy(file, dbFile);
  closeDatabase(db);
  for (const suffix of ['-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
  renameSync(tmp, dbFile);
  return { db: openDatabase(dbFile, opts), safetyBackup };
}

export interface CheckResult {
  ok: boolean;
  integrity: string[];
  foreignKeys: { table: string; rowid: number; parent: string }[];
}

export function checkDatabase(db: Db): CheckResult {
  const integrity = integrityProblems(db);
  const foreignKeys = foreignKeyProblems(db);
  return { ok: integrity.length === 0 && foreignKeys.length === 0, integrity, foreignKeys };
}
