// The store hands the engine plain items as counted bundles (one per unit and month, or per day with weekly quotas).
// This must change nothing: for every month, quarter and year of a generated ledger, scores and circular facts from
// bundled facts equal those from one fact per item — under 莱芜区2019 and under a rule set with weekly quotas.
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateLedger } from '../../bench/generate';
import { closeDatabase, openDatabase, type Db } from '../../electron/db/database';
import { loadFacts } from '../../electron/store/facts';
import { ruleSets } from '../../electron/store/rulesets';
import { monthsOf, quartersOf, yearPeriod, type Period } from '../../shared/periods';
import { LAIWU_2019 } from '../../shared/rules/laiwu2019';
import { circularFacts, scorePeriod } from '../../shared/scoring';
import { tempDir } from '../helpers/cli';

const ROOT = resolve(__dirname, '../..');
let db: Db;

beforeAll(async () => {
  db = openDatabase(join(tempDir('zwxx-bundles-'), 'ledger.db'));
  await generateLedger(db, 2, { lastYear: 2025, scale: 0.1, seed: 31, assetsDir: join(ROOT, 'assets') });
  // a few items deleted, an adoption of a plain item late in a month, a unit that starts mid-year
  db.exec(`UPDATE items SET deleted_at = '2025-01-01T00:00:00Z' WHERE id % 97 = 0`);
  db.exec(`UPDATE units SET active_from = '2025-05' WHERE id = (SELECT min(id) FROM units WHERE grp = 'town')`);
}, 120_000);

function periodsOf(year: number): Period[] {
  const y = yearPeriod(year);
  return [y, ...quartersOf(y), ...monthsOf(y)];
}

function compare(asOf: string, fewer: boolean): number {
  const rules = ruleSets(db);
  let n = 0;
  for (const p of [...periodsOf(2024), ...periodsOf(2025)]) {
    const bundled = loadFacts(db, rules, p);
    const single = loadFacts(db, rules, p, { bundlePlainItems: false });
    // month bundles are far fewer facts; day bundles of sparse data need not be
    if (fewer) expect(bundled.items.length).toBeLessThan(single.items.length);
    const a = scorePeriod(rules, bundled, p, asOf);
    const b = scorePeriod(rules, single, p, asOf);
    expect(a, p.code).toEqual(b);
    expect(circularFacts(rules, bundled, a), p.code).toEqual(circularFacts(rules, single, b));
    n++;
  }
  return n;
}

describe('plain items as counted bundles', () => {
  it('give the same scores and circular facts for all 34 periods of two years (莱芜区2019)', () => {
    expect(compare('2025-08-15', true)).toBe(34);
  });

  it('and under a rule set with weekly quotas (bundles by day)', () => {
    const weekly = structuredClone(LAIWU_2019);
    weekly.name = '周任务试行';
    weekly.effectiveFrom = '2025-01-01';
    weekly.groups[0]!.quota = { ...weekly.groups[0]!.quota!, window: 'week', min: 3 };
    const t = new Date().toISOString();
    db.prepare('INSERT INTO rule_sets (name, effective_from, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(weekly.name, weekly.effectiveFrom, JSON.stringify(weekly), t, t);
    expect(compare('2025-08-15', false)).toBe(34);
    closeDatabase(db);
  });
});
