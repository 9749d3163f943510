// The rule editor in the real UI (built renderer, real services and SQLite over the loopback bridge, Debian's Chromium):
// on a ledger with 2019Q2 and 2019Q3 data, a clerk adds an item category and a publication with points by form only,
// is told which quarters a plain save would change, saves a new version from 2019-07-01 instead — and 2019Q2 scores
// the same as before while an adoption by the new publication in 2019Q3 scores its points. Before saving, the clerk also
// gives 镇街 a requirement (每季度 调研 ≥ 1 篇 得 3 分) and 莱芜政务信息 an alias and a clause, by keyboard; the saved
// version holds them and scores the requirement.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BeforeCloseHooks, Results } from '../../shared/ipc/contract';
import { chooseByKeys, closeOverlays, go as goTo, recordFailure, settledShots, startApp, type App } from './harness';

const NEW_NAME = '莱芜区2019（7月修订）';
const NEW_PUB = '莱芜要情快报';
const REQUIREMENT = '季度调研';
let app: App;
let page: Page;
const rpc: App['rpc'] = (method, args) => app.rpc(method, args);
const shots = (name: string) => settledShots(page, '规则', name);
const go = (label: string) => goTo(page, label);

/** The tab of the editor the clerk is looking at. */
const active = () => page.getByTestId('rules-editor').getByRole('tabpanel');
const focused = (id: string) => page.waitForFunction((x) => document.activeElement?.id === x, id);
/** A dialog of the editor open and settled — its opening animation done — with the focus in its first field. */
const dialogReady = async (testId: string, first: string) => {
  await page.locator(`[data-testid="${testId}"][data-shown="true"]`).waitFor();
  await focused(first);
};

const choose = (option: string) => chooseByKeys(page, option);

/** The 计分 page of a quarter of 2019, as the clerk reads it: every group's table text. */
async function scoresPageText(quarter: '第二季度' | '第三季度'): Promise<string> {
  await go('计分');
  const select = page.locator('[data-page] .ant-select').filter({ hasText: /第.季度/ });
  if (!(await select.innerText()).includes(quarter)) {
    await select.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: quarter }).click();
    await select.filter({ hasText: quarter }).waitFor();
  }
  // the quarter's own scores, not the last quarter's still on screen while they load
  await page.locator('[data-page] [data-testid="scores"][aria-busy="false"]').waitFor();
  await page.locator('[data-page] .ant-table-row').first().waitFor();
  return (await page.locator('[data-page]').innerText()).trim();
}

type Scores = Results['scores:period']['scores'];
const unitTotal = (s: Scores, name: string) => s.groups.flatMap((g) => g.units).find((u) => u.unitName === name)!;
let q2Before: Scores;
let q3Before: Scores;
let q2PageBefore: string;
let q3ItemId: number;

beforeAll(async () => {
  app = await startApp({ prefix: 'zwxx-e2e-rules-', today: '2019-08-20', seed: (rpc) => seed(rpc) });
  page = app.page;
  await page.getByRole('menuitem', { name: '规则设置', exact: true }).waitFor();
});

async function seed(rpc: App['rpc']): Promise<void> {
  // the sample roster, then a few items and adoptions in 2019Q2 and 2019Q3 through the services
  await rpc('units:importSample', {});
  const units = await rpc('units:list', {});
  const unit = (name: string) => units.find((u) => u.name === name)!.id;
  const item = async (unitName: string, date: string, title: string) =>
    (await rpc('items:create', { unitId: unit(unitName), date, title, kinds: [], authors: [], note: '' })).id;
  const a1 = await item('凤城街道', '2019-05-06', '凤城街道推进重点项目建设情况');
  const a2 = await item('凤城街道', '2019-05-08', '凤城街道做好防汛工作');
  const b1 = await item('区发展和改革委员会', '2019-06-03', '全区固定资产投资运行情况');
  const b2 = await item('区发展和改革委员会', '2019-07-10', '上半年全区经济运行分析');
  q3ItemId = await item('凤城街道', '2019-08-05', '凤城街道秋粮生产情况');
  const adopt = (itemId: number, publication: string, date: string) => ({ itemId, publication, form: 'single' as const, date, issueNo: '', note: '' });
  await rpc('adoptions:create', { list: [adopt(a1, 'district', '2019-05-20'), adopt(a2, 'city', '2019-06-10'), adopt(b1, 'district', '2019-06-12'), adopt(b2, 'district', '2019-07-20')] });
  q2Before = (await rpc('scores:period', { period: '2019Q2' })).scores;
  q3Before = (await rpc('scores:period', { period: '2019Q3' })).scores;
}

afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  await recordFailure(page, `规则-${ctx.task.name}`);
  // what the failed step left open would block every later one
  await closeOverlays(page);
});

afterAll(async () => {
  await app?.close();
});

describe('the rule-set editor', () => {
  it('shows the 2019Q2 scores before any change', async () => {
    q2PageBefore = await scoresPageText('第二季度');
    expect(q2PageBefore).toContain('计分规则：莱芜区2019');
    expect(unitTotal(q2Before, '凤城街道').adoption).toBeGreaterThan(0);
  });

  it('shows the rule set in the office’s words: no JSON, no key', async () => {
    await go('规则设置');
    const editor = page.getByTestId('rules-editor');
    await editor.waitFor();
    await editor.getByText('2019年第一季度起').waitFor();
    await page.getByRole('tab', { name: /^刊物/ }).click();
    await active().locator('input[aria-label="名称"]').first().waitFor();
    const text = await page.locator('[data-page]').innerText();
    expect(text).not.toMatch(/[{}]|"key"|\bdistrict\b|\bto_city\b/);
    await shots('01-刊物');
    for (const [tab, name] of [[/^分组与任务/, '01b-分组'], [/^批示/, '01c-批示'], [/^加减分/, '01d-加减分'], [/^约稿/, '01e-约稿']] as const) {
      await page.getByRole('tab', { name: tab }).click();
      await active().locator('input[aria-label="名称"]').first().waitFor();
      await shots(name);
    }
  });

  it('adds a category by form only: the dialog focuses its name, Enter moves on and adds', async () => {
    await page.getByRole('tab', { name: /^信息类别/ }).click();
    await page.getByRole('button', { name: '添加信息类别…' }).click();
    await dialogReady('rules-add-dialog', 'add-name');
    await page.keyboard.type('要情');
    await page.keyboard.press('Enter');
    await focused('add-factor');
    await shots('02-添加信息类别');
    await page.keyboard.press('Enter'); // the last field: adds
    await page.getByTestId('rules-add-dialog').waitFor({ state: 'detached' });
    await expect(page.getByRole('tab', { name: '信息类别（1）' }).count()).resolves.toBe(1);
    await expect(active().locator('input[aria-label="名称"]').first().inputValue()).resolves.toBe('要情');
  });

  it('adds a publication with half points and its own points for the new category', async () => {
    await page.getByRole('tab', { name: /^刊物/ }).click();
    await page.getByRole('button', { name: '添加刊物…' }).click();
    await dialogReady('rules-add-dialog', 'add-name');
    await page.keyboard.type(NEW_PUB);
    await page.keyboard.press('Tab'); // 级别: 区级 stays
    await page.keyboard.press('Tab');
    await focused('add-single');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('4.5');
    await page.keyboard.press('Enter');
    await focused('add-combined');
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await focused('add-brief');
    await page.keyboard.type('1');
    await shots('03-添加刊物');
    await page.keyboard.press('Enter');
    await page.getByTestId('rules-add-dialog').waitFor({ state: 'detached' });
    const row = active().locator('.ant-table-row').filter({ has: page.locator(`input[value="${NEW_PUB}"]`) });
    await expect(row.locator('input[aria-label="单篇"]').inputValue()).resolves.toBe('4.5');
    // a name left empty: the form says which field, in words, and will not save
    const name = active().locator('input[aria-label="名称"]').nth(6);
    await name.fill('');
    await page.getByText(/规则有误，改正后才能保存：刊物第7项的名称：名称不能为空/).waitFor();
    await expect(name.getAttribute('class')).resolves.toContain('ant-input-status-error');
    await expect(page.getByTestId('rules-save').isDisabled()).resolves.toBe(true);
    await shots('03b-名称为空');
    await name.fill(NEW_PUB);
    await page.getByText(/规则有误/).waitFor({ state: 'detached' });
    // 要情 adopted here: 6 points a single piece
    await row.locator('.ant-table-row-expand-icon').click();
    await page.getByText('「要情」类单独计分').click();
    const detail = page.locator('.ant-table-expanded-row').filter({ hasText: '「要情」类单独计分' });
    const single = detail.locator('input[aria-label="单篇"]').first();
    await single.fill('6');
    await single.press('Tab');
    await page.getByText('有未保存的修改').waitFor();
    await shots('04-刊物-按类别计分');
  });

  it('adds a requirement to a group by keyboard: 每季度 调研 ≥ 1 篇 得 3 分', async () => {
    await page.getByRole('tab', { name: /^分组与任务/ }).click();
    const town = active().locator('.ant-table-row').filter({ has: page.locator('input[value="镇街"]') });
    await town.locator('.ant-table-row-expand-icon').click();
    const requirements = page.getByTestId('rules-requirements-0');
    await requirements.getByRole('button', { name: '添加要求…' }).click();
    await dialogReady('rules-add-dialog', 'add-name');
    await page.keyboard.type(REQUIREMENT);
    await page.keyboard.press('Tab');
    await focused('add-window');
    await choose('每季度');
    await page.keyboard.press('Tab'); // 类别: 调研 stays
    await focused('add-kind');
    await page.keyboard.press('Tab');
    await focused('add-min'); // 1 stays
    await page.keyboard.press('Enter');
    await focused('add-points');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('3');
    await page.keyboard.press('Tab');
    await focused('add-award');
    await choose('周期内得一次');
    await page.keyboard.press('Tab');
    await focused('add-clause');
    await page.keyboard.type('一（一）3');
    await shots('04b-添加要求');
    await page.keyboard.press('Enter'); // the last field: adds
    await page.getByTestId('rules-add-dialog').waitFor({ state: 'detached' });
    // 镇街's own 调研、专报 first, the new one below it
    await expect(requirements.locator('.ant-table-row').count()).resolves.toBe(2);
    const row = requirements.locator('.ant-table-row').nth(1);
    await expect(row.locator('input[aria-label="要求名称"]').inputValue()).resolves.toBe(REQUIREMENT);
    await expect(row.innerText()).resolves.toMatch(/每季度[\s\S]*调研[\s\S]*周期内得一次/);
    await expect(row.locator('input[aria-label="要求得分"]').inputValue()).resolves.toBe('3');
    // on second thought every month of the quarter earns it: the table's own select, by keyboard
    await row.locator('input[aria-label="计分方式"]').focus();
    await choose('每月各得一次');
    await row.locator('[title="每月各得一次"]').waitFor();
    // a second condition is added and taken away again, by keyboard: the focus stays in the cell each time
    const focusedLabel = (label: string) => page.waitForFunction((l) => document.activeElement?.getAttribute('aria-label') === l, label);
    await row.getByRole('button', { name: '添加条件' }).focus();
    await page.keyboard.press('Enter');
    await expect(row.locator('input[aria-label="最少篇数"]').count()).resolves.toBe(2);
    await focusedLabel('最少篇数'); // the new condition's 篇数, ready to type
    await page.keyboard.type('2');
    await page.keyboard.press('Tab'); // on to its ✕
    await focusedLabel('删除条件');
    await page.keyboard.press('Enter');
    await expect(row.locator('input[aria-label="最少篇数"]').count()).resolves.toBe(1);
    await focusedLabel('添加条件');
    // a requirement without a name is refused on the form, in words
    const name = row.locator('input[aria-label="要求名称"]');
    await name.fill('');
    await page.getByText(/规则有误，改正后才能保存：分组「镇街」的要求第2项的名称：名称不能为空/).waitFor();
    await expect(page.getByTestId('rules-save').isDisabled()).resolves.toBe(true);
    await name.fill(REQUIREMENT);
    await page.getByText(/规则有误/).waitFor({ state: 'detached' });
    await shots('04c-分组-要求');
  });

  it('gives a publication an alias and a clause; an alias that is another publication’s name is refused', async () => {
    await page.getByRole('tab', { name: /^刊物/ }).click();
    const row = active().locator('.ant-table-row').filter({ has: page.locator('input[value="莱芜政务信息"]') });
    await row.locator('.ant-table-row-expand-icon').click();
    const detail = active().locator('.ant-table-expanded-row').first();
    const aliases = detail.locator('input[aria-label="别名"]');
    await aliases.focus();
    await page.keyboard.type('济南政务信息');
    await page.keyboard.press('Enter');
    await page.getByText(/刊物「莱芜政务信息」的别名：别名“济南政务信息”是刊物「济南政务信息」的名称/).waitFor();
    await expect(page.getByTestId('rules-save').isDisabled()).resolves.toBe(true);
    await shots('04d-别名重名');
    await page.keyboard.press('Backspace'); // takes the last alias away again
    await page.getByText(/规则有误/).waitFor({ state: 'detached' });
    await page.keyboard.type('莱芜信息');
    await page.keyboard.press('Enter');
    await detail.locator('.ant-select-selection-item').filter({ hasText: '莱芜信息' }).first().waitFor();
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === '条款');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('二（一）');
    await page.keyboard.press('Tab');
    await shots('04e-刊物-别名条款');
  });

  it('every list has the same expanded row: 别名 and 条款 (and 办法原文 for 加减分)', async () => {
    for (const tab of [/^信息类别/, /^批示/, /^约稿/, /^加减分/]) {
      await page.getByRole('tab', { name: tab }).click();
      await active().locator('.ant-table-row-expand-icon').first().click();
      const detail = active().locator('.ant-table-expanded-row').first();
      await detail.locator('input[aria-label="别名"]').waitFor();
      await detail.locator('input[aria-label="条款"]').waitFor();
    }
    const detail = active().locator('.ant-table-expanded-row').first();
    await detail.locator('input[aria-label="办法原文"]').fill('配备专职信息工作人员的单位（每年）');
    await shots('04f-加减分-展开');
  });

  it('a plain save names the quarters it would change and offers 另存为新版本', async () => {
    await page.getByTestId('rules-save').click();
    const says = page.getByTestId('rules-change-quarters');
    await says.waitFor();
    await expect(says.innerText()).resolves.toContain('2019年第一季度至2019年第三季度');
    await shots('05-修改会改变过去季度');
    await page.getByRole('button', { name: '另存为新版本…' }).last().click();
    await dialogReady('rules-new-dialog', 'rules-new-name');
  });

  it('saves a new version from 2019-07-01 by keyboard; a refusal of the service is shown in the dialog', async () => {
    // a name already taken: the service refuses, in Chinese, on the form
    await page.keyboard.press('Control+a');
    await page.keyboard.type('莱芜区2019');
    await page.keyboard.press('Enter');
    await focused('rules-new-date');
    await page.keyboard.type('2019-07-01');
    await page.keyboard.press('Enter'); // Enter on the date, the last field, saves
    const refusal = page.getByTestId('rules-new-refusal');
    await refusal.waitFor();
    await expect(refusal.innerText()).resolves.toContain('已有同名或同一生效日期的规则集');
    await page.locator('.ant-modal-title').filter({ hasText: '另存为新版本' }).click(); // the calendar closes
    await page.locator('.ant-picker-dropdown:visible').waitFor({ state: 'detached' });
    await shots('06-另存为新版本-被拒');
    await page.locator('#rules-new-name').fill(NEW_NAME);
    await page.locator('#rules-new-name').press('Enter');
    await focused('rules-new-date');
    await page.keyboard.press('Enter');
    await page.locator('.ant-message-notice').filter({ hasText: `已另存为新版本「${NEW_NAME}」` }).waitFor();
    // the new version is shown, selected in the list, with the quarters it scores
    await page.locator('.ant-segmented-item-selected').filter({ hasText: NEW_NAME }).waitFor();
    await page.getByTestId('rules-editor').getByText('2019年第三季度起').waitFor();
    await page.getByRole('tab', { name: /^刊物/ }).click();
    await shots('07-新版本已保存');
    // the old rule set now scores only up to 2019Q2
    await page.locator('.ant-segmented-item').filter({ hasText: '莱芜区2019' }).filter({ hasNotText: '修订' }).click();
    await page.getByTestId('rules-editor').getByText(/使用本规则集计分的季度：2019年第一季度至2019年第二季度。/).waitFor();
  });

  it('stores what the clerk entered, with keys made for the new entries', async () => {
    const rows = await rpc('rules:list', {});
    const fresh = rows.find((r) => r.rules.name === NEW_NAME)!;
    expect(fresh.rules.effectiveFrom).toBe('2019-07-01');
    const cat = fresh.rules.categories.find((c) => c.name === '要情')!;
    expect(cat.key).toMatch(/^[a-z][a-z0-9_]*$/);
    const pub = fresh.rules.publications.find((p) => p.name === NEW_PUB)!;
    expect(pub).toMatchObject({ level: 'district', points: { single: 4.5, combined: 2, brief: 1 }, categoryPoints: { [cat.key]: { single: 6, combined: 2, brief: 1 } } });
    expect(pub.key).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(fresh.usedBy).toEqual(['2019Q3', '2019Q4']);
    expect(fresh.rules.groups.find((g) => g.name === '镇街')!.requirements.at(-1)).toEqual({
      name: REQUIREMENT,
      window: 'quarter',
      conditions: [{ kind: 'research', min: 1 }],
      points: 3,
      award: 'each_month',
      clause: '一（一）3',
    });
    const laiwu = fresh.rules.publications.find((p) => p.name === '莱芜政务信息')!;
    expect(laiwu.aliases).toContain('莱芜信息');
    expect(laiwu.aliases).not.toContain('济南政务信息');
    expect(laiwu.clause).toBe('二（一）');
    expect(fresh.rules.eventKinds[0]!.description).toBe('配备专职信息工作人员的单位（每年）');
    // the old rule set is unchanged
    const old = rows.find((r) => r.rules.name === '莱芜区2019')!.rules;
    expect(old.publications.some((p) => p.name === NEW_PUB)).toBe(false);
    expect(old.groups.find((g) => g.name === '镇街')!.requirements.some((q) => q.name === REQUIREMENT)).toBe(false);
    expect(old.publications.find((p) => p.name === '莱芜政务信息')!.aliases).not.toContain('莱芜信息');
  });

  it('2019Q2 scores do not change; an adoption by the new publication in 2019Q3 scores 4.5', async () => {
    const pub = (await rpc('rules:list', {})).find((r) => r.rules.name === NEW_NAME)!.rules.publications.find((p) => p.name === NEW_PUB)!;
    await rpc('adoptions:create', { list: [{ itemId: q3ItemId, publication: pub.key, form: 'single', date: '2019-08-12', issueNo: '第3期', note: '' }] });
    const q2After = (await rpc('scores:period', { period: '2019Q2' })).scores;
    const q3After = (await rpc('scores:period', { period: '2019Q3' })).scores;
    expect(q2After).toEqual(q2Before);
    expect(q3After.ruleSetNames).toEqual([NEW_NAME]);
    const before = unitTotal(q3Before, '凤城街道');
    const after = unitTotal(q3After, '凤城街道');
    expect(after.adoption).toBe(before.adoption + 4.5);
    // (a town with one item in the quarter is floored at 0 by its quota shortfall, so only the adoption part moves)
    expect(after.total).toBeGreaterThanOrEqual(before.total);
    expect(after.lines.some((l) => l.points === 4.5 && l.detail.includes(NEW_PUB))).toBe(true);
    // another unit's 2019Q3 score is not touched
    expect(unitTotal(q3After, '区发展和改革委员会').total).toBe(unitTotal(q3Before, '区发展和改革委员会').total);
    // the 计分 page: 2019Q2 reads exactly as before; 2019Q3 is scored under the new version
    await expect(scoresPageText('第二季度')).resolves.toBe(q2PageBefore);
    const q3Page = await scoresPageText('第三季度');
    expect(q3Page).toContain(`计分规则：${NEW_NAME}`);
    await page.getByTestId('score-unit-凤城街道').click();
    await page.locator('.ant-drawer').getByText(NEW_PUB).first().waitFor();
    await shots('08-计分-第三季度明细');
  });
});

