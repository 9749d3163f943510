// Scores as every front door asks for them: the one period-scoring set-up (rule sets → facts → engine). No
// arithmetic of its own; the circular, the reports and the pages all start from `scoredPeriod`.
import { parsePeriod, previousPeriod, type Period } from '../../shared/periods';
import type { RuleSet } from '../../shared/rules/schema';
import type { Facts } from '../../shared/domain';
import type { Result } from '../../shared/ipc/contract';
import { allUnitScores, scorePeriod, type PeriodScores } from '../../shared/scoring';
import { today } from '../clock';
import type { Db } from '../db/database';
import { UserError } from '../db/errors';
import { loadFacts } from '../store/facts';
import { ruleSets } from '../store/rulesets';

/** The one reading of a period code a clerk or a page typed: 2019-04, 2019Q2 or 2019. */
export function periodOf(code: string): Period {
  const p = parsePeriod(code);
  if (!p) throw new UserError(`无法识别期间“${code}”。请写成 2019-04（月）、2019Q2（季度）或 2019（年）。`);
  return p;
}

export interface ScoredPeriod {
  period: Period;
  rules: RuleSet[];
  facts: Facts;
  scores: PeriodScores;
}

/**
 * Scores period `p` as of `asOf`. The facts are loaded for `span` (the period itself unless a caller needs more:
 * a quarter's report loads its whole year for 全年累计).
 */
export function scoredPeriod(db: Db, p: Period, asOf = today(), span: Period = p): ScoredPeriod {
  const rules = ruleSets(db);
  const facts = loadFacts(db, rules, span);
  return { period: p, rules, facts, scores: scorePeriod(rules, facts, p, asOf) };
}

export function periodScores(db: Db, p: Period, asOf = today()): PeriodScores {
  return scoredPeriod(db, p, asOf).scores;
}

/** The 计分 page: the period, the one before it (for the change column) and the titles its breakdown cites. */
export function periodScoresView(db: Db, p: Period, asOf: string): Result<'scores:period'> {
  const { facts, scores } = scoredPeriod(db, p, asOf);
  const previous = periodScores(db, previousPeriod(p), asOf);
  const itemTitles: Record<number, string> = {};
  for (const i of facts.items) if (i.id > 0) itemTitles[i.id] = i.title;
  return { scores, previous, itemTitles };
}

/** `scores --json` (docs/命令行.md §3): one object per scored unit. */
export function scoresJson(s: PeriodScores): Record<string, unknown>[] {
  return allUnitScores(s).map((u) => ({
    unit: u.unitName,
    group: u.groupName,
    base: u.base,
    adoption: u.adoption,
    instruction: u.instruction,
    bonus: u.bonus,
    deduction: u.deduction,
    total: u.total,
    rank: u.rank,
    provisional: u.provisional,
    items: u.counts.items,
    adoptions: u.counts.adoptions,
  }));
}

/** The table `scores` prints for a clerk. */
export function scoresTable(s: PeriodScores): string {
  const lines: string[] = [];
  for (const g of s.groups) {
    lines.push(`【${g.name}】`);
    lines.push('排名\t单位\t报送\t基础分\t采用\t批示\t加分\t减分\t得分');
    for (const u of g.units)
      lines.push(
        [u.rank, u.unitName, u.counts.items, u.base, u.adoption, u.instruction, u.bonus, u.deduction, `${u.total}${u.provisional ? '（暂定）' : ''}`].join('\t'),
      );
    lines.push('');
  }
  for (const w of s.warnings) lines.push(`注意：${w}`);
  return lines.join('\n');
}
