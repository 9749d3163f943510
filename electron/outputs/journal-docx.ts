// An issue of the district periodical as .docx (docs/编刊.md §3): A4 with GB/T 9704 margins, the red 报头 on the first
// page, 本期要目 when more than three articles, 编者按, 【栏目】, articles and 简讯, the 报尾 and — N — page numbers,
// odd right / even left. Every run sets all four font slots to the Chinese font (WPS otherwise uses its own for Latin).
// Content comes from the journal service; this file lays it out and computes nothing.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HorizontalPositionAlign,
  HorizontalPositionRelativeFrom,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TabStopType,
  TextRun,
  TextWrappingType,
  VerticalPositionAlign,
  VerticalPositionRelativeFrom,
  type IRunOptions,
} from 'docx';
import { ShapeRun } from 'docx/shapes';
import { writeFileSync } from 'node:fs';
import type { AdoptionForm } from '../../shared/domain';
import type { Settings } from '../../shared/settings';
import { writeAtomically } from '../exchange/write-file';
import { PAGE, TEXT_WIDTH } from './circular-docx';
import { countLines } from './circular-layout';

const SIZE = { masthead: 84, title: 44, longTitle: 32, body: 32, pageNumber: 28, colophon: 28 } as const; // half-points
const CHAR = 320; // one 三号 character, twips
const LINE = 560; // 28 pt fixed body line spacing
const RED = 'E00000';

export interface JournalDocInput {
  /** 刊名 */
  name: string;
  /** 第12期（总第345期） */
  numberLine: string;
  /** 2019年6月20日 */
  date: string;
  editorNote: string;
  /** the titles of 本期要目, in order (printed only when more than three) */
  contents: string[];
  sections: {
    name: string;
    entries: { form: AdoptionForm; title: string; body: string; editorNote: string; credit: string }[];
  }[];
  settings: Settings;
}

function font(name: string): IRunOptions['font'] {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: 'eastAsia' };
}

function run(text: string, fontName: string, size: number, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({ text, font: font(fontName), size, ...extra });
}

const exact = (line = LINE) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

function para(children: TextRun[], opts: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: boolean; keepNext?: boolean; line?: number } = {}): Paragraph {
  return new Paragraph({
    children,
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    spacing: exact(opts.line),
    indent: opts.indent ? { firstLine: 2 * CHAR, firstLineChars: 200 } : undefined,
    keepNext: opts.keepNext,
  });
}

const blank = (keepNext = false): Paragraph => new Paragraph({ children: [], spacing: exact(), keepNext });

/** Lines of a text as paragraphs (blank lines dropped: the indent marks a paragraph). */
const linesOf = (text: string): string[] => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

function masthead(input: JournalDocInput): Paragraph[] {
  const f = input.settings.fonts;
  const j = input.settings.journal;
  return [
    new Paragraph({
      children: [run(input.name, f.title, SIZE.masthead, { color: RED })],
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 120, line: 1100, lineRule: LineRuleType.EXACT },
    }),
    para([run(input.numberLine, f.body, SIZE.body)], { align: AlignmentType.CENTER }),
    new Paragraph({
      children: [run(j.editor ? `${j.editor}编` : '', f.body, SIZE.body), run(`\t${input.date}`, f.body, SIZE.body)],
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
      spacing: { ...exact(), before: 120 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 6 } },
    }),
    blank(),
  ];
}

function contents(input: JournalDocInput): Paragraph[] {
  if (input.contents.length <= 3) return [];
  const f = input.settings.fonts;
  return [
    para([run('本期要目', f.heading, SIZE.body)], { align: AlignmentType.LEFT, keepNext: true }),
    ...input.contents.map((t) => para([run(`◇ ${t}`, input.settings.journal.kai, SIZE.body)], { align: AlignmentType.LEFT })),
    new Paragraph({ children: [], spacing: exact(), border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 } } }),
    blank(),
  ];
}

function editorNote(text: string, s: Settings): Paragraph[] {
  const lines = linesOf(text);
  return lines.map((l, i) =>
    para(i === 0 ? [run('编者按：', s.fonts.heading, SIZE.body), run(l, s.journal.kai, SIZE.body)] : [run(l, s.journal.kai, SIZE.body)], { indent: true }),
  );
}

