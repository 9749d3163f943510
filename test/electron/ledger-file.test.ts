// The ledger file's life: what start-up, restore, moving the data folder and the choice page do to the file, and
// what 操作记录 says about it. Real files, the real handler table, the real check worker.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, withSource } from '../../electron/db/database';
import { messageOf, UserError } from '../../electron/db/errors';
import { createHandlers, dispatch, type HandlerContext } from '../../electron/handlers';
import { readConfig, writeConfig } from '../../electron/services/app-config';
import { saveUnit } from '../../electron/services/ledger';
import { listUnits } from '../../electron/services/queries';
import { closeLedger, startLedger, switchLedger, type OpenLedger } from '../../electron/services/startup';
import type { AuditRowView, StartupView } from '../../shared/ipc/contract';
import { tempDir } from '../helpers/cli';
import { writeLedgerWorkbook } from '../helpers/ledger-fixture';
import { writeWorkbook } from '../helpers/workbooks';
import { startBridge, trustedRequest } from '../bridge/server';

const ASSETS = join(__dirname, '../../assets');
const work = tempDir('zwxx-life-');
const ledgerXlsx = join(work, 'ledger.xlsx');
const refusedXlsx = join(work, '有问题的台账.xlsx');

beforeAll(async () => {
  await writeLedgerWorkbook(ledgerXlsx);
  await writeWorkbook(refusedXlsx, [
    { name: '信息', headers: ['报送日期', '报送单位', '信息标题'], rows: [['2019-04-02', '并不存在的单位', '一条报给不存在单位的信息']] },
  ]);
});

const sha = (file: string): string => (existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : 'absent');
/** the ledger's bytes with its side files: what "unchanged" means for a file on disk */
const bytesOf = (file: string): string => ['', '-wal', '-shm', '-journal'].map((s) => sha(file + s)).join('/');

/** Two pages in the middle of the file overwritten, as a failing disk might: quick_check fails. */
function damage(file: string): void {
  const bytes = readFileSync(file);
  const at = Math.floor(bytes.length / 2 / 4096) * 4096;
  bytes.fill(0x5a, at, at + 8192);
  writeFileSync(file, bytes);
}

/** The handler table over a real ledger, as main and the bridge build it; dialogs answer from `answers`. */
function handlersFor(l: OpenLedger, answers: (string | null)[], extra: Partial<HandlerContext> = {}) {
  const next = async (): Promise<string | null> => answers.shift() ?? null;
  const ctx: HandlerContext = {
    db: () => {
      if (!l.db) throw new UserError('数据文件未打开。');
      return l.db;
    },
    readable: () => l.db !== null,
    replaceDb: (d) => (l.db = d),
    get dataFile() {
      return l.file;
    },
    startup: l.startup,
    switchTo: (f) => switchLedger(l, f),
    assetsDir: ASSETS,
    dialogs: { openFile: next, saveFile: next, chooseFolder: next },
    version: 'test',
    today: () => '2019-07-08',
    ...extra,
  };
  const h = createHandlers(ctx);
  return async <T,>(method: string, args: unknown = {}): Promise<T> => {
    const r = await dispatch(h, method, args);
    if (!r.ok) throw new UserError(r.error);
    return r.value as T;
  };
}

/** A ledger file holding the fixture workbook, closed. */
async function filledLedger(file: string): Promise<void> {
  const l = startLedger(file);
  await l.startup.checked;
  const call = handlersFor(l, [ledgerXlsx]);
  await call('data:import', { dryRun: true });
  await call('data:import', { dryRun: false, file: ledgerXlsx });
  closeLedger(l);
}

const open: OpenLedger[] = [];
afterAll(() => open.forEach(closeLedger));

