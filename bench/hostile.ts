// npm run bench:hostile — time and peak memory of a dry-run import of each hostile file, through the command line
// as a clerk runs it (the reading child process included). The files are generated (bench-data/hostile/); the peak
// is the largest sum of resident memory over the command line's whole process tree, sampled from /proc (Linux).
// Prints one line per file and, LAST, one JSON object {file: {ms, peak_tree_mb, answer}}.
//   npm run bench:hostile [-- --only merges]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './options';
import {
  deeplyNested,
  itemRows,
  manyRows,
  mergesXml,
  ooxml,
  sharedStringBomb,
  unclosedTags,
  withZip64End,
} from '../test/helpers/hostile';

const DIR = join(ROOT, 'bench-data', 'hostile');

const FILES: Record<string, () => Promise<Buffer>> = {
  'merges-50000.xlsx': () => ooxml([{ name: 'Sheet1', rows: '', after: mergesXml(50_000) }]),
  'row-merges-30000.xlsx': () =>
    ooxml([
      {
        name: '信息',
        rows: itemRows(Array.from({ length: 30_000 }, (_, i) => [`M-${i + 1}`, '2019-07-03', '凤城街道', `合并的一条${i + 1}`])),
        after: mergesXml(30_000, 2, 'EF'),
      },
    ]),
  'shared-string-1mb-x12000.xlsx': () => sharedStringBomb(1_000_000, 12_000),
  'unclosed-tags-160000.xlsx': () => unclosedTags(160_000),
  'rows-1048576.xlsx': () => manyRows(1_048_576),
  'nested-100000.xlsx': () => deeplyNested(100_000),
  'zip64-small.xlsx': async () => withZip64End(await ooxml([{ name: '信息', rows: itemRows([['Z-1', '2019-07-01', '凤城街道', '一条']]) }])),
};

/** Resident memory (kB) of a process and all its descendants, from /proc. */
function treeRssKb(root: number): number {
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(d), Number(fields[1]));
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${d}/status`, 'utf8'));
      rss.set(Number(d), m ? Number(m[1]) : 0);
    } catch {
      // the process ended between listing and reading
    }
  }
  let total = 0;
  for (const [pid, kb] of rss) {
    let p: number | undefined = pid;
    while (p !== undefined && p !== root && p > 1) p = parent.get(p);
    if (p === root) total += kb;
  }
  return total;
}

function run(file: string, db: string, dryRun = true): Promise<{ ms: number; peak_tree_mb: number; answer: string }> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'electron/cli/main.ts'), 'import', file, ...(dryRun ? ['--dry-run'] : []), '--db', db], {
      cwd: ROOT,
      env: { ...process.env, TZ: 'Asia/Shanghai' },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (out += d.toString('utf8')));
    let peak = 0;
    const sample = setInterval(() => (peak = Math.max(peak, treeRssKb(child.pid!))), 20);
    child.on('exit', () => {
      clearInterval(sample);
      // the refusal, the first problem, or the counts: the line that says what the clerk was told
      const lines = out.split('\n').filter((l) => l.trim() !== '');
      const first = lines.find((l) => /^错误|^\S+\t\d+\t|新增|^-\t/.test(l)) ?? lines[0] ?? '';
      resolve({ ms: Math.round(performance.now() - t0), peak_tree_mb: Math.round(peak / 1024), answer: first.slice(0, 90) });
    });
  });
}

async function main(): Promise<void> {
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
  mkdirSync(DIR, { recursive: true });
  const db = join(DIR, 'bench.db');
  rmSync(db, { force: true });
  // a ledger with the district's units, so rows that name them are checked as a clerk's would be
  await run(join(ROOT, 'test/fixtures/roster-laiwu-2019.csv'), db, false);
  const figures: Record<string, unknown> = {};
  for (const [name, make] of Object.entries(FILES)) {
    if (only && !name.includes(only)) continue;
    const file = join(DIR, name);
    if (!existsSync(file)) writeFileSync(file, await make());
    const r = await run(file, db);
    figures[name] = r;
    process.stdout.write(`${name.padEnd(32)} ${String(r.ms).padStart(6)} ms  ${String(r.peak_tree_mb).padStart(5)} MB  ${r.answer}\n`);
  }
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

await main();
