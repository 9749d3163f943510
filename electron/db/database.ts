// One place that opens the ledger: pragmas, checks, migrations (docs/架构.md, after Signal's Server.node.ts).
import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { LAIWU_2019 } from '../../shared/rules/laiwu2019';
import { nowIso } from '../clock';
import { markRolledBack, UserError } from './errors';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  /** WAL needs shared memory: databases on network or removable drives use DELETE (docs/已知问题与对策.md §4). */
  journalMode?: 'wal' | 'delete';
  /** where backups taken before a migration go; default: a `backups` folder beside the database */
  backupDir?: string;
  readonly?: boolean;
}

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/** Whether the file starts with SQLite's header (an empty or missing file does not). */
export function isSqliteFile(file: string): boolean {
  if (!existsSync(file) || statSync(file).size < 16) return false;
  const fd = openSync(file, 'r');
  const head = Buffer.alloc(16);
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  return head.toString('latin1') === SQLITE_MAGIC;
}

function assertSqliteFile(file: string): void {
  if (!existsSync(file)) return;
  if (statSync(file).size === 0) return; // an empty file becomes a new database
  if (!isSqliteFile(file))
    throw new UserError(`“${basename(file)}”不是本程序的数据文件（不是 SQLite 数据库）。请选择正确的数据文件或备份。`);
}

/**
 * 20261205-055823 in the computer's local time: backup names and the day of the daily backup follow the office's
 * clock (Beijing time), not UTC, so a backup taken at 05:58 on 12-05 is named 20261205 and the day rolls at midnight.
 */
export function timestamp(d = new Date()): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  assertSqliteFile(file);
  if (!opts.readonly) mkdirSync(dirname(file), { recursive: true });
  let db: Db;
  try {
    db = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
  } catch (e) {
    throw new UserError(`无法打开数据文件“${file}”：${(e as Error).message}。请检查文件是否存在、是否有读写权限。`);
  }
  try {
    db.pragma('busy_timeout = 5000');
    // ten office-years are ~200 MB: a 64 MB page cache (SQLite's default is 2 MB) keeps the indexes of a large
    // import or a period's facts in memory
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    if (!opts.readonly) {
      db.pragma(`journal_mode = ${opts.journalMode === 'delete' ? 'DELETE' : 'WAL'}`);
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION)
      throw new UserError(
        `该数据文件由更新版本的程序创建（数据版本 ${version}），本程序只支持到版本 ${SCHEMA_VERSION}。请安装新版本程序后再打开，数据文件未被改动。`,
      );
    if (!opts.readonly) {
      if (version > 0 && version < SCHEMA_VERSION) backupBeforeMigration(db, file, version, opts.backupDir);
      migrate(db, version);
      seedDefaults(db);
    }
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

function backupBeforeMigration(db: Db, file: string, version: number, dir?: string): void {
  const target = join(dir ?? join(dirname(file), 'backups'), `升级前备份-v${version}-${timestamp()}.db`);
  mkdirSync(dirname(target), { recursive: true });
  db.prepare('VACUUM INTO ?').run(target);
}

export function migrate(db: Db, from: number): void {
  const pending = MIGRATIONS.filter((m) => m.version > from);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
}

/** A new ledger starts with the default rule set 「莱芜区2019」. */
function seedDefaults(db: Db): void {
  const count = db.prepare('SELECT count(*) AS n FROM rule_sets').get() as { n: number };
  if (count.n > 0) return;
  withSource(db, '初始化', () => {
    const now = nowIso();
    db.prepare('INSERT INTO rule_sets (name, effective_from, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(
      LAIWU_2019.name,
      LAIWU_2019.effectiveFrom,
      JSON.stringify(LAIWU_2019),
      now,
      now,
    );
  });
}

const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * A prepared statement, compiled once per connection. The period queries run on every page load; compiling their SQL
 * each time cost more than some of them take to run.
 */
export function cachedStatement(db: Db, sql: string): Database.Statement {
  let map = statements.get(db);
  if (!map) statements.set(db, (map = new Map()));
  let st = map.get(sql);
  if (!st) map.set(sql, (st = db.prepare(sql)));
  return st;
}

/** Runs `fn` in one transaction with the audit source set (界面 / 命令行 / 导入 / 恢复 …). */
export function withSource<T>(db: Db, source: string, fn: () => T): T {
  try {
    return inSourceTransaction(db, source, fn);
  } catch (e) {
    // better-sqlite3 rolled the transaction back before rethrowing: the message may say nothing was changed
    markRolledBack(e);
    throw e;
  }
}

/**
 * BEGIN IMMEDIATE: the write lock is taken at the start, waiting (busy_timeout) for another connection — the import
 * worker — to finish, instead of failing at once when a deferred read turns into a write after the other committed.
 */
function inSourceTransaction<T>(db: Db, source: string, fn: () => T): T {
  return db.transaction(() => asSource(db, source, fn)).immediate();
}

/**
 * Runs `fn` with the audit source set, inside a transaction the caller has opened. The write gate uses it instead of
 * `withSource`: a nested transaction would be a SAVEPOINT, and SQLite then journals every page a large write touches
 * a second time — a 15,000-row import took ten times as long.
 */
export function asSource<T>(db: Db, source: string, fn: () => T): T {
  const prev = (cachedStatement(db, 'SELECT source FROM audit_context WHERE id = 1').get() as { source: string }).source;
  cachedStatement(db, 'UPDATE audit_context SET source = ? WHERE id = 1').run(source);
  try {
    return fn();
  } finally {
    cachedStatement(db, 'UPDATE audit_context SET source = ? WHERE id = 1').run(prev);
  }
}

export function closeDatabase(db: Db): void {
  if (!db.open) return;
  try {
    if (!db.readonly) db.pragma('optimize');
  } finally {
    db.close();
  }
}
