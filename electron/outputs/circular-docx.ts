// The circular draft in GB/T 9704-2012 format (docs/计分表与通报稿.md §2.2): A4, 22 lines × 28 characters, 仿宋 3号 body,
// optional 红头, attachments on new pages, the 版记 at the foot of the last even page, — 1 — page numbers odd right /
// even left.
// Content comes from shared/outputs/circular-text.ts; this file lays it out and computes nothing.
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  HeightRule,
  type ISectionOptions,
  LineRuleType,
  Packer,
  PageNumber,
  SectionType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
} from 'docx';
import JSZip from 'jszip';
import { writeFileSync } from 'node:fs';
import type { CircularText } from '../../shared/outputs/circular-text';
import type { Settings } from '../../shared/settings';
import { writeAtomically } from '../exchange/write-file';
import { LINES_PER_PAGE, countLines, place, planColophon, type Block, type ColophonPlan } from './circular-layout';

/** Fixed numbers (docs/已知问题与对策.md §2): twips; the library's mm converter rounds 37 mm down to 2097. */
export const PAGE = { width: 11906, height: 16838, top: 2098, bottom: 1984, left: 1587, right: 1474, footer: 1417 };
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right; // 8845 twips = 156 mm
const LINE = 579; // 22 lines a page
const SIZE = { title: 44, body: 32, small: 28 } as const; // half-points: 2号, 3号, 4号
const CHAR = 320; // one 3号 character, twips
const BODY_SPACING = -5; // twips: 28 characters a line (docs/已知问题与对策.md §2)

export interface TableSpec {
  /** the group's name, a row of its own across the table (一、镇街); '' for none */
  heading: string;
  columns: { header: string; width: number; align?: 'left' | 'center' }[];
  rows: (string | number)[][];
}

export interface Attachment {
  title: string;
  /** the tables of one attachment share their columns: they are set as one table with a row per heading */
  tables: TableSpec[];
  /** a sentence instead of the table, when there is nothing to list (本期无零报送单位。) */
  empty?: string;
  /** the table's type size in half-points (4号 28 unless set: the 采用信息目录 is set in 小四 24) */
  size?: number;
}

export interface CircularDocInput {
  text: CircularText;
  settings: Settings;
  /** year of the 文号 */
  year: number;
  /** number of the 文号; blank leaves room for the clerk to write it */
  docNo?: string;
  attachments: Attachment[];
  /** 印发日期 (YYYY年M月D日) for the 版记 */
  printedOn: string;
}

function font(name: string): IRunOptions['font'] {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: 'eastAsia' };
}

function run(text: string, fontName: string, size: number, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({ text, font: font(fontName), size, characterSpacing: size === SIZE.body ? BODY_SPACING : undefined, ...extra });
}

const exact = (line = LINE) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];
interface BodyOptions {
  indent?: boolean;
  align?: Align;
  rightChars?: number;
  leftChars?: number;
  pageBreakBefore?: boolean;
  keepNext?: boolean;
}

/** Body content together with the lines it takes on the page (circular-layout.ts). */
class Flow {
  readonly children: (Paragraph | Table)[] = [];
  readonly blocks: Block[] = [];

  /** A body paragraph of one run; `text` '' is an empty line of the grid (no run, so no run lacks its font). */
  paragraph(text: string, fontName: string, opts: BodyOptions = {}, size: number = SIZE.body): void {
    const left = opts.leftChars ? Math.round(opts.leftChars * CHAR) : 0;
    const right = opts.rightChars ? Math.round(opts.rightChars * CHAR) : 0;
    const first = opts.indent ? 2 * CHAR : 0;
    this.children.push(
      new Paragraph({
        children: text === '' ? [] : [run(text, fontName, size)],
        alignment: opts.align ?? AlignmentType.JUSTIFIED,
        spacing: exact(),
        widowControl: false,
        pageBreakBefore: opts.pageBreakBefore,
        keepNext: opts.keepNext,
        indent:
          first || left || right
            ? { ...(first ? { firstLine: first, firstLineChars: 200 } : {}), ...(right ? { right } : {}), ...(left ? { left } : {}) }
            : undefined,
      }),
    );
    if (opts.pageBreakBefore) this.blocks.push({ kind: 'pageBreak' });
    const spacing = size === SIZE.body ? BODY_SPACING : 0;
    const box = { first: TEXT_WIDTH - left - right - first, rest: TEXT_WIDTH - left - right, size, spacing };
    this.blocks.push({ kind: 'lines', lines: { narrow: countLines(text, box, 'narrow'), wide: countLines(text, box, 'wide') }, keepNext: opts.keepNext });
  }

