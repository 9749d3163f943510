// The clerk's keyboard walk at the two screen sizes the office has (1024×768 and 1366×768): the pages whose layout a
// review found wanting — 计分, 首页, the adoption editor, 约稿 — and the 打开所在文件夹 offered after each export.
// Screenshots of each at both sizes go to test-output/screenshots/layout-*.png.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, frame as frameOf, go as goTo, startApp, type App } from './harness';

let app: App;
let bridge: App['bridge'];
let page: Page;
const rpc: App['rpc'] = (method, args) => app.rpc(method, args);
const go = (label: string) => goTo(page, label);

const frame = (): Promise<unknown> => frameOf(page);

/** Runs `check` at each size, then screenshots it. */
async function atBothSizes(name: string, check: (width: number) => Promise<void> = async () => undefined): Promise<void> {
  for (const [w, h] of [
    [1024, 768],
    [1366, 768],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await frame();
    await check(w);
    await page.screenshot({ path: join(SHOTS, `layout-${name}-${w}.png`) });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
  await frame();
}

/** Neither the page nor any table scrolls sideways. */
const noSidewaysScroll = (): Promise<boolean> =>
  page.evaluate(() => [document.scrollingElement!, ...Array.from(document.querySelectorAll('.ant-table-content, .ant-table-body, main, [data-page]'))].every((e) => e.scrollWidth <= e.clientWidth + 1));

beforeAll(async () => {
  app = await startApp({ prefix: 'zwxx-e2e-layout-', today: '2019-07-08', seed: (rpc) => seed(rpc) });
  ({ bridge, page } = app);
});

async function seed(rpc: App['rpc']): Promise<void> {
  await rpc('units:importSample', {});
  const units = await rpc('units:list', {});
  const unit = (name: string) => units.find((u) => u.name === name)!.id;
  // items in every month of the second quarter for the units with the longest names, so every table has rows
  const long = [...units].sort((a, b) => b.name.length - a.name.length).slice(0, 6);
  const rows = long.flatMap((u, i) =>
    ['2019-04-10', '2019-05-10', '2019-06-10'].map((date, m) => ({ unitId: u.id, date, title: `${u.name}第${m + 1}月重点工作推进情况${i}`, kinds: [], authors: [], note: '' })),
  );
  await rpc('items:createMany', { rows });
  const items = await rpc('items:list', { offset: 0, limit: 100 });
  await rpc('adoptions:create', {
    list: items.rows.slice(0, 4).map((it) => ({ itemId: it.id, publication: 'district', form: 'single' as const, date: '2019-06-20', issueNo: '第15期', note: '' })),
  });
  await rpc('requests:create', {
    issuer: 'city_office',
    topic: '上半年经济运行亮点和下半年重点工作打算',
    issued: '2019-06-01',
    deadline: '2019-06-20',
    unitIds: [unit('凤城街道'), unit('张家洼街道'), long[0]!.id],
    note: '',
  });
}

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && page) await page.screenshot({ path: join(SHOTS, `失败-layout-${ctx.task.name.slice(0, 30)}.png`) });
});

afterAll(async () => {
  await app?.close();
});

