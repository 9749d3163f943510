// The 通报 of a period: its scores, the circular's facts (第一数量级, best adoption …), the persons of a year and the
// settings the text is written with. The preview page and the report files both start here.
import type { Result } from '../../shared/ipc/contract';
import { quarterCircularText, yearCircularText } from '../../shared/outputs/circular-text';
import { compare, totalsOf, type Comparison, type PeriodTotals } from '../../shared/outputs/circular-compare';
import { previousPeriod, quarterPeriod, yearPeriod, type Period } from '../../shared/periods';
import { circularFacts, overdueTargetsIn, personScores, type CircularFacts } from '../../shared/scoring';
import type { PersonScore } from '../../shared/scoring/types';
import type { Settings } from '../../shared/settings';
import type { Db } from '../db/database';
import { lockedQuarters } from '../store/locks';
import { readSettings } from '../store/settings';
import { scoredPeriod, type ScoredPeriod } from './scores';

export interface CircularOf extends ScoredPeriod {
  settings: Settings;
  circular: CircularFacts;
  /** the 个人排名: a year only, empty otherwise */
  persons: PersonScore[];
  /** highlights, rank changes and the period against the one before and a year before */
  comparison: Comparison;
}

/** A period's totals and scores, or null when the ledger recorded nothing in it (before the office began). */
function earlier(db: Db, p: Period, asOf: string): { scores: ScoredPeriod['scores']; totals: PeriodTotals } | null {
  const s = scoredPeriod(db, p, asOf);
  const totals = totalsOf(circularFacts(s.rules, s.facts, s.scores).summary);
  return totals.items === 0 && totals.adoptions === 0 && totals.instructions === 0 ? null : { scores: s.scores, totals };
}

/** `span`: the facts loaded; the report files load a quarter's whole year for its 全年累计 sheet. */
export function circularOf(db: Db, p: Period, asOf: string, span: Period = p): CircularOf {
  const scored = scoredPeriod(db, p, asOf, span);
  const settings = readSettings(db);
  const circular = circularFacts(scored.rules, scored.facts, scored.scores);
  const persons = p.kind === 'year' ? personScores(scored.facts, scored.scores) : [];
  const prev = p.kind === 'month' ? null : earlier(db, previousPeriod(p), asOf);
  const lastYear = p.kind === 'quarter' ? earlier(db, quarterPeriod(p.year - 1, p.index), asOf) : null;
  const comparison = compare(scored.rules, scored.facts, scored.scores, prev?.scores ?? null, { previous: prev?.totals ?? null, lastYear: lastYear?.totals ?? null });
  return { ...scored, settings, circular, persons, comparison };
}

/** The facts a report of `p` needs: a quarter brings its year (全年累计), a month or a year itself. */
export const reportSpan = (p: Period): Period => (p.kind === 'quarter' ? yearPeriod(p.year) : p);

/** The 通报 page: the draft text, the persons of a year and what still stands in the way of locking a quarter. */
export function circularPreview(db: Db, p: Period, asOf: string): Result<'circular:preview'> {
  const { scores, circular, persons, settings, facts, comparison } = circularOf(db, p, asOf);
  const text =
    p.kind === 'year'
      ? yearCircularText(settings, scores, circular, persons, asOf, comparison)
      : quarterCircularText(settings, scores, circular, asOf, comparison);
  const overdueCount = p.kind === 'quarter' ? overdueTargetsIn(facts, p, asOf).length : 0;
  return { scores, circular, text, persons, overdueCount, locked: lockedQuarters(db).has(p.code) };
}
