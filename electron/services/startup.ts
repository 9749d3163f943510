// The ledger file's life, in one place: open (the storage decides the journal mode), check (quick_check + foreign
// keys on a read-only connection, before anything writes: migrations, the journal-mode switch, seeding and PRAGMA
// optimize come only after the check passed), switch to another file (the data-folder move, the choice page) and
// close. A damaged, missing or unreadable ledger never crashes the app: the result names the problem and what the
// clerk can do, and the file stays byte for byte as it was.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { closeDatabase, openDatabase, timestamp, type Db } from '../db/database';
import { messageOf, UserError } from '../db/errors';
import { checkRecoveredCopy, hasHotSideFile } from '../db/hot-journal';
import { SCHEMA_VERSION } from '../db/migrations';
import { foreignKeyProblems, quickCheckProblems, schemaVersion } from '../store/health';
import { assertRestorable, backupDirFor, removeStaleCopies, stageCopy } from './backup';
import { journalFor, type StorageInfo } from './storage';
import { startWorker, workerFileFor } from './worker-thread';

export { detectStorage, journalFor, storageKindOf, type StorageInfo, type StorageKind } from './storage';

/** damaged ledgers moved aside by a recovery: kept for rescue, never offered as a backup */
const DAMAGED = '损坏的数据-';

export interface BackupInfo {
  name: string;
  /** ISO time of the file's last change */
  at: string;
  bytes: number;
  /** passed quick_check and is a ledger this version can open */
  ok: boolean;
  problem?: string;
}

/**
 * Why the ledger is not open: damaged (failed its check or cannot be read), missing (the configured file is not
 * there, e.g. an unplugged drive) or config (the app's own config.json is unreadable, so it does not know the file).
 */
export type FailureKind = 'damaged' | 'missing' | 'config';

export interface StartupFailure {
  kind: FailureKind;
  problem: string;
  details: string[];
  backups: BackupInfo[];
}

export type StartupResult = { ok: true; db: Db; storage: StorageInfo; notice: string | null } | ({ ok: false; storage: StorageInfo } & StartupFailure);

/** What a read-only check found: nothing (null), or the problem and its details. */
export type CheckFinding = { problem: string; details: string[] } | null;

/** Backups beside the ledger, newest first; the newest few are checked so the screen can recommend a good one. */
export function listBackups(dataFile: string, checkNewest = 10): BackupInfo[] {
  const dir = backupDirFor(dataFile);
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.db') && !f.startsWith('.') && !f.startsWith(DAMAGED))
    .map((name) => {
      const s = statSync(join(dir, name));
      return { name, at: s.mtime.toISOString(), bytes: s.size };
    })
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.name.localeCompare(a.name)));
  return files.map((f, i) => {
    if (i >= checkNewest) return { ...f, ok: false, problem: '未检查' };
    try {
      assertRestorable(join(dir, f.name));
      return { ...f, ok: true };
    } catch (e) {
      return { ...f, ok: false, problem: messageOf(e) };
    }
  });
}

function problemsOf(db: Db): string[] {
  const quick = quickCheckProblems(db);
  const fk = foreignKeyProblems(db).map(
    (r) => `表 ${r.table} 第 ${r.rowid} 行引用的 ${r.parent} 记录不存在`,
  );
  return [...quick, ...fk].slice(0, 20);
}

const DAMAGED_PROBLEM = '数据文件检查未通过（文件可能因断电、强制关机或磁盘故障而损坏）。';

/** A file that does not exist or is empty: a new ledger, nothing in it to check. */
const isFresh = (file: string): boolean => !existsSync(file) || statSync(file).size === 0;

/**
 * The whole-file check on a read-only connection of its own: opens (refusing a file that is not a ledger or comes
 * from a newer version), quick_check and the foreign keys. Writes nothing to the ledger.
 */
export function checkLedgerFile(dataFile: string): CheckFinding {
  const finding = checkReadOnly(dataFile);
  // a read-only connection cannot roll back a hot journal (or replay a log that needs recovery): after a kill in the
  // middle of a write, the check runs again on a recovered copy (db/hot-journal.ts) instead of calling the file damaged
  if (finding === null || !hasHotSideFile(dataFile)) return finding;
  try {
    return checkRecoveredCopy(dataFile, checkReadOnly);
  } catch (e) {
    return { problem: `数据文件无法打开：${messageOf(e)}`, details: [] };
  }
}

