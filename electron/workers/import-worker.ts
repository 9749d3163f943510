// Worker-thread entry for imports: opens its own connection to the ledger (WAL lets it write while the main
// connection stays open) and runs the same importWorkbook as the command line. Bundled as out/electron/import-worker.cjs.
import { parentPort, workerData } from 'node:worker_threads';
import { closeDatabase, openDatabase } from '../db/database';
import { messageOf } from '../db/errors';
import { importWorkbookWithBackup } from '../services/imports';
import { journalFor } from '../services/storage';

interface Job {
  dbFile: string;
  file: string;
  dryRun: boolean;
  source: string;
  backup?: boolean;
  includeSimilar?: number[] | 'all';
  skipBadRows?: boolean;
}

async function run(job: Job): Promise<void> {
  const db = openDatabase(job.dbFile, { journalMode: journalFor(job.dbFile).journalMode });
  let report;
  try {
    report = await importWorkbookWithBackup(db, job.dbFile, job.file, { dryRun: job.dryRun, source: job.source, backup: job.backup, includeSimilar: job.includeSimilar, skipBadRows: job.skipBadRows });
  } finally {
    // closed before answering: the window's next write must not meet this connection still holding the file
    closeDatabase(db);
  }
  parentPort!.postMessage({ ok: true, report });
}

run(workerData as Job).catch((e: unknown) => parentPort!.postMessage({ ok: false, error: messageOf(e) }));
