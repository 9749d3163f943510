// Rows pasted from Excel, WPS or the OA list (tab-separated): columns found by header text when there is a header
// row, else by what the cells look like. Every row is checked; nothing is guessed silently: what was taken for the
// 正文 shows in the preview.
import { toIsoDate } from '../../shared/dates';
import type { ItemKind } from '../../shared/domain';
import type { UnitView } from '../../shared/ipc/contract';
import { ITEM_BODY_MAX } from '../../shared/journal';
import { splitList, unitNameKey } from '../../shared/text';
import { Vocabulary } from '../../shared/vocabulary';

export interface PastedRow {
  line: number;
  date: string | null;
  unitId: number | null;
  unitText: string;
  title: string;
  kinds: ItemKind[];
  authors: string[];
  /** 正文 as pasted ('' when there is none) */
  body: string;
  problem: string | null;
  /** the pasted row as it was, quoted as Excel quotes it (a row with a problem stays in the box to be corrected) */
  raw: string;
  /** the header row it was read under ('' when none), to go back into the box with it */
  header: string;
}

/** A 正文 cell without a header: it has line breaks, or is longer than any title is (titles are at most 300 字, most
 *  far shorter; a submitted text is hundreds of 字). */
const BODY_LIKE = (c: string) => /\n/.test(c) || c.length > 200;

/**
 * Tab-separated text as Excel and WPS copy it: one row a line, a cell holding a line break, a tab or a quote comes in
 * quotes with its quotes doubled (a 正文 cell always does). A quote that does not open such a cell — text copied from
 * a web page, 《"十四五"规划》 — is kept as it is.
 */
export function splitRows(text: string): { cells: string[]; line: number }[] {
  const t = text.replace(/\r\n?/g, '\n');
  const rows: { cells: string[]; line: number }[] = [];
  let cells: string[] = [];
  let line = 1;
  let start = 1;
  let i = 0;
  for (;;) {
    let cell: string | null = null;
    const q = t[i] === '"' ? quotedCell(t, i) : null;
    if (q) {
      cell = q.value;
      line += (t.slice(i, q.end).match(/\n/g) ?? []).length;
      i = q.end;
    } else {
      const m = t.slice(i).search(/[\t\n]/);
      const to = m < 0 ? t.length : i + m;
      cell = t.slice(i, to);
      i = to;
    }
    cells.push(cell);
    if (i >= t.length) {
      rows.push({ cells, line: start });
      return rows;
    }
    if (t[i] === '\n') {
      rows.push({ cells, line: start });
      cells = [];
      line += 1;
      start = line;
    }
    i += 1;
  }
}

/** The quoted cell opening at `i`: its text and where it ends, or null when the quote closes nothing. */
function quotedCell(t: string, i: number): { value: string; end: number } | null {
  let value = '';
  for (let j = i + 1; j < t.length; j++) {
    if (t[j] !== '"') value += t[j];
    else if (t[j + 1] === '"') {
      value += '"';
      j += 1;
    } else if (j + 1 === t.length || t[j + 1] === '\t' || t[j + 1] === '\n') return { value, end: j + 1 };
    else return null;
  }
  return null;
}

