// Nothing a clerk entered is lost: recycle bin, audit trail, start-up check with recovery, storage detection, zip limits, imports in a worker.
import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readdirSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Db } from '../../electron/db/database';
import { exchangeRows } from '../../electron/exchange/export';
import { importWorkbook } from '../../electron/exchange/import';
import { inspectZip, LIMITS } from '../../electron/exchange/workbook-file';
import { createHandlers, dispatch } from '../../electron/handlers';
import { listAudit } from '../../electron/services/audit-log';
import { backupTo } from '../../electron/services/backup';
import { runImportInWorker } from '../../electron/services/import-worker';
import * as ledger from '../../electron/services/ledger';
import { lockQuarter, unlockQuarter } from '../../electron/services/locks';
import { listRecycleBin, restoreDeleted } from '../../electron/services/recycle';
import { openChecked, recoverFromBackup, storageKindOf } from '../../electron/services/startup';
import { parsePeriod } from '../../shared/periods';
import { tempDir } from '../helpers/cli';
import { zipBomb } from '../helpers/zip-bomb';
import { writeLedgerWorkbook } from '../helpers/ledger-fixture';

const dir = tempDir('zwxx-safety-');
const ledgerXlsx = join(dir, 'ledger.xlsx');
const rowsOf = (db: Db): string => JSON.stringify(exchangeRows(db));

beforeAll(async () => {
  await writeLedgerWorkbook(ledgerXlsx);
});

async function ledgerDb(name: string): Promise<{ db: Db; file: string }> {
  const file = join(dir, name);
  const db = openDatabase(file);
  const r = await importWorkbook(db, ledgerXlsx, { source: '导入' });
  expect(r.problems).toEqual([]);
  return { db, file };
}

const firstAdopted = (db: Db) =>
  db.prepare('SELECT i.id, i.submitted AS date FROM items i JOIN adoptions a ON a.item_id = i.id WHERE i.deleted_at IS NULL AND a.deleted_at IS NULL ORDER BY i.id LIMIT 1').get() as { id: number; date: string };

describe('recycle bin', () => {
  it('an item comes back with the adoptions and instructions deleted with it, logged as 恢复', async () => {
    const { db } = await ledgerDb('recycle.db');
    const before = rowsOf(db);
    const item = firstAdopted(db);
    const adoptions = (db.prepare('SELECT count(*) AS n FROM adoptions WHERE item_id = ? AND deleted_at IS NULL').get(item.id) as { n: number }).n;
    ledger.deleteItem(db, item.id, '界面');
    expect(rowsOf(db)).not.toBe(before);
    const bin = listRecycleBin(db);
    expect(bin).toHaveLength(1); // the adoptions are listed with their item, not on their own
    expect(bin[0]).toMatchObject({ kind: 'items', id: item.id, together: adoptions });
    expect(bin[0]!.summary).toContain('　');
    expect(restoreDeleted(db, 'items', item.id, '界面')).toEqual({ restored: 1 + adoptions });
    expect(rowsOf(db)).toBe(before);
    expect(listRecycleBin(db)).toEqual([]);
    const log = listAudit(db, { action: 'restore' });
    expect(log.total).toBe(1 + adoptions);
    expect(log.rows.every((r) => r.action === '恢复' && r.source === '界面')).toBe(true);
    expect(() => restoreDeleted(db, 'items', item.id, '界面')).toThrow('回收站中已没有这条记录');
    closeDatabase(db);
  });

  it('an adoption whose item is also deleted waits for its item; a locked quarter refuses the restore', async () => {
    const { db } = await ledgerDb('recycle2.db');
    const item = firstAdopted(db);
    const adoption = db.prepare('SELECT id FROM adoptions WHERE item_id = ? AND deleted_at IS NULL LIMIT 1').get(item.id) as { id: number };
    ledger.deleteAdoption(db, adoption.id, '界面');
    expect(listRecycleBin(db).map((r) => r.kind)).toEqual(['adoptions']);
    ledger.deleteItem(db, item.id, '界面');
    expect(listRecycleBin(db).map((r) => r.kind).sort()).toEqual(['adoptions', 'items']);
    expect(() => restoreDeleted(db, 'adoptions', adoption.id, '界面')).toThrow('请先恢复那条信息');
    const q = parsePeriod(`${item.date.slice(0, 4)}Q${Math.ceil(Number(item.date.slice(5, 7)) / 3)}`)!;
    lockQuarter(db, q, '界面', '2030-01-01');
    const locked = rowsOf(db);
    expect(() => restoreDeleted(db, 'items', item.id, '界面')).toThrow('2019年第二季度已通报并锁定');
    expect(rowsOf(db)).toBe(locked);
    unlockQuarter(db, q, '界面');
    expect(restoreDeleted(db, 'items', item.id, '界面').restored).toBeGreaterThanOrEqual(1);
    expect(restoreDeleted(db, 'adoptions', adoption.id, '界面')).toEqual({ restored: 1 });
    closeDatabase(db);
  });
});

