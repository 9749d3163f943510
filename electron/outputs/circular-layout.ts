// Where the circular's lines fall on its pages, worked out before the file is written: a .docx cannot say where
// its pages break, and the 版记 must stand at the foot of the last even page (GB/T 9704). Everything in the circular
// is laid on the 22-line grid so that this count can be exact: body paragraphs take whole lines of 579 twips, table
// rows have exact heights of whole lines, the 标志 takes two lines. Only the wrapping of body text depends on the
// fonts of the PC that prints it, so lines are counted twice — with narrow figures (仿宋_GB2312 in Word and WPS) and
// with wide figures and the space put between Chinese and figures (LibreOffice with other fonts); the wide count
// decides, laid out so that the narrower setting keeps the 版记 on the same page (docs/计分表与通报稿.md §2.4).

export const LINES_PER_PAGE = 22;

/** The two ways of counting: `narrow` figures half a character, `wide` figures wider with space around them. */
export type Measure = 'narrow' | 'wide';
export const MEASURES: readonly Measure[] = ['narrow', 'wide'];

/** Characters that may not begin a line (避头) and that may not end one (避尾). */
const NO_START = new Set([...'，。、；：！？）》」』”’〕】…—·%）', ...',.;:!?)]}']);
const NO_END = new Set([...'（《「『“‘〔【(']);

const isWide = (ch: string): boolean => ch.charCodeAt(0) >= 0x2e80 || ch === '“' || ch === '”' || ch === '‘' || ch === '’' || ch === '—' || ch === '…';

/** Width of one character in twips at `size` (half-points) with `spacing` twips added to each. */
function widthOf(ch: string, size: number, spacing: number, m: Measure): number {
  const em = size * 10;
  return (isWide(ch) ? em : m === 'narrow' ? em / 2 : em * 0.6) + spacing;
}

/** Figures and Latin letters run together as one word that is not split at a line end. */
function tokens(text: string): string[] {
  const out: string[] = [];
  for (const ch of text) {
    const last = out[out.length - 1];
    if (last !== undefined && !isWide(ch) && ch !== ' ' && !isWide(last[last.length - 1]!) && /[0-9A-Za-z.@_%-]/.test(ch)) out[out.length - 1] = last + ch;
    else out.push(ch);
  }
  return out;
}

export interface LineBox {
  /** twips available on the first line and on the lines after it */
  first: number;
  rest: number;
  /** half-points */
  size: number;
  /** twips added to every character (w:spacing) */
  spacing: number;
}

/** How many lines a paragraph takes when the text is broken into lines of the box. */
export function countLines(text: string, box: LineBox, m: Measure): number {
  if (text === '') return 1;
  const autospace = m === 'wide' ? box.size * 10 * 0.25 : 0;
  const toks = tokens(text);
  let lines = 1;
  let room = box.first;
  let prevWide: boolean | null = null;
  const tokWidth = (t: string): number => [...t].reduce((w, ch) => w + widthOf(ch, box.size, box.spacing, m), 0);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const wide = isWide(t[0]!);
    let w = tokWidth(t) + (prevWide !== null && prevWide !== wide ? autospace : 0);
    const fits = w <= room + 0.5;
    // a closing mark may hang past the line end (narrow) or pull the character before it onto the next line (wide)
    const hangs = !fits && NO_START.has(t) && m === 'narrow';
    if (!fits && !hangs) {
      lines++;
      room = box.rest;
      w = tokWidth(t);
      if (m === 'wide' && i > 0 && (NO_START.has(t) || NO_END.has(toks[i - 1]!))) room -= tokWidth(toks[i - 1]!);
    }
    room -= w;
    prevWide = wide;
  }
  return lines;
}

/** A piece of the circular as the page sees it. */
export type Block =
  /** `keepNext`: a one-line heading never stands alone on a page's last line; it goes to the next page */
  | { kind: 'lines'; lines: Record<Measure, number>; keepNext?: boolean }
  | { kind: 'pageBreak' }
  /** a table: its header row repeats on each page; rows are never split */
  | { kind: 'table'; header: number; rows: number[] };

export interface Position {
  /** 1-based page the last line stands on */
  page: number;
  /** lines used on that page (1…22) */
  used: number;
}

/** Where the last line of `blocks` stands, counted with `m`. */
export function place(blocks: readonly Block[], m: Measure): Position {
  let page = 1;
  let used = 0;
  const advance = (n: number): void => {
    used += n;
    while (used > LINES_PER_PAGE) {
      used -= LINES_PER_PAGE;
      page++;
    }
  };
  for (const b of blocks) {
    if (b.kind === 'lines') {
      if (b.keepNext && used + b.lines[m] === LINES_PER_PAGE) {
        page++;
        used = 0;
      }
      advance(b.lines[m]);
    }
    else if (b.kind === 'pageBreak') {
      if (used > 0) {
        page++;
        used = 0;
      }
    } else {
      const row = (n: number, first: boolean): void => {
        if (used + n > LINES_PER_PAGE && used > 0) {
          page++;
          used = first ? 0 : b.header;
        }
        used += n;
      };
      row(b.header, true);
      for (const r of b.rows) row(r, false);
    }
  }
  return { page, used };
}

/** Where the 版记 goes, and whether the pages before it carry numbers. */
export type ColophonPlan =
  /** at the foot of the text's last page: `fill` blank lines before it */
  | { where: 'same-page'; fill: number }
  /** alone at the foot of the next page, an even page that keeps its number */
  | { where: 'next-page' }
  /** after a blank page; neither the blank page nor the 版记 page is numbered */
  | { where: 'after-blank' };

/**
 * GB/T 9704: the 版记 stands at the foot of the last even page — the text's last page when that page is even and
 * has room, otherwise the next even page; a blank page put in before it and the 版记 page carry no number.
 *
 * The page is decided by the wide count (LibreOffice and WPS with substitute fonts set text wider than Word with
 * 仿宋_GB2312). When the 版记 goes on the text's last page, the blank lines before it are counted wide as well: where
 * the text is set narrower, everything moves up by the lines saved and the 版记 stays on the same page, a line or two
 * above the foot, even when the narrow text ends on the page before. The 版记 on a page of its own starts a section
 * that begins on an even page, so that Word and WPS add a blank page themselves should their text end elsewhere.
 */
export function planColophon(blocks: readonly Block[], colophonLines: number): ColophonPlan {
  const wide = place(blocks, 'wide');
  const narrow = place(blocks, 'narrow');
  const room = LINES_PER_PAGE - wide.used;
  // set narrow, the text saves fewer lines than a page: the 版记 moves up but stays on the wide count's page
  const narrowStays = narrow.page >= wide.page - 1 && (narrow.page - 1) * LINES_PER_PAGE + narrow.used > (wide.page - 2) * LINES_PER_PAGE + wide.used;
  if (wide.page % 2 === 0 && room >= colophonLines && narrowStays) return { where: 'same-page', fill: room - colophonLines };
  return wide.page % 2 === 1 ? { where: 'next-page' } : { where: 'after-blank' };
}
