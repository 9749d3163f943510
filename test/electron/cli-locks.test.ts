// A locked quarter through the command line's writing commands, one at a time and four at once: a changed roster,
// rule sets reaching back into the locked quarter (rules-save, rules import), an import and a lock, as separate
// processes on one ledger. Every locked quarter stays as circulated, every refusal names it in Chinese, nothing is
// half-written. And no argument error of the command line or the contract answers in English.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../electron/db/database';
import { createHandlers, dispatch } from '../../electron/handlers';
import { METHOD_NAMES } from '../../shared/ipc/contract';
import { runCli, tempDir, type CliResult } from '../helpers/cli';
import { writeLedgerWorkbook } from '../helpers/ledger-fixture';
import { writeWorkbook } from '../helpers/workbooks';

const dir = tempDir('zwxx-cli-locks-');
const db = join(dir, 'zwxx.db');
const ROOT = resolve(__dirname, '../..');

/** Words a clerk may meet in a message: file kinds and programs she knows, and the date pattern. */
const ALLOWED = new Set(['WPS', 'Excel', 'xlsx', 'xls', 'csv', 'CSV', 'JSON', 'json', 'YYYY', 'MM', 'DD', 'LibreOffice', 'help', 'npm', 'run', 'zwxx', 's', 'db']);
/** The English words in a message; flags (--limit), file names and what the clerk typed (quoted “…”) excepted. */
function englishIn(text: string): string[] {
  const stripped = text
    .replace(/--[a-z-]+/g, '')
    .replace(/[\w./\\-]+\.(xlsx|json|db|csv)/g, '')
    .replace(/“[^”]*”/g, '');
  return (stripped.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !ALLOWED.has(w));
}

/** What 2019Q2 was circulated with, as the command line prints it. */
function circulated(): string {
  const s = runCli(['scores', '--period', '2019Q2', '--json', '--db', db, '--as-of', '2019-07-20']);
  const c = runCli(['circular', '--period', '2019Q2', '--json', '--db', db, '--as-of', '2019-07-20']);
  expect(s.code, s.stderr).toBe(0);
  expect(c.code, c.stderr).toBe(0);
  return s.stdout + c.stdout.replace(/"date": "[^"]*"/g, '');
}

function ruleFileFrom(effectiveFrom: string, name: string): string {
  const file = join(dir, `${name}.json`);
  const exported = join(dir, 'exported.json');
  expect(runCli(['rules', 'export', exported, '--db', db]).code).toBe(0);
  const f = JSON.parse(readFileSync(exported, 'utf8')) as { 规则集: { name: string; effectiveFrom: string }[] };
  f.规则集 = [{ ...f.规则集[0]!, name, effectiveFrom }];
  writeFileSync(file, JSON.stringify(f));
  return file;
}

function ruleSetFrom(effectiveFrom: string, name: string): string {
  const list = JSON.parse(runCli(['rules', '--json', '--db', db]).stdout) as { rules: { name: string; effectiveFrom: string } }[];
  const file = join(dir, `${name}-set.json`);
  writeFileSync(file, JSON.stringify({ ...list[0]!.rules, name, effectiveFrom }));
  return file;
}

let expected: string;
const roster = join(dir, 'roster.xlsx');
const q3items = join(dir, 'q3.xlsx');

beforeAll(async () => {
  const ledger = join(dir, 'ledger.xlsx');
  await writeLedgerWorkbook(ledger);
  expect(runCli(['import', ledger, '--db', db]).code).toBe(0);
  await writeWorkbook(roster, [
    { name: '单位', headers: ['单位名称', '类别'], rows: [['区审计局', '第一数量级'], ['区医疗保障局', '不计分']] },
  ]);
  await writeWorkbook(q3items, [
    {
      name: '信息',
      headers: ['编号', '报送日期', '报送单位', '信息标题'],
      rows: Array.from({ length: 40 }, (_, i) => [`Q3-${i + 1}`, `2019-07-${String((i % 28) + 1).padStart(2, '0')}`, '凤城街道', `三季度第${i + 1}条`]),
    },
  ]);
  const lock = runCli(['lock', '--period', '2019Q2', '--db', db, '--as-of', '2019-07-10']);
  expect(lock.code, lock.stderr).toBe(0);
  expected = circulated();
}, 300_000);

