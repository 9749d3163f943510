// The 规则设置 page: rule sets with the quarters each one scores, and saving one. A rule set that scored a locked
// quarter is history and cannot change: the clerk saves a new version with a later effective date instead.
import type { Result } from '../../shared/ipc/contract';
import { quartersOf, quartersText, yearPeriod } from '../../shared/periods';
import { parseRuleSet } from '../../shared/rules/schema';
import { ruleSetForQuarterOf } from '../../shared/scoring';
import { nowIso } from '../clock';
import type { Db } from '../db/database';
import { write } from './write-gate';
import { UserError } from '../db/errors';
import { submittedRange } from '../store/counts';
import { lockedQuarters } from '../store/locks';
import { insertRuleSet, listRuleSets, ruleSetClashes, ruleSets, updateRuleSet } from '../store/rulesets';
import { Vocabulary } from '../../shared/vocabulary';

/** Every rule set with the quarters it scores, from the first item's year to this year, and which are locked. */
/** The names the rule sets give their keys (分组, 约稿方, 事项 …), newest name first, for lists in the office's words. */
export function ruleWords(db: Db): Vocabulary {
  return new Vocabulary(ruleSets(db));
}

export function listRulesInUse(db: Db, asOf: string): Result<'rules:list'> {
  const rows = listRuleSets(db);
  const all = rows.map((r) => r.rules);
  const locks = lockedQuarters(db);
  const range = submittedRange(db);
  const first = Number((range.first ?? asOf).slice(0, 4));
  const last = Math.max(Number((range.last ?? asOf).slice(0, 4)), Number(asOf.slice(0, 4)));
  return rows.map((r) => {
    const usedBy: string[] = [];
    for (let y = first; y <= last; y++)
      for (const q of quartersOf(yearPeriod(y))) if (ruleSetForQuarterOf(all, q.start).name === r.rules.name) usedBy.push(q.code);
    return { id: r.id, rules: r.rules, usedBy, lockedPeriods: usedBy.filter((q) => locks.has(q)) };
  });
}

/** Saves a rule set (a new one when `id` is absent) after validating it; refuses one that scored a locked quarter. */
export function saveRules(db: Db, input: { id?: number; rules: unknown }, source: string, asOf: string): Result<'rules:save'> {
  const parsed = parseRuleSet(input.rules);
  if (!parsed.ok) throw new UserError(`规则有误：${parsed.errors.join('；')}`);
  const rules = parsed.value;
  const t = nowIso();
  const id = input.id;
  if (id !== undefined) {
    const cur = listRulesInUse(db, asOf).find((r) => r.id === id);
    if (!cur) throw new UserError('这个规则集已不存在，请刷新后重试。');
    if (cur.lockedPeriods.length > 0)
      throw new UserError(`这个规则集已用于已通报并锁定的${quartersText(cur.lockedPeriods)}，不能修改，数据未改动；请“另存为新版本”，设置新的生效日期。`);
  }
  return write(db, source, () => {
    if (ruleSetClashes(db, rules, id)) throw new UserError('已有同名或同一生效日期的规则集，请换一个名称或生效日期。');
    if (id === undefined) return { id: insertRuleSet(db, rules, t) };
    updateRuleSet(db, id, rules, t);
    return { id };
  });
}