describe('the office’s two screen sizes', () => {
  it('计分', async () => {
    await go('计分');
    await page.getByText('计分规则：').waitFor();
    await atBothSizes('计分', async () => {
      // every unit name on one line (a long one ends in … and shows itself on hover), and no sideways scrolling
      const heights = await page.locator('[data-testid^=score-unit-]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
      expect(heights.length).toBe(57);
      expect(Math.max(...heights)).toBeLessThan(30);
      // the screenshot shows the longest names (the row scrolled into view, not the clipped link inside its cell)
      await page.locator('tr').filter({ has: page.getByTestId('score-unit-市自然资源和规划局第五服务中心') }).scrollIntoViewIfNeeded();
      await expect(page.getByTestId('score-unit-市自然资源和规划局第五服务中心').getAttribute('title')).resolves.toBe('市自然资源和规划局第五服务中心');
      await expect(noSidewaysScroll()).resolves.toBe(true);
    });
  });

  it('首页', async () => {
    await go('首页');
    await page.locator('canvas').first().waitFor();
    await atBothSizes('首页');
  });

  it('采用记录的修改', async () => {
    await go('采用与批示');
    await page.locator('.ant-table-row-expand-icon').first().click();
    await page.getByRole('button', { name: '修改' }).first().click();
    await page.getByText('修改采用记录').waitFor();
    const editor = page.getByTestId('adoption-editor');
    // every field is found by its visible label, as a screen reader announces it
    for (const label of ['采用日期', '刊物', '形式', '期号']) await expect(editor.locator('.ant-form-item-label label').filter({ hasText: new RegExp(`^${label}$`) }).count()).resolves.toBe(1);
    await expect(editor.getByLabel('采用日期', { exact: true }).inputValue()).resolves.toBe('2019-06-20');
    await expect(editor.getByRole('combobox', { name: '刊物', exact: true }).getAttribute('id')).resolves.toBe('adoption-edit-publication');
    await expect(editor.getByRole('combobox', { name: '形式', exact: true }).getAttribute('id')).resolves.toBe('adoption-edit-form');
    await expect(editor.getByLabel('期号', { exact: true }).inputValue()).resolves.toBe('第15期');
    await atBothSizes('采用修改');
    await page.keyboard.press('Escape');
  });

  it('约稿', async () => {
    await go('约稿');
    await page.getByText('上半年经济运行亮点').first().waitFor();
    await atBothSizes('约稿', async () => {
      // the counts end before the pinned 修改/删除 begin, the overdue list stays inside its card, nothing scrolls sideways
      const counts = await page.getByTestId('request-counts-YG2019-001').boundingBox();
      const pinned = await page.locator('tr.ant-table-row').first().locator('td.ant-table-cell-fix-right, td.ant-table-cell-fix-end').first().boundingBox();
      expect(counts!.x + counts!.width).toBeLessThanOrEqual(pinned!.x);
      await expect(page.getByTestId('request-counts-YG2019-001').textContent()).resolves.toBe('完成0 说明0 未完成0 待报3');
      const card = await page.locator('[data-page] .ant-card').first().boundingBox();
      const overdue = await page.locator('.ant-tag').filter({ hasText: '逾期未报 3 个' }).boundingBox();
      expect(overdue!.x + overdue!.width).toBeLessThanOrEqual(card!.x + card!.width);
      await expect(noSidewaysScroll()).resolves.toBe(true);
    });
  });

  it('通报: the toolbar with 成文日期 and 文号, and a part being rewritten, fit without sideways scrolling', async () => {
    await go('通报');
    await page.getByTestId('circular-preview').waitFor();
    await page.getByTestId('section-problems').getByRole('button', { name: '改写' }).click();
    await atBothSizes('通报', async () => {
      await page.getByTestId('section-problems').scrollIntoViewIfNeeded();
      await expect(page.getByTestId('section-problems').getByRole('button', { name: '保存改写' }).isVisible()).resolves.toBe(true);
      await expect(noSidewaysScroll()).resolves.toBe(true);
    });
    await page.getByTestId('section-problems').getByRole('button', { name: /^取\s*消$/ }).click();
  });

  it('打开所在文件夹 after an export shows the written file, and nothing else', async () => {
    await go('数据');
    const file = join(app.dir, '全部数据.xlsx');
    bridge.answerDialogs([file]);
    await page.getByRole('button', { name: '导出全部数据' }).click();
    const notice = page.locator('.ant-message-notice').filter({ hasText: `已导出到 ${file}` });
    await notice.waitFor();
    await atBothSizes('导出后');
    await notice.getByRole('button', { name: '打开所在文件夹' }).click();
    await expect.poll(() => bridge.shown()).toEqual([file]);
    // the renderer may not name a file the app did not just write
    await expect(rpc('app:showInFolder', { file: join(app.dir, 'zwxx.db') })).rejects.toThrow('只能打开本程序刚刚保存的文件所在的文件夹');
    expect(bridge.shown()).toEqual([file]);
  });
});
