// backup, restore, check, lock and unlock through the command line.
import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../electron/db/database';
import { exchangeRows } from '../../electron/exchange/export';
import { runCli, tempDir } from '../helpers/cli';
import { writeLedgerWorkbook } from '../helpers/ledger-fixture';
import { writeWorkbook } from '../helpers/workbooks';

const dir = tempDir();
const db = join(dir, 'zwxx.db');
const rows = (): string => {
  const h = openDatabase(db);
  try {
    return JSON.stringify(exchangeRows(h));
  } finally {
    closeDatabase(h);
  }
};

beforeAll(async () => {
  const ledger = join(dir, 'ledger.xlsx');
  await writeLedgerWorkbook(ledger);
  expect(runCli(['import', ledger, '--db', db]).code).toBe(0);
});

describe('backup → delete everything → restore', () => {
  it('an import took a backup before writing (导入前备份)', () => {
    expect(readdirSync(join(dir, 'backups')).some((f) => f.startsWith('导入前备份-'))).toBe(true);
  });

  it('gives identical data, and the restore itself can be undone', () => {
    const before = rows();
    const backup = join(dir, 'backup.db');
    const b = runCli(['backup', backup, '--db', db]);
    expect(b.code, b.stderr).toBe(0);
    const raw = new Database(db);
    raw.exec(`DELETE FROM request_targets; DELETE FROM requests; DELETE FROM adoptions; DELETE FROM instructions;
              DELETE FROM item_authors; DELETE FROM items; DELETE FROM events; DELETE FROM persons;
              DELETE FROM unit_aliases; DELETE FROM units;`);
    raw.close();
    expect(rows()).not.toBe(before);
    const r = runCli(['restore', backup, '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    expect(rows()).toBe(before);
    const safety = /已另存为 (.+\.db)/.exec(r.stdout)![1]!;
    // 操作记录 of the restored ledger says from which backup, and where the replaced data went
    const audit = JSON.parse(runCli(['audit', '--json', '--limit', '5', '--db', db]).stdout) as { rows: { action: string; entity: string; summary: string; changes: { field: string; after: string }[] }[] };
    expect(audit.rows[0]).toMatchObject({ action: '恢复', entity: '数据文件', source: '命令行' });
    expect(audit.rows[0]!.summary).toContain('backup.db');
    expect(audit.rows[0]!.changes.find((c) => c.field === '恢复前备份')?.after).toBe(safety.split('/').pop());
    const undo = runCli(['restore', safety, '--db', db]);
    expect(undo.code, undo.stderr).toBe(0);
    expect(JSON.parse(rows()).items).toEqual([]);
    expect(runCli(['restore', backup, '--db', db]).code).toBe(0);
    expect(rows()).toBe(before);
  });

  it('refuses to restore from a file that is not a backup, and changes nothing', () => {
    const before = rows();
    const r = runCli(['restore', join(dir, 'ledger.xlsx'), '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('不是有效的数据备份');
    expect(rows()).toBe(before);
  });

  it('check passes on a healthy ledger', () => {
    const r = runCli(['check', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('数据完整性检查通过');
  });
});

describe('lock and unlock', () => {
  it('a locked quarter refuses imports touching it; unlocking allows them again', async () => {
    const file = join(dir, 'q2-item.xlsx');
    await writeWorkbook(file, [
      { name: '信息', headers: ['编号', '报送日期', '报送单位', '信息标题'], rows: [['L-1', '2019-05-06', '凤城街道', '锁定期间补报的信息']] },
    ]);
    const lock = runCli(['lock', '--period', '2019Q2', '--db', db, '--as-of', '2019-07-10']);
    expect(lock.code, lock.stderr).toBe(0);
    // quarters are printed as the clerk writes them, never as codes
    expect(lock.stdout.trim()).toBe('已锁定2019年第二季度');
    expect(runCli(['locks', '--db', db]).stdout.trim()).toBe('2019年第二季度');
    const before = rows();
    const refused = runCli(['import', file, '--db', db]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('2019年第二季度已锁定');
    expect(rows()).toBe(before);
    const unlock = runCli(['unlock', '--period', '2019Q2', '--db', db]);
    expect(unlock.code).toBe(0);
    expect(unlock.stdout.trim()).toBe('已解锁2019年第二季度');
    expect(runCli(['import', file, '--db', db]).code).toBe(0);
  });

  it('a quarter with overdue 约稿 cannot be locked', async () => {
    const file = join(dir, 'overdue.xlsx');
    await writeWorkbook(file, [
      { name: '约稿', headers: ['约稿编号', '约稿方', '主题', '截止日期', '单位', '完成情况'], rows: [['YG-Q3', '区政府办公室', '秋粮收购', '2019-08-10', '凤城街道', '待报']] },
    ]);
    expect(runCli(['import', file, '--db', db]).code).toBe(0);
    const r = runCli(['lock', '--period', '2019Q3', '--db', db, '--as-of', '2019-10-08']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('1 个约稿已过截止日期仍为“待报”');
    expect(runCli(['lock', '--period', '2019-08', '--db', db]).stderr).toContain('只能锁定季度');
  });

  it('both acts are in the audit log', () => {
    const h = openDatabase(db);
    try {
      const acts = h.prepare(`SELECT action, source FROM audit_log WHERE entity = 'period_locks' ORDER BY id`).all();
      expect(acts).toEqual([
        { action: 'create', source: '命令行' },
        { action: 'delete', source: '命令行' },
      ]);
    } finally {
      closeDatabase(h);
    }
  });
});
