// The circular draft in GB/T 9704-2012 format (docs/计分表与通报稿.md §2.2): A4, 22 lines × 28 characters, 仿宋 3号 body,
// optional 红头 and 版记, attachment tables on new pages, — 1 — page numbers odd right / even left.
// Content comes from shared/outputs/circular-text.ts; this file lays it out and computes nothing.
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
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
  type ParagraphChild,
} from 'docx';
import { writeFileSync } from 'node:fs';
import type { CircularText } from '../../shared/outputs/circular-text';
import type { Settings } from '../../shared/settings';
import { writeAtomically } from '../exchange/write-file';

/** Fixed numbers (docs/已知问题与对策.md §2): twips; the library's mm converter rounds 37 mm down to 2097. */
export const PAGE = { width: 11906, height: 16838, top: 2098, bottom: 1984, left: 1587, right: 1474, footer: 1417 };
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right; // 8845 twips = 156 mm
const LINE = 579; // 22 lines a page
const SIZE = { title: 44, body: 32, small: 28 } as const; // half-points: 2号, 3号, 4号
const CHAR = 320; // one 3号 character, twips
const BODY_SPACING = -5; // twips: 28 characters a line (docs/已知问题与对策.md §2)

export interface TableSpec {
  /** heading above the table, e.g. 一、镇街 */
  heading: string;
  columns: { header: string; width: number; align?: 'left' | 'center' }[];
  rows: (string | number)[][];
}

export interface Attachment {
  title: string;
  tables: TableSpec[];
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

function bodyParagraph(children: ParagraphChild[], opts: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; rightChars?: number; leftChars?: number; pageBreakBefore?: boolean } = {}): Paragraph {
  return new Paragraph({
    children,
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    spacing: exact(),
    widowControl: false,
    pageBreakBefore: opts.pageBreakBefore,
    indent:
      opts.indent || opts.rightChars || opts.leftChars
        ? {
            ...(opts.indent ? { firstLine: 2 * CHAR, firstLineChars: 200 } : {}),
            ...(opts.rightChars ? { right: Math.round(opts.rightChars * CHAR) } : {}),
            ...(opts.leftChars ? { left: Math.round(opts.leftChars * CHAR) } : {}),
          }
        : undefined,
  });
}

/** An empty line of the grid: no run at all, so no run lacks its East Asian font. */
const blank = (): Paragraph => bodyParagraph([]);

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

function redHeader(input: CircularDocInput): Paragraph[] {
  const { settings } = input;
  return [
    new Paragraph({
      children: [run(settings.issuerMark, settings.fonts.title, 52, { color: 'FF0000' })],
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 0, line: 900, lineRule: LineRuleType.EXACT },
    }),
    blank(),
    blank(),
    new Paragraph({
      children: [run(`${settings.docNoPrefix}〔${input.year}〕${input.docNo?.trim() || '　　'}号`, settings.fonts.body, SIZE.body)],
      alignment: AlignmentType.CENTER,
      spacing: exact(),
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: 'FF0000', space: 11 } },
    }),
    blank(),
  ];
}

function title(input: CircularDocInput): Paragraph[] {
  return titleLines(input.text.title).map(
    (line) =>
      new Paragraph({
        children: [run(line, input.settings.fonts.title, SIZE.title)],
        alignment: AlignmentType.CENTER,
        spacing: exact(),
        widowControl: false,
        keepNext: true,
      }),
  );
}

