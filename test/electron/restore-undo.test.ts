// Restore must never lose its source: the safety backup a restore takes gets a name of its own (milliseconds, a
// counter, created exclusively), so undoing a restore at once brings the data back as it was.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Db } from '../../electron/db/database';
import { exchangeRows } from '../../electron/exchange/export';
import { importWorkbook } from '../../electron/exchange/import';
import { backupTo, restoreFrom, uniqueBackupFile } from '../../electron/services/backup';
import * as ledger from '../../electron/services/ledger';
import { tempDir } from '../helpers/cli';

const snapshot = (db: Db): string => JSON.stringify(exchangeRows(db));

describe('restore and its undo', () => {
  it('restore → immediately restore the safety backup → the data as before the first restore', async () => {
    const dir = tempDir();
    const dbFile = join(dir, 'zwxx.db');
    let db = openDatabase(dbFile);
    await importWorkbook(db, resolve(__dirname, '../fixtures/roster-laiwu-2019.csv'));
    const old = join(dir, 'old.db');
    await backupTo(db, old);
    const oldState = snapshot(db);
    const unitId = (db.prepare('SELECT id FROM units ORDER BY id LIMIT 1').get() as { id: number }).id;
    ledger.createItems(db, [{ unitId, date: '2019-07-01', title: '恢复前录入的信息', kinds: [], authors: [], note: '' }], '界面');
    const before = snapshot(db);
    expect(before).not.toBe(oldState);

    const first = await restoreFrom(db, dbFile, old);
    db = first.db;
    expect(snapshot(db)).toBe(oldState);
    const second = await restoreFrom(db, dbFile, first.safetyBackup);
    db = second.db;
    try {
      expect(second.safetyBackup).not.toBe(first.safetyBackup);
      expect(existsSync(first.safetyBackup)).toBe(true);
      expect(snapshot(db)).toBe(before);
    } finally {
      closeDatabase(db);
    }
  });

  it('refuses to restore the ledger from itself, and changes nothing', async () => {
    const dir = tempDir();
    const dbFile = join(dir, 'zwxx.db');
    const db = openDatabase(dbFile);
    try {
      await importWorkbook(db, resolve(__dirname, '../fixtures/roster-laiwu-2019.csv'));
      const before = snapshot(db);
      await expect(restoreFrom(db, dbFile, dbFile)).rejects.toThrow('就是正在使用的数据文件本身');
      expect(snapshot(db)).toBe(before);
    } finally {
      closeDatabase(db);
    }
  });

  it('two backups in the same millisecond get two files', () => {
    const dir = tempDir();
    // local time (the office's clock): names follow it
    const now = new Date(2019, 6, 1, 8, 30, 0, 5);
    const a = uniqueBackupFile(dir, '恢复前备份-', now);
    const b = uniqueBackupFile(dir, '恢复前备份-', now);
    expect(a).toMatch(/恢复前备份-20190701-083000-005\.db$/);
    expect(b).toMatch(/恢复前备份-20190701-083000-005-1\.db$/);
  });
});
