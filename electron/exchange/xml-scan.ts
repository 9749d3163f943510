// Looking at worksheet XML before a reader library does, in one pass each: no regular expression here may look
// ahead past the tag it is on, so a sheet of 160,000 unclosed tags costs what its length costs, never its square.
import { LIMITS } from './limits';

const NAME = '(?:[A-Za-z_][\\w.-]*:)?';

/** Calls `each` for every start tag `<name …>` or `<prefix:name …>` (`end` is just past its `>`). Linear. */
export function forEachTag(xml: string, name: string, each: (tag: string, start: number, end: number) => void): void {
  const re = new RegExp(`<${NAME}${name}(?=[\\s/>])`, 'g');
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const close = xml.indexOf('>', m.index);
    if (close < 0) return;
    each(xml.slice(m.index, close + 1), m.index, close + 1);
    re.lastIndex = close + 1;
  }
}

/** The value of one attribute in a start tag (the tag alone, so this never scans the document). */
export function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${NAME}${name}\\s*=\\s*"([^"]*)"`).exec(tag)?.[1] ?? new RegExp(`\\s${NAME}${name}\\s*=\\s*'([^']*)'`).exec(tag)?.[1];
}

/**
 * Removes every `<name>…</name>` element (or `<name/>`). One never closed is cut to the end of the worksheet: such
 * a part is damaged there, and what follows it (validations, links, page set-up) is nothing the importer reads.
 */
export function cutElements(xml: string, name: string): string {
  const out: string[] = [];
  const open = new RegExp(`<${NAME}${name}(?=[\\s/>])`, 'g');
  const close = new RegExp(`</${NAME}${name}\\s*>`, 'g');
  let kept = 0;
  for (let m = open.exec(xml); m; m = open.exec(xml)) {
    const tagEnd = xml.indexOf('>', m.index);
    out.push(xml.slice(kept, m.index));
    if (tagEnd < 0) {
      kept = xml.length;
      break;
    }
    if (xml[tagEnd - 1] === '/') {
      kept = tagEnd + 1;
      open.lastIndex = kept;
      continue;
    }
    close.lastIndex = tagEnd + 1;
    const c = close.exec(xml);
    if (!c) {
      const endOfSheet = xml.lastIndexOf('</');
      kept = endOfSheet > tagEnd ? endOfSheet : xml.length;
      break;
    }
    kept = c.index + c[0].length;
    open.lastIndex = kept;
  }
  out.push(xml.slice(kept));
  return out.join('');
}

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

export interface SheetScan {
  /** the sheet XML with drop-down lists and monstrous merges cut */
  xml: string;
  /** rows that hold at least one value (styled empty rows do not count) */
  rowsWithValues: number;
  merges: number;
}

/**
 * Whole-column drop-down lists (`sqref="Q2:Q1048576"`, common in WPS and Excel templates) make exceljs build a
 * million-cell model per list, so they are cut (the importer needs no validations), and so are merges too large to
 * mean anything. On the way, the rows holding values and the merges are counted, so a sheet too long to import is
 * refused before any reader keeps its rows, and a sheet of many merges goes to a reader that handles them in
 * linear time.
 */
export function scanSheetXml(raw: string): SheetScan {
  let xml = cutElements(raw, 'dataValidations');
  let merges = 0;
  const cuts: [number, number][] = [];
  forEachTag(xml, 'mergeCell', (tag, start, end) => {
    merges++;
    const m = /^([A-Za-z]{1,3})(\d{1,7}):([A-Za-z]{1,3})(\d{1,7})$/.exec(attr(tag, 'ref') ?? '');
    if (m && (Number(m[4]) - Number(m[2]) + 1) * (colNumber(m[3]!) - colNumber(m[1]!) + 1) > 100_000) cuts.push([start, end]);
  });
  if (cuts.length > 0) {
    const parts: string[] = [];
    let at = 0;
    for (const [s, e] of cuts) {
      parts.push(xml.slice(at, s));
      at = e;
    }
    parts.push(xml.slice(at));
    xml = parts.join('');
  }
  return { xml, rowsWithValues: countRowsWithValues(xml), merges };
}

/** Rows with a value (`<v>` or an inline string) inside them; one forward pointer for values keeps it linear. */
export function countRowsWithValues(xml: string, stopAt = LIMITS.rows * 10): number {
  const rowOpen = new RegExp(`<${NAME}row(?=[\\s/>])`, 'g');
  const rowClose = new RegExp(`</${NAME}row\\s*>`, 'g');
  const value = new RegExp(`<${NAME}(?:v|is)(?=[\\s>])`, 'g');
  let nextValue = -1;
  let n = 0;
  for (let m = rowOpen.exec(xml); m; m = rowOpen.exec(xml)) {
    const tagEnd = xml.indexOf('>', m.index);
    if (tagEnd < 0) break;
    if (xml[tagEnd - 1] === '/') {
      rowOpen.lastIndex = tagEnd + 1;
      continue;
    }
    rowClose.lastIndex = tagEnd + 1;
    const c = rowClose.exec(xml);
    const rowEnd = c ? c.index : xml.length;
    if (nextValue !== Infinity && nextValue < tagEnd) {
      value.lastIndex = tagEnd;
      const v = value.exec(xml);
      nextValue = v ? v.index : Infinity;
    }
    if (nextValue < rowEnd) n++;
    if (n > stopAt || !c) break;
    rowOpen.lastIndex = c.index + c[0].length;
  }
  return n;
}

/** Deeper than any worksheet is written (worksheet › sheetData › row › c › is › r › t is seven). */
export const MAX_XML_DEPTH = 100;

/**
 * Whether a part's tags are balanced and no deeper than MAX_XML_DEPTH, in one pass: a part cut short or nested
 * absurdly (100,000 levels inside one cell) is damaged, whatever a lenient reader would make of it.
 */
export function xmlShape(xml: string): 'ok' | 'unbalanced' | 'too-deep' {
  const stack: string[] = [];
  let i = xml.indexOf('<');
  while (i >= 0) {
    const next = xml[i + 1];
    if (next === '?') {
      const e = xml.indexOf('?>', i + 2);
      if (e < 0) return 'unbalanced';
      i = xml.indexOf('<', e + 2);
      continue;
    }
    if (next === '!') {
      const end = xml.startsWith('<!--', i) ? xml.indexOf('-->', i + 4) : xml.startsWith('<![CDATA[', i) ? xml.indexOf(']]>', i + 9) : xml.indexOf('>', i + 2);
      if (end < 0) return 'unbalanced';
      i = xml.indexOf('<', end + 1);
      continue;
    }
    const close = xml.indexOf('>', i + 1);
    if (close < 0) return 'unbalanced';
    if (next === '/') {
      const name = xml.slice(i + 2, close).trim();
      if (stack.pop() !== name) return 'unbalanced';
    } else if (xml[close - 1] !== '/') {
      let e = i + 1;
      while (e < close && !/[\s/]/.test(xml[e]!)) e++;
      stack.push(xml.slice(i + 1, e));
      if (stack.length > MAX_XML_DEPTH) return 'too-deep';
    }
    i = xml.indexOf('<', close + 1);
  }
  return stack.length === 0 ? 'ok' : 'unbalanced';
}
