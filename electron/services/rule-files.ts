// Rule sets to and from a rule file (docs/规则文件.md). Import never rewrites a stored rule set and never changes the
// scores of a locked quarter: a new rule is a new version with its own name and effective date.
import { readFileSync, writeFileSync } from 'node:fs';
import { periodText, quarterOf, quarterPeriod, quartersText } from '../../shared/periods';
import { parseRuleFile, serialiseRuleFile } from '../../shared/rules/file';
import type { RuleSet } from '../../shared/rules/schema';
import { ruleSetForQuarterOf } from '../../shared/scoring/rulesets';
import type { Db } from '../db/database';
import { write } from './write-gate';
import { UserError } from '../db/errors';
import { lockedQuarters } from '../store/locks';
import { insertRuleSet, listRuleSets } from '../store/rulesets';

export interface RuleImportReport {
  file: string;
  dryRun: boolean;
  /** rule sets added (or, in a dry run, that would be), with the quarters each scores from */
  added: { name: string; effectiveFrom: string; scores: string }[];
  /** rule sets already stored with the same content */
  unchanged: string[];
  /** what stops the import; when there is any, nothing is written */
  problems: string[];
}

/** The quarter a rule set effective on `date` first scores: the quarter starting on or after it. */
export function firstQuarterOf(date: string): string {
  const q = quarterOf(date);
  if (q.start === date) return q.code;
  return q.index === 4 ? quarterPeriod(q.year + 1, 1).code : quarterPeriod(q.year, q.index + 1).code;
}

function quarterStart(code: string): string {
  return quarterPeriod(Number(code.slice(0, 4)), Number(code.slice(5))).start;
}

/** Which quarters a rule set scores, in words: 2019年第三季度起各季度; the earliest also every quarter before. */
function coverage(r: RuleSet, earliest: boolean): string {
  return earliest ? `${periodText(quarterOf(r.effectiveFrom).code)}起各季度（最早的规则集，也用于更早的季度）` : `${periodText(firstQuarterOf(r.effectiveFrom))}起各季度`;
}

/** Writes the stored rule sets (all, or the one named) to a rule file. */
export function exportRuleFile(db: Db, file: string, name?: string): string[] {
  const all = listRuleSets(db).map((r) => r.rules);
  const chosen = name === undefined ? all : all.filter((r) => r.name === name);
  if (chosen.length === 0)
    throw new UserError(
      name === undefined
        ? '数据中还没有规则集。'
        : `没有名为“${name}”的规则集。现有：${all.map((r) => r.name).join('、')}。`,
    );
  writeFileSync(file, serialiseRuleFile(chosen), 'utf8');
  return chosen.map((r) => r.name);
}

const same = (a: RuleSet, b: RuleSet): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Checks a rule file's text against the stored rule sets and locks; adds the new rule sets unless `dryRun`. */
export function importRuleText(
  db: Db,
  text: string,
  opts: { file: string; dryRun: boolean; source: string },
): RuleImportReport {
  const report: RuleImportReport = { file: opts.file, dryRun: opts.dryRun, added: [], unchanged: [], problems: [] };
  const parsed = parseRuleFile(text);
  if (!parsed.ok) {
    report.problems.push(...parsed.errors);
    return report;
  }
  const stored = listRuleSets(db).map((r) => r.rules);
  const locks = [...lockedQuarters(db)].sort();
  let after = [...stored];
  const toAdd: RuleSet[] = [];
  for (const r of parsed.value) {
    const byName = stored.find((s) => s.name === r.name);
    if (byName) {
      if (same(byName, r)) report.unchanged.push(r.name);
      else
        report.problems.push(
          `规则集“${r.name}”已存在，内容与文件不同。导入不会改写已有规则集；如是修订后的规则，请在文件中改一个名称和生效日期（另存为新版本）后再导入。`,
        );
      continue;
    }
    const byDate = stored.find((s) => s.effectiveFrom === r.effectiveFrom);
    if (byDate) {
      report.problems.push(`规则集“${r.name}”的生效日期 ${r.effectiveFrom} 与已有的“${byDate.name}”相同，请改用另一个生效日期。`);
      continue;
    }
    const next = [...after, r];
    const changed = locks.filter(
      (q) => ruleSetForQuarterOf(after, quarterStart(q)).name !== ruleSetForQuarterOf(next, quarterStart(q)).name,
    );
    if (changed.length > 0) {
      report.problems.push(
        `规则集“${r.name}”（${r.effectiveFrom} 生效）会改变已锁定的${quartersText(changed)}的计分。请改用晚于这些季度的生效日期；确需重算时先解锁这些季度。`,
      );
      continue;
    }
    after = next;
    toAdd.push(r);
    const earliest = after.every((x) => x.effectiveFrom >= r.effectiveFrom);
    report.added.push({ name: r.name, effectiveFrom: r.effectiveFrom, scores: coverage(r, earliest) });
  }
  if (report.problems.length > 0 || opts.dryRun || toAdd.length === 0) return report;
  const now = new Date().toISOString();
  write(db, opts.source, () => {
    for (const r of toAdd) insertRuleSet(db, r, now);
  });
  return report;
}

export function importRuleFile(db: Db, file: string, opts: { dryRun: boolean; source: string }): RuleImportReport {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UserError(`无法读取规则文件 ${file}，请检查路径。`);
  }
  return importRuleText(db, text, { file, ...opts });
}

export function formatRuleImport(r: RuleImportReport): string {
  const lines: string[] = [];
  if (r.problems.length > 0) {
    lines.push(`规则文件 ${r.file} 有 ${r.problems.length} 处问题，未导入任何规则集：`);
    for (const p of r.problems) lines.push(`  ${p}`);
    return lines.join('\n');
  }
  const verb = r.dryRun ? '检查通过，将导入' : '已导入';
  for (const a of r.added) lines.push(`${verb}规则集“${a.name}”（${a.effectiveFrom} 生效，用于${a.scores}）`);
  for (const n of r.unchanged) lines.push(`规则集“${n}”已存在且内容相同，未重复导入`);
  if (r.added.length === 0 && r.unchanged.length === 0) lines.push('文件中没有规则集。');
  if (r.dryRun) lines.push('（--dry-run：只检查，未写入）');
  return lines.join('\n');
}