describe('start-up checks before anything writes', () => {
  it('a damaged ledger is byte for byte unchanged after start-up, and no backup or migration copy is made', async () => {
    const dir = tempDir();
    const file = join(dir, 'zwxx.db');
    await filledLedger(file);
    rmSync(join(dir, 'backups'), { recursive: true, force: true });
    damage(file);
    const before = bytesOf(file);
    const l = startLedger(file);
    await l.startup.checked;
    expect(l.startup.failure?.kind).toBe('damaged');
    expect(l.db).toBeNull();
    closeLedger(l);
    expect(bytesOf(file)).toBe(before);
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });

  it('a ledger of an older version is migrated only after its check passed; a damaged one stays as it was', async () => {
    const dir = tempDir();
    const file = join(dir, 'zwxx.db');
    await filledLedger(file);
    const raw = new Database(file);
    raw.pragma('user_version = 3');
    raw.pragma('journal_mode = DELETE');
    raw.close();
    damage(file);
    const before = bytesOf(file);
    const l = startLedger(file);
    await l.startup.checked;
    expect(l.startup.failure?.kind).toBe('damaged');
    closeLedger(l);
    expect(bytesOf(file)).toBe(before);
    expect(existsSync(join(dir, 'backups')) ? readdirSync(join(dir, 'backups')).filter((f) => f.startsWith('升级前备份')) : []).toEqual([]);
  });

  it('reads answer from a read-only connection while the check runs; writes wait for it', async () => {
    const dir = tempDir();
    const file = join(dir, 'zwxx.db');
    await filledLedger(file);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const l = startLedger(file, async () => (await gate, null));
    open.push(l);
    expect(l.db?.readonly).toBe(true);
    const call = handlersFor(l, []);
    const info = await call<{ units: number }>('app:info');
    expect(info.units).toBeGreaterThan(0);
    let saved = false;
    const write = call('settings:save', { settings: { officeName: '测试办公室' } }).then(() => (saved = true));
    await Promise.resolve();
    expect(saved).toBe(false);
    release();
    await write;
    expect(l.db?.readonly).toBe(false);
  });
});

