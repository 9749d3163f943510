// The process the crash tests kill with SIGKILL (test/electron/crash.test.ts). Not a test itself.
//   node --import tsx test/crash/child.ts import DB XLSX [K] — one large import, printing its phases; with K it prints
//                                                            inside:K after the K-th row written inside the write
//                                                            transaction and then waits there to be killed
//   node --import tsx test/crash/child.ts edits DB         — a burst of edits, printing each committed one
//   node --import tsx test/crash/child.ts restore DB BACKUP [STEP] — one restore, printing each step; with STEP it
//                                                            waits there to be killed
import { openDatabase } from '../../electron/db/database';
import { importWorkbook } from '../../electron/exchange/import';
import * as ledger from '../../electron/services/ledger';
import { restoreFrom } from '../../electron/services/backup';

const [mode, dbFile, xlsx, killAt] = process.argv.slice(2);
const say = (s: string): void => void process.stdout.write(`${s}\n`); // pipes are synchronous on Linux

if (mode === 'import') {
  const db = openDatabase(dbFile!);
  say('phase:open');
  let rows = 0;
  const report = await importWorkbook(db, xlsx!, {
    source: '导入',
    onPhase: (p) => say(`phase:${p}`),
    onRowWritten: (n) => {
      rows = n;
      if (killAt !== undefined && n === Number(killAt)) {
        say(`inside:${n}`); // a pipe write is synchronous on Linux: the parent has the line before we block
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000); // still inside the transaction
      }
    },
  });
  say(`rows:${rows}`);
  say(`applied:${report.applied} problems:${report.problems.length}`);
  db.close();
} else if (mode === 'restore') {
  const db = openDatabase(dbFile!);
  say('phase:open');
  const restored = await restoreFrom(db, dbFile!, xlsx!, {
    onStep: (step) => {
      say(`step:${step}`);
      if (killAt === step) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
    },
  });
  say('done');
  restored.db.close();
} else if (mode === 'edits') {
  const db = openDatabase(dbFile!);
  const units = (db.prepare('SELECT id FROM units ORDER BY id').all() as { id: number }[]).map((u) => u.id);
  let n = 0;
  for (;;) {
    n++;
    const unitId = units[n % units.length]!;
    const date = `2020-0${1 + (n % 9)}-1${n % 10}`;
    const op = n % 4;
    if (op === 0 || op === 1) {
      // pasted rows: five items, all or none
      ledger.createItems(
        db,
        Array.from({ length: 5 }, (_, i) => ({ unitId, date, title: `突击录入第${n}批第${i + 1}条`, kinds: [], authors: ['王伟'], note: 'burst' })),
        '界面',
      );
      say(`ok:${n}:batch`);
    } else if (op === 2) {
      const it = db.prepare("SELECT id, unit_id AS unitId, submitted AS date, title FROM items WHERE note = 'burst' AND deleted_at IS NULL ORDER BY random() LIMIT 1").get() as
        | { id: number; unitId: number; date: string; title: string }
        | undefined;
      if (it) ledger.updateItem(db, it.id, { unitId: it.unitId, date: it.date, title: `${it.title.replace(/（改\d+）$/, '')}（改${n}）`, kinds: ['research'], authors: ['李娜'], note: 'burst' }, '界面');
      say(`ok:${n}:update`);
    } else {
      const it = db.prepare("SELECT id FROM items WHERE note = 'burst' AND deleted_at IS NULL ORDER BY random() LIMIT 1").get() as { id: number } | undefined;
      if (it) ledger.deleteItem(db, it.id, '界面');
      say(`ok:${n}:delete`);
    }
  }
}
