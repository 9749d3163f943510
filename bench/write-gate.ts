// npm run bench:write — the cost of the write gate's lock check: one item saved into the open quarter of a ledger of
// ten office-years (2016–2025) with 39 quarters locked (2016Q1–2025Q3), against the same save with no quarter locked.
// Prints the median of 25 saves each, in milliseconds (the aim: under 50 ms).
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeDatabase, openDatabase, type Db } from '../electron/db/database';
import { createItem } from '../electron/services/ledger';
import { lockQuarter } from '../electron/services/locks';
import { quarterPeriod } from '../shared/periods';
import { writeBenchData } from './data';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const DATA = join(ROOT, 'bench-data');
const YEARS = 10;
const source = join(DATA, `ledger-${YEARS}.db`);
if (!existsSync(source)) await writeBenchData(YEARS, DATA);

function copy(name: string): string {
  const file = join(DATA, name);
  for (const s of ['', '-wal', '-shm']) rmSync(file + s, { force: true });
  copyFileSync(source, file);
  return file;
}

function medianSave(db: Db): number {
  const unitId = (db.prepare('SELECT id FROM units ORDER BY sort_order LIMIT 1').get() as { id: number }).id;
  const runs: number[] = [];
  for (let i = 0; i < 25; i++) {
    const t = performance.now();
    createItem(db, { unitId, date: '2025-11-05', title: `测速信息第${i + 1}条：关于冬季供暖保障的情况`, kinds: [], authors: [], note: '' }, '界面');
    runs.push(performance.now() - t);
  }
  return runs.sort((a, b) => a - b)[12]!;
}

const figures: Record<string, number> = {};
{
  const db = openDatabase(copy('write-open.db'));
  try {
    figures.item_save_no_locks_ms = medianSave(db);
  } finally {
    closeDatabase(db);
  }
}
{
  const db = openDatabase(copy('write-locked.db'));
  try {
    const t = performance.now();
    // locking 2025Q3 locks every quarter before it (asOf before any deadline: nothing is overdue yet)
    const locked = lockQuarter(db, quarterPeriod(2025, 3), '界面', '2000-01-01');
    figures.lock_39_quarters_ms = performance.now() - t;
    figures.locked_quarters = locked.length;
    figures.item_save_39_locked_ms = medianSave(db);
  } finally {
    closeDatabase(db);
  }
}
for (const [k, v] of Object.entries(figures)) console.log(`${k}\t${Math.round(v * 10) / 10}`);