  blank(n = 1): void {
    for (let i = 0; i < n; i++) this.paragraph('', FONT_NONE);
  }

  /** Any paragraph of whole grid lines. */
  raw(p: Paragraph, lines: number): void {
    this.children.push(p);
    this.blocks.push({ kind: 'lines', lines: { narrow: lines, wide: lines } });
  }

  table(t: Table, header: number, rows: number[]): void {
    this.children.push(t);
    this.blocks.push({ kind: 'table', header, rows });
  }
}

const FONT_NONE = '';

/** Width of a text in characters: CJK 1, ASCII ½, plus the ¼ character Word and WPS put between CJK and digits. */
function charWidth(text: string): number {
  let w = 0;
  let prevAscii: boolean | null = null;
  for (const ch of text) {
    const ascii = ch.charCodeAt(0) < 0x2e80;
    w += ascii ? 0.5 : 1;
    if (prevAscii !== null && prevAscii !== ascii) w += 0.25;
    prevAscii = ascii;
  }
  return w;
}

/** 2号 titles wrap into a trapezoid without splitting words: break after the period or at a natural joint. */
export function titleLines(title: string): string[] {
  const perLine = Math.floor(TEXT_WIDTH / (SIZE.title * 10)); // 22 pt characters in 156 mm
  if (charWidth(title) <= perLine) return [title];
  const joints = ['季度', '年度', '年', '全区', '关于'];
  for (const j of joints) {
    const i = title.indexOf(j);
    const cut = j === '关于' ? -1 : i + j.length;
    if (i >= 0 && cut > 0 && charWidth(title.slice(0, cut)) <= perLine && charWidth(title.slice(cut)) <= perLine)
      return [title.slice(0, cut), title.slice(cut)];
  }
  const half = Math.ceil(title.length / 2);
  return [title.slice(0, half), title.slice(half)];
}

function titleParagraph(line: string, fontName: string): Paragraph {
  return new Paragraph({
    children: [run(line, fontName, SIZE.title)],
    alignment: AlignmentType.CENTER,
    // a twip under the grid's pitch: the 2号 line does not snap to the grid (see unsnapped) and still takes one line
    spacing: exact(LINE - 1),
    widowControl: false,
    keepNext: true,
  });
}

function redHeader(flow: Flow, input: CircularDocInput): void {
  const { settings } = input;
  // the 标志 takes two whole lines of the grid, so that every later line stays on it
  flow.raw(
    new Paragraph({
      children: [run(settings.issuerMark, settings.fonts.title, 52, { color: 'FF0000' })],
      alignment: AlignmentType.CENTER,
      spacing: exact(2 * LINE),
    }),
    2,
  );
  flow.blank(2);
  flow.raw(
    new Paragraph({
      children: [run(`${settings.docNoPrefix}〔${input.year}〕${input.docNo?.trim() || '　　'}号`, settings.fonts.body, SIZE.body)],
      alignment: AlignmentType.CENTER,
      // the red rule (1.5 pt = 30 twips) is drawn under the line and adds to its height: line and rule make one line
      spacing: exact(LINE - 30),
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: 'FF0000', space: 0 } },
    }),
    1,
  );
  flow.blank();
}