/** Titles over 18 characters drop from 二号 to 三号 so they stay on one or two lines. */
function articleTitle(title: string, s: Settings): Paragraph {
  return new Paragraph({
    children: [run(title, s.fonts.title, [...title].length > 18 ? SIZE.longTitle : SIZE.title)],
    alignment: AlignmentType.CENTER,
    spacing: { before: 160, after: 160, line: 680, lineRule: LineRuleType.AT_LEAST },
    keepNext: true,
  });
}

/** A paragraph that can still be told to stay with the next one (the last text paragraph keeps the 报尾 company). */
type Para = (keepNext: boolean) => Paragraph;
const BLANK: Para = (keepNext) => blank(keepNext);

function sections(input: JournalDocInput): Paragraph[] {
  const s = input.settings;
  const f = s.fonts;
  const out: Para[] = [];
  const push = (children: () => TextRun[], opts: Parameters<typeof para>[1] = {}): void => {
    out.push((keepNext) => para(children(), { ...opts, keepNext: opts.keepNext || keepNext }));
  };
  for (const sec of input.sections) {
    if (sec.entries.length === 0) continue;
    push(() => [run(`【${sec.name}】`, f.heading, SIZE.body)], { align: AlignmentType.LEFT, keepNext: true });
    for (const e of sec.entries) {
      if (e.form === 'brief') {
        // 简讯: one paragraph, its title in 黑体 then the text in 仿宋, the unit in 楷体
        const [first = '', ...rest] = linesOf(e.body);
        push(
          () => [
            run(e.title.replace(/[。．.]?$/, '。'), f.heading, SIZE.body),
            run(first, f.body, SIZE.body),
            ...(rest.length === 0 && e.credit ? [run(e.credit, s.journal.kai, SIZE.body)] : []),
          ],
          { indent: true },
        );
        rest.forEach((l, i) =>
          push(() => [run(l, f.body, SIZE.body), ...(i === rest.length - 1 && e.credit ? [run(e.credit, s.journal.kai, SIZE.body)] : [])], { indent: true }),
        );
        continue;
      }
      out.push(() => articleTitle(e.title, s));
      for (const p of editorNote(e.editorNote, s)) out.push(() => p);
      for (const l of linesOf(e.body)) push(() => [run(l, f.body, SIZE.body)], { indent: true });
      if (e.credit) push(() => [run(e.credit, s.journal.kai, SIZE.body)], { align: AlignmentType.RIGHT });
      out.push(BLANK);
    }
  }
  // no blank line between the last article and the 报尾; the last paragraphs of text stay on the page of the 报尾,
  // which is never left alone on a page
  while (out[out.length - 1] === BLANK) out.pop();
  return out.map((p, i) => p(i >= out.length - 3));
}

/** 报尾 lines: 14 pt on an exact 22 pt line; wrapped lines of 报/送/发 stand under the text after “报：”. */
const COLOPHON_LINE = 440;
const COLOPHON_HANG = 2 * 280;
/** The space kept between the end of the text and the 报尾, in EMU (half a body line). */
const COLOPHON_GAP = 14 * 12700;

/**
 * 报尾: between rules, 报/送/发, then 责任编辑/签发 and 共印N份 — in a text box anchored to the foot of the type area
 * (“bottom of the margin”, text above it and none beside it), so it stands at the foot of whichever page the text
 * ends on, in Word, WPS and LibreOffice alike; a page break cannot be known when the file is written. The box sits in
 * an empty last paragraph that the last lines of text keep company: where the text leaves no room for it, those lines
 * go over to the next page with it, and the 报尾 never stands on a page alone.
 */
