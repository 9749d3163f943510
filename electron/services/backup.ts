// Backups by SQLite's online backup (never a file copy of a live WAL database), verified with quick_check.
import Database from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import type { BackupPreview } from '../../shared/ipc/contract';
import { basename, dirname, join } from 'node:path';
import { isSqliteFile, openDatabase, timestamp, type Db } from '../db/database';
import { UserError } from '../db/errors';
import { SCHEMA_VERSION } from '../db/migrations';
import { itemCount, submittedRange, unitCount } from '../store/counts';
import { foreignKeyProblems, hasTable, integrityProblems, quickCheckProblems, schemaVersion, useRollbackJournal } from '../store/health';
import { journalFor } from './storage';

/** The side files SQLite may keep beside a database. */
const SIDE_FILES = ['-wal', '-shm', '-journal'];

const removeWithSideFiles = (file: string): void => {
  for (const s of ['', ...SIDE_FILES]) rmSync(file + s, { force: true });
};

/** Flushes a file (or a folder's entry list) to the disk, so a rename that follows survives a power cut. */
export function fsyncPath(path: string, folder = false): void {
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch (e) {
    // Windows cannot open a folder to flush it; its renames are journaled by NTFS
    if (!folder) throw e;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * Makes a fresh copy a self-contained file: rollback journal (a copy of a WAL ledger keeps the WAL flag in its header,
 * and whoever opened it next would leave -wal/-shm files beside it), checked with quick_check, flushed to the disk.
 */
function settleCopy(tmp: string): void {
  const copy = new Database(tmp, { fileMustExist: true });
  let problems: string[];
  try {
    useRollbackJournal(copy);
    problems = quickCheckProblems(copy);
  } finally {
    copy.close();
  }
  for (const s of SIDE_FILES) rmSync(tmp + s, { force: true });
  if (problems.length > 0) throw new UserError(`备份文件校验未通过（${problems[0]}），未保存。请检查磁盘后重试。`);
  fsyncPath(tmp);
}

const alive = (pid: number): boolean => {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Removes the temporary copies a killed process left beside the ledger and in its backups folder (a restore killed
 * while staging, a backup killed while writing). Only files of processes that are gone; never the ledger itself.
 */
export function removeStaleCopies(dbFile: string): void {
  const stale = /^\..+\.(\d+)\.(?:staged|tmp)(?:-wal|-shm|-journal)?$/;
  for (const dir of [dirname(dbFile), backupDirFor(dbFile)]) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const m = stale.exec(name);
      if (m && !alive(Number(m[1]))) rmSync(join(dir, name), { force: true });
    }
  }
}

/** A disk-full or write error while copying, in the clerk's words. */
function copyFailed(e: unknown, what: string, dir: string): never {
  if (e instanceof UserError) throw e;
  const code = (e as NodeJS.ErrnoException).code ?? '';
  const msg = String((e as Error).message ?? e);
  if (code === 'ENOSPC' || /SQLITE_FULL|disk is full|database or disk is full/i.test(`${code} ${msg}`))
    throw new UserError(`磁盘空间不足，${what}未完成，数据文件没有改动。请清理“${dir}”所在磁盘后重试。`);
  throw new UserError(`${what}时写入文件失败（${msg}），数据文件没有改动。请检查“${dir}”是否可写、磁盘是否正常后重试。`);
}

export function quickCheck(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return quickCheckProblems(db);
  } finally {
    db.close();
  }
}

/**
 * A consistent copy of the open database at `file`, checked before it is kept. It is written beside `file` under a
 * temporary name and renamed into place only when whole, so a full disk or a crash never leaves a half backup under
 * the real name, and no temporary or -wal/-shm file is left behind either way.
 */
export async function backupTo(db: Db, file: string): Promise<void> {
  const dir = dirname(file);
  const tmp = join(dir, `.${basename(file)}.${process.pid}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    await db.backup(tmp);
    settleCopy(tmp);
    renameSync(tmp, file);
    fsyncPath(dir, true);
  } catch (e) {
    copyFailed(e, '备份', dir);
  } finally {
    removeWithSideFiles(tmp);
  }
}

/**
 * A new, empty file for a backup named `prefix` + the time to the millisecond (+ a counter), created exclusively: two
 * backups in the same second, or from two processes, never share a name, so a safety backup can never be written
 * over the very file a restore is reading from.
 */
export function uniqueBackupFile(dir: string, prefix: string, now = new Date()): string {
  mkdirSync(dir, { recursive: true });
  const stem = `${prefix}${timestamp(now)}-${String(now.getMilliseconds()).padStart(3, '0')}`;
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

/**
 * A consistent copy of the backup `file`, by the online backup API, in a temporary file beside `target` (same folder,
 * so the rename that puts it in place is atomic), checked and flushed to the disk.
 */
export async function stageCopy(file: string, target: string): Promise<string> {
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.staged`);
  try {
    const source = new Database(file, { readonly: true, fileMustExist: true });
    try {
      await source.backup(tmp);
    } finally {
      source.close();
    }
    settleCopy(tmp);
  } catch (e) {
    removeWithSideFiles(tmp);
    copyFailed(e, '恢复', dirname(target));
  }
  return tmp;
}

/** Steps of a restore, for the crash tests that kill the process between them. */
export type RestoreStep = 'safety-backup' | 'staged' | 'closed' | 'replaced';

/**
 * Replaces the ledger at `dbFile` with the backup `file`. The current ledger is backed up first, so a restore can
 * itself be undone. The backup is staged beside the ledger and renamed over it in one step: killed at any moment,
 * the folder holds either the old ledger or the new one, whole. The reopened ledger takes its journal mode from the
 * storage, as at start-up (a restore on a network drive stays in rollback-journal mode).
 */
export async function restoreFrom(
  db: Db,
  dbFile: string,
  file: string,
  opts: { backupDir?: string; onStep?: (step: RestoreStep) => void } = {},
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
  opts.onStep?.('safety-backup');
  const tmp = await stageCopy(file, dbFile);
  opts.onStep?.('staged');
  // closing checkpoints the WAL into the old file, which is then whole on its own until the rename
  db.close();
  for (const suffix of SIDE_FILES) rmSync(dbFile + suffix, { force: true });
  opts.onStep?.('closed');
  renameSync(tmp, dbFile);
  fsyncPath(dirname(dbFile), true);
  opts.onStep?.('replaced');
  const restored = openDatabase(dbFile, { journalMode: journalFor(dbFile).journalMode });
  // the caller writes the restore's one 操作记录 entry (recordRestore), knowing what was replaced
  return { db: restored, safetyBackup };
}

/** What a ledger holds, as the clerk counts it: units, items (not in the recycle bin), the newest 报送 date. */
export function describeLedger(db: Db): { units: number; items: number; lastEntry: string | null } {
  return { units: unitCount(db), items: itemCount(db), lastEntry: submittedRange(db).last };
}

/** What the backup `file` holds, next to what the current ledger holds: shown before a restore replaces it. */
export function backupPreview(file: string, current: Db, dbFile: string): BackupPreview {
  if (samePath(file, dbFile)) throw new UserError('所选文件就是正在使用的数据文件本身，不能从它恢复。请选择一个备份文件（通常在数据文件旁的 backups 文件夹中）。');
  assertRestorable(file);
  const s = statSync(file);
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return { name: basename(file), at: s.mtime.toISOString(), bytes: s.size, ...describeLedger(copy), current: describeLedger(current) };
  } catch (e) {
    throw new UserError(`无法读取“${basename(file)}”的内容（${(e as Error).message}），请选择其他备份。`);
  } finally {
    copy.close();
  }
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
