// Opening the ledger at start-up (issue 5): where the file lives decides the journal mode, and the file is checked
// (quick_check + foreign keys) before the clerk works on it. A damaged ledger never crashes the app: the result
// names the problem and the backups that pass their own check, newest first, so the UI can offer a recovery.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, statfsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { closeDatabase, openDatabase, timestamp, type Db } from '../db/database';
import { messageOf, UserError } from '../db/errors';
import { foreignKeyProblems, quickCheckProblems } from '../store/health';
import { assertRestorable, backupDirFor, stageCopy } from './backup';
import { startWorker, workerFileFor } from './worker-thread';

/** damaged ledgers moved aside by a recovery: kept for rescue, never offered as a backup */
const DAMAGED = '损坏的数据-';

export type StorageKind = 'local' | 'network' | 'removable';

export interface StorageInfo {
  kind: StorageKind;
  /** why it was judged so (for the notice) */
  reason: string;
}

/** Linux statfs f_type magic numbers of network and FUSE file systems (WAL needs shared memory, which they lack). */
const NETWORK_FS: Record<number, string> = {
  0x6969: 'NFS',
  0x517b: 'SMB',
  0xff534d42: 'CIFS',
  0xfe534d42: 'SMB2',
  0x5346414f: 'AFS',
  0x73757245: 'Coda',
  0x564c: 'NCP',
  0x01021997: '9P',
  0x65735546: 'FUSE',
};
/** file systems of USB sticks and card readers */
const REMOVABLE_FS: Record<number, string> = { 0x4d44: 'FAT', 0x2011bab0: 'exFAT' };

/** Where a ledger lives, from its path and (on Linux) the file system type. Pure, so every rule is tested. */
export function storageKindOf(path: string, platform: string, fsType?: number): StorageInfo {
  if (platform === 'win32') {
    if (/^(\\\\|\/\/)(?![?.][\\/])/.test(path) || /^\\\\\?\\UNC\\/i.test(path)) return { kind: 'network', reason: '网络共享文件夹' };
    return { kind: 'local', reason: '本机磁盘' };
  }
  if (fsType !== undefined && NETWORK_FS[fsType]) return { kind: 'network', reason: `${NETWORK_FS[fsType]} 网络文件系统` };
  if (/^\/run\/user\/\d+\/gvfs\//.test(path)) return { kind: 'network', reason: '网络共享文件夹' };
  if (fsType !== undefined && REMOVABLE_FS[fsType]) return { kind: 'removable', reason: `${REMOVABLE_FS[fsType]} 格式的移动存储` };
  if (/^\/(media|run\/media|mnt)\//.test(path)) return { kind: 'removable', reason: '移动存储（U 盘或移动硬盘）' };
  return { kind: 'local', reason: '本机磁盘' };
}

export function detectStorage(file: string): StorageInfo {
  const abs = resolve(file);
  let fsType: number | undefined;
  if (process.platform !== 'win32') {
    try {
      fsType = Number(statfsSync(existsSync(abs) ? abs : dirname(abs)).type);
    } catch {
      fsType = undefined;
    }
  }
  return storageKindOf(abs, process.platform, fsType);
}

export interface BackupInfo {
  name: string;
  /** ISO time of the file's last change */
  at: string;
  bytes: number;
  /** passed quick_check and is a ledger this version can open */
  ok: boolean;
  problem?: string;
}

export interface StartupFailure {
  problem: string;
  details: string[];
  backups: BackupInfo[];
}

export type StartupResult = { ok: true; db: Db; storage: StorageInfo; notice: string | null } | ({ ok: false; storage: StorageInfo } & StartupFailure);

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

/** quick_check and the foreign keys of a ledger file, on a read-only connection of its own (the check worker's job). */
export function ledgerProblems(dataFile: string): string[] {
  let db: Db | null = null;
  try {
    db = openDatabase(dataFile, { readonly: true });
    return problemsOf(db);
  } catch (e) {
    return [messageOf(e)];
  } finally {
    if (db) closeDatabase(db);
  }
}

/** The same check in a worker thread, so the window stays responsive while it reads the whole file. */
export function checkLedgerInWorker(dataFile: string, workerFile = workerFileFor('check-worker')): Promise<string[]> {
  return new Promise((resolve) => {
    const worker = startWorker(workerFile, { dataFile });
    let answered = false;
    worker.once('message', (details: string[]) => {
      answered = true;
      resolve(details);
    });
    worker.once('error', (e) => {
      answered = true;
      resolve([`检查程序出错：${e.message}`]);
    });
    worker.once('exit', (code) => {
      if (!answered) resolve([`检查程序意外结束（代码 ${code}）`]);
    });
  });
}

/** The fast part of opening: the file opens and its schema is current (migrations, with a backup before them). */
export function openLedger(dataFile: string): StartupResult {
  const storage = detectStorage(dataFile);
  const journalMode = storage.kind === 'local' ? 'wal' : 'delete';
  const notice =
    storage.kind === 'local'
      ? null
      : `数据文件位于${storage.reason}上。为避免数据损坏，已改用兼容模式（不使用预写日志）；建议在“数据”页把数据文件夹移到本机硬盘。`;
  try {
    return { ok: true, db: openDatabase(dataFile, { journalMode }), storage, notice };
  } catch (e) {
    return { ok: false, storage, problem: `数据文件无法打开：${messageOf(e)}`, details: [], backups: listBackups(dataFile) };
  }
}

/** Opens and checks the ledger in one go (command line, recovery). Never throws for a damaged or foreign file. */
export function openChecked(dataFile: string): StartupResult {
  const opened = openLedger(dataFile);
  if (!opened.ok) return opened;
  let details: string[];
  try {
    details = problemsOf(opened.db);
  } catch (e) {
    details = [messageOf(e)];
  }
  if (details.length > 0) {
    closeDatabase(opened.db);
    return { ok: false, storage: opened.storage, problem: DAMAGED_PROBLEM, details, backups: listBackups(dataFile) };
  }
  return opened;
}

/** What the front doors hold between start-up and the end of the integrity check. */
export interface StartupState {
  failure: StartupFailure | null;
  notice: string | null;
  /** settles when the integrity check has finished; `failure` is set by then if it failed. Writes wait for it. */
  checked: Promise<void>;
}

export interface OpenLedger {
  /** null while the ledger is damaged (closed so that a recovery may move the file aside) */
  db: Db | null;
  startup: StartupState;
}

/**
 * Start-up as the clerk sees it: the ledger opens at once (migrations only) so the first screen comes up, and the
 * whole-file check runs right after, off the window's path. A failure closes the ledger before anything was written
 * (every writing method waits for `checked`) and the renderer switches to the recovery screen.
 */
export function startLedger(dataFile: string, check: (file: string) => Promise<string[]> = checkLedgerInWorker): OpenLedger {
  const opened = openLedger(dataFile);
  if (!opened.ok) return { db: null, startup: { failure: opened, notice: null, checked: Promise.resolve() } };
  const ledger: OpenLedger = { db: opened.db, startup: { failure: null, notice: opened.notice, checked: Promise.resolve() } };
  ledger.startup.checked = check(dataFile).then((details) => {
    if (details.length === 0) return;
    if (ledger.db) closeDatabase(ledger.db);
    ledger.db = null;
    ledger.startup.failure = { problem: DAMAGED_PROBLEM, details, backups: listBackups(dataFile) };
  });
  return ledger;
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
