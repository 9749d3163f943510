// The 通报 of a period: its scores, the circular's facts (第一数量级, best adoption …), the persons of a year and the
// settings the text is written with. The preview page and the report files both start here.
import type { Result } from '../../shared/ipc/contract';
import { quarterCircularText, yearCircularText } from '../../shared/outputs/circular-text';
import { yearPeriod, type Period } from '../../shared/periods';
import { circularFacts, overdueTargetsIn, personScores, type CircularFacts } from '../../shared/scoring';
import type { PersonScore } from '../../shared/scoring/types';
import type { Settings } from '../../shared/settings';
import type { Db } from '../db/database';
import { lockedQuarters, lockedSettings } from '../store/locks';
import { readSettings, settingsOf } from '../store/settings';
import { scoredPeriod, type ScoredPeriod } from './scores';

export interface CircularOf extends ScoredPeriod {
  settings: Settings;
  circular: CircularFacts;
  /** the 个人排名: a year only, empty otherwise */
  persons: PersonScore[];
}

/** `span`: the facts loaded; the report files load a quarter's whole year for its 全年累计 sheet. */
export function circularOf(db: Db, p: Period, asOf: string, span: Period = p): CircularOf {
  const scored = scoredPeriod(db, p, asOf, span);
  // a locked quarter's circular is written with the settings (recipients, office …) it was circulated with
  const kept = p.kind === 'quarter' ? lockedSettings(db, p.code) : null;
  const settings = kept !== null ? settingsOf(kept) : readSettings(db);
  const circular = circularFacts(scored.rules, scored.facts, scored.scores);
  const persons = p.kind === 'year' ? personScores(scored.facts, scored.scores) : [];
  return { ...scored, settings, circular, persons };
}

/** The facts a report of `p` needs: a quarter brings its year (全年累计), a month or a year itself. */
export const reportSpan = (p: Period): Period => (p.kind === 'quarter' ? yearPeriod(p.year) : p);

/** The 通报 page: the draft text, the persons of a year and what still stands in the way of locking a quarter. */
export function circularPreview(db: Db, p: Period, asOf: string): Result<'circular:preview'> {
  const { scores, circular, persons, settings, facts } = circularOf(db, p, asOf);
  const text =
    p.kind === 'year' ? yearCircularText(settings, scores, circular, persons, asOf) : quarterCircularText(settings, scores, circular, asOf);
  const overdueCount = p.kind === 'quarter' ? overdueTargetsIn(facts, p, asOf).length : 0;
  return { scores, circular, text, persons, overdueCount, locked: lockedQuarters(db).has(p.code) };
}