describe('audit trail', () => {
  it('lists who changed what with before → after, filtered by type, action, source, text and date', async () => {
    const { db } = await ledgerDb('audit.db');
    const item = firstAdopted(db);
    const cur = db.prepare('SELECT unit_id AS unitId, submitted AS date, title FROM items WHERE id = ?').get(item.id) as { unitId: number; date: string; title: string };
    ledger.updateItem(db, item.id, { unitId: cur.unitId, date: cur.date, title: `${cur.title}（修订）`, kinds: [], authors: [], note: '' }, '界面');
    const updates = listAudit(db, { entity: 'items', action: 'update' });
    expect(updates.total).toBe(1);
    const change = updates.rows[0]!.changes.find((c) => c.field === '标题')!;
    expect(change).toEqual({ field: '标题', before: cur.title, after: `${cur.title}（修订）` });
    expect(updates.rows[0]).toMatchObject({ action: '修改', entity: '信息', source: '界面', entityId: item.id });
    expect(updates.sources.sort()).toEqual(['初始化', '导入', '界面'].sort());
    const imported = listAudit(db, { source: '导入', entity: 'items', limit: 5 });
    expect(imported.total).toBe((db.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n);
    expect(imported.rows).toHaveLength(5);
    expect(listAudit(db, { text: '（修订）' }).total).toBe(1);
    expect(listAudit(db, { from: '2000-01-01', to: '2000-12-31' }).total).toBe(0);
    const today = new Date();
    const local = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    expect(listAudit(db, { from: local, to: local }).total).toBe(listAudit(db, {}).total);
    closeDatabase(db);
  });
});

describe('start-up check and recovery', () => {
  it('a good ledger opens; a foreign-key break or a damaged page shows the problem and the good backups', async () => {
    const { db, file } = await ledgerDb('startup.db');
    const good = rowsOf(db);
    await backupTo(db, join(dir, 'backups', '自动备份-20191231-080000.db'));
    closeDatabase(db);
    const ok = openChecked(file);
    expect(ok.ok).toBe(true);
    if (ok.ok) closeDatabase(ok.db);

    // a foreign-key break (written with the checks off, as a buggy tool or a half-copied file might)
    const raw = new Database(file);
    raw.pragma('foreign_keys = OFF');
    raw.prepare("INSERT INTO adoptions (item_id, publication, form, date, created_at, updated_at) VALUES (999999, 'x', 'single', '2019-05-05', '', '')").run();
    raw.close();
    const broken = openChecked(file);
    expect(broken.ok).toBe(false);
    if (broken.ok) return;
    expect(broken.problem).toContain('检查未通过');
    expect(broken.details.join()).toContain('adoptions');
    expect(broken.backups[0]).toMatchObject({ name: '自动备份-20191231-080000.db', ok: true });

    // recovery keeps the damaged file and brings back the backup's data
    const r = await recoverFromBackup(file, join(dir, 'backups', broken.backups[0]!.name));
    expect(rowsOf(r.db)).toBe(good);
    expect(r.damagedCopy && existsSync(r.damagedCopy)).toBeTruthy();
    closeDatabase(r.db);

    // damaged pages in the middle of the file
    const size = statSync(file).size;
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    const damaged = openChecked(file);
    expect(damaged.ok).toBe(false);
    if (!damaged.ok) expect(damaged.backups.find((b) => b.ok)?.name).toBe('自动备份-20191231-080000.db');

    // a file that is not a ledger at all
    writeFileSync(join(dir, 'garbage.db'), 'this is not sqlite at all, just text'.repeat(100));
    const garbage = openChecked(join(dir, 'garbage.db'));
    expect(garbage.ok).toBe(false);
    if (!garbage.ok) expect(garbage.problem).toContain('不是本程序的数据文件');
  });

  it('through the handler table: every page refuses until a listed backup is recovered; paths are never accepted', async () => {
    const { db, file } = await ledgerDb('startup2.db');
    const good = rowsOf(db);
    await backupTo(db, join(dir, 'backups2', 'b.db'));
    closeDatabase(db);
    const raw = new Database(file);
    raw.pragma('foreign_keys = OFF');
    raw.prepare("INSERT INTO events (unit_id, date, kind, created_at, updated_at) VALUES (424242, '2019-05-05', 'x', '', '')").run();
    raw.close();
    const opened = openChecked(file);
    expect(opened.ok).toBe(false);
    let current: Db | null = null;
    const startup = { failure: opened.ok ? null : opened, notice: null };
    // the backups folder of this ledger is beside it: copy the backup in
    await (async () => {
      const b = new Database(join(dir, 'backups2', 'b.db'), { readonly: true });
      await b.backup(join(dir, 'backups', '自动备份-20200101-080000.db'));
      b.close();
    })();
    const h = createHandlers({
      db: () => current!,
      replaceDb: (d) => (current = d),
      dataFile: file,
      assetsDir: join(__dirname, '../../assets'),
      dialogs: { openFile: async () => null, saveFile: async () => null, chooseFolder: async () => null },
      version: 'test',
      startup,
    });
    const s = await dispatch(h, 'app:startup', {});
    expect(s.ok && (s.value as { ok: boolean }).ok).toBe(false);
    expect(await dispatch(h, 'units:list', {})).toMatchObject({ ok: false, error: expect.stringContaining('恢复') });
    expect(await dispatch(h, 'app:recover', { name: '../../etc/passwd' })).toMatchObject({ ok: false, error: expect.stringContaining('没有这个备份') });
    expect(await dispatch(h, 'app:recover', { name: '自动备份-20200101-080000.db' })).toMatchObject({ ok: true });
    expect(rowsOf(current!)).toBe(good);
    expect((await dispatch(h, 'app:startup', {})) as unknown).toMatchObject({ ok: true, value: { ok: true } });
    expect(readdirSync(join(dir, 'backups')).some((f) => f.startsWith('损坏的数据-'))).toBe(true);
    closeDatabase(current!);
  });
});

describe('where the ledger lives', () => {
  it('network shares and removable drives are recognised on Windows and Linux', () => {
    expect(storageKindOf('C:\\Users\\clerk\\AppData\\Roaming\\x\\zwxx.db', 'win32').kind).toBe('local');
    expect(storageKindOf('\\\\fileserver\\信息科\\zwxx.db', 'win32').kind).toBe('network');
    expect(storageKindOf('//fileserver/share/zwxx.db', 'win32').kind).toBe('network');
    expect(storageKindOf('\\\\?\\UNC\\server\\share\\zwxx.db', 'win32').kind).toBe('network');
    expect(storageKindOf('\\\\?\\C:\\data\\zwxx.db', 'win32').kind).toBe('local');
    expect(storageKindOf('/home/clerk/.config/x/zwxx.db', 'linux', 0xef53).kind).toBe('local');
    expect(storageKindOf('/home/clerk/share/zwxx.db', 'linux', 0xff534d42)).toEqual({ kind: 'network', reason: 'CIFS 网络文件系统' });
    expect(storageKindOf('/home/clerk/nfs/zwxx.db', 'linux', 0x6969).kind).toBe('network');
    expect(storageKindOf('/run/user/1000/gvfs/smb-share:server=s,share=x/zwxx.db', 'linux', 0x65735546).kind).toBe('network');
    expect(storageKindOf('/media/clerk/U盘/zwxx.db', 'linux', 0xef53).kind).toBe('removable');
    expect(storageKindOf('/data/zwxx.db', 'linux', 0x4d44).kind).toBe('removable');
  });

  it('the temporary folder of this machine is local, so the ledger uses WAL', () => {
    const r = openChecked(join(dir, 'wal.db'));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.storage.kind).toBe('local');
      expect(r.db.pragma('journal_mode', { simple: true })).toBe('wal');
      closeDatabase(r.db);
    }
  });
});


