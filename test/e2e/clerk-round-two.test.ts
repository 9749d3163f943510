// A clerk's day, round two, typed as a clerk types: 首页 on an empty roster, unit initials ranked (sjj → 区审计局), a
// twin dated earlier than the item it repeats, an 编号 found outside the month shown, the month filter emptied by
// keyboard, the score table's units reached by Tab and opened by Enter, 首页's counts as links, and 先去填写 landing
// in 联系人. Screenshots at 1366×768 and 1024×768 go to test-output/screenshots/round2-*.png.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { SHOTS, focusIs, go as goTo, goByKeys, optionReady, pickTyped, recordFailure, settledShots, startApp, type App } from './harness';

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
  if (ctx.task.result?.state === 'fail') await recordFailure(page, `round2-${ctx.task.name}`);
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

  it('Ctrl+Enter saves from any field; Enter on 调研 saves as in the title', async () => {
    await page.locator('#entry-title').focus();
    await page.keyboard.type('区审计局召开审计整改推进会');
    await page.locator('#entry-date').focus();
    await page.keyboard.press('Control+Enter');
    await page.locator('.ant-message-notice').filter({ hasText: '已保存' }).first().waitFor();
    expect(count(`SELECT count(*) AS n FROM items WHERE title = ?`, '区审计局召开审计整改推进会')).toBe(1);
    await page.locator('#entry-title').fill('区审计局开展经济责任审计培训');
    await page.locator('#entry-research').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'entry-title');
    await expect.poll(() => count(`SELECT count(*) AS n FROM items WHERE title = ? AND is_research = 1`, '区审计局开展经济责任审计培训')).toBe(1);
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

  it('约稿: Esc closes the unit list, not the dialog; Tab skips the tags’ ×; a refused save closes the lists', async () => {
    await go('约稿');
    await page.getByRole('button', { name: '新建约稿' }).click();
    await focusIs(page, 'request-topic');
    await page.keyboard.type('三季度重点工作约稿');
    await page.locator('#request-unit').focus();
    await page.keyboard.type('fc');
    await optionReady(page, '凤城街道');
    await page.keyboard.press('Escape');
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
    await expect(page.locator('.ant-modal-title', { hasText: '新建约稿' }).isVisible()).resolves.toBe(true);
    await expect(page.locator('#request-topic').inputValue()).resolves.toBe('三季度重点工作约稿');
    // the closed list clears its search text when its closing has finished: type again only then
    await expect.poll(() => page.locator('#request-unit').inputValue(), { timeout: 15_000 }).toBe('');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('request-unit');
    await page.keyboard.type('fc');
    await optionReady(page, '凤城街道');
    await page.keyboard.press('Enter');
    await page.getByTestId('request-targets').filter({ hasText: '凤城街道' }).waitFor();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => !!document.activeElement?.closest('[data-testid="request-targets"]'))).resolves.toBe(false);
    await page.keyboard.press('Enter'); // wherever Tab went, Enter there removes no unit
    await expect(page.getByTestId('request-targets').locator('.ant-tag').count()).resolves.toBe(1);
    // Backspace in the empty unit search takes the last unit out; Enter in the last field saves, which is refused
    // without units and a deadline: the cursor goes to the first field to correct, no list is left open, and Esc
    // still closes the dialog
    await page.locator('#request-unit').focus();
    await page.keyboard.press('Backspace');
    await page.getByTestId('request-targets').locator('.ant-tag').first().waitFor({ state: 'detached' });
    await page.locator('#request-note').focus();
    await page.keyboard.press('Enter');
    await page.getByText('请选择截止日期').waitFor();
    await page.getByText('请至少加入一个受约单位').waitFor();
    await focusIs(page, 'request-deadline');
    // the unit list closes as the cursor moves to the date (its closing animation may still be running)
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count(), { timeout: 15_000 }).toBe(0);
    await shots('06-约稿-拒绝保存');
    expect(count(`SELECT count(*) AS n FROM requests`)).toBe(0);
    if (await page.locator('.ant-picker-dropdown:visible').count()) await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.locator('.ant-modal-title', { hasText: '新建约稿' }).waitFor({ state: 'detached' });
  });

  it('规则设置: 同级只计一次、不同级别累加 is offered and saved; leaving with edits asks first', async () => {
    await go('规则设置');
    await page.getByTestId('rules-editor').waitFor();
    await page.getByRole('tab', { name: /^批示/ }).click();
    const combine = page.locator('.ant-select').filter({ has: page.locator('input[aria-label="多次批示"]') });
    await combine.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '同级只计一次、不同级别累加' }).click();
    await page.getByText('有未保存的修改').waitFor();
    // leaving asks; the focused answer is 继续修改, and the edit is still there
    await page.getByRole('menuitem', { name: '首页', exact: true }).click();
    await page.locator('.ant-modal-confirm-title', { hasText: '放弃未保存的修改？' }).waitFor();
    await shots('07-规则-离开前询问');
    await page.keyboard.press('Enter');
    await page.locator('.ant-modal-confirm-title').waitFor({ state: 'detached' });
    await page.locator('[data-page]').getByRole('heading', { name: '规则设置', exact: true }).waitFor();
    await combine.filter({ hasText: '同级只计一次、不同级别累加' }).waitFor();
    // saved as it is (仍然修改: the quarters already scored are recomputed)
    await page.getByTestId('rules-save').click();
    await page.getByRole('button', { name: '仍然修改（重算这些季度）' }).click();
    await page.locator('.ant-message-notice').filter({ hasText: '规则已保存' }).first().waitFor();
    const body = (app.bridge.db()!.prepare(`SELECT body FROM rule_sets ORDER BY id LIMIT 1`).get() as { body: string }).body;
    expect(JSON.parse(body).instructionCombine).toBe('per_level');
    await page.getByText('有未保存的修改').waitFor({ state: 'detached' });
    // with nothing unsaved, leaving asks nothing; an edit let go is gone
    await page.locator('input[aria-label="少报扣分条款"]').fill('四1（改）');
    await page.getByRole('menuitem', { name: '首页', exact: true }).click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '放弃修改' }).click();
    await page.locator('[data-page]').getByRole('heading', { name: '首页', exact: true }).waitFor();
    const after = (app.bridge.db()!.prepare(`SELECT body FROM rule_sets ORDER BY id LIMIT 1`).get() as { body: string }).body;
    expect(JSON.parse(after).shortfallClause).toBe('四1');
  });

  it('通报: 先去填写 puts the cursor in 联系人', async () => {
    await go('通报');
    await page.locator('#export-report').click();
    await page.locator('.ant-modal-confirm-title', { hasText: '联系人还没有填写' }).waitFor();
    await page.keyboard.press('Enter'); // the focused button is 先去填写
    await focusIs(page, 'contactPerson');
    await shots('05-先去填写');
  });

  it('every page at 1366×768 and 1024×768: screenshots, and nothing scrolls sideways', async () => {
    const pages = ['首页', '信息登记', '采用与批示', '约稿', '加减分', '计分', '通报', '刊物', '单位名单', '规则设置', '数据', '操作记录'];
    const sideways: string[] = [];
    for (const [i, label] of pages.entries()) {
      // by keyboard: Alt+M to the menu, the arrows, Enter
      await goByKeys(page, label);
      for (const width of [1366, 1024]) {
        await page.setViewportSize({ width, height: 768 });
        await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity));
        // charts and tables re-measure after the window was resized (a ResizeObserver, later on a loaded machine):
        // wait until nothing is wider than its box, and count the page only if that never comes
        const fits = await page
          .waitForFunction(
            () =>
              ![document.scrollingElement!, ...Array.from(document.querySelectorAll('.ant-table-content, .ant-table-body, main, [data-page], .ant-card-body'))].some(
                (e) => e.scrollWidth > e.clientWidth + 1,
              ),
            undefined,
            { timeout: 15_000 },
          )
          .then(
            () => true,
            () => false,
          );
        if (!fits) sideways.push(`${label}@${width}`);
        await page.screenshot({ path: join(SHOTS, `round2-walk-${String(i + 1).padStart(2, '0')}-${label}-${width}.png`) });
      }
      await page.setViewportSize({ width: 1366, height: 768 });
    }
    expect(sideways).toEqual([]);
    // Ctrl+PageUp / Ctrl+PageDown: the previous and the next page, round the end of the menu
    await page.keyboard.press('Control+PageUp');
    await page.locator('[data-page]').getByRole('heading', { name: '数据', exact: true }).waitFor();
    await page.keyboard.press('Control+PageDown');
    await page.locator('[data-page]').getByRole('heading', { name: '操作记录', exact: true }).waitFor();
    await page.keyboard.press('Control+PageDown');
    await page.locator('[data-page]').getByRole('heading', { name: '首页', exact: true }).waitFor();
  });
});
