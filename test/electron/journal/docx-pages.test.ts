// The issue as printed: rendered by LibreOffice and read back page by page. However long the text, the 报尾 stands
// at the foot of the last page, under the end of the text, and never on a page of its own; pages keep their numbers.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Db } from '../../../electron/db/database';
import { exportIssue, saveDraft } from '../../../electron/services/journal';
import { createItem, saveUnit } from '../../../electron/services/ledger';
import { readSettings, writeSettings } from '../../../electron/services/settings';
import { tempDir } from '../../helpers/cli';
import { pdfPages, renderPdfs, type PdfLine, type PdfPage } from '../../helpers/render-pdf';

const hasSoffice = spawnSync('which', ['soffice']).status === 0 && spawnSync('which', ['pdftotext']).status === 0;
const dir = tempDir();
const RENDERS = resolve(__dirname, '../../../test-output/renders');
let db: Db;
let unitId = 0;

const PAGE_NUMBER = /^— \d+ —$/;
/** one body line of 三号 仿宋 (a paragraph of it takes one line) */
const LINE = '区财政局坚持问题导向，推出一批便民举措，成效明显。';

beforeAll(() => {
  db = openDatabase(join(dir, 'zwxx.db'));
  unitId = saveUnit(db, { name: '区财政局', group: 'dept1', aliases: [], contact: '', phone: '', activeFrom: null, activeUntil: null, note: '' }, '测试').id;
  const s = readSettings(db);
  writeSettings(
    db,
    {
      ...s,
      journal: {
        ...s.journal,
        // a 报 line long enough to wrap: the box must hold it
        reportTo: '市委办公厅，市政府办公厅，区委常委，区人大常委会、区政府、区政协主要负责同志，区委、区政府各分管负责同志',
        sendTo: '区委办公室，区人大常委会办公室，区政协办公室',
        distributeTo: '各镇、街道，区直各部门、单位',
        responsibleEditor: '王五',
        signer: '李四',
        copies: 120,
      },
    },
    '测试',
  );
});
afterAll(() => closeDatabase(db));

/** A draft of one article of `lines` body paragraphs, exported; its file. */
async function issueOf(name: string, lines: number): Promise<string> {
  const body = Array.from({ length: lines }, (_, i) => `${i + 1}.${LINE}`).join('\n');
  const item = createItem(db, { unitId, date: '2019-06-10', title: `区财政局优化营商环境（${name}）`, kinds: [], authors: [], note: '', body }, '测试');
  const id = saveDraft(
    db,
    undefined,
    { publication: '莱芜政务信息', date: '2019-06-20', editorNote: '', sections: [{ name: '工作动态', entries: [{ itemIds: [item], form: 'single', title: '', body: '', editorNote: '' }] }] },
    '测试',
  );
  const file = join(dir, `${name}.docx`);
  await exportIssue(db, id, file);
  return file;
}

const isNumber = (l: PdfLine) => PAGE_NUMBER.test(l.text.trim());
/** The 报尾's lines on a page: from its “报：” line down (a long 报 line wraps), the page number aside. */
function colophonOf(p: PdfPage): PdfLine[] {
  const start = p.lines.find((l) => l.text.trim().startsWith('报：'));
  return start ? p.lines.filter((l) => l.top >= start.top && !isNumber(l)) : [];
}
const textLines = (p: PdfPage) => {
  const c = colophonOf(p);
  return p.lines.filter((l) => !isNumber(l) && !c.includes(l));
};

/** What the page facts say about the 报尾 of an issue; fails the test where one does not hold. */
function checkColophon(name: string, pages: PdfPage[]): void {
  const last = pages[pages.length - 1]!;
  const where = pages.filter((p) => colophonOf(p).length > 0).map((p) => p.number);
  expect(where, `${name}: the 报尾 is on the last page only`).toEqual([last.number]);
  const colophon = colophonOf(last);
  const text = colophon.map((l) => l.text.replace(/\s/g, '')).join('');
  for (const part of ['报：市委办公厅', '负责同志送：区委办公室', '发：各镇、街道', '责任编辑：王五', '签发：李四', '（共印120份）'])
    expect(text, `${name}: the 报尾 holds ${part}`).toContain(part);
  // under the end of the text, at the foot of the type area (which ends 99 pt above the page's foot)
  const body = textLines(last);
  expect(body.length, `${name}: the last page holds text besides the 报尾`).toBeGreaterThan(0);
  expect(Math.max(...body.map((l) => l.top)), `${name}: the text ends above the 报尾`).toBeLessThan(Math.min(...colophon.map((l) => l.top)));
  const foot = last.height - 99;
  expect(Math.max(...colophon.map((l) => l.top)), `${name}: the 报尾's last line at the foot`).toBeGreaterThan(foot - 30);
  expect(Math.min(...colophon.map((l) => l.top)), `${name}: the 报尾 in the lower part of the page`).toBeGreaterThan(last.height * 0.6);
  // no page without text; every page numbered
  for (const p of pages) {
    expect(textLines(p).length, `${name}: page ${p.number} holds text`).toBeGreaterThan(0);
    expect(p.lines.some(isNumber), `${name}: page ${p.number} numbered`).toBe(true);
  }
}

describe.skipIf(!hasSoffice)('the 报尾 at the foot of the last page', () => {
  const cases: { name: string; lines: number }[] = [
    { name: '一页', lines: 4 },
    { name: '三页', lines: 50 },
    // the text's end walks down the first page to its foot and over onto the second
    ...Array.from({ length: 12 }, (_, i) => ({ name: `第一页末-${i + 8}`, lines: i + 8 })),
  ];
  let pages: Map<string, PdfPage[]>;

  beforeAll(async () => {
    const files: string[] = [];
    for (const c of cases) files.push(await issueOf(c.name, c.lines));
    const pdfs = renderPdfs(files, dir);
    pages = new Map(cases.map((c, i) => [c.name, pdfPages(pdfs[i]!)]));
    // the pictures of a one-page and a three-page issue, to be looked at
    mkdirSync(RENDERS, { recursive: true });
    for (const [i, c] of cases.entries())
      if (c.name === '一页' || c.name === '三页') {
        copyFileSync(pdfs[i]!, join(RENDERS, `刊物-${c.name}.pdf`));
        spawnSync('pdftoppm', ['-png', '-r', '60', pdfs[i]!, join(RENDERS, `刊物-${c.name}`)]);
      }
  }, 300_000);

  it('a one-page issue: the 报尾 at the foot of page 1, under the text', () => {
    const p = pages.get('一页')!;
    expect(p).toHaveLength(1);
    checkColophon('一页', p);
  });

  it('a three-page issue: the 报尾 at the foot of page 3', () => {
    const p = pages.get('三页')!;
    expect(p).toHaveLength(3);
    checkColophon('三页', p);
  });

  it('wherever the text ends on a page, the 报尾 goes with the last lines, never alone', () => {
    const seen = new Set<number>();
    for (const c of cases.filter((x) => x.name.startsWith('第一页末'))) {
      const p = pages.get(c.name)!;
      checkColophon(c.name, p);
      seen.add(p.length);
    }
    // the sweep did reach the case where the 报尾 has no room under the text on page 1
    expect([...seen].sort()).toEqual([1, 2]);
  });
});