function checkReadOnly(dataFile: string): CheckFinding {
  let db: Db | null = null;
  try {
    db = openDatabase(dataFile, { readonly: true });
  } catch (e) {
    return { problem: `数据文件无法打开：${messageOf(e)}`, details: [] };
  }
  try {
    const details = problemsOf(db);
    return details.length > 0 ? { problem: DAMAGED_PROBLEM, details } : null;
  } catch (e) {
    return { problem: DAMAGED_PROBLEM, details: [messageOf(e)] };
  } finally {
    db.close();
  }
}

/** quick_check and the foreign keys of a ledger file, as a list of problems (empty = fine). */
export function ledgerProblems(dataFile: string): string[] {
  const f = checkLedgerFile(dataFile);
  return f ? (f.details.length > 0 ? f.details : [f.problem]) : [];
}

/** The same check in a worker thread, so the window stays responsive while it reads the whole file. */
export function checkLedgerInWorker(dataFile: string, workerFile = workerFileFor('check-worker')): Promise<CheckFinding> {
  return new Promise((resolve) => {
    const worker = startWorker(workerFile, { dataFile });
    let answered = false;
    worker.once('message', (finding: CheckFinding) => {
      answered = true;
      resolve(finding);
    });
    worker.once('error', (e) => {
      answered = true;
      resolve({ problem: DAMAGED_PROBLEM, details: [`检查程序出错：${e.message}`] });
    });
    worker.once('exit', (code) => {
      if (!answered) resolve({ problem: DAMAGED_PROBLEM, details: [`检查程序意外结束（代码 ${code}）`] });
    });
  });
}

/** The connection that writes: journal mode from the storage, then migrations (with a backup before) and seeding. */
export function openForWriting(dataFile: string): Db {
  return openDatabase(dataFile, { journalMode: journalFor(dataFile).journalMode });
}

/** Checks, then opens for writing (command line, restore, recovery, switching files). Never throws for a bad file. */
export function openChecked(dataFile: string): StartupResult {
  const { storage, notice } = journalFor(dataFile);
  removeStaleCopies(dataFile);
  if (!isFresh(dataFile)) {
    const finding = checkLedgerFile(dataFile);
    if (finding) return { ok: false, storage, kind: 'damaged', ...finding, backups: listBackups(dataFile) };
  }
  try {
    return { ok: true, db: openForWriting(dataFile), storage, notice };
  } catch (e) {
    return { ok: false, storage, kind: 'damaged', problem: `数据文件无法打开：${messageOf(e)}`, details: [], backups: listBackups(dataFile) };
  }
}

/** What the front doors hold between start-up and the end of the integrity check. */
export interface StartupState {
  failure: StartupFailure | null;
  notice: string | null;
  /** settles when the integrity check has finished; `failure` is set by then if it failed. Writes wait for it. */
  checked: Promise<void>;
}

export interface OpenLedger {
  /** the ledger file in use (changes when the clerk moves the data folder or chooses another file) */
  file: string;
  /**
   * null while the ledger is not open; until the check has passed, a read-only connection (reads answer at once,
   * nothing can write); after it, the connection that writes
   */
  db: Db | null;
  startup: StartupState;
}

const missingFailure = (file: string): StartupFailure => ({
  kind: 'missing',
  problem: `找不到数据文件“${file}”。如果数据文件在 U 盘、移动硬盘或网络盘上，请接好后点“重试”；也可以选择数据文件所在位置，或新建一份空白数据。`,
  details: [],
  backups: [],
});

/**
 * Start-up as the clerk sees it: the window comes up at once and the whole-file check runs in a worker. A ledger of
 * the current version is readable meanwhile through a read-only connection; the connection that writes (journal
 * mode, migrations, seeding) opens only after the check has passed. A failure leaves the file exactly as it was.
 * `mustExist`: the file was configured by the clerk, so a missing one is reported, never silently created anew.
 */