describe('zip limits and imports in a worker', () => {
  it('a part that expands beyond the limit is refused, even when its header claims a small size', () => {
    const bomb = zipBomb(LIMITS.entryBytes + 1024 * 1024, 1000);
    expect(bomb.length).toBeLessThan(LIMITS.fileBytes);
    expect(() => inspectZip(bomb, 'bomb.xlsx')).toThrow('不像正常的工作簿');
    expect(inspectZip(zipBomb(1000), 'small.xlsx')).toMatchObject({ entries: 1, bytes: 1000 });
  });

  it('the worker imports a real ledger all-or-nothing, and answers a zip bomb with a message, data unchanged', async () => {
    const file = join(dir, 'worker.db');
    closeDatabase(openDatabase(file));
    const report = await runImportInWorker(file, ledgerXlsx, { dryRun: false, source: '导入' });
    expect(report.applied).toBe(true);
    expect(report.problems).toEqual([]);
    const db = openDatabase(file);
    const after = rowsOf(db);
    expect(JSON.parse(after).items.length).toBeGreaterThan(10);
    const bombFile = join(dir, 'bomb.xlsx');
    writeFileSync(bombFile, zipBomb(LIMITS.totalBytes + 1024 * 1024, 4096));
    await expect(runImportInWorker(file, bombFile, { dryRun: false, source: '导入' })).rejects.toThrow(/不像正常的工作簿/);
    expect(rowsOf(db)).toBe(after);
    closeDatabase(db);
  });
});