function body(flow: Flow, input: CircularDocInput): void {
  const { text, settings } = input;
  const f = settings.fonts;
  flow.paragraph(text.opening, f.body, { indent: true });
  for (const s of text.sections) {
    flow.paragraph(s.heading, f.heading, { indent: true, keepNext: true });
    for (const p of s.paragraphs) flow.paragraph(p, f.body, { indent: true });
  }
  // left-aligned: justifying a line that ends before a long e-mail address would stretch it
  flow.paragraph(text.contact, f.body, { indent: true, align: AlignmentType.LEFT });
  flow.blank();
  // 附件说明: 附件：1. …  (several numbered, later lines aligned under the first title)
  input.attachments.forEach((a, i) => {
    const numbered = input.attachments.length > 1 ? `${i + 1}. ${a.title}` : a.title;
    flow.paragraph(i === 0 ? `附件：${numbered}` : numbered, f.body, { align: AlignmentType.LEFT, leftChars: i === 0 ? 0 : 5, indent: i === 0 });
  });
  // 署名 centred over the date; the date 右空四字 (GB/T 9704 7.3.5.1)
  flow.blank(2);
  const dateWidth = charWidth(text.date);
  const nameRight = Math.max(0, 4 + (dateWidth - charWidth(text.signature)) / 2);
  flow.paragraph(text.signature, f.body, { align: AlignmentType.RIGHT, rightChars: nameRight, keepNext: true });
  flow.paragraph(text.date, f.body, { align: AlignmentType.RIGHT, rightChars: 4 });
  if (text.publicNote) flow.paragraph(text.publicNote, f.body, { indent: true, align: AlignmentType.LEFT });
}

const CELL_MARGIN = 108; // twips each side, Word's default
const CELL_INDENT = 80;

function cellParagraph(text: string, fontName: string, size: number, align: 'left' | 'center', lines: number, bold = false): Paragraph {
  return new Paragraph({
    children: [new TextRun({ text, font: font(fontName), size, bold })],
    alignment: align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
    // a row of n grid lines holds n lines of text at most; one line of 4号 text sits in the middle of its row
    spacing: exact(lines === 1 ? 360 : Math.floor((lines * LINE - 40) / lines)),
    indent: align === 'left' ? { left: CELL_INDENT } : undefined,
  });
}

/** Grid lines a table row takes: its tallest cell at 4号 in the cell's width (counted wide, so the text never overflows). */
function rowLines(cells: readonly string[], widths: readonly number[], aligns: readonly ('left' | 'center')[], size: number): number {
  return Math.max(
    1,
    ...cells.map((c, i) => {
      const w = widths[i]! - 2 * CELL_MARGIN - (aligns[i] === 'left' ? CELL_INDENT : 0);
      const lines = countLines(c, { first: w, rest: w, size, spacing: 0 }, 'wide');
      // lines of 18 pt: two fit in two grid lines, three in three
      return lines;
    }),
  );
}

/**
 * One attachment's tables as one table: the header row repeats on every page, a group's name is a row across the
 * table, and every row has an exact height of whole grid lines so that the pages fall where the count says.
 */
