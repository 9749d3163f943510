// 信息类别 and 合报 units in the real UI (built renderer, real services and SQLite over the loopback bridge, Debian's Chromium):
// under a rule set with item categories and 合报 split evenly (the shipped 示例市2024), a clerk enters an item with
// its 信息类别 and two 合报 units by keyboard only; the list, the drawer and the scores show them; the clerk corrects
// them in the drawer. Under 莱芜区2019 (no categories) the entry form offers no category at all.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseRuleFile } from '../../shared/rules/file';
import { SHOTS, focusIs as focusOn, go as goTo, pickTyped as pickOn, settledShots, startApp, type App } from './harness';

const TITLE = '甲县乙县联合推进跨县域产业协作的调研';
let app: App;
let page: Page;
const rpc: App['rpc'] = (method, args) => app.rpc(method, args);
const go = (label: string) => goTo(page, label);
const focusIs = (id: string) => focusOn(page, id);
const pickTyped = (typed: string, expected = typed) => pickOn(page, typed, expected);

const shots = (name: string) => settledShots(page, '合报', name);

beforeAll(async () => {
  // the shipped 示例市2024 and three units of its two groups
  app = await startApp({
    prefix: 'zwxx-e2e-joint-',
    today: '2024-05-20',
    seed: async (rpc) => {
      const file = parseRuleFile(readFileSync(resolve(__dirname, '../../assets/rules/example-city-2024.json'), 'utf8'));
      if (!file.ok) throw new Error(file.errors.join('\n'));
      await rpc('rules:save', { rules: file.value[0] });
      for (const [name, group] of [
        ['甲县', 'county'],
        ['乙县', 'county'],
        ['市财政局', 'bureau'],
      ] as const)
        await rpc('units:save', { name, group, aliases: [], contact: '', phone: '', activeFrom: null, activeUntil: null, note: '' });
    },
  });
  page = app.page;
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && page) await page.screenshot({ path: join(SHOTS, `失败-合报-${ctx.task.name.slice(0, 30)}.png`) });
});

afterAll(async () => {
  await app?.close();
});