function colophon(input: JournalDocInput): Paragraph[] {
  const s = input.settings;
  const j = s.journal;
  const f = s.fonts;
  const rule = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 1 } as const;
  const lines: { text: string; top?: boolean; bottom?: boolean; right?: string; hang?: boolean }[] = [];
  const to = [
    ['报', j.reportTo],
    ['送', j.sendTo],
    ['发', j.distributeTo],
  ].filter(([, v]) => v!.trim() !== '');
  to.forEach(([k, v], i) => lines.push({ text: `${k}：${v!.trim()}`, top: i === 0, bottom: i === to.length - 1, hang: true }));
  const signed = [j.responsibleEditor && `责任编辑：${j.responsibleEditor}`, j.signer && `签发：${j.signer}`].filter(Boolean).join('　　');
  lines.push({ text: signed, right: j.copies > 0 ? `（共印${j.copies}份）` : '', top: to.length === 0, bottom: true });
  // the box is as tall as its lines counted wide (as LibreOffice sets figures): a line too many leaves room above the
  // text, which stands at the box's foot, never a line cut off
  const count = lines.reduce(
    (n, l) => n + countLines(l.text + (l.right ? `　${l.right}` : ''), { first: TEXT_WIDTH, rest: TEXT_WIDTH - (l.hang ? COLOPHON_HANG : 0), size: SIZE.colophon, spacing: 0 }, 'wide'),
    0,
  );
  const twips = count * COLOPHON_LINE + 60;
  const box = new ShapeRun({
    type: 'rectangle',
    transformation: { width: TEXT_WIDTH / 15, height: twips / 15 },
    line: 'none',
    altText: { name: '报尾', description: '报尾', title: '报尾' },
    textOptions: { verticalAlignment: 'bottom', margins: { top: 0, right: 0, bottom: 0, left: 0 }, wrap: true },
    floating: {
      horizontalPosition: { relative: HorizontalPositionRelativeFrom.MARGIN, align: HorizontalPositionAlign.CENTER },
      verticalPosition: { relative: VerticalPositionRelativeFrom.MARGIN, align: VerticalPositionAlign.BOTTOM },
      wrap: { type: TextWrappingType.TOP_AND_BOTTOM, margins: { distT: COLOPHON_GAP } },
      margins: { top: COLOPHON_GAP },
    },
    children: lines.map(
      (l) =>
        new Paragraph({
          children: [run(l.text, f.body, SIZE.colophon), ...(l.right ? [run(`\t${l.right}`, f.body, SIZE.colophon)] : [])],
          tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
          alignment: AlignmentType.LEFT,
          spacing: exact(COLOPHON_LINE),
          indent: l.hang ? { left: COLOPHON_HANG, hanging: COLOPHON_HANG } : { left: 0 },
          border: { ...(l.top ? { top: rule } : {}), ...(l.bottom ? { bottom: rule } : {}) },
        }),
    ),
  });
  // the anchor: an empty paragraph a point high, after the text it keeps with
  return [new Paragraph({ children: [box], spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 } })];
}

function pageNumber(fontName: string, side: 'right' | 'left'): Paragraph {
  const opts = { font: font(fontName), size: SIZE.pageNumber };
  return new Paragraph({
    alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    indent: side === 'right' ? { right: 280 } : { left: 280 },
    spacing: { before: 0, after: 0 },
    children: [new TextRun({ ...opts, text: '— ' }), new TextRun({ ...opts, children: [PageNumber.CURRENT] }), new TextRun({ ...opts, text: ' —' })],
  });
}

export function buildJournal(input: JournalDocInput): Document {
  const s = input.settings;
  const f = s.fonts;
  const children = [...masthead(input), ...contents(input), ...editorNote(input.editorNote, s), ...sections(input), ...colophon(input)];
  return new Document({
    creator: s.journal.editor,
    title: `${input.name}${input.numberLine}`,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: font(f.body), size: SIZE.body }, paragraph: { spacing: exact() } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, footer: PAGE.footer, header: 851 },
          },
          titlePage: !s.journal.numberFirstPage,
        },
        footers: {
          default: new Footer({ children: [pageNumber(f.pageNumber, 'right')] }),
          even: new Footer({ children: [pageNumber(f.pageNumber, 'left')] }),
          ...(s.journal.numberFirstPage ? {} : { first: new Footer({ children: [new Paragraph({ children: [] })] }) }),
        },
        children,
      },
    ],
  });
}

export async function writeJournal(input: JournalDocInput, file: string): Promise<void> {
  const buffer = await Packer.toBuffer(buildJournal(input));
  await writeAtomically(file, async (tmp) => writeFileSync(tmp, buffer));
}