/** A cell as Excel would copy it, so a row put back in the box reads the same. */
const quoted = (c: string) => (/[\t\n"]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);

/** 正文 as pasted, without the blank lines and spaces at its ends (a paragraph's leading 全角 spaces are kept). */
const bodyText = (c: string) => c.replace(/^(\s*\n)+/, '').trimEnd();

/** What an office's name ends with: a cell like this is a unit (perhaps not on the roster), never an author. */
const UNIT_LIKE = /(局|街道|镇|乡|委|办|办公室|中心|院|所|公司|部|站|队|处|会|社区|委员会|政府)$/;

const HEADERS: Record<string, string[]> = {
  date: ['报送日期', '日期', '报送时间', '时间'],
  unit: ['报送单位', '单位', '单位名称', '来文单位'],
  title: ['信息标题', '标题', '题目', '文件标题'],
  kinds: ['类型', '类别', '信息类型'],
  authors: ['作者', '撰稿人', '信息员'],
  body: ['正文', '内容', '全文', '信息内容', '正文内容'],
};

export function parsePasted(text: string, units: UnitView[]): PastedRow[] {
  const byKey = new Map<string, number[]>();
  for (const u of units)
    for (const n of [u.name, ...u.aliases]) {
      const k = unitNameKey(n);
      // a unit whose name and alias read alike is still one unit
      if (!byKey.get(k)?.includes(u.id)) byKey.set(k, [...(byKey.get(k) ?? []), u.id]);
    }
  const rows = splitRows(text)
    .map(({ cells, line }) => ({ raw: cells, cells: cells.map((c) => c.trim()), line }))
    .filter((r) => r.cells.some((c) => c !== ''));
  if (rows.length === 0) return [];
  const header = rows[0]!.cells;
  const map = new Map<string, number>();
  for (const [key, names] of Object.entries(HEADERS)) {
    const i = header.findIndex((h) => names.includes(h.replace(/\s/g, '')));
    if (i >= 0) map.set(key, i);
  }
  const hasHeader = map.has('title') || (map.has('unit') && map.has('date'));
  const data = hasHeader ? rows.slice(1) : rows;
  const headerLine = hasHeader ? rows[0]!.raw.map(quoted).join('\t') : '';
  return data.map(({ cells, raw, line }) => {
    let date: string | null = null;
    let unitText = '';
    let title = '';
    let kindsText = '';
    let authorsText = '';
    let bodyCell = '';
    if (hasHeader) {
      const at = (k: string) => (map.has(k) ? (cells[map.get(k)!] ?? '') : '');
      date = toIsoDate(at('date'));
      unitText = at('unit');
      title = at('title');
      kindsText = at('kinds');
      authorsText = at('authors');
      bodyCell = map.has('body') ? (raw[map.get('body')!] ?? '') : '';
    } else {
      const rest: string[] = [];
      cells.forEach((c, i) => {
        if (c === '') return;
        if (!bodyCell && BODY_LIKE(c)) bodyCell = raw[i]!;
        else if (!date && toIsoDate(c)) date = toIsoDate(c);
        else if (!unitText && byKey.has(unitNameKey(c))) unitText = c;
        else if (!kindsText && Vocabulary.itemKinds(splitList(c)) !== null && /调研|专报|一般/.test(c)) kindsText = c;
        else if (/^\d+$/.test(c)) return; // 序号
        else rest.push(c);
      });
      rest.sort((a, b) => b.length - a.length);
      title = rest[0] ?? '';
      const others = rest.slice(1);
      // a unit not on the roster is reported as such, never taken for an author
      if (!unitText) unitText = others.find((c) => UNIT_LIKE.test(c)) ?? '';
      authorsText = others.find((c) => c !== unitText && c.length <= 12 && !UNIT_LIKE.test(c)) ?? '';
    }
    const ids = byKey.get(unitNameKey(unitText)) ?? [];
    const kinds = Vocabulary.itemKinds(splitList(kindsText));
    const problem = !date
      ? '报送日期缺失或无效'
      : unitText === ''
        ? '没有单位'
        : ids.length !== 1
          ? `单位“${unitText}”不在名单中`
          : title === ''
            ? '没有标题'
            : title.length > 300
              ? '标题超过 300 字'
              : kinds === null
                ? '类型只能是 一般、调研、专报'
                : null;
    const body = bodyText(bodyCell);
    return {
      raw: raw.map(quoted).join('\t'),
      header: headerLine,
      line,
      date,
      unitId: ids.length === 1 ? ids[0]! : null,
      unitText,
      title,
      kinds: kinds ?? [],
      authors: splitList(authorsText),
      body,
      problem: problem ?? (body.length > ITEM_BODY_MAX ? `正文超过 ${ITEM_BODY_MAX} 字` : null),
    };
  });
}