function attachmentTable(flow: Flow, tables: readonly TableSpec[], fontName: string, size: number): void {
  const cols = tables[0]!.columns;
  const widths = cols.map((c) => c.width);
  const aligns = cols.map((c) => c.align ?? 'center');
  const total = widths.reduce((a, b) => a + b, 0);
  const row = (cells: TableCell[], lines: number, header = false): TableRow =>
    new TableRow({ tableHeader: header, cantSplit: true, height: { value: lines * LINE, rule: HeightRule.EXACT }, children: cells });
  const cell = (text: string, i: number, lines: number, bold = false, span = 1): TableCell =>
    new TableCell({
      width: { size: span > 1 ? total : widths[i]!, type: WidthType.DXA },
      columnSpan: span > 1 ? span : undefined,
      verticalAlign: VerticalAlign.CENTER,
      // a paragraph in every cell, also when empty (Word refuses empty cells)
      children: [cellParagraph(text, fontName, size, span > 1 ? 'left' : aligns[i]!, lines, bold)],
    });
  const headerLines = rowLines(cols.map((c) => c.header), widths, aligns, size);
  const rows: TableRow[] = [row(cols.map((c, i) => cell(c.header, i, headerLines, true)), headerLines, true)];
  const counted: number[] = [];
  for (const t of tables) {
    if (t.heading) {
      rows.push(row([cell(t.heading, 0, 1, true, cols.length)], 1));
      counted.push(1);
    }
    for (const r of t.rows) {
      const texts = r.map(String);
      const n = rowLines(texts, widths, aligns, size);
      rows.push(row(texts.map((v, i) => cell(v, i, n)), n));
      counted.push(n);
    }
  }
  flow.table(
    new Table({ width: { size: total, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, rows }),
    headerLines,
    counted,
  );
}

function attachments(flow: Flow, input: CircularDocInput): void {
  const f = input.settings.fonts;
  input.attachments.forEach((a, i) => {
    // 附件N in 黑体 on the first line of a new page, the title on the third (GB/T 9704 8)
    flow.paragraph(input.attachments.length > 1 ? `附件${i + 1}` : '附件', f.heading, { align: AlignmentType.LEFT, pageBreakBefore: true });
    flow.blank();
    for (const line of titleLines(a.title)) flow.raw(titleParagraph(line, f.title), 1);
    flow.blank();
    if (a.tables.length === 0 || a.tables.every((t) => t.rows.length === 0)) flow.paragraph(a.empty ?? '（无）', f.body, { indent: true });
    else attachmentTable(flow, a.tables.filter((t) => t.rows.length > 0), f.table, a.size ?? SIZE.small);
  });
}

/**
 * Twips each 版记 row gives up: the rules' widths and the paragraph Word and LibreOffice need after a table at the
 * end of a page must fit in the page's last line, or the 印发 row would move to a page of its own.
 */
const COLOPHON_SLACK = 40;
/** The paragraph after the 版记: as low as a paragraph can be. */
const endMark = (): Paragraph => new Paragraph({ children: [], spacing: exact(20) });

/** 版记: 抄送 and 印发 between rules (first and last 0.35 mm, middle 0.25 mm), each row whole grid lines. */
function colophon(input: CircularDocInput): { table: Table; lines: number } {
  const f = input.settings.fonts;
  const strong = { style: BorderStyle.SINGLE, size: 8, color: '000000' } as const;
  const thin = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
  const copy = `抄送：${input.settings.copyTo}`;
  const copyLines = countLines(copy, { first: TEXT_WIDTH - 2 * CELL_MARGIN - 560, rest: TEXT_WIDTH - 2 * CELL_MARGIN - 560, size: SIZE.small, spacing: 0 }, 'wide');
  const p = (text: string, align: 'left' | 'right', lines: number): Paragraph =>
    new Paragraph({
      children: [run(text, f.body, SIZE.small)],
      alignment: align === 'left' ? AlignmentType.LEFT : AlignmentType.RIGHT,
      spacing: exact(lines === 1 ? 480 : Math.floor((lines * LINE - 40) / lines)),
      indent: align === 'left' ? { left: 280, hanging: 0 } : { right: 280 },
    });
  const half = TEXT_WIDTH / 2;
  const table = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [half, TEXT_WIDTH - half],
    layout: TableLayoutType.FIXED,
    borders: { top: strong, bottom: strong, left: none, right: none, insideHorizontal: thin, insideVertical: none },
    rows: [
      new TableRow({
        cantSplit: true,
        height: { value: copyLines * LINE - COLOPHON_SLACK, rule: HeightRule.EXACT },
        children: [
          new TableCell({
            columnSpan: 2,
            width: { size: TEXT_WIDTH, type: WidthType.DXA },
            verticalAlign: VerticalAlign.CENTER,
            borders: { top: strong, bottom: thin, left: none, right: none },
            children: [p(copy, 'left', copyLines)],
          }),
        ],
      }),
      new TableRow({
        cantSplit: true,
        height: { value: LINE - COLOPHON_SLACK, rule: HeightRule.EXACT },
        children: [
          new TableCell({
            width: { size: half, type: WidthType.DXA },
            verticalAlign: VerticalAlign.CENTER,
            borders: { top: thin, bottom: strong, left: none, right: none },
            children: [p(input.settings.printer, 'left', 1)],
          }),
          new TableCell({
            width: { size: TEXT_WIDTH - half, type: WidthType.DXA },
            verticalAlign: VerticalAlign.CENTER,
            borders: { top: thin, bottom: strong, left: none, right: none },
            children: [p(`${input.printedOn}印发`, 'right', 1)],
          }),
        ],
      }),
    ],
  });
  return { table, lines: copyLines + 1 };
}

function pageNumber(fontName: string, side: 'right' | 'left'): Paragraph {
  const opts = { font: font(fontName), size: SIZE.small };
  return new Paragraph({
    alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    indent: side === 'right' ? { right: 280 } : { left: 280 },
    spacing: { before: 0, after: 0 },
    children: [new TextRun({ ...opts, text: '— ' }), new TextRun({ ...opts, children: [PageNumber.CURRENT] }), new TextRun({ ...opts, text: ' —' })],
  });
}