describe('restore', () => {
  it('keeps the storage\'s journal mode: WAL on a local disk, rollback journal on removable storage', async () => {
    // a folder under /mnt is judged removable storage by its path, as a USB stick mounted there would be
    const removable = join('/mnt', `zwxx-test-${process.pid}`);
    mkdirSync(removable, { recursive: true });
    try {
      for (const [dir, mode] of [
        [tempDir(), 'wal'],
        [removable, 'delete'],
      ] as const) {
        const file = join(dir, 'zwxx.db');
        const backup = join(work, `for-restore-${mode}.db`);
        await filledLedger(backup);
        const l = startLedger(file);
        await l.startup.checked;
        expect(l.db!.pragma('journal_mode', { simple: true })).toBe(mode);
        const call = handlersFor(l, [backup]);
        const preview = await call<{ stage: string; file: string; preview: { units: number; items: number; lastEntry: string | null; current: { items: number } } }>('backup:restore');
        expect(preview.stage).toBe('preview');
        expect(preview.preview.items).toBeGreaterThan(0);
        expect(preview.preview.lastEntry).toMatch(/^2019-/);
        expect(preview.preview.current.items).toBe(0);
        // nothing is replaced by the preview
        expect((l.db!.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n).toBe(0);
        await call('backup:restore', { file: preview.file, confirm: true });
        expect(l.db!.pragma('journal_mode', { simple: true })).toBe(mode);
        expect((l.db!.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n).toBe(preview.preview.items);
        closeLedger(l);
        // nothing temporary is left beside the ledger or its backups
        const leftovers = [...readdirSync(dir), ...readdirSync(join(dir, 'backups'))].filter((f) => /\.tmp|\.staged|-shm$|-wal$|-journal$/.test(f));
        expect(leftovers).toEqual([]);
      }
    } finally {
      rmSync(removable, { recursive: true, force: true });
    }
  });

  it('a confirming restore may only name the file its preview returned', async () => {
    const l = startLedger(join(tempDir(), 'zwxx.db'));
    open.push(l);
    await l.startup.checked;
    const call = handlersFor(l, []);
    await expect(call('backup:restore', { file: '/etc/passwd', confirm: true })).rejects.toThrow('请先选择备份并查看其内容');
  });
});

describe('moving the data folder', () => {
  it('writes nothing to the old file after the switch: every later write goes to the new one', async () => {
    const dir = tempDir();
    const oldFile = join(dir, 'zwxx.db');
    await filledLedger(oldFile);
    const target = tempDir('zwxx-moved-');
    let remembered = '';
    const l = startLedger(oldFile);
    open.push(l);
    await l.startup.checked;
    const call = handlersFor(l, [target], { setDataFile: (f) => (remembered = f) });
    const moved = await call<{ file: string }>('app:moveData');
    expect(moved.file).toBe(join(target, 'zwxx.db'));
    expect(remembered).toBe(moved.file);
    const oldBytes = bytesOf(oldFile);
    const oldBackups = readdirSync(join(dir, 'backups')).sort();
    // a clerk's next minutes: settings, a unit, an item, a backup, an import
    await call('settings:save', { settings: { officeName: '搬家后的办公室' } });
    const unit = await call<{ id: number }>('units:save', { name: '搬家后新增的单位', group: 'town', aliases: [], contact: '', phone: '', activeFrom: null, activeUntil: null, note: '' });
    await call('items:create', { unitId: unit.id, date: '2019-07-01', title: '搬家后录入的信息', kinds: [], authors: [], note: '' });
    const info = await call<{ dataFile: string; items: number }>('app:info');
    expect(info.dataFile).toBe(moved.file);
    closeLedger(l);
    expect(bytesOf(oldFile)).toBe(oldBytes);
    expect(readdirSync(join(dir, 'backups')).sort()).toEqual(oldBackups);
    const copy = new Database(moved.file, { readonly: true });
    expect(copy.prepare("SELECT count(*) AS n FROM items WHERE title = '搬家后录入的信息'").get()).toEqual({ n: 1 });
    copy.close();
  });
});

describe('the choice page', () => {
  it('a configured ledger that is missing is reported, never created anew; retry, choose and new ledger', async () => {
    const dir = tempDir();
    const missing = join(dir, 'U盘', 'zwxx.db');
    const l = startLedger(missing, undefined, { mustExist: true });
    open.push(l);
    expect(existsSync(missing)).toBe(false);
    expect(existsSync(join(dir, 'U盘'))).toBe(false);
    let remembered = '';
    const answers: (string | null)[] = [];
    const call = handlersFor(l, answers, { setDataFile: (f) => (remembered = f) });
    const view = await call<StartupView>('app:startup');
    expect(view).toMatchObject({ ok: false, kind: 'missing' });
    expect(view.problem).toContain('找不到数据文件');
    await expect(call('app:info')).rejects.toThrow();
    // choosing a file that is not a ledger is refused and changes nothing
    const notLedger = join(dir, 'notes.db');
    writeFileSync(notLedger, 'not a ledger');
    answers.push(notLedger);
    await expect(call('app:chooseLedger')).rejects.toThrow('不是有效的数据备份');
    expect(remembered).toBe('');
    // choosing the real ledger opens it and remembers it
    const real = join(tempDir(), 'zwxx.db');
    await filledLedger(real);
    answers.push(real);
    const chosen = await call<StartupView>('app:chooseLedger');
    expect(chosen).toMatchObject({ ok: true, kind: null });
    expect(remembered).toBe(real);
    expect((await call<{ units: number }>('app:info')).units).toBeGreaterThan(0);
  });

  it('新建空白数据 makes a new ledger only in a folder without one', async () => {
    const l = startLedger(join(tempDir(), 'gone', 'zwxx.db'), undefined, { mustExist: true });
    open.push(l);
    const folder = tempDir();
    const taken = tempDir();
    writeFileSync(join(taken, 'zwxx.db'), '');
    const answers: (string | null)[] = [taken, folder];
    let remembered = '';
    const call = handlersFor(l, answers, { setDataFile: (f) => (remembered = f) });
    await expect(call('app:newLedger')).rejects.toThrow('已有数据文件');
    const made = await call<StartupView>('app:newLedger');
    expect(made.ok).toBe(true);
    expect(remembered).toBe(join(folder, 'zwxx.db'));
    expect((await call<{ units: number; items: number }>('app:info')).items).toBe(0);
  });

  it('config.json is written whole or not at all, and a damaged one is reported, not replaced', () => {
    const dir = tempDir();
    const file = join(dir, 'config.json');
    expect(readConfig(file)).toEqual({ kind: 'none' });
    writeConfig(file, { dataFile: '/data/zwxx.db' });
    expect(readConfig(file)).toEqual({ kind: 'ok', dataFile: '/data/zwxx.db' });
    expect(readdirSync(dir)).toEqual(['config.json']);
    writeFileSync(file, '{"dataFile": "/data/zw');
    const damaged = readConfig(file);
    expect(damaged.kind).toBe('damaged');
    expect(readFileSync(file, 'utf8')).toBe('{"dataFile": "/data/zw');
  });
});

describe('操作记录 records what happened to the file', () => {
  it('one entry per import (expandable to its rows), one per restore, readable settings changes', async () => {
    const dir = tempDir();
    const file = join(dir, 'zwxx.db');
    const l = startLedger(file);
    open.push(l);
    await l.startup.checked;
    const answers: (string | null)[] = [ledgerXlsx];
    const call = handlersFor(l, answers);
    await call('units:importSample');
    await call('data:import', { dryRun: true });
    await call('data:import', { dryRun: false, file: ledgerXlsx });
    const top = await call<{ total: number; rows: AuditRowView[] }>('audit:list', {});
    const imports = top.rows.filter((r) => r.action === '导入');
    expect(imports).toHaveLength(2);
    expect(imports[0]!.summary).toContain('ledger.xlsx');
    expect(imports[1]!.summary).toContain('示例单位名单');
    expect(imports[0]!.rows).toBeGreaterThan(10);
    expect(imports[0]!.changes.find((c) => c.field === '信息')?.after).toMatch(/新增 \d+ 条/);
    // nothing else but the new ledger's default rule set: the rows of the imports are inside their entries
    expect(top.rows.filter((r) => r.source !== '初始化')).toHaveLength(2);
    const inside = await call<{ total: number; rows: AuditRowView[] }>('audit:list', { group: imports[0]!.id, limit: 500 });
    expect(inside.total).toBe(imports[0]!.rows);
    expect(inside.rows.some((r) => r.entity === '信息' && r.action === '新增')).toBe(true);
    // a search for a record still finds its row
    const found = await call<{ rows: AuditRowView[] }>('audit:list', { entity: 'items' });
    expect(found.rows.length).toBeGreaterThan(0);

    await call('settings:save', { settings: { officeName: '区政府办公室', contactPhone: '6110000', fonts: { body: '仿宋' } } });
    const afterSettings = await call<{ rows: AuditRowView[] }>('audit:list', {});
    const s = afterSettings.rows[0]!;
    expect(s.entity).toBe('设置');
    expect(s.changes).toEqual(
      expect.arrayContaining([
        { field: '发文机关（署名）', before: '济南市莱芜区人民政府办公室', after: '区政府办公室' },
        { field: '联系电话', before: '6114079', after: '6110000' },
        { field: '字体 · 正文字体', before: '仿宋_GB2312', after: '仿宋' },
      ]),
    );
    expect(JSON.stringify(s)).not.toContain('officeName');

    // a restore: from which backup, what it replaced, the safety copy
    const backup = join(work, 'restore-source.db');
    rmSync(backup, { force: true });
    await filledLedger(backup);
    answers.push(backup);
    const p = await call<{ file: string }>('backup:restore');
    const done = await call<{ safetyBackup: string }>('backup:restore', { file: p.file, confirm: true });
    const history = await call<{ rows: AuditRowView[] }>('audit:list', {});
    const restore = history.rows[0]!;
    expect(restore).toMatchObject({ action: '恢复', entity: '数据文件' });
    expect(restore.summary).toContain('restore-source.db');
    const field = (f: string) => restore.changes.find((c) => c.field === f);
    expect(field('恢复自备份')?.after).toBe('restore-source.db');
    expect(field('被替换的数据')?.before).toMatch(/^单位 \d+ 个，信息 \d+ 条，最后报送 2019-/);
    expect(field('恢复前备份')?.after).toBe(done.safetyBackup.split('/').pop());
  });

  it('a refused import writes nothing and leaves no file behind; one that writes leaves exactly its backup', async () => {
    const dir = tempDir();
    const file = join(dir, 'zwxx.db');
    const l = startLedger(file);
    open.push(l);
    await l.startup.checked;
    const answers: (string | null)[] = [refusedXlsx, ledgerXlsx];
    const call = handlersFor(l, answers);
    const listing = () => readdirSync(dir).concat(existsSync(join(dir, 'backups')) ? readdirSync(join(dir, 'backups')).map((f) => `backups/${f}`) : []).sort();
    const before = listing();
    await call('data:import', { dryRun: true });
    const refused = await call<{ applied: boolean; problems: unknown[] }>('data:import', { dryRun: false, file: refusedXlsx });
    expect(refused.applied).toBe(false);
    expect(refused.problems.length).toBeGreaterThan(0);
    expect(listing()).toEqual(before);
    expect((await call<{ rows: AuditRowView[] }>('audit:list', {})).rows.filter((r) => r.source !== '初始化')).toEqual([]);
    await call('data:import', { dryRun: true });
    await call('data:import', { dryRun: false, file: ledgerXlsx });
    const added = listing().filter((f) => !before.includes(f) && f !== 'backups');
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^backups\/导入前备份-\d{8}-\d{6}-\d{3}\.db$/);
    // the same workbook again holds nothing new: no second backup
    await call('data:import', { dryRun: false, file: ledgerXlsx });
    expect(listing().filter((f) => !before.includes(f) && f !== 'backups')).toHaveLength(1);
  });
});

describe('messages say “数据未被修改” only when it is known', () => {
  it('a rolled-back write says so; an error outside a transaction does not', () => {
    const db = openDatabase(join(tempDir(), 'zwxx.db'));
    try {
      let rolled: unknown;
      try {
        withSource(db, '界面', () => {
          saveUnit(db, { name: '回滚单位', group: 'town', aliases: [], contact: '', phone: '', activeFrom: null, activeUntil: null, note: '' }, '界面');
          throw new Error('boom');
        });
      } catch (e) {
        rolled = e;
      }
      expect(messageOf(rolled)).toContain('数据未被修改');
      expect(listUnits(db).map((u) => u.name)).not.toContain('回滚单位');
      expect(messageOf(new Error('boom'))).not.toContain('数据未被修改');
      const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      expect(messageOf(full)).toMatch(/^磁盘空间不足/);
      expect(messageOf(full)).not.toMatch(/[a-z]{4,}/);
    } finally {
      closeDatabase(db);
    }
  });
});

describe('the test bridge', () => {
  it('answers only requests addressed to its loopback port from its own pages', async () => {
    expect(trustedRequest('127.0.0.1:5177', undefined, 5177)).toBe(true);
    expect(trustedRequest('localhost:5177', 'http://localhost:5177', 5177)).toBe(true);
    expect(trustedRequest('evil.example:5177', undefined, 5177)).toBe(false);
    expect(trustedRequest('127.0.0.1:5177', 'http://evil.example', 5177)).toBe(false);
    expect(trustedRequest(undefined, undefined, 5177)).toBe(false);
    const bridge = await startBridge({ dbFile: join(tempDir(), 'zwxx.db') });
    try {
      const port = Number(new URL(bridge.url).port);
      const ask = (host: string, origin?: string) =>
        new Promise<number>((ok, fail) => {
          const r = request({ host: '127.0.0.1', port, path: '/api/app%3Ainfo', method: 'POST', headers: { host, ...(origin ? { origin } : {}) } }, (res) => {
            res.resume();
            ok(res.statusCode ?? 0);
          });
          r.on('error', fail);
          r.end('{}');
        });
      expect(await ask(`127.0.0.1:${port}`)).toBe(200);
      expect(await ask(`rebound.example:${port}`)).toBe(403);
      expect(await ask(`127.0.0.1:${port}`, 'http://rebound.example')).toBe(403);
    } finally {
      await bridge.close();
    }
  });
});
