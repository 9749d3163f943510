// 正文 in the real UI (built renderer, real services and SQLite over the loopback bridge, Debian's Chromium): on the
// 信息登记 form it is the last field, reached by Tab after 合报单位, where Enter is a new line and Ctrl+Enter saves;
// the drawer shows it and 修改信息 changes it (Enter from field to field still saves from 备注); 粘贴多行 takes a
// column headed 正文 into the items and shows its first words. Screenshots go to test-output/screenshots/正文-*.png.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, focusIs, go, pickTyped, settledShots, startApp, toast, type App } from './harness';

const TITLE = '凤城街道推进“双联系”工作';
let app: App;
let page: Page;
const shots = (name: string) => settledShots(page, '正文', name);
const active = () => page.evaluate(() => document.activeElement?.id ?? '');

beforeAll(async () => {
  app = await startApp({
    prefix: 'zwxx-e2e-body-',
    today: '2019-06-20',
    seed: async (rpc) => {
      for (const [name, group] of [
        ['凤城街道', 'town'],
        ['区财政局', 'dept1'],
      ] as const)
        await rpc('units:save', { name, group, aliases: [], contact: '', phone: '', activeFrom: null, activeUntil: null, note: '' });
    },
  });
  page = app.page;
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && page) await page.screenshot({ path: join(SHOTS, `失败-正文-${ctx.task.name.slice(0, 30)}.png`) });
});

afterAll(async () => {
  await app?.close();
});