const numbered = (fontName: string) => ({
  default: new Footer({ children: [pageNumber(fontName, 'right')] }),
  even: new Footer({ children: [pageNumber(fontName, 'left')] }),
});
/** Footers of their own, empty: a section without footers would take the previous section's page numbers. */
const unnumbered = () => ({ default: new Footer({ children: [new Paragraph({ children: [] })] }), even: new Footer({ children: [new Paragraph({ children: [] })] }) });

/** The circular's layout: its sections and where the 版记 went (for the tests and the docs' examples). */
export interface CircularLayout {
  document: Document;
  colophon: ColophonPlan | null;
  /** the page the text (with its attachments) ends on, counted wide */
  textEndsOn: number;
}

export function layoutCircular(input: CircularDocInput): CircularLayout {
  const f = input.settings.fonts;
  const flow = new Flow();
  if (input.settings.redHeader) redHeader(flow, input);
  flow.blank();
  for (const line of titleLines(input.text.title)) flow.raw(titleParagraph(line, f.title), 1);
  flow.blank();
  flow.paragraph(input.text.mainRecipients, f.body, { align: AlignmentType.LEFT });
  body(flow, input);
  attachments(flow, input);

  const pageProps = {
    page: {
      size: { width: PAGE.width, height: PAGE.height },
      margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, footer: PAGE.footer, header: 851 },
    },
    grid: { type: DocumentGridType.LINES, linePitch: LINE },
  };
  const sections: ISectionOptions[] = [{ properties: pageProps, footers: numbered(f.pageNumber), children: flow.children }];
  let plan: ColophonPlan | null = null;
  if (input.settings.colophon) {
    const c = colophon(input);
    plan = planColophon(flow.blocks, c.lines);
    const fill = (n: number): Paragraph[] => Array.from({ length: n }, () => new Paragraph({ children: [], spacing: exact(), widowControl: false }));
    if (plan.where === 'same-page') flow.children.push(...fill(plan.fill), c.table, endMark());
    else {
      if (plan.where === 'after-blank')
        sections.push({ properties: { ...pageProps, type: SectionType.NEXT_PAGE }, footers: unnumbered(), children: [new Paragraph({ children: [] })] });
      // starting on an even page also in Word and WPS, which add a blank page themselves should the count be wrong
      sections.push({
        properties: { ...pageProps, type: SectionType.EVEN_PAGE },
        footers: plan.where === 'after-blank' ? unnumbered() : numbered(f.pageNumber),
        children: [...fill(LINES_PER_PAGE - c.lines), c.table, endMark()],
      });
    }
  }
  const document = new Document({
    creator: input.settings.officeName,
    title: input.text.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: font(f.body), size: SIZE.body },
          paragraph: { spacing: exact() },
        },
      },
    },
    sections,
  });
  return { document, colophon: plan, textEndsOn: place(flow.blocks, 'wide').page };
}

export function buildCircular(input: CircularDocInput): Document {
  return layoutCircular(input).document;
}

/**
 * Lines of text larger than the grid's pitch (the 2号 title) or set in other heights (table cells, the 版记) would take
 * two lines of the grid in LibreOffice: they do not snap to it. Body lines keep to the grid, which in LibreOffice is
 * what gives them 22 to a page.
 */
async function unsnapped(buffer: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  const doc = await zip.file('word/document.xml')!.async('string');
  const fixed = doc.replace(/<w:pPr>([\s\S]*?)<\/w:pPr>/g, (whole, inner: string) =>
    inner.includes('<w:snapToGrid') || /w:line="579"/.test(inner) || /<w:tabs>|<w:numPr>/.test(inner)
      ? whole
      : `<w:pPr>${inner.replace(/<w:spacing /, '<w:snapToGrid w:val="0"/><w:spacing ')}</w:pPr>`,
  );
  zip.file('word/document.xml', fixed);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export async function circularBuffer(input: CircularDocInput): Promise<Buffer> {
  return unsnapped(await Packer.toBuffer(buildCircular(input)));
}

export async function writeCircular(input: CircularDocInput, file: string): Promise<void> {
  const buffer = await circularBuffer(input);
  await writeAtomically(file, async (tmp) => writeFileSync(tmp, buffer));
}
