import { parseRuleSet, storedRuleSetSchema, type RuleSet } from '../../shared/rules/schema';
import { cachedStatement, type Db } from '../db/database';
import { UserError } from '../db/errors';

export interface RuleSetRow {
  id: number;
  rules: RuleSet;
}

const parsedBodies = new Map<string, RuleSet>();

/** Shared between callers, so frozen: a caller that tried to change it would fail loudly, not corrupt the next. */
function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

/**
 * Rule sets saved before the shortfall and 扣完为止 clauses were fields of the rule set showed 四1 and 四1、四4 (the
 * clauses of the one regulation then built in): they keep showing what they showed, until a clerk edits them.
 */
function withClausesOfOldSaves(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const b = body as Record<string, unknown>;
  if ('shortfallClause' in b || 'floorClause' in b) return body;
  const groups = Array.isArray(b.groups) ? (b.groups as { quota?: { clause?: string } | null }[]) : [];
  const quotaCited = groups.some((g) => typeof g?.quota?.clause === 'string' && g.quota.clause !== '');
  return { ...b, shortfallClause: quotaCited ? '四1' : '', floorClause: '四1、四4' };
}

export function listRuleSets(db: Db): RuleSetRow[] {
  const rows = cachedStatement(db, 'SELECT id, name, body FROM rule_sets ORDER BY effective_from').all() as {
    id: number;
    name: string;
    body: string;
  }[];
  return rows.map((r) => {
    // a rule set's text is parsed and validated once; pages ask for it on every load
    const known = parsedBodies.get(r.body);
    if (known) return { id: r.id, rules: known };
    const parsed = parseRuleSet(withClausesOfOldSaves(JSON.parse(r.body)), storedRuleSetSchema);
    if (!parsed.ok)
      throw new UserError(`规则集“${r.name}”的内容无效（${parsed.errors.join('；')}），请在“规则设置”中修正。`);
    if (parsedBodies.size > 100) parsedBodies.clear();
    parsedBodies.set(r.body, deepFreeze(parsed.value));
    return { id: r.id, rules: parsed.value };
  });
}

export function ruleSets(db: Db): RuleSet[] {
  return listRuleSets(db).map((r) => r.rules);
}

/** Another rule set with this name or this effective date (the two keys a clerk tells rule sets apart by). */
export function ruleSetClashes(db: Db, rules: RuleSet, exceptId: number | undefined): boolean {
  return db.prepare('SELECT 1 FROM rule_sets WHERE (name = ? OR effective_from = ?) AND id != ?').get(rules.name, rules.effectiveFrom, exceptId ?? -1) !== undefined;
}

export function insertRuleSet(db: Db, rules: RuleSet, at: string): number {
  return Number(
    db
      .prepare('INSERT INTO rule_sets (name, effective_from, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(rules.name, rules.effectiveFrom, JSON.stringify(rules), at, at).lastInsertRowid,
  );
}

export function updateRuleSet(db: Db, id: number, rules: RuleSet, at: string): void {
  db.prepare('UPDATE rule_sets SET name = ?, effective_from = ?, body = ?, updated_at = ? WHERE id = ?').run(
    rules.name,
    rules.effectiveFrom,
    JSON.stringify(rules),
    at,
    id,
  );
}
