// Rule files through the service and the command line, on real ledgers: export → import into an empty ledger gives
// the same rule sets and the same scores; import never rewrites a stored rule set nor a locked quarter.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Db } from '../../electron/db/database';
import { importWorkbook } from '../../electron/exchange/import';
import { exportRuleFile, importRuleFile, importRuleText } from '../../electron/services/rule-files';
import { listRulesInUse } from '../../electron/services/rules';
import { lockQuarter } from '../../electron/services/locks';
import { periodScores } from '../../electron/services/scores';
import { listRuleSets } from '../../electron/store/rulesets';
import { quarterPeriod } from '../../shared/periods';
import { runCli, tempDir } from '../helpers/cli';
import { writeLedgerWorkbook } from '../helpers/ledger-fixture';

const ASSETS = join(__dirname, '../../assets/rules');
const dir = tempDir('zwxx-rules-');
const LATE = '2030-01-01';
const SOURCE = '测试';

async function ledger(name: string): Promise<Db> {
  const db = openDatabase(join(dir, `${name}.db`));
  const report = await importWorkbook(db, join(dir, 'ledger.xlsx'), { dryRun: false, source: SOURCE });
  expect(report.problems).toEqual([]);
  return db;
}

const scoresOf = (db: Db, year: number, q: number): unknown =>
  JSON.parse(JSON.stringify(periodScores(db, quarterPeriod(year, q), LATE)));

beforeAll(async () => {
  await writeLedgerWorkbook(join(dir, 'ledger.xlsx'));
});

describe('round trip', () => {
  it('export → import into an empty ledger: identical rule sets, identical scores', async () => {
    const a = await ledger('a');
    const b = await ledger('b');
    try {
      const added = importRuleFile(a, join(ASSETS, 'example-city-2024.json'), { dryRun: false, source: SOURCE });
      expect(added.problems).toEqual([]);
      const file = join(dir, 'exported.json');
      expect(exportRuleFile(a, file)).toEqual(['莱芜区2019', '示例市2024']);
      // b holds only the default 莱芜区2019, as every new ledger does
      const r = importRuleFile(b, file, { dryRun: false, source: SOURCE });
      expect(r.problems).toEqual([]);
      expect(r.unchanged).toEqual(['莱芜区2019']);
      expect(r.added.map((x) => x.name)).toEqual(['示例市2024']);
      expect(listRuleSets(b).map((x) => x.rules)).toEqual(listRuleSets(a).map((x) => x.rules));
      for (const [y, q] of [
        [2019, 2],
        [2024, 1],
      ] as const)
        expect(scoresOf(b, y, q)).toEqual(scoresOf(a, y, q));
      // and the file a second export writes is the same text
      exportRuleFile(b, join(dir, 'again.json'));
      expect(readFileSync(join(dir, 'again.json'), 'utf8')).toBe(readFileSync(file, 'utf8'));
    } finally {
      closeDatabase(a);
      closeDatabase(b);
    }
  });
});

describe('what import refuses', () => {
  it('a dry run writes nothing; a changed rule set under a stored name is refused', async () => {
    const db = await ledger('c');
    try {
      const dry = importRuleFile(db, join(ASSETS, 'example-district-2023.json'), { dryRun: true, source: SOURCE });
      expect(dry.added.map((x) => x.name)).toEqual(['示例区2023']);
      expect(listRuleSets(db)).toHaveLength(1);
      const laiwu = JSON.parse(readFileSync(join(ASSETS, 'laiwu-2019.json'), 'utf8')) as {
        规则集: { publications: { points: { single: number } }[] }[];
      };
      laiwu.规则集[0]!.publications[0]!.points.single = 12;
      const changed = importRuleText(db, JSON.stringify(laiwu), { file: 'x.json', dryRun: false, source: SOURCE });
      expect(changed.problems[0]).toContain('规则集“莱芜区2019”已存在，内容与文件不同');
      expect(listRuleSets(db).map((r) => r.rules.publications[0]!.points.single)).toEqual([10]);
    } finally {
      closeDatabase(db);
    }
  });

  it('a rule set that would change a locked quarter is refused, naming the quarter', async () => {
    const db = await ledger('d');
    try {
      lockQuarter(db, quarterPeriod(2019, 2), SOURCE, '2019-07-10');
      // 示例区2023 takes effect in 2023, after 2019Q2: accepted
      expect(importRuleFile(db, join(ASSETS, 'example-district-2023.json'), { dryRun: true, source: SOURCE }).problems).toEqual([]);
      // the same rules from 2019-04-01 would score 2019Q2 instead of 莱芜区2019
      const file = JSON.parse(readFileSync(join(ASSETS, 'example-district-2023.json'), 'utf8')) as {
        规则集: { effectiveFrom: string }[];
      };
      file.规则集[0]!.effectiveFrom = '2019-04-01';
      const r = importRuleText(db, JSON.stringify(file), { file: 'x.json', dryRun: false, source: SOURCE });
      expect(r.problems).toEqual([
        '规则集“示例区2023”（2019-04-01 生效）会改变已锁定的2019年第二季度的计分。请改用晚于这些季度的生效日期；确需重算时先解锁这些季度。',
      ]);
      expect(listRulesInUse(db, '2019-07-10').map((l) => [l.rules.name, l.lockedPeriods])).toEqual([['莱芜区2019', ['2019Q2']]]);
    } finally {
      closeDatabase(db);
    }
  });
});

