// A rule set saved before its shortfall and 扣完为止 clauses were fields keeps citing what it cited (四1, 四1、四4);
// one saved with the fields cites exactly them, empty included.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../electron/db/database';
import { insertRuleSet, ruleSets } from '../../../electron/store/rulesets';
import { LAIWU_2019 } from '../../../shared/rules/laiwu2019';
import type { RuleSet } from '../../../shared/rules/schema';
import { tempDir } from '../../helpers/cli';

const dir = tempDir('zwxx-old-rules-');

describe('rule sets saved before the clause fields', () => {
  it('read back with the clauses they showed; newer saves as saved', () => {
    const db = openDatabase(join(dir, 'old.db'));
    try {
      const { shortfallClause: _s, floorClause: _f, ...old } = LAIWU_2019;
      insertRuleSet(db, { ...old, name: '旧规则', effectiveFrom: '2018-01-01' } as RuleSet, '2024-01-01T00:00:00');
      insertRuleSet(db, { ...LAIWU_2019, name: '新规则', effectiveFrom: '2025-01-01', shortfallClause: '', floorClause: '' }, '2024-01-01T00:00:00');
      const byName = new Map(ruleSets(db).map((r) => [r.name, r]));
      expect([byName.get('旧规则')!.shortfallClause, byName.get('旧规则')!.floorClause]).toEqual(['四1', '四1、四4']);
      expect([byName.get('新规则')!.shortfallClause, byName.get('新规则')!.floorClause]).toEqual(['', '']);
    } finally {
      closeDatabase(db);
    }
  });
});
