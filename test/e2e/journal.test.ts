// 编刊 in the real UI (built renderer, real services and SQLite over the loopback bridge, Debian's Chromium): a clerk
// receives two .docx submissions from a folder, composes an issue from the candidate list with the keyboard, exports
// it, publishes it and sees the adoptions recorded; screenshots at 1366×768 and 1024×768.
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, go, settledShots, startApp, toast, type App } from './harness';

const THIRD = '区审计局召开审计整改推进会';
let app: App;
let page: Page;
const shots = (name: string) => settledShots(page, '刊物', name);

async function submission(file: string, title: string, unit: string, body: string): Promise<void> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: title, bold: true, size: 44 })] }),
          new Paragraph({ children: [new TextRun({ text: `报送单位：${unit}` })] }),
          new Paragraph({ children: [new TextRun({ text: body })] }),
          new Paragraph({ children: [new TextRun({ text: '2019年6月12日' })] }),
        ],
      },
    ],
  });
  writeFileSync(file, await Packer.toBuffer(doc));
}

beforeAll(async () => {
  app = await startApp({
    prefix: 'zwxx-e2e-journal-',
    today: '2019-06-20',
    seed: async (rpc) => {
      for (const [name, group] of [
        ['区财政局', 'dept1'],
        ['凤城街道', 'town'],
        ['区审计局', 'dept2'],
      ] as const)
        await rpc('units:save', { name, group, aliases: [], contact: '', phone: '', activeFrom: null, activeUntil: null, note: '' });
      // a third item, entered earlier with its 正文 on the 信息登记 page
      const audit = (await rpc('units:list', {})).find((u) => u.name === '区审计局')!.id;
      await rpc('items:create', { unitId: audit, date: '2019-06-11', title: THIRD, kinds: [], authors: [], note: '', body: '区审计局近日召开审计整改推进会，部署下半年工作。' });
    },
  });
  page = app.page;
  const inbox = join(app.dir, '收稿');
  mkdirSync(inbox);
  await submission(join(inbox, '财政.docx'), '区财政局多措并举优化营商环境', '区财政局', '今年以来，区财政局坚持问题导向，推出一批便民举措。');
  await submission(join(inbox, '凤城.docx'), '凤城街道开展安全生产大检查', '凤城街道', '凤城街道近日组织开展安全生产大检查，排查隐患23处。');
}, 120_000);

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && page) await page.screenshot({ path: join(SHOTS, `失败-刊物-${ctx.task.name.slice(0, 30)}.png`) });
});

afterAll(async () => {
  await app?.close();
});