describe('the saved requirement', () => {
  it('scores: a town with a 调研 in 2019Q3 earns 3 points in each scored month of the quarter', async () => {
    const units = await rpc('units:list', {});
    const unitId = units.find((u) => u.name === '张家洼街道')!.id;
    const before = unitTotal((await rpc('scores:period', { period: '2019Q3' })).scores, '张家洼街道');
    expect(before.lines.filter((l) => l.rule === REQUIREMENT).map((l) => l.points)).toEqual([0, 0]);
    await rpc('items:create', { unitId, date: '2019-07-15', title: '张家洼街道关于农村集体经济发展的调研', kinds: ['research'], authors: [], note: '' });
    const after = unitTotal((await rpc('scores:period', { period: '2019Q3' })).scores, '张家洼街道');
    const lines = after.lines.filter((l) => l.rule === REQUIREMENT);
    expect(lines.map((l) => [l.month, l.points, l.clause])).toEqual([
      ['2019-07', 3, '一（一）3'],
      ['2019-08', 3, '一（一）3'],
    ]);
    expect(lines[0]!.detail).toContain('调研1篇（需1篇）');
  });
});

describe('a rule set used by a locked quarter', () => {
  it('cannot be changed in place: 保存修改 is refused, 另存为新版本 is the main button', async () => {
    await rpc('locks:lock', { period: '2019Q2' });
    await page.keyboard.press('Escape'); // the breakdown of the last step closes
    await page.locator('.ant-drawer-mask').waitFor({ state: 'detached' });
    await go('首页');
    await go('规则设置');
    await page.locator('.ant-segmented-item').filter({ hasText: '莱芜区2019' }).filter({ hasNotText: '修订' }).click();
    const editor = page.getByTestId('rules-editor');
    await editor.getByText(/其中2019年第二季度已锁定，本规则集不能再修改/).waitFor();
    await page.getByRole('tab', { name: /^刊物/ }).click();
    await active().locator('input[aria-label="单篇"]').first().fill('12');
    await page.getByText('有未保存的修改').waitFor();
    await expect(page.getByTestId('rules-save').isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId('rules-save-as').getAttribute('class')).resolves.toContain('ant-btn-primary');
    await shots('09-已锁定');
    // the service refuses too, naming the quarter
    const old = (await rpc('rules:list', {})).find((r) => r.rules.name === '莱芜区2019')!;
    await expect(rpc('rules:save', { id: old.id, rules: old.rules })).rejects.toThrow(/已通报并锁定/);
  });
});

