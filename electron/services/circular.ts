// The 通报 of a period: its scores, the circular's facts (第一数量级, best adoption …), the persons of a year and the
// settings the text is written with. The preview page and the report files both start here.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Args, Result } from '../../shared/ipc/contract';
import { quarterCircularText, withEdits, yearCircularText } from '../../shared/outputs/circular-text';
import { compare, totalsOf, type Comparison, type PeriodTotals } from '../../shared/outputs/circular-compare';
import { periodLabel, previousPeriod, quarterPeriod, yearPeriod, type Period } from '../../shared/periods';
import { circularFacts, overdueTargetsIn, personScores, type CircularFacts } from '../../shared/scoring';
import type { PersonScore } from '../../shared/scoring/types';
import { FIELD_LIMITS, fitFileName } from '../../shared/field-limits';
import type { Settings } from '../../shared/settings';
import type { Db } from '../db/database';
import { UserError } from '../db/errors';
import { keptDocumentList, readCircularIssue, replaceKeptDocuments, writeCircularIssue } from '../store/circulars';
import { lockedAt, lockedQuarters, lockedSettings } from '../store/locks';
import { readSettings, settingsOf } from '../store/settings';
import { scoredPeriod, type ScoredPeriod } from './scores';
import { write } from './write-gate';

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
  // a locked quarter's circular is written with the settings (recipients, office …) it was circulated with
  const kept = p.kind === 'quarter' ? lockedSettings(db, p.code) : null;
  const settings = kept !== null ? settingsOf(kept) : readSettings(db);
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
  const issue = readCircularIssue(db, p.code);
  return {
    scores,
    circular,
    // the drafted text with the clerk's rewrites; `drafted` keeps what the data says, for 恢复原稿
    text: withEdits(text, issue.edits),
    drafted: text,
    persons,
    overdueCount,
    locked: lockedQuarters(db).has(p.code),
    issue,
    kept: p.kind === 'quarter' ? keptDocumentList(db, p.code) : [],
  };
}

/**
 * Remembers the 成文日期, 文号 and rewritten parts of a period's circular. A locked quarter's circular went out as it
 * was: it cannot be changed until the quarter is unlocked.
 */
export function saveCircularIssue(db: Db, a: Args<'circular:saveIssue'>, source: string): null {
  if (/Q/.test(a.period) && lockedAt(db, a.period) !== null)
    throw new UserError(`${periodLabel(periodOfCode(a.period))}已锁定，通报已按锁定时的样子留存；要修改请先解锁该季度。`);
  const edits = Object.fromEntries(Object.entries(a.edits).filter(([, v]) => v.some((x) => x !== '')).map(([k, v]) => [k, v.filter((x) => x !== '')]));
  write(db, source, () => writeCircularIssue(db, a.period, { date: a.date, docNo: a.docNo, edits }));
  return null;
}

const periodOfCode = (code: string): Period => (code.includes('Q') ? quarterPeriod(Number(code.slice(0, 4)), Number(code.slice(5))) : yearPeriod(Number(code)));

/** The largest signed version kept: a scanned PDF of a few pages fits easily. */
const SIGNED_MAX_BYTES = 50 * 1024 * 1024;

/** Keeps the signed final version the clerk chose (a scan or the edited .docx) with a locked quarter. */
export function attachSigned(db: Db, p: Period, file: string, source: string): { name: string } {
  if (lockedAt(db, p.code) === null) throw new UserError(`${periodLabel(p)}还没有锁定：请先锁定季度，再附上签发稿。`);
  const size = statSync(file).size;
  if (size > SIGNED_MAX_BYTES) throw new UserError('签发稿超过 50 MB，请压缩扫描件（如降低分辨率）后再附上。');
  const name = fitFileName(basename(file), FIELD_LIMITS.keptDocumentName);
  const signed = [{ kind: 'signed' as const, name, content: readFileSync(file) }];
  write(db, source, () => replaceKeptDocuments(db, p.code, 'signed', signed));
  return { name };
}
