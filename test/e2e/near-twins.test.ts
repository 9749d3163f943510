// Choices the clerk makes in the real UI: a pasted row and an imported row that resemble an item already in the
// ledger (same unit, similar title, close date) are shown beside it, unticked, and saved only when ticked; a 合计 row
// that blocks an import is skipped only when the clerk asks, listed, and saved as a workbook to fix; 刊物 is found by
// pinyin initials like units. Screenshots at 1366×768 and 1024×768 go to test-output/screenshots/twins-*.png.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeWorkbook } from '../helpers/workbooks';
import { SHOTS, go, settledShots, startApp, toast, type App } from './harness';

const TWIN = '区审计局开展上半年财政资金专项审计调查';
let app: App;
let page: Page;
const count = (sql: string, ...params: unknown[]): number => (app.bridge.db()!.prepare(sql).get(...params) as { n: number }).n;

beforeAll(async () => {
  app = await startApp({
    prefix: 'zwxx-e2e-twins-',
    today: '2019-07-08',
    seed: async (rpc) => {
      await rpc('units:importSample', {});
      const audit = (await rpc('units:list', {})).find((u) => u.name === '区审计局')!.id;
      await rpc('items:create', { unitId: audit, date: '2019-07-05', title: TWIN, kinds: [], authors: [], note: '' });
    },
  });
  ({ page } = app);
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && page) await page.screenshot({ path: join(SHOTS, `失败-twins-${ctx.task.name.slice(0, 30)}.png`) });
});

afterAll(async () => {
  await app?.close();
});

describe('near-duplicates in 粘贴多行 and the import preview', () => {
  it('粘贴多行: the twin is held back until ticked; the other row is saved', async () => {
    await go(page, '信息登记');
    await page.getByRole('button', { name: '粘贴多行…' }).click();
    const rows = ['报送日期\t报送单位\t信息标题', `2019-07-03\t区审计局\t${TWIN}报告`, '2019-07-03\t区审计局\t区审计局召开审计整改工作推进会'];
    await page.locator('#paste-area').fill(rows.join('\n'));
    await page.getByTestId('paste-near-2').getByText('与已有信息相近：', { exact: false }).waitFor();
    await expect(page.getByTestId('paste-near-2').innerText()).resolves.toContain(`2019-07-05 ${TWIN}`);
    await expect(page.getByTestId('paste-near-3').count()).resolves.toBe(0);
    await page.getByTestId('paste-similar').waitFor();
    await settledShots(page, 'twins', '01-粘贴-相近');
    await page.locator('#paste-save').click();
    await toast(page, '已保存 1 条信息');
    expect(count(`SELECT count(*) AS n FROM items WHERE title = ?`, `${TWIN}报告`)).toBe(0);
    expect(count(`SELECT count(*) AS n FROM items WHERE title = ?`, '区审计局召开审计整改工作推进会')).toBe(1);
    // the twin stays in the box; ticked, it is saved
    await page.getByTestId('paste-keep-2').check();
    await page.locator('#paste-save').click();
    await toast(page, '已保存 1 条信息');
    await page.locator('#paste-area').waitFor({ state: 'detached' });
    expect(count(`SELECT count(*) AS n FROM items WHERE title = ?`, `${TWIN}报告`)).toBe(1);
  });

  it('import preview: the twin row is listed beside the item, unticked; ticked, it goes in', async () => {
    const file = join(app.dir, '七月台账.xlsx');
    await writeWorkbook(file, [
      {
        name: '信息',
        headers: ['报送日期', '报送单位', '信息标题'],
        rows: [
          ['2019-07-02', '区审计局', `${TWIN}情况`],
          ['2019-07-02', '区审计局', '区审计局开展领导干部经济责任审计'],
        ],
      },
    ]);
    await go(page, '数据');
    app.bridge.answerDialogs([file]);
    await page.getByTestId('import-workbook').click();
    await page.getByTestId('import-similar').waitFor();
    await page.getByText('信息：新增 1，修改 0，未变 0').waitFor();
    // the closest existing item: the one seeded or the one just pasted
    await expect(page.getByTestId('import-similar').innerText()).resolves.toMatch(new RegExp(`2019-07-0[35] ${TWIN}`));
    await expect(page.getByTestId('similar-tick-2').isChecked()).resolves.toBe(false);
    await settledShots(page, 'twins', '02-导入-相近');
    await page.getByTestId('similar-tick-2').check();
    await page.getByTestId('confirm-import').click();
    await page.getByText('导入完成').waitFor();
    expect(count(`SELECT count(*) AS n FROM items WHERE title = ?`, `${TWIN}情况`)).toBe(1);
    expect(count(`SELECT count(*) AS n FROM items WHERE title = ?`, '区审计局开展领导干部经济责任审计')).toBe(1);
    await page.getByRole('button', { name: '关闭' }).click();
  });

  it('跳过有问题的行: offered for a 合计 row, the rest imported, the skipped row saved to fix', async () => {
    const file = join(app.dir, '八月台账.xlsx');
    await writeWorkbook(file, [
      {
        name: '信息',
        headers: ['报送日期', '报送单位', '信息标题'],
        rows: [
          ['2019-07-04', '区审计局', '区审计局组织审计业务培训'],
          ['合计', '', '1条'],
        ],
      },
    ]);
    await go(page, '数据');
    app.bridge.answerDialogs([file]);
    await page.getByTestId('import-workbook').click();
    await page.getByText('数据没有任何改动', { exact: false }).waitFor();
    await page.getByTestId('skip-bad-rows').click();
    await page.getByTestId('import-skipped').getByText('将跳过 1 行有问题的行', { exact: false }).waitFor();
    await page.getByText('信息：新增 1，修改 0，未变 0').waitFor();
    await settledShots(page, 'twins', '03-导入-跳过合计行');
    expect(count(`SELECT count(*) AS n FROM items WHERE title = ?`, '区审计局组织审计业务培训')).toBe(0);
    await page.getByTestId('confirm-import').click();
    await page.getByText('跳过了 1 行，没有导入').waitFor();
    expect(count(`SELECT count(*) AS n FROM items WHERE title = ?`, '区审计局组织审计业务培训')).toBe(1);
    const saved = join(app.dir, '跳过的行.xlsx');
    app.bridge.answerDialogs([saved]);
    await page.getByTestId('save-skipped').click();
    await page.getByText(`已保存：${saved}`).waitFor();
    expect(existsSync(saved)).toBe(true);
    await page.getByRole('button', { name: '关闭' }).click();
  });

  it('刊物 by pinyin initials: jnzwxx and Enter picks 《济南政务信息》', async () => {
    await go(page, '采用与批示');
    await page.locator('#issue-publication').focus();
    await page.keyboard.type('jnzwxx');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option-active').filter({ hasText: '《济南政务信息》' }).waitFor();
    await page.keyboard.press('Enter');
    // the field now holds it: the publication the issue is saved under
    await page.waitForFunction(() => document.querySelector('#issue-publication')?.closest('.ant-select')?.textContent?.includes('《济南政务信息》'));
    await expect(page.locator('#issue-publication').locator('xpath=ancestor::*[contains(@class,"ant-select")][1]').innerText()).resolves.not.toContain('专报');
    await settledShots(page, 'twins', '04-刊物-拼音');
  });
});

