// A clerk's quarter in the real UI (built renderer, real services over the loopback bridge, Debian's Chromium):
// import the roster, enter items by keyboard, paste rows, record adoptions, a 批示 and a 约稿, then check the
// 计分 page against the engine and export the circular and the workbook. Screenshots of every page at 1366×768.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { periodOf, periodScores } from '../../electron/services/scores';
import { allUnitScores } from '../../shared/scoring';
import { startBridge, type Bridge } from '../bridge/server';
import { tempDir } from '../helpers/cli';
import { launch } from './browser';
import { recordFailure } from './harness';

const SHOTS = resolve(__dirname, '../../test-output/screenshots');
const TODAY = '2019-07-08';
const dir = tempDir('zwxx-e2e-');
let bridge: Bridge;
let browser: Browser;
let page: Page;

/** Waits until no finite CSS animation or transition is running (a closing dropdown, a fading message); endless
 *  ones (a spinner, a blinking cursor) are no reason to wait. */
async function settled(): Promise<void> {
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
}

async function shot(name: string): Promise<void> {
  await settled();
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

async function go(label: string): Promise<void> {
  await page.getByRole('menuitem', { name: label, exact: true }).click();
  await page.locator(`[data-page]`).getByRole('heading', { name: label, exact: true }).waitFor();
}

async function toast(text: string | RegExp): Promise<void> {
  await page.locator('.ant-message-notice').filter({ hasText: text }).first().waitFor({ timeout: 10_000 });
}

/** Waits until the open dropdown offers `expected` as its first option. */
async function optionReady(expected: string): Promise<void> {
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option-active').filter({ hasText: expected }).first().waitFor({ timeout: 10_000 });
}

/** Picks an option of an antd Select by typing into it and pressing Enter, once the option is offered. */
async function pick(selector: string, typed: string, expected = typed): Promise<void> {
  const input = page.locator(selector);
  await input.click();
  await input.fill(typed);
  await optionReady(expected);
  await input.press('Enter');
}

/** Types a date into an antd DatePicker. */
async function typeDate(selector: string, date: string): Promise<void> {
  const input = page.locator(selector);
  await input.click();
  await input.press('Control+a');
  await input.fill(date);
  await input.press('Enter');
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  // the roster the office keeps in Excel: title row, shuffled columns
  const roster = new ExcelJS.Workbook();
  const ws = roster.addWorksheet('单位');
  ws.addRow(['莱芜区政务信息报送单位名单']);
  ws.addRow(['排序', '单位名称', '类别', '别名']);
  const csv = readFileSync(resolve(__dirname, '../fixtures/roster-laiwu-2019.csv'), 'utf8').trim().split('\n').slice(1);
  for (const line of csv) {
    const [name, group, alias, order] = line.split(',');
    ws.addRow([Number(order), name, group, alias]);
  }
  await roster.xlsx.writeFile(join(dir, '单位名单.xlsx'));
  bridge = await startBridge({ dbFile: join(dir, 'zwxx.db'), today: TODAY });
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.on('pageerror', (e) => {
    throw e;
  });
  await page.goto(bridge.url);
});

afterEach(async (ctx) => {
  // a failing step leaves a picture of what the clerk would have seen
  if (ctx.task.result?.state === 'fail') await recordFailure(page, `${ctx.task.name}`);
});

afterAll(async () => {
  await browser?.close();
  await bridge?.close();
});

