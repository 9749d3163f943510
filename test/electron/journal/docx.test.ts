// The issue as .docx: the spec's page, masthead, 期号, contents, titles in order, 报尾 and fonts, read back from the
// file and from LibreOffice's rendering of it.
import { execFileSync } from 'node:child_process';
import JSZip from 'jszip';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Db } from '../../../electron/db/database';
import { createItem, saveUnit } from '../../../electron/services/ledger';
import { exportIssue, publishIssue, saveDraft } from '../../../electron/services/journal';
import { readSettings, writeSettings } from '../../../electron/services/settings';
import { tempDir } from '../../helpers/cli';
import { pdfPages, renderPdf, type PdfPage } from '../../helpers/render-pdf';

const dir = tempDir();
let db: Db;
const ids: Record<string, number> = {};

const BODY = '今年以来，我局坚持问题导向，聚焦群众关切，推出一批便民举措，取得明显成效。\n一是优化流程。将审批时限压缩一半，实现“一次办好”。\n二是强化服务。开展上门服务120余次，惠及群众3000余人。';

beforeAll(() => {
  db = openDatabase(join(dir, 'zwxx.db'));
  const unit = (name: string, group: string) => saveUnit(db, { name, group, aliases: [], contact: '', phone: '', activeFrom: null, activeUntil: null, note: '' }, '测试').id;
  const units = { 财政: unit('区财政局', 'dept1'), 审计: unit('区审计局', 'dept2'), 凤城: unit('凤城街道', 'town'), 张家洼: unit('张家洼街道', 'town') };
  const item = (key: string, unitId: number, title: string, body = BODY) =>
    (ids[key] = createItem(db, { unitId, date: '2019-06-10', title, kinds: [], authors: [], note: '', body }, '测试'));
  item('a', units.财政, '区财政局多措并举优化营商环境');
  item('b', units.审计, '区审计局扎实开展审计整改“回头看”');
  item('c', units.凤城, '凤城街道推进老旧小区改造');
  item('d', units.张家洼, '张家洼街道加快产业项目建设');
  item('e', units.凤城, '凤城街道开展安全生产大检查', '凤城街道近日组织开展安全生产大检查，排查隐患23处，已全部整改。');
  const s = readSettings(db);
  writeSettings(db, { ...s, journal: { ...s.journal, responsibleEditor: '王五', signer: '李四', copies: 120, startYear: 2019, startNo: 56, startTotalNo: 1234 } }, '测试');
});

describe('an issue as .docx', () => {
  let xml = '';
  let pdfText = '';
  let pages: PdfPage[] = [];
  const file = join(dir, '莱芜政务信息.docx');

  beforeAll(async () => {
    const id = saveDraft(
      db,
      undefined,
      {
        publication: '莱芜政务信息',
        date: '2019-06-20',
        editorNote: '本期集中刊发各单位优化营商环境的做法，供各单位学习借鉴。',
        sections: [
          {
            name: '工作动态',
            entries: [
              { itemIds: [ids.a!], form: 'single', title: '', body: '', editorNote: '' },
              { itemIds: [ids.b!], form: 'single', title: '', body: '', editorNote: '' },
              { itemIds: [ids.c!, ids.d!], form: 'combined', title: '各镇街扎实推进重点项目建设', body: '', editorNote: '' },
            ],
          },
          { name: '经验交流', entries: [] },
          { name: '简讯', entries: [{ itemIds: [ids.e!], form: 'brief', title: '凤城街道开展安全生产大检查', body: '', editorNote: '' }] },
        ],
      },
      '测试',
    );
    expect(publishIssue(db, id, '测试').label).toBe('第56期（总第1234期）');
    await exportIssue(db, id, file);
    xml = await (await JSZip.loadAsync(readFileSync(file))).file('word/document.xml')!.async('string');
    const pdf = renderPdf(file, dir);
    pdfText = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    pages = pdfPages(pdf);
    // the pages as pictures, to be looked at
    const renders = resolve(__dirname, '../../../test-output/renders');
    mkdirSync(renders, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(renders, '刊物-样张')]);
    closeDatabase(db);
  }, 240_000);

  it('is A4 with the GB/T 9704 margins, every run naming its font in all four slots', () => {
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    const fonts = [...xml.matchAll(/<w:rFonts ([^>]*)\/>/g)].map((m) => m[1]!);
    expect(fonts.length).toBeGreaterThan(20);
    for (const f of fonts) for (const slot of ['w:ascii', 'w:hAnsi', 'w:eastAsia', 'w:cs']) expect(f).toContain(slot);
    // the red 刊名 in 小标宋, the body in 仿宋, the credit in 楷体
    expect(xml).toMatch(/<w:rFonts w:ascii="方正小标宋简体"[^>]*\/>[\s\S]{0,200}<w:color w:val="E00000"\/>[\s\S]{0,200}莱芜政务信息/);
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="楷体_GB2312"');
  });

  it('renders the masthead, 期号, contents, 编者按, 栏目, titles in order, credits and the 报尾', () => {
    const t = pdfText.replace(/\s+/g, '');
    const order = [
      '莱芜政务信息',
      '第56期（总第1234期）',
      '济南市莱芜区人民政府办公室编',
      '2019年6月20日',
      '本期要目',
      '编者按：',
      '【工作动态】',
      '区财政局多措并举优化营商环境',
      '（区财政局供稿）',
      '区审计局扎实开展审计整改“回头看”',
      '各镇街扎实推进重点项目建设',
      '（凤城街道、张家洼街道供稿）',
      '【简讯】',
      '凤城街道开展安全生产大检查。',
      '报：',
      '送：',
      '发：',
      '责任编辑：王五',
      '签发：李四',
      '（共印120份）',
    ];
    let at = 0;
    for (const s of order) {
      const i = t.indexOf(s, at);
      expect(i, `“${s}” after position ${at}`).toBeGreaterThanOrEqual(at);
      at = i + s.length;
    }
    // an empty 栏目 prints no heading; page numbers in the — N — form
    expect(t).not.toContain('【经验交流】');
    expect(t).toMatch(/—1—/);
    // the 报尾 shares the last page with the end of the text (the 简讯), below it at the foot of the page
    const last = pages[pages.length - 1]!;
    const report = last.lines.find((l) => l.text.startsWith('报：'));
    const brief = last.lines.find((l) => l.text.includes('整改'));
    expect(report, 'the 报尾 on the last page').toBeDefined();
    expect(brief, 'the end of the 简讯 on the last page').toBeDefined();
    expect(brief!.top).toBeLessThan(report!.top);
    expect(report!.top).toBeGreaterThan(last.height * 0.6);
  });
});
