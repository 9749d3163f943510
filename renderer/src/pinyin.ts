// Unit and publication search by name, alias or pinyin (full or initials): 凤城 · fc · fengcheng · 发改 · jnzwxx.
import { pinyin } from 'pinyin-pro';
import type { UnitView } from '../../shared/ipc/contract';

const cache = new Map<string, string[]>();

function keys(text: string): string[] {
  let k = cache.get(text);
  if (!k) {
    const full = pinyin(text, { toneType: 'none', type: 'array' }).join('').toLowerCase();
    const initials = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase();
    k = [text, full, initials];
    cache.set(text, k);
  }
  return k;
}

/** The initials of a name without its 区/莱芜区/市 prefix: 区农业农村局 → nyncj. */
function coreInitials(text: string): string {
  return keys(text.replace(/^(莱芜区|济南市|莱芜|区|市)/, ''))[2]!;
}

/** q's letters in order, starting with the first: fgw in fzhggwyh (发改委 → 发展和改革委员会), nyj in nyncj (农业局). */
function abbreviates(initials: string, q: string): boolean {
  if (q.length < 3 || !/^[a-z]+$/.test(q) || initials[0] !== q[0]) return false;
  let i = 0;
  for (const c of initials) if (c === q[i]) i++;
  return i === q.length;
}

/**
 * How well a unit matches what was typed, best first: 0 its initials exactly (sjj → 区审计局, with or without the
 * 区 prefix), 1 its initials begin with it, 2 its name or an alias contains it, 3 anything looser (full pinyin,
 * initials inside, an abbreviation); null: no match. Enter picks the first of the list, so the order matters.
 */
export function unitRank(unit: Pick<UnitView, 'name' | 'aliases'>, query: string): number | null {
  const q = query.trim().toLowerCase().replace(/\s+/g, '');
  if (q === '') return 3;
  const names = [unit.name, ...unit.aliases];
  const initials = names.flatMap((n) => [keys(n)[2]!, coreInitials(n)]);
  if (names.includes(q) || initials.includes(q)) return 0;
  if (initials.some((i) => i.startsWith(q))) return 1;
  if (names.some((n) => n.toLowerCase().includes(q))) return 2;
  // the common short names clerks type (发改委 fgw, 农业局 nyj) abbreviate the name or an alias
  if (names.some((n) => keys(n).some((k) => k.includes(q))) || names.some((n) => abbreviates(coreInitials(n), q))) return 3;
  return null;
}

export function unitMatches(unit: Pick<UnitView, 'name' | 'aliases'>, query: string): boolean {
  return unitRank(unit, query) !== null;
}

/** Units matching what was typed, best match first; equal matches keep their order (the roster's). */
export function rankUnits<U extends Pick<UnitView, 'name' | 'aliases'>>(units: readonly U[], query: string): U[] {
  return units
    .map((u, i) => ({ u, i, r: unitRank(u, query) }))
    .filter((x) => x.r !== null)
    .sort((a, b) => a.r! - b.r! || a.i - b.i)
    .map((x) => x.u);
}

/** A publication found as units are: by name or pinyin, initials first (lwzwxx or zwxx → 《莱芜政务信息》). */
const publicationRank = (option: { name?: unknown } | undefined, typed: string): number | null =>
  typeof option?.name === 'string' ? unitRank({ name: option.name, aliases: [] }, typed) : null;
export const PUBLICATION_SEARCH = {
  filterOption: (typed: string, option?: { name?: unknown }) => publicationRank(option, typed) !== null,
  // the best match first, so Enter picks the publication the initials spell
  filterSort: (a: { name?: unknown }, b: { name?: unknown }, info: { searchValue: string }) =>
    (publicationRank(a, info.searchValue) ?? 9) - (publicationRank(b, info.searchValue) ?? 9),
};
