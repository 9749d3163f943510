// A clerk's day without friction, in the real UI (built renderer, real services over the loopback bridge,
// Debian's Chromium), driven by the keyboard the way a clerk types: one Enter does one thing, what was saved is in
// view, every record is corrected in place and 操作记录 speaks the office's words. Each step checks the database too.
import JSZip from 'jszip';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LAIWU_2019 } from '../../shared/rules/laiwu2019';
import { SHOTS, focusIs as focusOn, frame, recordFailure, go as goTo, optionReady, pickTyped as pickOn, startApp, toast as toastOn, type App } from './harness';

const TODAY = '2019-07-08';
const SEEDED = '凤城街道召开防汛工作部署会议';
let app: App;
let bridge: App['bridge'];
let page: Page;
const rpc: App['rpc'] = (method, args) => app.rpc(method, args);

const count = (sql: string, ...params: unknown[]): number => (bridge.db()!.prepare(sql).get(...params) as { n: number }).n;

async function shot(name: string): Promise<void> {
  for (const [w, h] of [
    [1366, 768],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await frame(page);
    await page.screenshot({ path: join(SHOTS, `day-${name}-${w}.png`) });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

const go = (label: string) => goTo(page, label);
const active = (): Promise<string | undefined> => page.evaluate(() => document.activeElement?.id);
const focusIs = (id: string) => focusOn(page, id);
const toast = (text: string | RegExp) => toastOn(page, text);
const pickTyped = (typed: string, expected = typed) => pickOn(page, typed, expected);

async function typeDate(selector: string, date: string): Promise<void> {
  const input = page.locator(selector);
  await input.click();
  await input.press('Control+a');
  await input.fill(date);
}

beforeAll(async () => {
  // the scene, through the contract: the sample roster, a second-half rule set that adds 《济南参阅》 from 2019-07-01,
  // and one item of 凤城街道 in May
  app = await startApp({
    prefix: 'zwxx-e2e-day-',
    today: TODAY,
    seed: async (rpc) => {
      await rpc('units:importSample', {});
      const second = structuredClone(LAIWU_2019);
      second.name = '莱芜区2019下半年';
      second.effectiveFrom = '2019-07-01';
      second.publications.push({ key: 'jn_canyue', name: '济南参阅', aliases: [], level: 'city', points: { single: 15, combined: 5, brief: 5 }, categoryPoints: {}, multiplier: 1, instructionPoints: {}, clause: '' });
      await rpc('rules:save', { rules: second });
      const fc = (await rpc('units:list', {})).find((u) => u.name === '凤城街道')!;
      await rpc('items:create', { unitId: fc.id, date: '2019-05-06', title: SEEDED, kinds: [], authors: [], note: '' });
    },
  });
  ({ bridge, page } = app);
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await recordFailure(page, `day-${ctx.task.name}`);
});

afterAll(async () => {
  await app?.close();
});

describe('a clerk’s day without friction', () => {
  it('one Enter on a similar title warns once and saves nothing; the second Enter saves', async () => {
    await go('信息登记');
    await page.locator('#entry-unit').focus();
    // typing straight on after picking the unit loses nothing
    await pickTyped('fc', '凤城街道');
    await page.keyboard.type('2019-05-08');
    await expect(page.locator('#entry-date').inputValue()).resolves.toBe('2019-05-08');
    await page.keyboard.press('Enter'); // Enter in the date moves to the title, saves nothing
    await focusIs('entry-title');
    expect(count(`SELECT count(*) AS n FROM items`)).toBe(1);
    await page.keyboard.type('凤城街道召开防汛工作部署会');
    await page.keyboard.press('Enter');
    await page.getByText('确认不是重复报送，再按一次回车保存：').waitFor();
    await toast('再按一次回车保存');
    // exactly one warning, and nothing saved
    await expect(page.locator('.ant-message-notice').count()).resolves.toBe(1);
    expect(count(`SELECT count(*) AS n FROM items WHERE title = ?`, '凤城街道召开防汛工作部署会')).toBe(0);
    await expect(page.getByText(/已保存：/).count()).resolves.toBe(0);
    await shot('01-相似标题-一次回车只提示');
    await page.keyboard.press('Enter');
    await toast(/已保存：X2019-/);
    expect(count(`SELECT count(*) AS n FROM items WHERE title = ?`, '凤城街道召开防汛工作部署会')).toBe(1);
  });

  it('what was just saved is visible: an April item switches the list to April', async () => {
    await page.locator('#entry-date').focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('4/3'); // the current year's April 3
    await page.keyboard.press('Enter');
    await focusIs('entry-title');
    await page.keyboard.type('凤城街道开展春季植树活动');
    await page.keyboard.press('Enter');
    await page.getByTestId('entry-recent').filter({ hasText: '凤城街道开展春季植树活动' }).waitFor();
    const saved = bridge.db()!.prepare(`SELECT no, submitted FROM items WHERE title = ?`).get('凤城街道开展春季植树活动') as { no: string; submitted: string };
    expect(saved.submitted).toBe('2019-04-03');
    await page.getByTestId('entry-recent').filter({ hasText: `${saved.no} 凤城街道开展春季植树活动` }).waitFor();
    await page.locator('.item-row').filter({ hasText: '凤城街道开展春季植树活动' }).waitFor();
    await shot('02-保存后列表跟随');
  });

  it('a date in the future asks first; cancelling saves nothing', async () => {
    await page.locator('#entry-date').focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('2030-01-01');
    await page.keyboard.press('Enter');
    await page.keyboard.type('凤城街道未来的一条信息标题');
    await page.keyboard.press('Enter');
    await page.locator('.ant-modal-confirm-title', { hasText: '日期是否正确？' }).waitFor();
    await shot('03-日期确认');
    await page.keyboard.press('Enter'); // the focused button is 返回修改
    await page.locator('.ant-modal-confirm-title', { hasText: '日期是否正确？' }).waitFor({ state: 'detached' });
    expect(count(`SELECT count(*) AS n FROM items WHERE submitted = '2030-01-01'`)).toBe(0);
    // the focus is back in the date to correct it; Esc clears the title and keeps the date
    await focusIs('entry-date');
    await page.keyboard.press('Escape');
    await expect(page.locator('#entry-title').inputValue()).resolves.toBe('');
    await expect(page.locator('#entry-date').inputValue()).resolves.toBe('2030-01-01');
  });

  it('an item is corrected in place; the new title shows in the list and in 操作记录', async () => {
    const row = page.locator('.item-row').filter({ hasText: '凤城街道开展春季植树活动' });
    await row.focus();
    await page.waitForFunction(() => document.activeElement?.classList.contains('item-row'));
    await page.keyboard.press('Enter');
    await page.getByTestId('drawer-title').filter({ hasText: '凤城街道开展春季植树活动' }).waitFor();
    await focusIs('item-edit');
    await page.keyboard.press('Enter');
    await focusIs('item-edit-title');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('凤城街道开展春季义务植树活动');
    await shot('04-修改信息');
    // Enter moves field by field; the last field's Enter saves
    for (let i = 0; i < 12 && (await active()) !== 'item-edit-note'; i++) await page.keyboard.press('Enter');
    expect(await active()).toBe('item-edit-note');
    await page.keyboard.press('Enter');
    await toast(/已修改：X2019-/);
    await page.getByTestId('item-editor').waitFor({ state: 'detached' });
    expect(count(`SELECT count(*) AS n FROM items WHERE title = ?`, '凤城街道开展春季义务植树活动')).toBe(1);
    await page.getByTestId('drawer-title').filter({ hasText: '凤城街道开展春季义务植树活动' }).waitFor();
    await page.keyboard.press('Escape');
    await page.locator('.item-row').filter({ hasText: '凤城街道开展春季义务植树活动' }).waitFor();
    await go('操作记录');
    const log = page.locator('.ant-table-tbody').first();
    await log.getByText('凤城街道开展春季义务植树活动').first().waitFor();
    await log.getByText('凤城街道开展春季植树活动').first().waitFor();
    await shot('05-操作记录-修改标题');
  });

  it('an adoption dated before the item was submitted is warned, and nothing is saved until confirmed', async () => {
    await go('采用与批示');
    await typeDate('#issue-date', '2019-04-20');
    await page.keyboard.press('Enter');
    await page.locator('#issue-item').focus();
    await pickTyped('防汛工作部署会议', SEEDED);
    await page.locator('#issue-save').click();
    await page.getByTestId('adoption-warnings').filter({ hasText: '早于报送日期' }).waitFor();
    await shot('06-采用早于报送');
    await page.keyboard.press('Enter'); // 返回修改 has the focus
    await page.getByTestId('adoption-warnings').waitFor({ state: 'detached' });
    expect(count(`SELECT count(*) AS n FROM adoptions`)).toBe(0);
  });

  it('a 2019-06-28 adoption cannot pick a publication that starts 2019-07-01', async () => {
    await typeDate('#issue-date', '2019-06-28');
    await page.keyboard.press('Enter');
    await page.locator('#issue-publication').focus();
    await page.keyboard.type('济南参阅');
    await page.locator('.ant-select-dropdown:visible').getByText('没有找到').or(page.locator('.ant-select-dropdown:visible .ant-empty')).first().waitFor();
    await expect(page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '济南参阅' }).count()).resolves.toBe(0);
    await page.keyboard.press('Escape');
    // the services refuse it too, in words
    const fcItem = bridge.db()!.prepare(`SELECT id FROM items WHERE title = ?`).get(SEEDED) as { id: number };
    const refused = (await (
      await fetch(`${bridge.url}api/adoptions:create`, { method: 'POST', body: JSON.stringify({ list: [{ itemId: fcItem.id, publication: 'jn_canyue', form: 'single', date: '2019-06-28', issueNo: '', note: '' }] }) })
    ).json()) as { ok: boolean; error: string };
    expect(refused.ok).toBe(false);
    expect(refused.error).toContain('《济南参阅》');
    // on 2019-07-02 it is offered
    await typeDate('#issue-date', '2019-07-02');
    await page.keyboard.press('Enter');
    await page.locator('#issue-publication').focus();
    await page.keyboard.type('济南参阅');
    await optionReady(page, '济南参阅');
    await page.keyboard.press('Escape');
  });

  it('Enter in the 批示 date moves to the leader and saves nothing', async () => {
    await page.locator('#instruction-item').focus();
    await pickTyped('防汛工作部署会议', SEEDED);
    await typeDate('#instruction-date', '2019-06-10');
    await page.keyboard.press('Enter');
    await focusIs('instruction-leader');
    expect(count(`SELECT count(*) AS n FROM instructions`)).toBe(0);
    await page.keyboard.type('张区长');
    await page.keyboard.press('Enter'); // the last field's Enter saves
    await toast('已登记批示');
    expect(count(`SELECT count(*) AS n FROM instructions WHERE leader = '张区长'`)).toBe(1);
    await shot('07-采用与批示');
  });

  it('操作记录 speaks the office’s words: no internal code, key or id', async () => {
    // a day's records through the contract: an adoption, a 约稿 marked 未完成, a deduction, a rule-set change
    const item = bridge.db()!.prepare(`SELECT id, no FROM items WHERE title = ?`).get(SEEDED) as { id: number; no: string };
    await rpc('adoptions:create', { list: [{ itemId: item.id, publication: 'district', form: 'single', date: '2019-06-10', issueNo: '第20期', note: '' }] });
    await rpc('instructions:create', { itemId: item.id, level: 'city', form: 'single', date: '2019-06-12', leader: '李市长', note: '' });
    const units = await rpc('units:list', {});
    const fc = units.find((u) => u.name === '凤城街道')!;
    const { id } = await rpc('requests:create', { issuer: 'city_office', topic: '防汛工作经验做法', issued: '2019-06-01', deadline: '2019-06-20', unitIds: [fc.id], note: '' });
    const target = (await rpc('requests:list', { year: 2019 })).find((r) => r.id === id)!.targets[0]!;
    await rpc('requests:setOutcome', { targetId: target.id, outcome: 'missed', itemId: null });
    const list = await rpc('rules:list', {});
    const first = list[0]!;
    const changed = structuredClone(first.rules);
    changed.publications[0]!.points.single = 12;
    await rpc('rules:save', { id: first.id, rules: changed });
    await go('操作记录');
    const table = page.locator('.ant-table-tbody').first();
    await table.getByText('《莱芜政务信息》').first().waitFor();
    const text = await table.innerText();
    expect(text).toContain('待报');
    expect(text).toContain('未完成');
    expect(text).toContain('市政府办公厅');
    expect(text).toContain('单篇');
    expect(text).toContain('市 ★★');
    expect(text).toContain(`${item.no} ${SEEDED}`);
    expect(text).toMatch(/刊物 · 莱芜政务信息 · 分值 · 单篇/);
    for (const code of ['pending', 'missed', 'city_office', 'jn_canyue', 'district', 'single', 'city', 'town', '{"'])
      expect(text, `操作记录 shows “${code}”`).not.toContain(code);
    expect(text).not.toMatch(/信息\s*[:：]?\s*\d+\b(?!年)/);
    await shot('08-操作记录');
  });

  it('约稿 and 加减分 records are corrected in place', async () => {
    await go('约稿');
    await page.getByRole('button', { name: '修改' }).first().click();
    await focusIs('request-topic');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('防汛工作典型经验做法');
    await page.locator('#request-save').click();
    await toast('已修改约稿');
    expect(count(`SELECT count(*) AS n FROM requests WHERE topic = '防汛工作典型经验做法'`)).toBe(1);
    await page.getByText('防汛工作典型经验做法').waitFor();
    await shot('09-约稿');
    await go('加减分');
    await page.locator('#event-unit').focus();
    await pickTyped('fc', '凤城街道');
    await typeDate('#event-date', '2019-06-15');
    await page.keyboard.press('Enter'); // moves on, saves nothing
    expect(count(`SELECT count(*) AS n FROM events`)).toBe(0);
    await page.locator('#event-save').click();
    await toast('已登记');
    await page.getByRole('button', { name: '修改' }).first().click();
    await page.locator('#event-edit-note').fill('迟报一次');
    await page.locator('#event-edit-save').click();
    await toast('已修改');
    expect(count(`SELECT count(*) AS n FROM events WHERE note = '迟报一次'`)).toBe(1);
    await shot('10-加减分');
  });

  it('editing a rule set that scored past quarters names them and offers 另存为新版本', async () => {
    await go('规则设置');
    await page.getByText('莱芜区2019', { exact: true }).first().click();
    await page.getByRole('tab', { name: /^刊物/ }).click();
    const row = page.getByTestId('rules-editor').getByRole('tabpanel').locator('.ant-table-row').filter({ has: page.locator('input[value="莱芜政务信息"]') });
    const cell = row.locator('input[aria-label="单篇"]');
    await cell.click();
    await cell.press('Control+a');
    await cell.pressSequentially('11');
    await page.getByRole('button', { name: '保存修改' }).click();
    await page.getByTestId('rules-change-quarters').filter({ hasText: '2019年第二季度' }).waitFor();
    await shot('11-规则修改提示');
    // the main button is 另存为新版本, and it has the focus
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('另存为新版本…');
    await page.keyboard.press('Escape');
    await page.getByTestId('rules-change-quarters').waitFor({ state: 'hidden' });
    // the edit is let go on purpose (leaving with it would ask first)
    await page.getByRole('button', { name: '放弃修改' }).click();
    await page.getByText('有未保存的修改').waitFor({ state: 'detached' });
  });

  it('the circular is exported with the 成文日期 and 文号 the clerk set, after the 联系人 warning', async () => {
    await go('通报');
    await typeDate('#circular-date', '2019-07-10');
    await page.keyboard.press('Enter');
    // the date taken (the preview shows it) before the next field
    await page.getByTestId('circular-preview').getByText('2019年7月10日').waitFor();
    await page.locator('#circular-docno').fill('12');
    await shot('12-通报');
    const out = join(app.dir, '通报');
    mkdirSync(out);
    bridge.answerDialogs([out]);
    await page.locator('#export-report').click();
    await page.locator('.ant-modal-confirm-title').filter({ hasText: '联系人还没有填写' }).waitFor();
    await page.getByRole('button', { name: '仍然导出' }).click();
    await page.locator('.ant-modal-confirm-title').filter({ hasText: '已生成' }).waitFor();
    const doc = await (await JSZip.loadAsync(readFileSync(join(out, '关于2019年第二季度全区政务信息报送采用情况的通报（稿）.docx')))).file('word/document.xml')!.async('string');
    expect(doc).toContain('〔2019〕12号');
    expect(doc).toContain('2019年7月10日');
  });
});