function body(input: CircularDocInput): Paragraph[] {
  const { text, settings } = input;
  const f = settings.fonts;
  const out: Paragraph[] = [];
  out.push(bodyParagraph([run(text.opening, f.body, SIZE.body)], { indent: true }));
  for (const s of text.sections) {
    out.push(bodyParagraph([run(s.heading, f.heading, SIZE.body)], { indent: true }));
    for (const p of s.paragraphs) out.push(bodyParagraph([run(p, f.body, SIZE.body)], { indent: true }));
  }
  // left-aligned: justifying a line that ends before a long e-mail address would stretch it
  out.push(bodyParagraph([run(text.contact, f.body, SIZE.body)], { indent: true, align: AlignmentType.LEFT }));
  out.push(blank());
  // 附件说明: 附件：1. …  (several numbered, later lines aligned under the first title)
  input.attachments.forEach((a, i) => {
    const numbered = input.attachments.length > 1 ? `${i + 1}. ${a.title}` : a.title;
    out.push(
      bodyParagraph([run(i === 0 ? `附件：${numbered}` : numbered, f.body, SIZE.body)], {
        align: AlignmentType.LEFT,
        leftChars: i === 0 ? 0 : 5,
        indent: i === 0,
      }),
    );
  });
  // 署名 centred over the date; the date 右空四字 (GB/T 9704 7.3.5.1)
  out.push(blank(), blank());
  const dateWidth = charWidth(text.date);
  const nameRight = Math.max(0, 4 + (dateWidth - charWidth(text.signature)) / 2);
  out.push(bodyParagraph([run(text.signature, f.body, SIZE.body)], { align: AlignmentType.RIGHT, rightChars: nameRight }));
  out.push(bodyParagraph([run(text.date, f.body, SIZE.body)], { align: AlignmentType.RIGHT, rightChars: 4 }));
  if (text.publicNote) out.push(bodyParagraph([run(text.publicNote, f.body, SIZE.body)], { indent: true, align: AlignmentType.LEFT }));
  return out;
}

function cellParagraph(text: string, fontName: string, size: number, align: 'left' | 'center', bold = false): Paragraph {
  return new Paragraph({
    children: [new TextRun({ text, font: font(fontName), size, bold })],
    alignment: align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
    spacing: { line: 360, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    indent: align === 'left' ? { left: 80 } : undefined,
  });
}

function scoreTable(spec: TableSpec, fontName: string): Table {
  const size = SIZE.small;
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: spec.columns.map(
      (c) =>
        new TableCell({
          width: { size: c.width, type: WidthType.DXA },
          verticalAlign: VerticalAlign.CENTER,
          children: [cellParagraph(c.header, fontName, size, 'center', true)],
        }),
    ),
  });
  const rows = spec.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: r.map(
          (v, i) =>
            new TableCell({
              width: { size: spec.columns[i]!.width, type: WidthType.DXA },
              verticalAlign: VerticalAlign.CENTER,
              // a paragraph in every cell, also when empty (Word refuses empty cells)
              children: [cellParagraph(String(v), fontName, size, spec.columns[i]!.align ?? 'center')],
            }),
        ),
      }),
  );
  return new Table({
    width: { size: spec.columns.reduce((n, c) => n + c.width, 0), type: WidthType.DXA },
    columnWidths: spec.columns.map((c) => c.width),
    layout: TableLayoutType.FIXED,
    rows: [header, ...rows],
  });
}

function attachments(input: CircularDocInput): (Paragraph | Table)[] {
  const f = input.settings.fonts;
  const out: (Paragraph | Table)[] = [];
  input.attachments.forEach((a, i) => {
    out.push(
      bodyParagraph([run(input.attachments.length > 1 ? `附件${i + 1}` : '附件', f.heading, SIZE.body)], {
        align: AlignmentType.LEFT,
        pageBreakBefore: true,
      }),
    );
    out.push(blank());
    for (const line of titleLines(a.title))
      out.push(new Paragraph({ children: [run(line, f.title, SIZE.title)], alignment: AlignmentType.CENTER, spacing: exact(), keepNext: true }));
    out.push(blank());
    for (const t of a.tables) {
      out.push(bodyParagraph([run(t.heading, f.heading, SIZE.body)], { align: AlignmentType.LEFT }));
      out.push(scoreTable(t, f.table));
      out.push(new Paragraph({ children: [], spacing: { line: 240, before: 0, after: 0 } }));
    }
  });
  return out;
}

