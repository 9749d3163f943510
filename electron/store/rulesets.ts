import { parseRuleSet, type RuleSet } from '../../shared/rules/schema';
import type { Db } from '../db/database';
import { UserError } from '../db/errors';

export interface RuleSetRow {
  id: number;
  rules: RuleSet;
}

export function listRuleSets(db: Db): RuleSetRow[] {
  const rows = db.prepare('SELECT id, name, body FROM rule_sets ORDER BY effective_from').all() as {
    id: number;
    name: string;
    body: string;
  }[];
  return rows.map((r) => {
    const parsed = parseRuleSet(JSON.parse(r.body));
    if (!parsed.ok)
      throw new UserError(`规则集“${r.name}”的内容无效（${parsed.errors.join('；')}），请在“规则设置”中修正。`);
    return { id: r.id, rules: parsed.value };
  });
}

export function ruleSets(db: Db): RuleSet[] {
  return listRuleSets(db).map((r) => r.rules);
}
