// Worker-thread entry for imports: opens its own connection to the ledger (WAL lets it write while the main
// connection stays open) and runs the same importWorkbook as the command line. Bundled as out/electron/import-worker.cjs.
import { parentPort, workerData } from 'node:worker_threads';
import { closeDatabase, openDatabase } from '../db/database';
import { messageOf } from '../db/errors';
import { importWorkbook } from '../exchange/import';
import { detectStorage } from '../services/startup';

interface Job {
  dbFile: string;
  file: string;
  dryRun: boolean;
  source: string;
}

async function run(job: Job): Promise<void> {
  const db = openDatabase(job.dbFile, { journalMode: detectStorage(job.dbFile).kind === 'local' ? 'wal' : 'delete' });
  try {
    const report = await importWorkbook(db, job.file, { dryRun: job.dryRun, source: job.source });
    parentPort!.postMessage({ ok: true, report });
  } finally {
    closeDatabase(db);
  }
}

run(workerData as Job).catch((e: unknown) => parentPort!.postMessage({ ok: false, error: messageOf(e) }));