/**
 * 版记: 抄送 and 印发 between rules (first and last 0.35 mm, middle 0.25 mm). It stands in the footer of a last page
 * of its own (版记页), the one placement that puts it at the foot of the page in Word, WPS and LibreOffice alike
 * (LibreOffice ignores bottom-anchored floating tables).
 */
function colophon(input: CircularDocInput): Table {
  const f = input.settings.fonts;
  const strong = { style: BorderStyle.SINGLE, size: 8, color: '000000' } as const;
  const thin = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
  const p = (text: string, align: 'left' | 'right'): Paragraph =>
    new Paragraph({
      children: [run(text, f.body, SIZE.small)],
      alignment: align === 'left' ? AlignmentType.LEFT : AlignmentType.RIGHT,
      spacing: { line: 480, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      indent: align === 'left' ? { left: 280, hanging: 0 } : { right: 280 },
    });
  const half = TEXT_WIDTH / 2;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [half, TEXT_WIDTH - half],
    layout: TableLayoutType.FIXED,
    borders: { top: strong, bottom: strong, left: none, right: none, insideHorizontal: thin, insideVertical: none },
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            columnSpan: 2,
            width: { size: TEXT_WIDTH, type: WidthType.DXA },
            borders: { top: strong, bottom: thin, left: none, right: none },
            children: [p(`抄送：${input.settings.copyTo}`, 'left')],
          }),
        ],
      }),
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            width: { size: half, type: WidthType.DXA },
            borders: { top: thin, bottom: strong, left: none, right: none },
            children: [p(input.settings.printer, 'left')],
          }),
          new TableCell({
            width: { size: TEXT_WIDTH - half, type: WidthType.DXA },
            borders: { top: thin, bottom: strong, left: none, right: none },
            children: [p(`${input.printedOn}印发`, 'right')],
          }),
        ],
      }),
    ],
  });
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

function pageNumberFooter(fontName: string, side: 'right' | 'left', above: (Table | Paragraph)[] = []): Footer {
  return new Footer({ children: [...above, pageNumber(fontName, side)] });
}

export function buildCircular(input: CircularDocInput): Document {
  const f = input.settings.fonts;
  const children: (Paragraph | Table)[] = [
    ...(input.settings.redHeader ? redHeader(input) : []),
    blank(),
    ...title(input),
    blank(),
    bodyParagraph([run(input.text.mainRecipients, f.body, SIZE.body)], { align: AlignmentType.LEFT }),
    ...body(input),
    ...attachments(input),
  ];
  const pageProps = {
    page: {
      size: { width: PAGE.width, height: PAGE.height },
      margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, footer: PAGE.footer, header: 851 },
    },
    grid: { type: DocumentGridType.LINES, linePitch: LINE },
  };
  const colophonPage = () => [colophon(input), new Paragraph({ children: [], spacing: { line: 567, lineRule: LineRuleType.EXACT } })];
  return new Document({
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
    sections: [
      {
        properties: pageProps,
        footers: { default: pageNumberFooter(f.pageNumber, 'right'), even: pageNumberFooter(f.pageNumber, 'left') },
        children,
      },
      ...(input.settings.colophon
        ? [
            {
              properties: { ...pageProps, type: SectionType.NEXT_PAGE },
              footers: {
                default: pageNumberFooter(f.pageNumber, 'right', colophonPage()),
                even: pageNumberFooter(f.pageNumber, 'left', colophonPage()),
              },
              children: [new Paragraph({ children: [] })],
            },
          ]
        : []),
    ],
  });
}

export async function writeCircular(input: CircularDocInput, file: string): Promise<void> {
  const buffer = await Packer.toBuffer(buildCircular(input));
  await writeAtomically(file, async (tmp) => writeFileSync(tmp, buffer));
}