describe('one writer at a time', () => {
  it('a changed roster imports, counts from the first open quarter, and leaves the locked quarter as circulated', () => {
    const r = runCli(['import', roster, '--db', db]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('修改 2');
    expect(circulated()).toBe(expected);
    const q3 = JSON.parse(runCli(['scores', '--period', '2019Q3', '--json', '--db', db, '--as-of', '2019-07-20']).stdout) as { unit: string; group: string }[];
    expect(q3.find((u) => u.unit === '区审计局')?.group).toBe('第一数量级');
  });

  it('rules-save works, and refuses a rule set reaching back into the locked quarter with the earliest date', () => {
    const back = runCli(['rules-save', ruleSetFrom('2019-04-01', '回溯规则'), '--db', db]);
    expect(back.code).toBe(1);
    expect(back.stderr).toContain('2019年第二季度');
    expect(back.stderr).toContain('2019年7月1日');
    expect(englishIn(back.stderr)).toEqual([]);
    const ok = runCli(['rules-save', ruleSetFrom('2019-07-01', '三季度规则'), '--db', db]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/已保存规则集（编号 \d+）/);
    expect(circulated()).toBe(expected);
  });

  it('rules import reaching back is refused naming the quarter', () => {
    const r = runCli(['rules', 'import', ruleFileFrom('2019-04-01', '回溯规则文件'), '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('2019年第二季度');
    expect(circulated()).toBe(expected);
  });
});

function cliAsync(args: string[]): Promise<CliResult> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'electron/cli/main.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, TZ: 'Asia/Shanghai' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

describe('four writers at once', () => {
  it('rules-save, rules import, import and lock as processes on one ledger: locked quarters intact, nothing half-written', async () => {
    const back = ruleSetFrom('2019-04-01', '并发回溯');
    const q4 = ruleFileFrom('2019-10-01', '四季度规则');
    const results = await Promise.all([
      cliAsync(['rules-save', back, '--db', db]),
      cliAsync(['rules', 'import', q4, '--db', db]),
      cliAsync(['import', q3items, '--db', db]),
      cliAsync(['lock', '--period', '2019Q3', '--db', db, '--as-of', '2019-10-10']),
    ]);
    for (const r of results) {
      expect([0, 1], r.stderr).toContain(r.code);
      expect(englishIn(r.stderr), r.stderr).toEqual([]);
    }
    // the rule set reaching back is refused whatever ran first
    expect(results[0]!.code).toBe(1);
    expect(results[0]!.stderr).toContain('2019年第二季度');
    expect(circulated()).toBe(expected);
    const h = openDatabase(db);
    try {
      const n = (h.prepare("SELECT count(*) AS n FROM items WHERE no LIKE 'Q3-%'").get() as { n: number }).n;
      // the import is all or nothing (refused only if the lock of 2019Q3 came first)
      expect([0, 40]).toContain(n);
      if (results[2]!.code === 0) expect(n).toBe(40);
      const rules = (h.prepare("SELECT count(*) AS n FROM rule_sets WHERE name = '四季度规则'").get() as { n: number }).n;
      expect(rules).toBe(results[1]!.code === 0 ? 1 : 0);
      expect(h.pragma('quick_check', { simple: true })).toBe('ok');
    } finally {
      closeDatabase(h);
    }
  }, 300_000);
});

describe('argument errors speak Chinese', () => {
  it('the command line: every refused argument answers without English', () => {
    const cases = [
      ['items', '--limit', '5000'],
      ['items', '--limit', '0'],
      ['items', '--month', '2019年13月'],
      ['audit', '--limit', '900'],
      ['requests', '--year', '3000'],
      ['scores', '--period', 'x'],
      ['circular', '--period', '2019-04'],
      ['lock', '--period', '2019'],
      ['rules-save', join(dir, 'missing.json')],
      ['no-such-command'],
    ];
    for (const args of cases) {
      const r = runCli([...args, '--db', db]);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toMatch(/[\u4e00-\u9fff]/);
      expect(englishIn(r.stderr), `${args.join(' ')}: ${r.stderr}`).toEqual([]);
    }
    expect(runCli(['items', '--limit', '5000', '--db', db]).stderr).toContain('不能大于 1000');
  });

  it('the contract: every method refusing a malformed argument answers without English', async () => {
    const h = openDatabase(db);
    const handlers = createHandlers({
      db: () => h,
      replaceDb: () => undefined,
      dataFile: db,
      assetsDir: join(ROOT, 'assets'),
      dialogs: { openFile: async () => null, saveFile: async () => null, chooseFolder: async () => null },
      version: 'test',
      today: () => '2019-07-20',
      startup: { failure: null, notice: null },
    });
    const MALFORMED: unknown[] = [null, 42, [], { evil: 1 }, { id: '1' }, { id: -5 }, { period: 'x' }, { limit: 5000, offset: 0 }, { year: 1 }, { rows: [] }];
    try {
      for (const m of METHOD_NAMES)
        for (const a of MALFORMED) {
          const r = await dispatch(handlers, m, a);
          if (r.ok) continue;
          expect(englishIn(r.error), `${m} ${JSON.stringify(a)}: ${r.error}`).toEqual([]);
        }
    } finally {
      closeDatabase(h);
    }
  });
});
