// Chinese text normalisation (docs/已知问题与对策.md §5: do not NFKC everything — it rewrites ，（）：).

/** Full-width ASCII (U+FF01–FF5E) and the ideographic space → half-width; trims. Keeps Chinese punctuation. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Full-width digits and Latin letters → ASCII; Chinese punctuation （），：； stays as the clerk typed it. */
export function toHalfWidthAlnum(s: string): string {
  return s
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** Cell text as stored: full-width letters and digits made half-width, trimmed, runs of spaces folded. */
export function cleanText(s: string): string {
  return toHalfWidthAlnum(s)
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

// Longest first. 区 is stripped too [decision]: the office writes 区财政局, 莱芜区财政局 and 济南市莱芜区财政局 for
// one unit, and a bare 区 prefix never distinguishes two units of one district.
const DISTRICT_PREFIXES = ['济南市莱芜区', '莱芜区', '区'];

/** The key unit names are matched by (docs/数据交换工作簿.md §1.2): half-width, no spaces, leading district name removed. */
export function unitNameKey(name: string): string {
  const k = toHalfWidth(name).replace(/\s+/g, '');
  for (const prefix of DISTRICT_PREFIXES) {
    if (k.startsWith(prefix) && k.length > prefix.length) return k.slice(prefix.length);
  }
  return k;
}

/** Key for names of publications, event kinds and other vocabulary: no brackets, dots or spaces. */
export function vocabKey(name: string): string {
  return toHalfWidth(name).replace(/[\s《》〈〉<>·•・."“”]/g, '');
}

/** Splits a list cell: 、 ； ; ， , / and new lines separate entries. */
export function splitList(s: string): string[] {
  return cleanText(s)
    .split(/[、；;，,/\n]+/)
    .map((x) => x.trim())
    .filter((x) => x.length > 0);
}

/** Character bigrams of a normalised title, for similar-title warnings (Dice coefficient). */
export function titleBigrams(title: string): Set<string> {
  const t = toHalfWidth(title).replace(/[\s\p{P}]/gu, '');
  const out = new Set<string>();
  for (let i = 0; i < t.length - 1; i++) out.add(t.slice(i, i + 2));
  if (t.length === 1) out.add(t);
  return out;
}

export function titleSimilarity(a: string, b: string): number {
  const x = titleBigrams(a);
  const y = titleBigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return (2 * common) / (x.size + y.size);
}