export function startLedger(
  dataFile: string,
  check: (file: string) => Promise<CheckFinding> = checkLedgerInWorker,
  opts: { mustExist?: boolean } = {},
): OpenLedger {
  const file = resolve(dataFile);
  const { notice } = journalFor(file);
  const ledger: OpenLedger = { file, db: null, startup: { failure: null, notice, checked: Promise.resolve() } };
  const fail = (failure: StartupFailure): OpenLedger => ((ledger.startup.failure = failure), (ledger.startup.notice = null), ledger);
  if (opts.mustExist && !existsSync(file)) return fail(missingFailure(file));
  removeStaleCopies(file);
  if (isFresh(file)) {
    try {
      ledger.db = openForWriting(file);
    } catch (e) {
      return fail({ kind: 'damaged', problem: `无法新建数据文件：${messageOf(e)}`, details: [], backups: [] });
    }
    return ledger;
  }
  // a read-only connection to a WAL-mode file makes the -wal and -shm files it finds missing: a file that fails its
  // check gets them removed again, so it is left exactly as it was found
  const sideFiles = ['-wal', '-shm'].filter((s) => !existsSync(file + s));
  try {
    const reader = openDatabase(file, { readonly: true });
    if (schemaVersion(reader) === SCHEMA_VERSION) ledger.db = reader;
    else reader.close(); // an older ledger is read only after its migration, which waits for the check
  } catch {
    // the check reports why
  }
  ledger.startup.checked = check(file).then((finding) => {
    const reader = ledger.db;
    ledger.db = null;
    if (reader) reader.close();
    if (finding) {
      removeSideFilesMadeByCheck(file, sideFiles);
      fail({ kind: 'damaged', ...finding, backups: listBackups(file) });
      return;
    }
    try {
      ledger.db = openForWriting(file);
    } catch (e) {
      fail({ kind: 'damaged', problem: `数据文件无法打开：${messageOf(e)}`, details: [], backups: listBackups(file) });
    }
  });
  return ledger;
}

/** Removes the (empty) -wal and the -shm a read-only check created beside a file no connection has open any more. */
function removeSideFilesMadeByCheck(file: string, created: string[]): void {
  const wal = file + '-wal';
  if (created.includes('-wal') && existsSync(wal) && statSync(wal).size > 0) return; // never drop written pages
  for (const s of created) rmSync(file + s, { force: true });
}

/** A ledger that cannot be opened because the app's own config.json cannot be read: the choice page. */
export function blockedLedger(dataFile: string, problem: string): OpenLedger {
  return {
    file: resolve(dataFile),
    db: null,
    startup: { failure: { kind: 'config', problem, details: [], backups: [] }, notice: null, checked: Promise.resolve() },
  };
}

/**
 * Moves the ledger to another file: the new one is checked and opened first (a bad one leaves everything as it was),
 * then the old connection closes — without PRAGMA optimize, so nothing more is written to the file the clerk left —
 * and every later call reads and writes the new file.
 */
export function switchLedger(ledger: OpenLedger, dataFile: string): void {
  const file = resolve(dataFile);
  const opened = openChecked(file);
  if (!opened.ok) throw new UserError(`${opened.problem}${opened.details.length > 0 ? `（${opened.details[0]}）` : ''}数据文件：${file}`);
  const old = ledger.db;
  ledger.db = opened.db;
  ledger.file = file;
  ledger.startup.failure = null;
  ledger.startup.notice = opened.notice;
  ledger.startup.checked = Promise.resolve();
  if (old?.open) old.close();
}

/** Closes the ledger at the end; PRAGMA optimize only on a connection that writes to a file that passed its check. */
export function closeLedger(ledger: OpenLedger): void {
  const db = ledger.db;
  ledger.db = null;
  if (!db?.open) return;
  if (ledger.startup.failure) db.close();
  else closeDatabase(db);
}

/**
 * Replaces a damaged ledger by a backup. The damaged file is never deleted: it is moved into the backups folder as
 * 损坏的数据-….db (with its -wal/-shm), so nothing the clerk entered since the backup is thrown away.
 */
export async function recoverFromBackup(dataFile: string, backupFile: string): Promise<{ db: Db; damagedCopy: string | null }> {
  // quick_check and the foreign keys of the backup, before anything is moved
  assertRestorable(backupFile);
  const dir = backupDirFor(dataFile);
  mkdirSync(dir, { recursive: true });
  let damagedCopy: string | null = null;
  if (existsSync(dataFile)) {
    damagedCopy = join(dir, `${DAMAGED}${timestamp()}.db`);
    renameSync(dataFile, damagedCopy);
    for (const suffix of ['-wal', '-shm', '-journal']) if (existsSync(dataFile + suffix)) renameSync(dataFile + suffix, damagedCopy + suffix);
  }
  renameSync(await stageCopy(backupFile, dataFile), dataFile);
  const opened = openChecked(dataFile);
  if (!opened.ok) throw new UserError(`恢复后的数据仍未通过检查（${opened.problem}），请选择其他备份。`);
  return { db: opened.db, damagedCopy };
}