describe('zwxx rules', () => {
  it('import, list and export from the command line; a bad file exits 1 with field-naming messages', () => {
    const db = join(dir, 'cli.db');
    const imp = runCli(['rules', 'import', join(ASSETS, 'example-city-2024.json'), '--db', db]);
    expect(imp.code, imp.stderr).toBe(0);
    expect(imp.stdout).toContain('已导入规则集“示例市2024”（2024-01-01 生效，用于2024年第一季度起各季度）');
    // `rules` and `rules list` are one listing; quarters are written as the pages write them, never as codes
    const list = runCli(['rules', 'list', '--db', db, '--as-of', '2019-07-08']);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain('示例市2024\t2024-01-01\t2024年第一季度起');
    expect(list.stdout).not.toMatch(/\d{4}Q[1-4]/);
    expect(runCli(['rules', '--db', db, '--as-of', '2019-07-08']).stdout).toBe(list.stdout);
    expect(JSON.parse(runCli(['rules', 'list', '--json', '--db', db, '--as-of', '2019-07-08']).stdout)).toEqual(JSON.parse(runCli(['rules', '--json', '--db', db, '--as-of', '2019-07-08']).stdout));
    const out = join(dir, 'cli-export.json');
    const exp = runCli(['rules', 'export', out, '--name=示例市2024', '--db', db]);
    expect(exp.code, exp.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('"name": "示例市2024"');
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      readFileSync(join(ASSETS, 'example-city-2024.json'), 'utf8').replace('"multiplier": 2', '"multiplier": -2'),
    );
    const refused = runCli(['rules', 'import', bad, '--db', db, '--dry-run']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('刊物「省政府办公厅采用」的倍数：应为不小于 0 的数');
  });
});

describe('a stored rule set saved before the alias check', () => {
  it('still loads and scores, while saving it again asks for the clash to be fixed', () => {
    const db = openDatabase(join(dir, 'old-aliases.db'));
    try {
      // as an older version could have stored it: 《济南政务信息》 also written as an alias of 莱芜政务信息
      const body = JSON.parse(JSON.stringify(listRuleSets(db)[0]!.rules)) as { name: string; effectiveFrom: string; publications: { name: string; aliases: string[] }[] };
      body.name = '旧版保存的规则';
      body.effectiveFrom = '2020-01-01';
      body.publications[0]!.aliases.push(body.publications.find((p) => p.name === '济南政务信息')!.name);
      db.prepare(`INSERT INTO rule_sets (name, effective_from, body, created_at, updated_at) VALUES (?, ?, ?, 'x', 'x')`).run(body.name, body.effectiveFrom, JSON.stringify(body));
      expect(listRuleSets(db).map((r) => r.rules.name)).toContain('旧版保存的规则');
      expect(() => periodScores(db, quarterPeriod(2020, 1), LATE)).not.toThrow();
      const again = importRuleText(db, JSON.stringify({ 文件类型: '政务信息计分规则', 格式版本: 1, 规则集: [{ ...body, name: '另存', effectiveFrom: '2021-01-01' }] }), { file: '规则.json', dryRun: true, source: SOURCE });
      expect(again.problems.join('\n')).toContain('别名“济南政务信息”是刊物「济南政务信息」的名称');
    } finally {
      closeDatabase(db);
    }
  });
});
