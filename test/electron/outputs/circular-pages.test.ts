// The circular as printed: rendered by LibreOffice and read back page by page. Whatever the length of the text, the
// 版记 stands at the foot of the last page and that page is even; a blank page comes before it only when the text
// ends on an even page without room, and then neither page is numbered; each attachment begins at the top of a page.
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Db } from '../../../electron/db/database';
import { periodOf } from '../../../electron/services/scores';
import { writeReports } from '../../../electron/services/report';
import { readSettings, writeSettings } from '../../../electron/store/settings';
import { DEFAULT_TEMPLATES } from '../../../shared/settings';
import { runCli, tempDir } from '../../helpers/cli';
import { writeLedgerWorkbook } from '../../helpers/ledger-fixture';
import { pdfPages, renderPdf, type PdfPage } from '../../helpers/render-pdf';

const hasSoffice = spawnSync('which', ['soffice']).status === 0 && spawnSync('which', ['pdftotext']).status === 0;
const dir = tempDir();
const AS_OF = '2019-07-10';
let db: Db;

beforeAll(async () => {
  const ledger = join(dir, 'ledger.xlsx');
  await writeLedgerWorkbook(ledger);
  expect(runCli(['import', ledger, '--db', join(dir, 'zwxx.db')]).code).toBe(0);
  db = openDatabase(join(dir, 'zwxx.db'));
});
afterAll(() => closeDatabase(db));

const PAGE_NUMBER = /^— \d+ —$/;
/** the lowest line of the body on a page (22 lines from 111 pt): its top is at about 719 pt */
const LAST_LINE_TOP = 719;

/** Writes the 2019Q2 circular with `extra` one-line paragraphs of 下一步要求 and the given attachments; its pages. */
async function circularPages(name: string, extra: number, attachments: ('ranking' | 'adoptions' | 'zeroReport')[]): Promise<PdfPage[]> {
  const s = readSettings(db);
  const more = Array.from({ length: extra }, (_, i) => `第${i + 1}项要求，各单位抓好落实。`);
  writeSettings(db, { ...s, attachments, templates: { ...s.templates, nextSteps: [DEFAULT_TEMPLATES.nextSteps, ...more].join('\n') } }, 'test');
  const out = join(dir, name);
  mkdirSync(out, { recursive: true });
  const files = await writeReports(db, periodOf('2019Q2'), out, AS_OF);
  return pdfPages(renderPdf(files.circular!, out));
}

type Case = 'same-page' | 'next-page' | 'after-blank';

const bodyLines = (p: PdfPage) => p.lines.filter((l) => !PAGE_NUMBER.test(l.text.trim()));
const numbered = (p: PdfPage) => p.lines.some((l) => PAGE_NUMBER.test(l.text.trim()));

/** The page facts GB/T 9704 asks of the 版记, checked on the rendered pages; which placement it was. */
function checkColophon(pages: PdfPage[]): Case {
  const n = pages.length;
  const last = pages[n - 1]!;
  expect(n % 2, `${n} pages`).toBe(0);
  expect(pages.filter((p) => p.text.includes('抄送：'))).toHaveLength(1);
  const printed = last.lines.find((l) => l.text.includes('印发'));
  expect(printed, 'the 版记 is on the last page').toBeDefined();
  expect(printed!.top).toBeGreaterThan(LAST_LINE_TOP - 15);
  // no page is empty but the one a blank page must be
  const blanks = pages.filter((p) => bodyLines(p).length === 0).map((p) => p.number);
  const alone = bodyLines(last).every((l) => /抄送|印发|办公室/.test(l.text));
  if (!alone) {
    expect(blanks).toEqual([]);
    return 'same-page';
  }
  const before = pages[n - 2]!;
  if (bodyLines(before).length > 0) {
    // the text ended on an odd page: the 版记 page follows, numbered
    expect(blanks).toEqual([]);
    expect(before.number % 2).toBe(1);
    expect(numbered(last)).toBe(true);
    return 'next-page';
  }
  expect(blanks).toEqual([n - 1]);
  // the text ended on an even page without room for the 版记: a blank page, then the 版记; neither numbered
  const text = pages[n - 3]!;
  expect(text.number % 2).toBe(0);
  const lowest = Math.max(...bodyLines(text).map((l) => l.top));
  expect(lowest, 'no room left on the text’s last page').toBeGreaterThan(LAST_LINE_TOP - 2 * 29 - 5);
  expect(numbered(before)).toBe(false);
  expect(numbered(last)).toBe(false);
  return 'after-blank';
}

describe.runIf(hasSoffice || process.env.CI === 'true')('the printed circular (LibreOffice)', () => {
  it('keeps the 版记 at the foot of the last, even page for texts ending on odd and on even pages', async () => {
    const seen = new Set<Case>();
    for (const extra of [0, 12, 14, 29, 31, 32, 34]) {
      const pages = await circularPages(`plain-${extra}`, extra, []);
      seen.add(checkColophon(pages));
    }
    expect([...seen].sort()).toEqual(['after-blank', 'next-page', 'same-page']);
  }, 240_000);

  it('starts each attachment at the top of a page and still ends on the 版记 page', async () => {
    for (const extra of [0, 20]) {
      const pages = await circularPages(`attached-${extra}`, extra, ['ranking', 'adoptions', 'zeroReport']);
      checkColophon(pages);
      for (const label of ['附件 1', '附件 2', '附件 3']) {
        const page = pages.find((p) => bodyLines(p).some((l) => l.text.trim() === label));
        expect(page, label).toBeDefined();
        expect(bodyLines(page!)[0]!.text.trim()).toBe(label);
      }
      const catalogue = pages.find((p) => p.text.includes('政务信息采用目录') && bodyLines(p)[0]!.text.trim() === '附件 2')!;
      for (const h of ['刊物', '期号', '信息标题', '单位', '采用日期', '得分']) expect(catalogue.text).toContain(h);
    }
    expect(readdirSync(join(dir, 'attached-0')).some((f) => f.endsWith('.pdf'))).toBe(true);
  }, 120_000);
});
