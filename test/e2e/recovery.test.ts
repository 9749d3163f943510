// The start-up recovery screen in the real UI: a ledger whose check fails opens on the recovery screen, which offers
// the newest good backup; one click brings the data back and the pages open, the damaged file kept aside.
import Database from 'better-sqlite3';
import { mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../electron/db/database';
import { backupTo } from '../../electron/services/backup';
import { startBridge, type Bridge } from '../bridge/server';
import { tempDir } from '../helpers/cli';
import { launch } from './browser';

const SHOTS = resolve(__dirname, '../../test-output/screenshots');
const dir = tempDir('zwxx-recovery-');
const file = join(dir, 'zwxx.db');
let bridge: Bridge;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const db = openDatabase(file);
  db.prepare("INSERT INTO units (name, name_key, grp, sort_order, created_at, updated_at) VALUES ('凤城街道', '凤城街道', 'town', 1, '', '')").run();
  await backupTo(db, join(dir, 'backups', '自动备份-20191120-083000.db'));
  closeDatabase(db);
  // a foreign-key break, as a half-written copy or an outside tool might leave
  const raw = new Database(file);
  raw.pragma('foreign_keys = OFF');
  raw.prepare("INSERT INTO items (no, unit_id, submitted, title, created_at, updated_at) VALUES ('X1', 777, '2019-11-21', '孤儿记录', '', '')").run();
  raw.close();
  bridge = await startBridge({ dbFile: file, today: '2019-11-22' });
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(bridge.url);
});

afterAll(async () => {
  await browser?.close();
  await bridge?.close();
});

describe('a damaged ledger at start-up', () => {
  it('shows the recovery screen, restores the newest good backup, keeps the damaged file, then opens the pages', async () => {
    await page.getByText('数据文件未能正常打开', { exact: true }).waitFor();
    await page.getByText('表 items 第 1 行引用的 units 记录不存在').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, '13-启动检查-恢复.png') });
    await page.getByRole('button', { name: /用最近的完好备份恢复/ }).click();
    await page.getByText('数据已从备份恢复').waitFor();
    await page.getByRole('menuitem', { name: '单位名单', exact: true }).click();
    await page.getByText('凤城街道').first().waitFor();
    expect(readdirSync(join(dir, 'backups')).some((f) => f.startsWith('损坏的数据-'))).toBe(true);
    const db = bridge.db()!;
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect((db.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n).toBe(0);
  });
});
