// The windows a quota or research requirement is judged over, and the month each window's points belong to.
import { isActiveIn, type UnitFact } from '../domain';
import { addDays, isoWeekday, monthsOf, quarterOf, yearPeriod, type Period } from '../periods';

export interface ScoringWindow {
  start: string;
  end: string;
  /** the unit's active months within the window (YYYY-MM) */
  activeMonths: string[];
  monthsInWindow: number;
  label: string;
}

function activeMonthsOf(unit: UnitFact, p: Period): string[] {
  return monthsOf(p)
    .map((m) => m.code)
    .filter((m) => isActiveIn(unit, m));
}

/** The month, quarter or year window that contains month `m`. */
export function windowContaining(unit: UnitFact, kind: 'month' | 'quarter' | 'year', m: Period): ScoringWindow {
  const p = kind === 'month' ? m : kind === 'quarter' ? quarterOf(m.start) : yearPeriod(m.year);
  const label = kind === 'month' ? '当月' : kind === 'quarter' ? '本季度' : '本年度';
  return {
    start: p.start,
    end: p.end,
    activeMonths: activeMonthsOf(unit, p),
    monthsInWindow: kind === 'month' ? 1 : kind === 'quarter' ? 3 : 12,
    label,
  };
}

/** Weeks (Monday–Sunday) belonging to month `m`: each week belongs to the month of its Thursday (ISO 8601). */
export function weeksOfMonth(m: Period): ScoringWindow[] {
  const out: ScoringWindow[] = [];
  let d = m.start;
  while (isoWeekday(d) !== 4) d = addDays(d, 1);
  for (; d <= m.end; d = addDays(d, 7)) {
    const start = addDays(d, -3);
    const end = addDays(d, 3);
    out.push({
      start,
      end,
      activeMonths: [m.code],
      monthsInWindow: 1,
      label: `${Number(start.slice(5, 7))}月${Number(start.slice(8, 10))}日—${Number(end.slice(5, 7))}月${Number(end.slice(8, 10))}日当周`,
    });
  }
  return out;
}

/** Whether month `m` is where a window's once-only points are shown: its last active month. */
export function isLastActiveMonth(w: ScoringWindow, m: Period): boolean {
  return w.activeMonths.length > 0 && w.activeMonths[w.activeMonths.length - 1] === m.code;
}