describe('the keys of the editor', () => {
  it('a dialog with something typed asks before Esc loses it; Ctrl+Enter adds from its first field', async () => {
    await page.getByRole('tab', { name: /^信息类别/ }).click();
    const before = await active().locator('input[aria-label="名称"]').count();
    await page.getByRole('button', { name: '添加信息类别…' }).click();
    await dialogReady('rules-add-dialog', 'add-name');
    await page.keyboard.type('动态');
    await page.keyboard.press('Escape');
    const question = page.locator('.ant-modal-confirm').filter({ hasText: '放弃未保存的修改？' });
    await question.waitFor();
    await shots('11-对话框-Esc先问');
    await page.keyboard.press('Enter'); // the focused answer is 继续修改
    await question.waitFor({ state: 'detached' });
    await expect(page.locator('#add-name').inputValue()).resolves.toBe('动态');
    await focused('add-name');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('rules-add-dialog').waitFor({ state: 'detached' });
    await expect(active().locator('input[aria-label="名称"]').count()).resolves.toBe(before + 1);
    // Esc on a dialog with nothing typed closes it at once
    await page.getByRole('button', { name: '添加信息类别…' }).click();
    await dialogReady('rules-add-dialog', 'add-name');
    await page.keyboard.press('Escape');
    await page.getByTestId('rules-add-dialog').waitFor({ state: 'detached' });
  });

  it('上移 / 下移 in an expanded row change the order of the list', async () => {
    await page.getByRole('tab', { name: /^约稿/ }).click();
    const names = () => active().locator('.ant-table-row input[aria-label="名称"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    const before = await names();
    expect(before.length).toBe(2);
    await active().locator('.ant-table-row-expand-icon').first().click();
    const detail = active().locator('.ant-table-expanded-row').first();
    await expect(detail.getByRole('button', { name: '上移' }).isDisabled()).resolves.toBe(true);
    await detail.getByRole('button', { name: '下移' }).click();
    await expect.poll(names).toEqual([before[1], before[0]]);
  });

  it('Ctrl+Enter anywhere in the editor is 保存修改: on a locked rule set it says why it cannot', async () => {
    await active().locator('input[aria-label="名称"]').first().focus();
    await page.keyboard.press('Control+Enter');
    const refusal = page.getByTestId('rules-refusal');
    await refusal.waitFor();
    await expect(refusal.innerText()).resolves.toContain('不能再修改；请按“另存为新版本”');
    // the edits are still there
    await page.getByText('有未保存的修改').waitFor();
  });
});

describe('closing the window', () => {
  it('with unsaved rule edits asks 放弃未保存的修改？ first, as leaving the page does; with none it asks nothing', async () => {
    type Hooks = BeforeCloseHooks & { answer?: boolean };
    // the window asks the page through these hooks before it closes (the main process calls them the same way); the
    // answer is kept in the page and waited for, so a question nobody sees fails the step instead of hanging it
    const ask = () =>
      page.evaluate(() => {
        const w = window as unknown as Hooks;
        delete w.answer;
        void w.zwxxAskLeave().then((v) => (w.answer = v));
      });
    const answer = async () => {
      await page.waitForFunction(() => (window as unknown as Hooks).answer !== undefined);
      return page.evaluate(() => (window as unknown as Hooks).answer);
    };
    await expect(page.evaluate(() => (window as unknown as Hooks).zwxxUnsaved())).resolves.toBe(true);
    await ask();
    const question = page.locator('.ant-modal-confirm').filter({ hasText: '放弃未保存的修改？' });
    await question.waitFor();
    await shots('10-关闭窗口前询问');
    await question.getByRole('button', { name: '继续修改' }).click();
    await expect(answer()).resolves.toBe(false);
    await question.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: /^刊物/ }).click();
    await expect(active().locator('input[aria-label="单篇"]').first().inputValue()).resolves.toBe('12');
    await ask();
    await question.waitFor();
    await question.getByRole('button', { name: '放弃修改' }).click();
    await expect(answer()).resolves.toBe(true);
    // the edits let go by 放弃修改 on the page: nothing to ask about
    await question.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '放弃修改', exact: true }).click();
    await page.getByText('有未保存的修改').waitFor({ state: 'detached' });
    await page.waitForFunction(() => !(window as unknown as Hooks).zwxxUnsaved());
    await ask();
    await expect(answer()).resolves.toBe(true);
  });
});
