// Period maths on ISO date text (YYYY-MM-DD). Dates are plain text everywhere: no time zones.

export type PeriodKind = 'month' | 'quarter' | 'year';

export interface Period {
  kind: PeriodKind;
  /** canonical code: 2019-04, 2019Q2, 2019 */
  code: string;
  year: number;
  /** 1..4 for quarters, 1..12 for months, 0 for years */
  index: number;
  /** first day, inclusive */
  start: string;
  /** last day, inclusive */
  end: string;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function monthPeriod(year: number, month: number): Period {
  return {
    kind: 'month',
    code: `${year}-${pad2(month)}`,
    year,
    index: month,
    start: `${year}-${pad2(month)}-01`,
    end: `${year}-${pad2(month)}-${pad2(daysInMonth(year, month))}`,
  };
}

export function quarterPeriod(year: number, quarter: number): Period {
  const m1 = (quarter - 1) * 3 + 1;
  const m3 = m1 + 2;
  return {
    kind: 'quarter',
    code: `${year}Q${quarter}`,
    year,
    index: quarter,
    start: `${year}-${pad2(m1)}-01`,
    end: `${year}-${pad2(m3)}-${pad2(daysInMonth(year, m3))}`,
  };
}

export function yearPeriod(year: number): Period {
  return { kind: 'year', code: String(year), year, index: 0, start: `${year}-01-01`, end: `${year}-12-31` };
}

/** Parses 2019-04 / 2019-4 / 2019Q2 / 2019q2 / 2019 / 2019年第二季度-like codes the CLI and UI accept. */
export function parsePeriod(text: string): Period | null {
  const t = text.trim();
  let m = /^(\d{4})$/.exec(t);
  if (m) return yearPeriod(Number(m[1]));
  m = /^(\d{4})\s*[Qq]\s*([1-4])$/.exec(t);
  if (m) return quarterPeriod(Number(m[1]), Number(m[2]));
  m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(t);
  if (m) {
    const month = Number(m[2]);
    if (month >= 1 && month <= 12) return monthPeriod(Number(m[1]), month);
  }
  return null;
}

export function monthsOf(p: Period): Period[] {
  if (p.kind === 'month') return [p];
  const first = p.kind === 'quarter' ? (p.index - 1) * 3 + 1 : 1;
  const count = p.kind === 'quarter' ? 3 : 12;
  return Array.from({ length: count }, (_, i) => monthPeriod(p.year, first + i));
}

export function quartersOf(p: Period): Period[] {
  if (p.kind === 'year') return [1, 2, 3, 4].map((q) => quarterPeriod(p.year, q));
  return [quarterOf(p.start)];
}

export function monthOf(date: string): Period {
  return monthPeriod(Number(date.slice(0, 4)), Number(date.slice(5, 7)));
}

export function quarterOf(date: string): Period {
  return quarterPeriod(Number(date.slice(0, 4)), Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1);
}

export function monthCode(date: string): string {
  return date.slice(0, 7);
}

/** The month before (for 连续两个月不报送 across the quarter boundary). */
export function previousMonth(p: Period): Period {
  return p.index === 1 ? monthPeriod(p.year - 1, 12) : monthPeriod(p.year, p.index - 1);
}

export function previousPeriod(p: Period): Period {
  if (p.kind === 'year') return yearPeriod(p.year - 1);
  if (p.kind === 'quarter') return p.index === 1 ? quarterPeriod(p.year - 1, 4) : quarterPeriod(p.year, p.index - 1);
  return previousMonth(p);
}

export function inPeriod(date: string, p: { start: string; end: string }): boolean {
  return date >= p.start && date <= p.end;
}

/** 2019年第二季度 / 2019年4月 / 2019年 */
export function periodLabel(p: Period): string {
  if (p.kind === 'year') return `${p.year}年`;
  if (p.kind === 'quarter') return `${p.year}年第${'一二三四'[p.index - 1]}季度`;
  return `${p.year}年${p.index}月`;
}

/** 2019Q2 → 2019年第二季度 (a code never reaches the screen). */
export function periodText(code: string): string {
  const p = parsePeriod(code);
  return p ? periodLabel(p) : code;
}

/** Quarters as the clerk reads them: consecutive runs joined, "2019年第二季度至2020年第一季度", or "…起" when open-ended. */
export function quartersText(codes: string[], openEnded = false): string {
  const sorted = [...codes].sort();
  const index = (c: string): number => Number(c.slice(0, 4)) * 4 + Number(c.slice(5)) - 1;
  const runs: [string, string][] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && index(c) === index(last[1]) + 1) last[1] = c;
    else runs.push([c, c]);
  }
  return runs
    .map(([a, b], i) => (openEnded && i === runs.length - 1 ? `${periodText(a)}起` : a === b ? periodText(a) : `${periodText(a)}至${periodText(b)}`))
    .join('、');
}

/** 2019年7月10日 (no zero padding, as GB/T 9704 writes dates) */
export function chineseDate(date: string): string {
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** Adds days to an ISO date. */
export function addDays(date: string, days: number): string {
  const d = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))));
  d.setUTCDate(d.getUTCDate() + days);
  return isoFromUTC(d);
}

export function isoFromUTC(d: Date): string {
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** Monday-based ISO weekday, 1 = Monday .. 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}
