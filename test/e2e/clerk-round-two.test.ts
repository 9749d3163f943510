// A clerk's day, round two, typed as a clerk types: 首页 on an empty roster, unit initials ranked (sjj → 区审计局), a
// twin dated earlier than the item it repeats, an 编号 found outside the month shown, the month filter emptied by
// keyboard, the score table's units reached by Tab and opened by Enter, 首页's counts as links, and 先去填写 landing
// in 联系人. Screenshots at 1366×768 and 1024×768 go to test-output/screenshots/round2-*.png.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { SHOTS, focusIs, go as goTo, pickTyped, settledShots, startApp, type App } from './harness';

const TODAY = '2019-07-08';
const TWIN = '区审计局开展上半年财政资金专项审计调查';
const MAY = '区审计局五月份审计工作情况汇报';
let app: App;
let page: Page;
const go = (label: string) => goTo(page, label);
const count = (sql: string, ...params: unknown[]): number => (app.bridge.db()!.prepare(sql).get(...params) as { n: number }).n;
const shots = (name: string) => settledShots(page, 'round2', name);

beforeAll(async () => {
  app = await startApp({ prefix: 'zwxx-e2e-round2-', today: TODAY });
  ({ page } = app);
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && page) await page.screenshot({ path: join(SHOTS, `失败-round2-${ctx.task.name.slice(0, 30)}.png`) });
});

afterAll(async () => {
  await app?.close();
});

describe('a clerk’s day, round two', () => {
  it('首页 with no units says so, not “各单位本月均已报送”', async () => {
    await page.getByText('单位名单中还没有计分单位').waitFor();
    await expect(page.getByText('各单位本月均已报送').count()).resolves.toBe(0);
    await shots('01-首页-空名单');
    // the scene for the rest: the sample roster, a twin item dated 2019-07-05 and an item in May
    await app.rpc('units:importSample', {});
    const units = await app.rpc('units:list', {});
    const audit = units.find((u) => u.name === '区审计局')!.id;
    await app.rpc('items:create', { unitId: audit, date: '2019-07-05', title: TWIN, kinds: [], authors: [], note: '' });
    await app.rpc('items:create', { unitId: audit, date: '2019-05-06', title: MAY, kinds: [], authors: [], note: '' });
    await page.reload();
    await page.locator('[data-page]').waitFor();
  });

  it('sjj picks 区审计局; its twin dated four days earlier warns before it is saved', async () => {
    await go('信息登记');
    await page.locator('#entry-unit').focus();
    await pickTyped(page, 'sjj', '区审计局');
    await page.keyboard.type('2019-07-01');
    await page.keyboard.press('Enter');
    await focusIs(page, 'entry-title');
    await page.keyboard.type(TWIN);
    await page.keyboard.press('Enter');
    await page.getByText('确认不是重复报送，再按一次回车保存：').waitFor();
    expect(count(`SELECT count(*) AS n FROM items WHERE title = ?`, TWIN)).toBe(1);
    await shots('02-早于原件的重复');
    await page.keyboard.press('Escape');
  });

  it('an 编号 is found outside the month shown; the month emptied by keyboard shows every month', async () => {
    const no = (app.bridge.db()!.prepare(`SELECT no FROM items WHERE title = ?`).get(MAY) as { no: string }).no;
    const search = page.getByPlaceholder('标题关键词或编号');
    await search.focus();
    await page.keyboard.type(no);
    await page.keyboard.press('Enter');
    await page.locator('.item-row').filter({ hasText: MAY }).waitFor();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await page.locator('.item-row').filter({ hasText: MAY }).waitFor({ state: 'detached' });
    const month = page.getByPlaceholder('全部月份');
    await month.focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Tab');
    await page.locator('.item-row').filter({ hasText: MAY }).waitFor();
    await page.locator('.item-row').filter({ hasText: TWIN }).waitFor();
    await shots('03-全部月份');
  });

  it('计分: Tab reaches a unit’s name and Enter opens its 得分明细', async () => {
    await go('计分');
    await page.locator('[data-testid^="score-unit-"]').first().waitFor();
    await page.locator('[data-page]').getByRole('heading', { name: '计分' }).click();
    let on = '';
    for (let i = 0; i < 60 && !on.startsWith('score-unit-'); i++) {
      await page.keyboard.press('Tab');
      on = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
    }
    expect(on).toMatch(/^score-unit-/);
    const name = on.slice('score-unit-'.length);
    await page.keyboard.press('Enter');
    await page.locator('.ant-drawer-title').filter({ hasText: `得分明细：${name}` }).waitFor();
    await shots('04-计分明细-键盘');
    await page.keyboard.press('Escape');
    await page.locator('.ant-drawer-title').waitFor({ state: 'detached' });
  });

  it('首页: a group’s count opens its items of the month', async () => {
    await go('首页');
    const link = page.getByTestId('home-items-dept2');
    await link.focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-page]').getByRole('heading', { name: '信息登记', exact: true }).waitFor();
    await page.locator('.item-row').filter({ hasText: TWIN }).waitFor();
    await expect(page.getByPlaceholder('全部月份').inputValue()).resolves.toBe('2019-07');
  });

  it('通报: 先去填写 puts the cursor in 联系人', async () => {
    await go('通报');
    await page.locator('#export-report').click();
    await page.locator('.ant-modal-confirm-title', { hasText: '联系人还没有填写' }).waitFor();
    await page.keyboard.press('Enter'); // the focused button is 先去填写
    await focusIs(page, 'contactPerson');
    await shots('05-先去填写');
  });
});
