// npm run bench:startup — start to first screen at 1 and 10 office-years, as main does it, against the former way.
//   now:    open + migrations, then the first screen's calls (app:startup, app:info, dashboard:get) answer while the
//           whole-file check runs in the built check worker (out/electron/check-worker.cjs) on the other core
//   before: open + quick_check + foreign-key check on the main thread, then the same calls
// What Electron adds (creating the window, loading the renderer's bundle) cannot be measured here: no Electron binary.
// Prints medians in milliseconds; the last line is JSON.
//   npm run bench:startup [-- --years 1,10 --runs 5 --data DIR]
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { closeDatabase } from '../electron/db/database';
import { createHandlers, dispatch } from '../electron/handlers';
import { checkLedgerInWorker, openChecked, startLedger, type StartupState } from '../electron/services/startup';
import type { Db } from '../electron/db/database';
import { writeBenchData } from './data';
import { DATA, median, ROOT, RUNS, YEARS } from './options';

const WORKER = join(ROOT, 'out/electron/check-worker.cjs');


/** The renderer's first requests: the start-up state, the app's info and the home page's month. */
async function firstScreen(file: string, db: () => Db, startup: StartupState): Promise<void> {
  const h = createHandlers({
    db,
    replaceDb: () => undefined,
    dataFile: file,
    assetsDir: join(ROOT, 'assets'),
    dialogs: { openFile: async () => null, saveFile: async () => null, chooseFolder: async () => null },
    version: 'bench',
    today: () => '2025-12-31',
    startup,
  });
  for (const [m, a] of [
    ['app:startup', {}],
    ['app:info', {}],
    ['dashboard:get', { month: '2025-12' }],
  ] as const) {
    const r = await dispatch(h, m, a);
    if (!r.ok) throw new Error(`${m}: ${r.error}`);
  }
}

async function measure(years: number): Promise<Record<string, number>> {
  const file = join(DATA, `ledger-${years}.db`);
  if (!existsSync(file)) await writeBenchData(years, DATA);
  const now: number[] = [];
  const check: number[] = [];
  const before: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    let t = performance.now();
    const ledger = startLedger(file, (f) => checkLedgerInWorker(f, WORKER));
    await firstScreen(file, () => ledger.db!, ledger.startup);
    const first = performance.now() - t;
    await ledger.startup.checked;
    const checked = performance.now() - t;
    if (ledger.startup.failure) throw new Error(ledger.startup.failure.problem);
    closeDatabase(ledger.db!);

    t = performance.now();
    const opened = openChecked(file);
    if (!opened.ok) throw new Error(opened.problem);
    await firstScreen(file, () => opened.db, { failure: null, notice: null, checked: Promise.resolve() });
    const old = performance.now() - t;
    closeDatabase(opened.db);
    if (i === 0) continue; // warm-up: the OS page cache, the JIT
    now.push(first);
    check.push(checked);
    before.push(old);
  }
  return { first_screen_ms: median(now), check_done_ms: median(check), before_first_screen_ms: median(before) };
}

if (!existsSync(WORKER)) {
  console.error('请先运行 npm run build（需要 out/electron/check-worker.cjs）。');
  process.exit(2);
}
const out: Record<string, Record<string, number>> = {};
for (const y of YEARS) {
  out[y] = await measure(y);
  const r = out[y]!;
  console.log(`${y} 个办公年：首屏 ${r.first_screen_ms} ms（检查在工作线程中，${r.check_done_ms} ms 时完成）；原先 ${r.before_first_screen_ms} ms`);
}
console.log(JSON.stringify(out));
