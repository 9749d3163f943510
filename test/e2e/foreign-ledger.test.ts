// A ledger the importer cannot read by itself, imported in the real UI: the clerk maps its columns once in the
// import dialog, imports, and the next import of the same ledger asks nothing and adds nothing.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { tempDir } from '../helpers/cli';
import { writeForeignLedger } from '../helpers/ledger-fixture';
import { startBridge, type Bridge } from '../bridge/server';
import { launch } from './browser';

const SHOTS = resolve(__dirname, '../../test-output/screenshots');
const dir = tempDir('zwxx-e2e-map-');
const ledger = join(dir, '稿件登记簿.xlsx');
let bridge: Bridge;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const db = join(dir, 'zwxx.db');
  await writeForeignLedger(db, ledger);
  bridge = await startBridge({ dbFile: db, today: '2019-07-08' });
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.on('pageerror', (e) => {
    throw e;
  });
  await page.goto(bridge.url);
}, 120_000);

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && page) await page.screenshot({ path: join(SHOTS, `失败-${ctx.task.name.slice(0, 30)}.png`) });
});

afterAll(async () => {
  await browser?.close();
  await bridge?.close();
});

async function openImport(): Promise<void> {
  await page.getByRole('menuitem', { name: '数据', exact: true }).click();
  bridge.answerDialogs([ledger]);
  await page.getByTestId('import-workbook').click();
}

/** Chooses the column whose label starts with `option` in the mapping select of `key`. */
async function mapColumn(key: string, option: string): Promise<void> {
  await page.getByTestId(`map-${key}`).click();
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
  await dropdown.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
  await dropdown.waitFor({ state: 'hidden' });
}

describe('a ledger with headers the importer does not know', () => {
  it('is mapped once in the import dialog and imported', async () => {
    await openImport();
    await page.getByTestId('column-mapper').waitFor();
    await mapColumn('date', 'B列：收到');
    await mapColumn('unit', 'C列：来自');
    await mapColumn('title', 'D列：稿件');
    await page.screenshot({ path: join(SHOTS, '11-导入-指定列.png') });
    await page.getByTestId('apply-mapping').click();
    await page.getByText('检查通过，可以导入').waitFor();
    await page.getByText('信息：新增 3，修改 0，未变 0').waitFor();
    await page.getByTestId('confirm-import').click();
    await page.getByText('导入完成').waitFor();
    await page.getByRole('button', { name: '关闭' }).click();
  });

  it('the next import of the same ledger asks nothing and adds nothing', async () => {
    await openImport();
    await page.getByText('检查通过，可以导入').waitFor();
    await page.getByText('信息：新增 0，修改 0，未变 3').waitFor();
    await page.getByRole('button', { name: /^取\s*消$/ }).click();
  });
});
