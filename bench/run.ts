// npm run bench — figures for 1 and 10 office-years, the sizes a district ledger reaches. Generates the ledgers (cached in bench-data/), then
// measures each piece of work as the app does it, median of several runs, and prints as its LAST line one JSON object
// {"1": {...}, "10": {...}} in milliseconds (peak_rss_mb in MB).
//   npm run bench [-- --years 1,10 --runs 5 --data DIR]
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, openDatabase, type Db } from '../electron/db/database';
import { exportData } from '../electron/exchange/export';
import { importWorkbook } from '../electron/exchange/import';
import { listItems } from '../electron/services/queries';
import { writeReports } from '../electron/services/report';
import { openChecked } from '../electron/services/startup';
import { loadFacts } from '../electron/store/facts';
import { ruleSets } from '../electron/store/rulesets';
import { monthPeriod, quarterPeriod, yearPeriod, type Period } from '../shared/periods';
import { LAIWU_2019 } from '../shared/rules/laiwu2019';
import { scorePeriod } from '../shared/scoring';
import { writeBenchData } from './data';
import { DATA, median, ROOT, RUNS, YEARS } from './options';
import { generateLedger } from './generate';

const LAST_YEAR = 2025;
const AS_OF = `${LAST_YEAR}-12-31`;


async function time(fn: () => unknown | Promise<unknown>, runs = RUNS): Promise<number> {
  for (let i = 0; i < 3; i++) await fn(); // warm-up: statement cache, page cache, JIT
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

/** Scores as the 计分 page asks for them: rule sets, the period's facts, the engine. */
function scoreAsApp(db: Db, p: Period): number {
  const rules = ruleSets(db);
  const s = scorePeriod(rules, loadFacts(db, rules, p), p, AS_OF);
  return s.groups.length;
}

/**
 * The floor: one hand-written SQL aggregation of the same counts and sums the engine needs for a quarter — items per
 * unit and month, research items, the best adoption per item (points by publication and form), instructions, events,
 * missed request targets — with no rules applied. Nothing can be faster than reading the numbers.
 */
function floorSql(): string {
  const pub = LAIWU_2019.publications
    .flatMap((p) => (['single', 'combined', 'brief'] as const).map((f) => `WHEN a.publication = '${p.key}' AND a.form = '${f}' THEN ${p.points[f]}`))
    .join(' ');
  const lvl = LAIWU_2019.instructionLevels
    .flatMap((l) => (['single', 'combined'] as const).map((f) => `WHEN s.level = '${l.key}' AND s.form = '${f}' THEN ${l.points[f]}`))
    .join(' ');
  const ev = LAIWU_2019.eventKinds.map((e) => `WHEN e.kind = '${e.key}' THEN ${e.points}`).join(' ');
  return `
WITH m AS (
  SELECT unit_id, substr(submitted, 1, 7) AS month, count(*) AS n, sum(is_research) AS research
  FROM items WHERE deleted_at IS NULL AND submitted BETWEEN @start AND @end GROUP BY unit_id, month
), best AS (
  SELECT i.unit_id, max(CASE ${pub} ELSE 0 END) AS pts
  FROM adoptions a JOIN items i ON i.id = a.item_id
  WHERE a.deleted_at IS NULL AND i.deleted_at IS NULL AND a.date BETWEEN @start AND @end GROUP BY a.item_id
), ins AS (
  SELECT i.unit_id, sum(CASE ${lvl} ELSE 0 END) AS pts
  FROM instructions s JOIN items i ON i.id = s.item_id
  WHERE s.deleted_at IS NULL AND s.date BETWEEN @start AND @end GROUP BY i.unit_id
), ev AS (
  SELECT e.unit_id, sum(e.quantity * CASE ${ev} ELSE 0 END) AS pts FROM events e
  WHERE e.deleted_at IS NULL AND e.date BETWEEN @start AND @end GROUP BY e.unit_id
), miss AS (
  SELECT t.unit_id, count(*) AS n FROM request_targets t JOIN requests r ON r.id = t.request_id
  WHERE r.deleted_at IS NULL AND t.outcome = 'missed' AND r.deadline BETWEEN @start AND @end GROUP BY t.unit_id
)
SELECT u.id,
  (SELECT group_concat(month || ':' || n) FROM m WHERE m.unit_id = u.id) AS months,
  (SELECT sum(research) FROM m WHERE m.unit_id = u.id) AS research,
  (SELECT sum(pts) FROM best WHERE best.unit_id = u.id) AS adoption,
  (SELECT pts FROM ins WHERE ins.unit_id = u.id) AS instruction,
  (SELECT pts FROM ev WHERE ev.unit_id = u.id) AS events,
  (SELECT n FROM miss WHERE miss.unit_id = u.id) AS missed
FROM units u ORDER BY u.sort_order`;
}

async function measure(years: number, importXlsx: string): Promise<Record<string, number>> {
  const file = join(DATA, `ledger-${years}.db`);
  if (!existsSync(file)) await writeBenchData(years, DATA);
  const out: Record<string, number> = {};
  out.open_ms = await time(() => {
    const r = openChecked(file);
    if (!r.ok) throw new Error(r.problem);
    closeDatabase(r.db);
  });
  const db = openDatabase(file);
  try {
    const q = quarterPeriod(LAST_YEAR, 2);
    out.month_ms = await time(() => scoreAsApp(db, monthPeriod(LAST_YEAR, 5)));
    // the quarter and its floor are timed in alternation, so that drift of this shared machine hits both alike
    const floor = db.prepare(floorSql());
    const pair = { app: [] as number[], floor: [] as number[] };
    for (let i = 0; i < 3; i++) {
      scoreAsApp(db, q);
      floor.all({ start: q.start, end: q.end });
    }
    for (let i = 0; i < RUNS * 3; i++) {
      let t = performance.now();
      scoreAsApp(db, q);
      pair.app.push(performance.now() - t);
      t = performance.now();
      floor.all({ start: q.start, end: q.end });
      pair.floor.push(performance.now() - t);
    }
    out.quarter_ms = median(pair.app);
    out.quarter_floor_ms = median(pair.floor);
    out.quarter_ratio = Math.round((out.quarter_ms / out.quarter_floor_ms) * 100) / 100;
    out.year_ms = await time(() => scoreAsApp(db, yearPeriod(LAST_YEAR)));
    const tmp = mkdtempSync(join(tmpdir(), 'zwxx-bench-out-'));
    out.outputs_ms = await time(() => writeReports(db, q, tmp, AS_OF), 3);
    rmSync(tmp, { recursive: true, force: true });
    // the 信息登记 page: its first page of rows (all items, newest first) and a title search over all items
    out.list_ms = await time(() => listItems(db, { offset: 0, limit: 100 }));
    // a clerk looking for one item types a piece of its title: 8 characters from the middle of real titles
    const titles = (db.prepare('SELECT title FROM items WHERE id % 9973 = 1 LIMIT 7').pluck().all() as string[]).map((t) => [...t].slice(4, 12).join(''));
    let w = 0;
    out.search_ms = await time(() => listItems(db, { q: titles[w++ % titles.length], offset: 0, limit: 100 }), 7);
    // a broad word found in one title of twenty (the generator has twenty topics): thousands of matches, sorted
    const words = ['老旧小区', '营商环境', '冬季清洁取暖', '河长制', '网格化'];
    out.search_broad_ms = await time(() => listItems(db, { q: words[w++ % words.length], offset: 0, limit: 100 }));
  } finally {
    closeDatabase(db);
  }
  // import a 15,000-row ledger workbook (a new year's data) into a copy of this ledger, all-or-nothing
  const xs: number[] = [];
  for (let i = 0; i < Math.min(3, RUNS); i++) {
    const copy = join(DATA, `import-target-${years}.db`);
    for (const s of ['', '-wal', '-shm']) rmSync(copy + s, { force: true });
    copyFileSync(file, copy);
    const target = openDatabase(copy);
    const t = performance.now();
    // generated titles repeat, so some January rows resemble December's items: the clerk ticks them all
    const r = await importWorkbook(target, importXlsx, { source: '导入', includeSimilar: 'all' });
    xs.push(performance.now() - t);
    closeDatabase(target);
    if (!r.applied) throw new Error(`导入未完成：${r.problems[0]?.reason ?? ''}`);
    for (const s of ['', '-wal', '-shm']) rmSync(copy + s, { force: true });
  }
  out.import_ms = median(xs);
  out.peak_rss_mb = Math.round(process.resourceUsage().maxRSS / 1024);
  return out;
}

/** A 15,000-item ledger workbook of the year after the bench ledgers (so every row is new). */
async function importWorkbookFile(): Promise<string> {
  const xlsx = join(DATA, 'import-15000.xlsx');
  if (existsSync(xlsx)) return xlsx;
  const src = join(DATA, 'import-source.db');
  for (const s of ['', '-wal', '-shm']) rmSync(src + s, { force: true });
  const db = openDatabase(src);
  await generateLedger(db, 1, { lastYear: LAST_YEAR + 1, seed: 2026, assetsDir: join(ROOT, 'assets') });
  await exportData(db, xlsx);
  closeDatabase(db);
  return xlsx;
}

const results: Record<string, Record<string, number>> = {};
const xlsx = await importWorkbookFile();
for (const y of YEARS) {
  results[String(y)] = await measure(y, xlsx);
  console.error(`${y} 个办公年：${JSON.stringify(results[String(y)])}`);
}
console.log(JSON.stringify(results));
