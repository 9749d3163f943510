// Scores as every front door asks for them: load the period's facts, run the engine. No arithmetic of its own.
import { parsePeriod, type Period } from '../../shared/periods';
import { allUnitScores, scorePeriod, type PeriodScores } from '../../shared/scoring';
import type { Db } from '../db/database';
import { UserError } from '../db/errors';
import { loadFacts } from '../store/facts';
import { ruleSets } from '../store/rulesets';

/** Today in the office's local time, YYYY-MM-DD. */
export function today(now = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function periodOrThrow(code: string): Period {
  const p = parsePeriod(code);
  if (!p) throw new UserError(`无法识别期间“${code}”。请写成 2019-04（月）、2019Q2（季度）或 2019（年）。`);
  return p;
}

export function periodScores(db: Db, p: Period, asOf = today()): PeriodScores {
  const rules = ruleSets(db);
  return scorePeriod(rules, loadFacts(db, rules, p), p, asOf);
}

/** `scores --json` (exchange.md §2): one object per scored unit. */
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