describe('正文 on the entry form, in the drawer and in 粘贴多行', () => {
  let itemId = 0;

  it('Tab goes through every field in its old order and then to 正文; Enter there is a new line, Ctrl+Enter saves', async () => {
    await go(page, '信息登记');
    await page.locator('#entry-unit').focus();
    await pickTyped(page, '凤城街道');
    await focusIs(page, 'entry-date');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('2019-06-18');
    await page.keyboard.press('Enter');
    await focusIs(page, 'entry-title');
    await page.keyboard.type(TITLE);
    // the Tab order of the fields before 正文 is as it always was; 正文 is the last stop
    const visited: string[] = [];
    for (let i = 0; i < 8 && (await active()) !== 'entry-body'; i++) {
      await page.keyboard.press('Tab');
      visited.push(await active());
    }
    expect(visited).toEqual(['entry-research', 'entry-special', 'entry-authors', 'entry-save', 'entry-joint', 'entry-body']);
    await page.keyboard.type('今年以来，凤城街道建立联系台账。');
    await page.keyboard.press('Enter');
    await page.keyboard.type('下一步将继续推进。');
    // Enter made a line, it saved nothing
    await expect(page.locator('#entry-body').inputValue()).resolves.toBe('今年以来，凤城街道建立联系台账。\n下一步将继续推进。');
    expect((await app.rpc('items:list', { q: TITLE, offset: 0, limit: 5 })).total).toBe(0);
    await shots('01-登记正文');
    await page.keyboard.press('Control+Enter');
    await toast(page, /已保存：X2019-/);
    const saved = (await app.rpc('items:list', { q: TITLE, offset: 0, limit: 5 })).rows[0]!;
    itemId = saved.id;
    expect((await app.rpc('items:get', { id: itemId })).body).toBe('今年以来，凤城街道建立联系台账。\n下一步将继续推进。');
    // cleared for the next item like the title, the unit and the date kept, the cursor back in the title
    await focusIs(page, 'entry-title');
    await expect(page.locator('#entry-body').inputValue()).resolves.toBe('');
    await expect(page.locator('#entry-date').inputValue()).resolves.toBe('2019-06-18');
  });

  it('Esc typed in 正文 keeps what was typed there', async () => {
    await page.locator('#entry-body').focus();
    await page.keyboard.type('一段还没保存的正文');
    await page.keyboard.press('Escape');
    await expect(page.locator('#entry-body').inputValue()).resolves.toBe('一段还没保存的正文');
    // Esc elsewhere starts the next item afresh, 正文 included
    await page.locator('#entry-title').focus();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => (document.getElementById('entry-body') as HTMLTextAreaElement | null)?.value === '');
  });

  it('the drawer shows the 正文, and 修改信息 changes it by Ctrl+Enter; the change is in 操作记录', async () => {
    const row = page.locator('.item-row').filter({ hasText: TITLE });
    await row.waitFor();
    await row.focus();
    await page.waitForFunction(() => document.activeElement?.classList.contains('item-row'));
    await page.keyboard.press('Enter');
    await page.getByTestId('drawer-body').filter({ hasText: '下一步将继续推进。' }).waitFor();
    await shots('02-信息详情');
    await focusIs(page, 'item-edit');
    await page.keyboard.press('Enter');
    await focusIs(page, 'item-edit-title');
    await expect(page.locator('#item-edit-body').inputValue()).resolves.toBe('今年以来，凤城街道建立联系台账。\n下一步将继续推进。');
    await page.locator('#item-edit-body').focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('（区委办转发）');
    await shots('03-修改正文');
    await page.keyboard.press('Control+Enter');
    await toast(page, /已修改：X2019-/);
    await page.getByTestId('item-editor').waitFor({ state: 'detached' });
    await page.getByTestId('drawer-body').filter({ hasText: '（区委办转发）' }).waitFor();
    expect((await app.rpc('items:get', { id: itemId })).body).toBe('今年以来，凤城街道建立联系台账。\n下一步将继续推进。\n（区委办转发）');
    const log = await app.rpc('audit:list', { offset: 0, limit: 5 });
    expect(JSON.stringify(log.rows[0])).toContain('正文');
  });

  it('修改信息 without touching 正文: Enter from field to field saves from 备注 and leaves the 正文 as it was', async () => {
    await focusIs(page, 'item-edit');
    await page.keyboard.press('Enter');
    await focusIs(page, 'item-edit-title');
    await page.keyboard.press('End');
    await page.keyboard.type('（改）');
    for (let i = 0; i < 12 && (await active()) !== 'item-edit-note'; i++) await page.keyboard.press('Enter');
    expect(await active()).toBe('item-edit-note');
    await page.keyboard.press('Enter');
    await toast(page, /已修改：X2019-/);
    await page.getByTestId('drawer-title').filter({ hasText: '（改）' }).waitFor();
    const item = await app.rpc('items:get', { id: itemId });
    expect(item.title).toBe(`${TITLE}（改）`);
    expect(item.body).toBe('今年以来，凤城街道建立联系台账。\n下一步将继续推进。\n（区委办转发）');
    await page.keyboard.press('Escape');
    await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
  });

  it('粘贴多行 takes the column headed 正文 into the items and shows its first words', async () => {
    const body = '　　区财政局近日召开会议。\n　　会议要求各科室"抓落实"。';
    const quoted = `"${body.replace(/"/g, '""')}"`;
    await page.getByRole('button', { name: '粘贴多行…' }).focus();
    await page.keyboard.press('Enter');
    await focusIs(page, 'paste-area');
    await page.locator('#paste-area').fill(['报送日期\t报送单位\t信息标题\t正文', `2019-06-19\t区财政局\t区财政局召开财政工作会议\t${quoted}`, '2019-06-19\t凤城街道\t凤城街道开展安全检查\t'].join('\n'));
    const table = page.locator('.ant-modal .ant-table');
    // its first words and its length in 字 (spaces and line breaks not counted)
    await table.getByText(/^区财政局近日召开会议。.*…（24字）$/).waitFor();
    await shots('04-粘贴正文');
    await page.locator('#paste-save').click();
    await toast(page, '已保存 2 条信息');
    await page.locator('#paste-area').waitFor({ state: 'detached' });
    const find = async (q: string) => app.rpc('items:get', { id: (await app.rpc('items:list', { q, offset: 0, limit: 1 })).rows[0]!.id });
    expect((await find('区财政局召开财政工作会议')).body).toBe(body);
    expect((await find('凤城街道开展安全检查')).body).toBe('');
  });
});