describe('编刊 by keyboard', () => {
  it('receives two .docx files from a folder', async () => {
    await go(page, '刊物');
    app.bridge.answerDialogs([join(app.dir, '收稿')]);
    await page.locator('#journal-receive').focus();
    await page.keyboard.press('Enter');
    await page.locator('#receive-folder').waitFor();
    await page.locator('#receive-folder').focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('标题：财政.docx').waitFor();
    expect(await page.getByLabel('标题：财政.docx').inputValue()).toBe('区财政局多措并举优化营商环境');
    expect(await page.getByLabel('日期：凤城.docx').inputValue()).toBe('2019-06-12');
    await shots('01-收稿预览');
    await page.locator('#receive-ok').focus();
    await page.keyboard.press('Enter');
    await toast(page, '已收稿 2 篇');
  });

  it('sets the 报尾 in 刊物设置 by keyboard, keeping the other settings', async () => {
    const before = await app.rpc('settings:get', {});
    await page.locator('#journal-settings').focus();
    await page.keyboard.press('Enter');
    const editor = page.getByLabel('责任编辑');
    await editor.waitFor();
    await editor.focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('王五');
    // Enter goes on to the next field, as in every form
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === '签发');
    await page.getByLabel('印数').focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('120');
    await shots('02-刊物设置');
    await page.keyboard.press('Control+Enter');
    await toast(page, '已保存刊物设置');
    const after = await app.rpc('settings:get', {});
    expect(after.journal).toMatchObject({ responsibleEditor: '王五', copies: 120 });
    expect({ ...after, journal: before.journal }).toEqual(before);
  });

  it('composes a draft from the candidates: add, move, change the form; a 简讯 stands under 【简讯】', async () => {
    await page.locator('#journal-new').focus();
    await page.keyboard.press('Enter');
    await toast(page, '已新建一期草稿');
    const first = page.locator('[data-candidates] .ant-table-row').first();
    await first.waitFor();
    // the newest first: both received from 2019-06-12; add the first, then the next one (the keyboard stays in the list)
    await first.focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-entry="0-0"]').waitFor();
    await page.waitForFunction(() => document.activeElement?.matches('[data-candidates] .ant-table-row'));
    await page.keyboard.press('Enter');
    await page.locator('[data-entry="0-1"]').waitFor();
    const titles = async () => page.locator('.journal-entry').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    const before = await titles();
    await page.locator('[data-entry="0-1"]').focus();
    await page.keyboard.press('Alt+ArrowUp');
    await page.waitForFunction((t) => document.querySelector('[data-entry="0-0"]')?.getAttribute('aria-label')?.endsWith(t), before[1]!.slice(3));
    const moved = before[0]!.slice(3);
    // F on the entry now second: it becomes a 简讯 and goes to 【简讯】 (the fourth 栏目), the keyboard with it
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-entry') === '0-0');
    await page.locator('[data-entry="0-1"]').focus();
    await page.keyboard.press('f');
    await toast(page, '已改为简讯，移到【简讯】栏目末尾');
    await page.waitForFunction((t) => document.activeElement?.getAttribute('data-entry') === '3-0' && document.activeElement.getAttribute('aria-label')!.endsWith(t), moved);
    await page.locator('[data-entry="3-0"]', { hasText: '简讯' }).waitFor();
    await expect(page.locator('.journal-entry').count()).resolves.toBe(2);
    // 【简讯】 made the 栏目 the candidates go into, by Enter on its heading: the third item goes in as a 简讯
    await page.locator('[data-section="简讯"]').focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-section="简讯"]', { hasText: '候选稿件加入这里' }).waitFor();
    const third = page.locator('[data-candidates] .ant-table-row', { hasText: THIRD });
    await third.focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-entry="3-1"]', { hasText: '简讯' }).filter({ hasText: THIRD }).waitFor();
    await shots('03-编刊');
    // F on it again: a 单篇, back at the end of 【工作动态】
    await page.locator('[data-entry="3-1"]').focus();
    await page.keyboard.press('f');
    await page.waitForFunction((t) => document.activeElement?.getAttribute('data-entry') === '0-1' && document.activeElement.getAttribute('aria-label')!.endsWith(t), THIRD);
    await page.locator('[data-entry="0-1"]', { hasText: '单篇' }).waitFor();
    const issue = (await app.rpc('journal:list', {}))[0]!;
    const detail = await app.rpc('journal:get', { id: issue.id });
    expect(detail.sections.map((s) => `${s.name}:${s.entries.map((e) => e.form).join(',')}`)).toEqual(['工作动态:single,single', '经验交流:', '问题反映:', '简讯:brief']);
  });

  it('edits the printed copy beside the submitted text', async () => {
    await page.locator('[data-entry="0-0"]').focus();
    await page.keyboard.press('Enter');
    const body = page.getByLabel('刊用正文');
    await body.waitFor();
    // the title first, Tab to the text
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === '刊用标题');
    await shots('04-编辑稿件');
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === '刊用正文');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('（编辑加的一句。）');
    await page.keyboard.press('Control+Enter');
    await page.getByLabel('刊用正文').waitFor({ state: 'detached' });
    await page.locator('[data-entry="0-0"]', { hasText: '已编辑' }).waitFor();
    // the keyboard is back on the entry
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-entry') === '0-0');
  });

  it('exports the issue and publishes it with the keyboard', async () => {
    const file = join(app.dir, '样稿.docx');
    app.bridge.answerDialogs([file]);
    await page.locator('#journal-export').focus();
    await page.keyboard.press('Enter');
    await toast(page, '已生成 Word 文件');
    expect(existsSync(file)).toBe(true);
    // what the file says, in order: the masthead, 【工作动态】 with its two articles, then 【简讯】 with the 简讯, the 报尾
    const xml = await (await JSZip.loadAsync(readFileSync(file))).file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    const detail = await app.rpc('journal:get', { id: (await app.rpc('journal:list', {}))[0]!.id });
    const [a, b] = detail.sections[0]!.entries.map((e) => e.printedTitle);
    const brief = detail.sections[3]!.entries[0]!.printedTitle;
    let at = 0;
    for (const part of ['莱芜政务信息', '【工作动态】', a!, '（编辑加的一句。）', b!, '【简讯】', brief, '责任编辑：王五', '（共印120份）']) {
      const i = text.indexOf(part, at);
      expect(i, part).toBeGreaterThanOrEqual(at);
      at = i + part.length;
    }
    await page.locator('#journal-publish').focus();
    await page.keyboard.press('Enter');
    await page.locator('#journal-publish-ok').waitFor();
    await shots('05-定版预览');
    await page.locator('#journal-publish-ok').focus();
    await page.keyboard.press('Enter');
    await toast(page, '已定版：第1期（总第1期）');
    await page.getByText('本期登记的采用').waitFor();
    await shots('06-已定版');
    const issues = await app.rpc('journal:list', {});
    expect(issues).toMatchObject([{ state: 'published', label: '第1期（总第1期）', entries: 3 }]);
    const published = await app.rpc('journal:get', { id: issues[0]!.id });
    expect(published.adoptions.map((x) => x.form).sort()).toEqual(['brief', 'single', 'single']);
  });
});
