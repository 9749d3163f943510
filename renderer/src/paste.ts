// Rows pasted from Excel, WPS or the OA list (tab-separated): columns found by header text when there is a header
// row, else by what the cells look like. Every row is checked; nothing is guessed silently.
import { toIsoDate } from '../../shared/dates';
import type { ItemKind } from '../../shared/domain';
import type { UnitView } from '../../shared/ipc/contract';
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
  problem: string | null;
  /** the pasted line as it was (a row with a problem stays in the box to be corrected); the header line first if any */
  raw: string;
}

/** What an office's name ends with: a cell like this is a unit (perhaps not on the roster), never an author. */
const UNIT_LIKE = /(局|街道|镇|乡|委|办|办公室|中心|院|所|公司|部|站|队|处|会|社区|委员会|政府)$/;

const HEADERS: Record<string, string[]> = {
  date: ['报送日期', '日期', '报送时间', '时间'],
  unit: ['报送单位', '单位', '单位名称', '来文单位'],
  title: ['信息标题', '标题', '题目', '文件标题'],
  kinds: ['类型', '类别', '信息类型'],
  authors: ['作者', '撰稿人', '信息员'],
};

export function parsePasted(text: string, units: UnitView[]): PastedRow[] {
  const byKey = new Map<string, number[]>();
  for (const u of units)
    for (const n of [u.name, ...u.aliases]) {
      const k = unitNameKey(n);
      byKey.set(k, [...(byKey.get(k) ?? []), u.id]);
    }
  const lines = text.replace(/\r/g, '').split('\n').map((l) => l.split('\t').map((c) => c.trim()));
  const rows = lines.map((cells, i) => ({ cells, line: i + 1 })).filter((r) => r.cells.some((c) => c !== ''));
  if (rows.length === 0) return [];
  const header = rows[0]!.cells;
  const map = new Map<string, number>();
  for (const [key, names] of Object.entries(HEADERS)) {
    const i = header.findIndex((h) => names.includes(h.replace(/\s/g, '')));
    if (i >= 0) map.set(key, i);
  }
  const hasHeader = map.has('title') || (map.has('unit') && map.has('date'));
  const body = hasHeader ? rows.slice(1) : rows;
  const headerLine = hasHeader ? `${header.join('\t')}\n` : '';
  return body.map(({ cells, line }) => {
    let date: string | null = null;
    let unitText = '';
    let title = '';
    let kindsText = '';
    let authorsText = '';
    if (hasHeader) {
      const at = (k: string) => (map.has(k) ? (cells[map.get(k)!] ?? '') : '');
      date = toIsoDate(at('date'));
      unitText = at('unit');
      title = at('title');
      kindsText = at('kinds');
      authorsText = at('authors');
    } else {
      const rest: string[] = [];
      for (const c of cells) {
        if (c === '') continue;
        if (!date && toIsoDate(c)) date = toIsoDate(c);
        else if (!unitText && byKey.has(unitNameKey(c))) unitText = c;
        else if (!kindsText && Vocabulary.itemKinds(splitList(c)) !== null && /调研|专报|一般/.test(c)) kindsText = c;
        else if (/^\d+$/.test(c)) continue; // 序号
        else rest.push(c);
      }
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
    return { raw: `${headerLine}${cells.join('\t')}`, line, date, unitId: ids.length === 1 ? ids[0]! : null, unitText, title, kinds: kinds ?? [], authors: splitList(authorsText), problem };
  });
}
