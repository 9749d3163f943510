// Crash tests, because a clerk's PC may lose power mid-import: the process is killed with SIGKILL during a large import — at random moments, and at
// chosen rows inside the write transaction, where the child says it is and waits to be killed — and during a burst
// of edits. Every time the ledger opens, passes integrity_check and the foreign-key check, and holds either
// all of the import or none of it (and whole batches of pasted rows only).
import { copyFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateLedger, rng } from '../../bench/generate';
import { closeDatabase, openDatabase, type Db } from '../../electron/db/database';
import { exportData } from '../../electron/exchange/export';
import { tempDir } from '../helpers/cli';
import { runChild } from '../helpers/crash-child';

const ROOT = resolve(__dirname, '../..');
const dir = tempDir('zwxx-crash-');
const base = join(dir, 'base.db');
const xlsx = join(dir, 'large.xlsx');
const work = join(dir, 'work.db');
const random = rng(5150);
const TABLES = ['units', 'items', 'item_authors', 'persons', 'adoptions', 'instructions', 'requests', 'request_targets', 'events'] as const;
type Counts = Record<(typeof TABLES)[number], number>;

const counts = (db: Db): Counts => Object.fromEntries(TABLES.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n])) as Counts;


function freshWork(): void {
  for (const s of ['', '-wal', '-shm']) rmSync(work + s, { force: true });
  copyFileSync(base, work);
}

/** Opens the ledger as the app would (WAL recovery, migrations check) and checks it completely. */
function checked(): { db: Db; counts: Counts } {
  const db = openDatabase(work);
  expect((db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check)).toEqual(['ok']);
  expect(db.pragma('foreign_key_check')).toEqual([]);
  return { db, counts: counts(db) };
}

let empty: Counts;
let full: Counts;
let timing = { total: 0 };
let rowsWritten = 0;

beforeAll(async () => {
  // a large ledger workbook: a third of an office-year (5,000 items with adoptions, requests, events, 60 units)
  const src = openDatabase(join(dir, 'source.db'));
  await generateLedger(src, 1, { scale: 1 / 3, assetsDir: join(ROOT, 'assets'), seed: 77 });
  await exportData(src, xlsx);
  closeDatabase(src);
  const b = openDatabase(base);
  empty = counts(b);
  closeDatabase(b);
  // one run to the end: the complete import, and how long its phases take
  freshWork();
  const run = await runChild(['import', work, xlsx], () => null);
  expect(run.lines.at(-1)).toBe('applied:true problems:0');
  rowsWritten = Number(run.lines.find((l) => l.startsWith('rows:'))!.slice(5));
  expect(rowsWritten).toBeGreaterThan(4000);
  const { db, counts: c } = checked();
  full = c;
  closeDatabase(db);
  expect(full.items).toBeGreaterThan(4000);
  timing = { total: run.ms };
}, 240_000);

describe('kill -9 during a large import', () => {
  it('30 kills (15 at any moment, 15 at chosen rows inside the write transaction): always intact, all or none', async () => {
    const outcomes = { none: 0, all: 0, insideWrite: 0 };
    for (let i = 0; i < 30; i++) {
      freshWork();
      const inside = i % 2 === 1;
      // inside: rows spread over the whole transaction, from the first row to the last
      const killAt = inside ? 1 + Math.floor(((i - 1) / 2 / 14) * (rowsWritten - 1)) : 0;
      const run = inside
        ? await runChild(['import', work, xlsx, String(killAt)], (line) => (line === `inside:${killAt}` ? 0 : null))
        : await runChild(['import', work, xlsx], (line) => (line === 'phase:open' ? Math.floor(random() * timing.total) : null));
      const { db, counts: c } = checked();
      closeDatabase(db);
      if (inside) {
        // the child said it was inside the transaction and waited there: the kill landed there, every time
        expect(run.killed).toBe(true);
        expect(run.lines).toContain(`inside:${killAt}`);
        expect(run.lines).not.toContain('phase:done');
        expect(c).toEqual(empty);
        outcomes.insideWrite++;
      }
      if (JSON.stringify(c) === JSON.stringify(empty)) outcomes.none++;
      else {
        expect(c).toEqual(full);
        outcomes.all++;
      }
    }
    console.log(`导入中强制结束 30 次：写入事务中（第 1 至 ${rowsWritten} 行间指定位置）${outcomes.insideWrite} 次；结果全无 ${outcomes.none} 次、全部 ${outcomes.all} 次；全程约 ${timing.total} ms`);
    expect(outcomes.none + outcomes.all).toBe(30);
    expect(outcomes.insideWrite).toBe(15);
  }, 600_000);
});

describe('kill -9 during a burst of edits', () => {
  it('30 kills: always intact, pasted batches whole, every acknowledged edit kept', async () => {
    // the edit burst works on the fully imported ledger
    freshWork();
    await runChild(['import', work, xlsx], () => null);
    const imported = join(dir, 'imported.db');
    const db0 = openDatabase(work);
    await db0.backup(imported);
    closeDatabase(db0);
    let acknowledgedTotal = 0;
    for (let i = 0; i < 30; i++) {
      for (const s of ['', '-wal', '-shm']) rmSync(work + s, { force: true });
      copyFileSync(imported, work);
      const run = await runChild(['edits', work], (line) => (line.startsWith('ok:') ? 20 + Math.floor(random() * 700) : null));
      expect(run.killed).toBe(true);
      const acked = run.lines.filter((l) => l.endsWith(':batch')).length;
      acknowledgedTotal += run.lines.filter((l) => l.startsWith('ok:')).length;
      const { db } = checked();
      const burst = (db.prepare("SELECT count(*) AS n FROM items WHERE note = 'burst'").get() as { n: number }).n;
      const logged = (db.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'items' AND action = 'create' AND after LIKE '%突击录入%'").get() as { n: number }).n;
      closeDatabase(db);
      expect(burst % 5).toBe(0); // a pasted batch is all or none
      expect([acked * 5, acked * 5 + 5]).toContain(burst); // every acknowledged batch is there; at most the one in flight more
      expect(logged).toBe(burst); // the audit trail has exactly the rows that exist
    }
    console.log(`录入中强制结束 30 次：共确认 ${acknowledgedTotal} 次编辑，全部保留，批量粘贴无半批`);
  }, 600_000);
});
