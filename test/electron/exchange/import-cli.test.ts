// A real ledger workbook imported through the command line, scored, exported and re-imported.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../electron/db/database';
import { periodOf, periodScores, scoresJson } from '../../../electron/services/scores';
import { runCli, tempDir } from '../../helpers/cli';
import { EXPECTED_APRIL, EXPECTED_Q2, writeLedgerWorkbook } from '../../helpers/ledger-fixture';
import { workbookText } from '../../helpers/workbooks';

interface JsonScore {
  unit: string;
  group: string;
  base: number;
  adoption: number;
  instruction: number;
  bonus: number;
  deduction: number;
  total: number;
  rank: number;
}

function scores(db: string, period: string): JsonScore[] {
  const r = runCli(['scores', '--period', period, '--json', '--db', db, '--as-of', '2019-12-31']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as JsonScore[];
}

describe('import → scores through the command line', () => {
  const dir = tempDir();
  const ledger = join(dir, 'ledger.xlsx');
  const db = join(dir, 'zwxx.db');

  beforeAll(async () => {
    await writeLedgerWorkbook(ledger);
  });

  it('a dry run reports the counts and writes nothing', () => {
    const r = runCli(['import', ledger, '--dry-run', '--db', db]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('试导入');
    expect(r.stdout).toContain('信息：新增 276，修改 0，未变 0');
    expect(scores(db, '2019Q2')).toEqual([]);
  });

  it('imports title rows, shuffled columns, aliases, every date form and full-width text', () => {
    const r = runCli(['import', ledger, '--db', db]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('单位：新增 6');
    expect(r.stdout).toContain('信息：新增 276');
    expect(r.stdout).toContain('采用：新增 5');
    expect(r.stdout).toContain('批示：新增 2');
    expect(r.stdout).toContain('约稿：新增 3');
    expect(r.stdout).toContain('加减分：新增 2');
  });

  it('every unit’s 2019Q2 score equals the hand-computed value', () => {
    const got = scores(db, '2019Q2');
    expect(got).toHaveLength(6);
    for (const s of got) {
      const want = EXPECTED_Q2[s.unit];
      expect(want, s.unit).toBeDefined();
      expect({ ...s, unit: undefined }, s.unit).toMatchObject({ ...want, unit: undefined });
    }
  });

  it('the April month sheet and the year agree with the hand-computed values', () => {
    const april = scores(db, '2019-04');
    expect(Object.fromEntries(april.map((s) => [s.unit, s.total]))).toEqual(EXPECTED_APRIL);
    const year = scores(db, '2019');
    // Q1 has no items: every active unit loses its whole quota each month, floored to 0 per quarter; the same for
    // Q3 and Q4. So the year is the Q2 score.
    expect(Object.fromEntries(year.map((s) => [s.unit, s.total]))).toEqual(
      Object.fromEntries(Object.entries(EXPECTED_Q2).map(([u, e]) => [u, e.total])),
    );
  });

  it('importing the same workbook again changes nothing', async () => {
    const before = join(dir, 'before.xlsx');
    expect(runCli(['export-data', before, '--db', db]).code).toBe(0);
    const r = runCli(['import', ledger, '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('信息：新增 0，修改 0，未变 276');
    expect(r.stdout).toContain('加减分：新增 0，修改 0，未变 2');
    const after = join(dir, 'after.xlsx');
    expect(runCli(['export-data', after, '--db', db]).code).toBe(0);
    expect(await workbookText(after)).toEqual(await workbookText(before));
  });

  it('export-data then import into an empty database gives the same scores for every period', () => {
    const exported = join(dir, 'export.xlsx');
    expect(runCli(['export-data', exported, '--db', db]).code).toBe(0);
    const fresh = join(dir, 'fresh.db');
    const r = runCli(['import', exported, '--db', fresh]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const periods = ['2019', ...[1, 2, 3, 4].map((q) => `2019Q${q}`), ...Array.from({ length: 12 }, (_, i) => `2019-${String(i + 1).padStart(2, '0')}`)];
    // compared through the services the command line calls, in-process (34 CLI start-ups would take a minute)
    const a = openDatabase(db);
    const b = openDatabase(fresh);
    try {
      for (const p of periods) {
        const pa = scoresJson(periodScores(a, periodOf(p), '2019-12-31'));
        expect(pa.length).toBeGreaterThan(0);
        expect(scoresJson(periodScores(b, periodOf(p), '2019-12-31')), p).toEqual(pa);
      }
    } finally {
      closeDatabase(a);
      closeDatabase(b);
    }
  });
});
