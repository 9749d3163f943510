// Worker-thread entry for the start-up integrity check: quick_check and the foreign keys on a read-only connection
// of its own, so the window is up and answering while the whole file is read. Bundled as out/electron/check-worker.cjs.
import { parentPort, workerData } from 'node:worker_threads';
import { checkLedgerFile } from '../services/startup';

parentPort!.postMessage(checkLedgerFile((workerData as { dataFile: string }).dataFile));