describe('a clerk’s quarter', () => {
  it('first run: the welcome dialog, then the roster imported from Excel with a checked preview', async () => {
    await page.getByText('欢迎使用政务信息计分通报').waitFor();
    await shot('00-首次运行');
    await page.getByRole('button', { name: '从 Excel 导入名单或旧台账' }).click();
    bridge.answerDialogs([join(dir, '单位名单.xlsx')]);
    await page.getByTestId('import-workbook').click();
    await page.getByText('检查通过，可以导入').waitFor();
    await expect(page.getByText('单位：新增 57，修改 0，未变 0').count()).resolves.toBe(1);
    await shot('10-数据-导入预览');
    await page.getByTestId('confirm-import').click();
    await page.getByText('导入完成').waitFor();
    await page.getByRole('button', { name: '关闭' }).click();
    await go('单位名单');
    await page.getByText('共 57 个单位').waitFor();
    await shot('09-单位名单');
  });

  it('enters five items by keyboard only: unit by pinyin, Tab, Enter saves and keeps unit and date', async () => {
    await go('信息登记');
    const unit = page.locator('#entry-unit');
    await unit.focus();
    await page.keyboard.type('fc');
    await optionReady('凤城街道');
    await page.keyboard.press('Enter'); // picking the unit moves the focus to the date, its text selected
    await page.waitForFunction(() => document.activeElement?.id === 'entry-date');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('entry-date');
    await page.keyboard.type('2019/5/6');
    for (let i = 1; i <= 5; i++) {
      if (i === 1) await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('entry-title');
      await page.keyboard.type(`凤城街道推进第${i}批重点项目建设情况${'甲乙丙丁戊'[i - 1]}`);
      if (i === 1) {
        await page.keyboard.press('Tab');
        await page.keyboard.press('Space'); // 调研
        await page.keyboard.press('Tab');
        await page.keyboard.press('Space'); // 专报
        await page.keyboard.press('Tab');
        await page.keyboard.type('张三');
      }
      await page.keyboard.press('Enter');
      if (i > 1) {
        // items 2–5 look like item 1: the first Enter only warns, the second saves
        await page.getByText('确认不是重复报送，再按一次回车保存：').waitFor();
        await page.keyboard.press('Enter');
      }
      await toast(/已保存：X2019-0000/);
      await page.waitForFunction(() => (document.getElementById('entry-title') as HTMLInputElement | null)?.value === '');
    }
    // unit and date were kept for the next item
    await expect(page.locator('#entry-date').inputValue()).resolves.toBe('2019/5/6');
    // (the unit picker is the form's first select; 合报单位 is another)
    await expect(page.locator('[data-testid=entry-form] .ant-select-content').first().getAttribute('title')).resolves.toBe('凤城街道');
    // Esc clears the form
    await page.locator('#entry-title').focus();
    await page.keyboard.type('写了一半的标题');
    await page.keyboard.press('Escape');
    await expect(page.locator('#entry-title').inputValue()).resolves.toBe('');
    await page.getByText('共 5 条').waitFor({ state: 'detached' }).catch(() => undefined);
  });

  it('warns of a similar title of the same unit in the last 60 days', async () => {
    await pick('#entry-unit', 'fc', '凤城街道');
    await page.locator('#entry-date').fill('2019-05-08');
    await page.locator('#entry-title').fill('凤城街道推进第1批重点项目建设情况甲');
    await page.getByText('该单位近 60 天有相似标题的信息').waitFor();
    await shot('02-信息登记-相似标题提示');
    await page.locator('#entry-title').press('Escape');
  });

  it('pastes twenty rows copied from Excel into a checked preview and saves them', async () => {
    await page.getByRole('button', { name: '粘贴多行…' }).click();
    const units = ['张家洼街道', '区发展改革局', '莱芜区财政局', '区医保局', '区审计局'];
    const rows = ['序号\t报送日期\t报送单位\t信息标题\t类型\t作者'];
    for (let i = 0; i < 20; i++) rows.push(`${i + 1}\t2019年${4 + (i % 3)}月${10 + i}日\t${units[i % 5]}\t关于第${i + 1}项重点工作进展情况的报告\t${i % 4 === 0 ? '调研' : '一般'}\t李四`);
    await page.locator('#paste-area').fill(rows.join('\n'));
    await page.getByText('可保存 20 行').waitFor();
    await shot('03-信息登记-粘贴预览');
    await page.locator('#paste-save').click();
    await toast('已保存 20 条信息');
    // the list shows the current month (July): clear the month filter to see the quarter's 25 items
    await page.locator('.ant-picker').first().hover();
    await page.locator('.ant-picker-clear').first().click();
    await page.locator('[data-testid=item-list]').getByText('共 25 条').waitFor();
    await shot('01-信息登记');
  });

  it('records an issue of 《莱芜政务信息》 with two items, a city adoption and a 批示', async () => {
    await go('采用与批示');
    await page.locator('#issue-no').fill('第15期');
    await typeDate('#issue-date', '2019-05-20');
    for (const q of ['第1批', '第2批']) {
      await pick('#issue-item', q);
    }
    await page.locator('#issue-save').click();
    await toast('已登记 2 条采用');
    // the city adoption: 《济南政务信息》 单篇
    await pick('#issue-publication', '济南政务信息');
    await typeDate('#issue-date', '2019-06-03');
    await pick('#issue-item', '第1批');
    await page.locator('#issue-save').click();
    await toast('已登记 1 条采用');
    // a ★★ 批示 on the item
    await pick('#instruction-item', '第2批');
    await pick('#instruction-level', '市', '市 ★★');
    await typeDate('#instruction-date', '2019-06-10');
    await page.locator('#instruction-save').click();
    await toast('已登记批示');
    await shot('04-采用与批示');
    // the item shows all its records, its best adoption and the points that count
    await page.locator('.item-row').filter({ hasText: '第1批' }).click();
    await page.getByText('不重复计分').waitFor();
    await shot('04b-信息详情');
    await page.keyboard.press('Escape');
  });

  it('issues a 约稿 to two units and marks one of them missed', async () => {
    await go('约稿');
    await page.locator('#request-new').click();
    await page.locator('#request-topic').fill('上半年经济运行亮点');
    await typeDate('#request-issued', '2019-06-01');
    await typeDate('#request-deadline', '2019-06-20');
    await pick('#request-unit', 'fc', '凤城街道');
    await pick('#request-unit', 'zjw', '张家洼街道');
    await page.locator('#request-save').click();
    await toast('已建立约稿');
    const outcome = async (unit: string, label: string): Promise<void> => {
      await page.getByTestId(`outcome-${unit}`).locator('.ant-select').click();
      await page.locator('.ant-select-item-option:visible').filter({ hasText: new RegExp(`^${label}$`) }).last().click();
      await page.getByTestId(`outcome-${unit}`).locator(`.ant-select-content[title="${label}"]`).waitFor();
      // the next select opens only once this one's dropdown has closed
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });
      await settled();
    };
    await outcome('凤城街道', '已完成');
    await outcome('张家洼街道', '未完成');
    await page.getByText('完成1 说明0 未完成1 待报0').waitFor();
    await shot('05-约稿');
  });

  it('the 计分 page shows the engine’s numbers for every unit of 2019Q2', async () => {
    await go('加减分');
    await shot('06-加减分');
    await go('计分');
    await page.getByText('计分规则：莱芜区2019').waitFor();
    // early July: the page opens on the quarter just ended
    await page.getByText('第二季度').first().waitFor();
    const engine = allUnitScores(periodScores(bridge.db()!, periodOf('2019Q2'), TODAY));
    expect(engine).toHaveLength(57);
    for (const u of engine) {
      const row = page.locator('tr').filter({ has: page.getByTestId(`score-unit-${u.unitName}`) });
      await expect(row.getByTestId('score-total').textContent(), u.unitName).resolves.toBe(String(u.total));
    }
    const fc = engine.find((u) => u.unitName === '凤城街道')!;
    // 5 May items (one 调研+专报): May −30 shortfall; April and June empty: −40 each; floored to 0;
    // adoptions 《莱芜政务信息》 10 then 《济南政务信息》 20 (gain 10) and 10; ★★ 40; the 约稿 was done.
    expect(fc.adoption).toBe(30);
    expect(fc.instruction).toBe(40);
    // 张家洼街道 missed the 市政府办公厅 约稿: −20 after the floor, so its quarter ends at −20
    expect(engine.find((u) => u.unitName === '张家洼街道')!.total).toBe(-20);
    await shot('07-计分');
    await page.getByTestId('score-unit-凤城街道').click();
    await page.getByText('得分明细：凤城街道').waitFor();
    await shot('07b-得分明细');
    await page.keyboard.press('Escape');
  });

  it('exports the workbook, the circular and the SMS list, which exist and parse', async () => {
    await go('通报');
    await page.getByTestId('circular-preview').waitFor();
    await shot('08-通报');
    const out = join(dir, 'out');
    mkdirSync(out);
    bridge.answerDialogs([out]);
    await page.locator('#export-report').click();
    // 联系人 is still （请填写）: the clerk is told before export, and exports anyway
    await page.locator('.ant-modal-confirm-title').filter({ hasText: '联系人还没有填写' }).waitFor();
    await page.getByRole('button', { name: '仍然导出' }).click();
    await page.locator('.ant-modal-confirm-title').filter({ hasText: '已生成' }).waitFor();
    const files = readdirSync(out);
    expect(files.sort()).toEqual(['2019年第二季度政务信息得分短信.txt', '2019年第二季度政务信息计分表.xlsx', '关于2019年第二季度全区政务信息报送采用情况的通报（稿）.docx'].sort());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, '2019年第二季度政务信息计分表.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['计分排名', '采用明细', '约稿情况', '提示']);
    const doc = await (await JSZip.loadAsync(readFileSync(join(out, '关于2019年第二季度全区政务信息报送采用情况的通报（稿）.docx')))).file('word/document.xml')!.async('string');
    expect(doc).toContain('二、通报表扬');
    expect(doc).toContain('凤城街道');
    // 打开所在文件夹 shows the folder with the workbook selected
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '打开所在文件夹' }).click();
    await expect.poll(() => bridge.shown()).toEqual([join(out, '2019年第二季度政务信息计分表.xlsx')]);
    await page.getByRole('button', { name: /知道了|OK|确定/ }).click();
  });

  it('rewrites 存在问题 and sets the 文号; both are still there after leaving the page, and in the export', async () => {
    await go('通报');
    const problems = page.getByTestId('section-problems');
    await problems.getByRole('button', { name: '改写' }).click();
    await problems.getByRole('textbox').fill('个别单位报送不及时。\n请对照通报逐项整改。');
    await problems.getByRole('button', { name: '保存改写' }).click();
    await problems.getByText('已改写').waitFor();
    await page.locator('#circular-docno').fill('12');
    await page.locator('#circular-docno').blur();
    await expect.poll(() => (bridge.db()!.prepare("SELECT doc_no AS d FROM circular_issues WHERE period = '2019Q2'").get() as { d: string } | undefined)?.d).toBe('12');
    await shot('08-通报-改写');
    await go('首页');
    await go('通报');
    await page.getByTestId('section-problems').getByText('请对照通报逐项整改。').waitFor();
    expect(await page.locator('#circular-docno').inputValue()).toBe('12');
    const out = join(dir, 'out-rewritten');
    mkdirSync(out);
    bridge.answerDialogs([out]);
    await page.locator('#export-report').click();
    await page.getByRole('button', { name: '仍然导出' }).click();
    await page.locator('.ant-modal-confirm-title').filter({ hasText: '已生成' }).waitFor();
    await page.getByRole('button', { name: /知道了|OK|确定/ }).click();
    const doc = await (await JSZip.loadAsync(readFileSync(join(out, '关于2019年第二季度全区政务信息报送采用情况的通报（稿）.docx')))).file('word/document.xml')!.async('string');
    expect(doc).toContain('请对照通报逐项整改。');
    expect(doc).toContain('莱芜政办字〔2019〕12号');
  });

  it('deletes an item, finds it in the recycle bin, restores it, and sees both in the 修改记录', async () => {
    await go('信息登记');
    await page.locator('.ant-picker').first().hover();
    await page.locator('.ant-picker-clear').first().click();
    await page.locator('.item-row').filter({ hasText: '关于第7项重点工作' }).click();
    await page.getByRole('button', { name: '删除信息' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.locator('[data-testid=item-list]').getByText('共 24 条').waitFor();
    await go('操作记录');
    await page.getByRole('tab', { name: '回收站' }).click();
    const row = page.locator('tr.ant-table-row:visible').filter({ hasText: '关于第7项重点工作' });
    await row.waitFor();
    await shot('12-操作记录-回收站');
    await row.getByRole('button', { name: '恢复' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await toast('已恢复 1 条记录');
    await page.getByText('回收站是空的').waitFor();
    expect((bridge.db()!.prepare('SELECT count(*) AS n FROM items WHERE deleted_at IS NULL').get() as { n: number }).n).toBe(25);
    await page.getByRole('tab', { name: '修改记录' }).click();
    await page.locator('#audit-entity').click();
    await page.locator('.ant-select-item-option:visible').filter({ hasText: /^信息$/ }).click();
    await page.locator('#audit-text').fill('第7项');
    await page.locator('#audit-text').press('Enter');
    await page.getByText('共 3 条', { exact: true }).locator('visible=true').waitFor(); // created by paste, deleted, restored
    for (const action of ['新增', '删除', '恢复']) await page.locator('.ant-table-row:visible .ant-tag').filter({ hasText: new RegExp(`^${action}$`) }).first().waitFor();
    await shot('12-操作记录');
  });

  it('locks the quarter, after which entering an item of that quarter is refused with the quarter named', async () => {
    await go('通报');
    await page.getByRole('button', { name: '锁定季度' }).click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: /^锁\s*定$/ }).click();
    await page.getByText('已锁定').waitFor();
    // the files the quarter went out with are kept with it
    await page.getByTestId('kept-documents').getByText('关于2019年第二季度全区政务信息报送采用情况的通报（稿）.docx').waitFor();
    await shot('08-通报-已锁定');
    await go('信息登记');
    await pick('#entry-unit', 'fc', '凤城街道');
    await page.locator('#entry-date').fill('2019-05-09');
    await page.locator('#entry-title').fill('锁定后补报的信息');
    await page.locator('#entry-title').press('Enter');
    await page.locator('.ant-message-notice').filter({ hasText: '2019年第二季度已通报并锁定' }).waitFor();
    await shot('13-锁定季度拒绝补报');
  });

  it('screenshots the remaining pages', async () => {
    await go('首页');
    await page.locator('canvas').first().waitFor();
    await shot('00-首页');
    await go('规则设置');
    await page.getByText('使用本规则集计分的季度').waitFor();
    await shot('11-规则设置');
    await go('数据');
    await shot('10-数据');
  });
});