describe('信息类别 and 合报单位 in the entry form and the drawer', () => {
  let itemId = 0;

  it('a clerk enters a 长篇调研 item of 甲县 with 乙县 and 市财政局 as 合报 units, keyboard only', async () => {
    await go('信息登记');
    await page.locator('#entry-unit').focus();
    await pickTyped('甲县');
    await focusIs('entry-date');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('2024-05-06');
    await page.keyboard.press('Enter');
    await focusIs('entry-title');
    await page.keyboard.type(TITLE);
    // Tab on past 调研 and 专报 to the category the rule set of May 2024 offers
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await focusIs('entry-category');
    await pickTyped('长篇', '长篇调研');
    // picked: the focus moves on to 作者; then on past 保存 to 合报单位
    await focusIs('entry-authors');
    await page.keyboard.type('张三');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await focusIs('entry-joint');
    await pickTyped('乙县');
    await pickTyped('市财政局');
    await page.getByText('合报信息得分由各单位平分').waitFor();
    await shots('01-登记合报信息');
    // Esc closes the list and keeps what was typed; Enter then saves
    await page.keyboard.press('Escape');
    await page.locator('#entry-joint[aria-expanded="false"]').waitFor();
    await expect(page.locator('#entry-title').inputValue()).resolves.toBe(TITLE);
    await page.keyboard.press('Enter');
    await page.locator('.ant-message-notice').filter({ hasText: /已保存：X2024-/ }).waitFor();
    const saved = (await rpc('items:list', { q: TITLE, offset: 0, limit: 5 })).rows[0]!;
    itemId = saved.id;
    expect(saved.categoryName).toBe('长篇调研');
    expect(saved.jointUnits.map((u) => u.name)).toEqual(['乙县', '市财政局']);
    expect(saved.authors).toBe('张三');
    // the form is cleared for the next item, the unit and date kept, the 合报 units and category cleared
    await expect(page.locator('#entry-title').inputValue()).resolves.toBe('');
    const form = await page.getByTestId('entry-form').innerText();
    expect(form).toContain('甲县');
    expect(form).not.toMatch(/乙县|市财政局|长篇调研/);
    await expect(page.locator('#entry-date').inputValue()).resolves.toBe('2024-05-06');
  });

  it('the list and the drawer show the category and the 合报 units in words', async () => {
    const row = page.locator('.item-row').filter({ hasText: TITLE });
    await row.waitFor();
    await expect(row.innerText()).resolves.toMatch(/甲县 等3家合报[\s\S]*长篇调研/);
    await row.focus();
    await page.keyboard.press('Enter');
    const joint = page.getByTestId('drawer-joint');
    await joint.waitFor();
    await expect(joint.innerText()).resolves.toBe('甲县（牵头）、乙县、市财政局　合报信息得分由各单位平分');
    await expect(page.locator('.ant-drawer').innerText()).resolves.toContain('长篇调研');
    await shots('02-信息详情');
  });

  it('an adoption scores 20 for 长篇调研 in 《信息专报》, split 6.7 / 6.7 / 6.6 on the 计分 page data', async () => {
    await rpc('adoptions:create', { list: [{ itemId, publication: 'special', form: 'single', date: '2024-05-15', issueNo: '3', note: '' }] });
    const { scores } = await rpc('scores:period', { period: '2024-05' });
    const share = (name: string) =>
      scores.groups
        .flatMap((g) => g.units)
        .find((u) => u.unitName === name)!
        .lines.filter((l) => l.itemId === itemId)
        .reduce((a, l) => a + l.points, 0);
    expect([share('甲县'), share('乙县'), share('市财政局')]).toEqual([6.7, 6.7, 6.6]);
  });

  it('the clerk corrects the item in the drawer: 合报 down to 乙县, category 要情动态', async () => {
    // the drawer reloads after the adoption was written elsewhere: reopen it from the list
    await page.keyboard.press('Escape');
    await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
    await page.locator('.item-row').filter({ hasText: TITLE }).click();
    await page.locator('#item-edit').waitFor();
    await page.locator('#item-edit').focus();
    await page.keyboard.press('Enter');
    await focusIs('item-edit-title');
    // Esc with corrections not saved asks first, 继续修改 focused: Enter goes on editing, nothing lost
    await page.locator('#item-edit-title').focus();
    await page.keyboard.press('End');
    await page.keyboard.type('（改）');
    await page.keyboard.press('Escape');
    await page.locator('.ant-modal-confirm-title').filter({ hasText: '放弃未保存的修改？' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent?.replace(/\s/g, '') === '继续修改');
    await page.keyboard.press('Enter');
    await page.locator('.ant-modal-confirm').waitFor({ state: 'detached' });
    await expect(page.locator('#item-edit-title').inputValue()).resolves.toBe(`${TITLE}（改）`);
    await page.locator('#item-edit-joint').focus();
    await page.keyboard.press('Backspace'); // removes the last 合报 unit, 市财政局
    await page.locator('#item-edit-category').focus();
    await pickTyped('要情', '要情动态');
    await expect(page.getByTestId('item-editor').innerText()).resolves.toContain('要情动态');
    await shots('03-修改合报信息');
    await page.locator('#item-edit-save').click();
    await page.locator('.ant-message-notice').filter({ hasText: '已修改' }).waitFor();
    await page.getByTestId('drawer-joint').filter({ hasText: '甲县（牵头）、乙县　' }).waitFor();
    // the keyboard is back on the drawer's 修改信息, not lost on the page
    await focusIs('item-edit');
    const detail = await rpc('items:get', { id: itemId });
    expect(detail.jointUnits.map((u) => u.name)).toEqual(['乙县']);
    expect(detail.categoryName).toBe('要情动态');
    expect(detail.title).toBe(`${TITLE}（改）`);
    // 《信息专报》 gives 要情动态 its plain 10 points now
    expect(detail.adoptionRecords.map((r) => r.points)).toEqual([10]);
  });

  it('the list’s 类型 filter finds 合报信息 and a category by typing', async () => {
    await page.keyboard.press('Escape');
    await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
    const filter = page.getByRole('combobox', { name: '类型' });
    await filter.focus();
    await pickTyped('合报', '合报信息');
    await page.getByTestId('item-list').getByText('共 1 条').waitFor();
    await expect(page.locator('.item-row').count()).resolves.toBe(1);
    await filter.focus();
    await pickTyped('长篇', '长篇调研');
    // the item is 要情动态 now: no 长篇调研 item this month
    await page.getByTestId('item-list').getByText('共 0 条').waitFor();
  });

  it('under 莱芜区2019 (a 2019 date) the entry form offers no category', async () => {
    await page.locator('#entry-date').fill('2019-05-06');
    await page.locator('#entry-category').waitFor({ state: 'detached' });
    await page.locator('#entry-date').fill('2024-05-06');
    await page.locator('#entry-category').waitFor();
  });
});
