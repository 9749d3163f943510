// Worker-thread entry that reads one spreadsheet into a Book and posts it back. The parent bounds it in time and
// memory, so no file can hang or exhaust the command line or the app. Bundled as out/electron/parse-worker.cjs.
import { parentPort, workerData } from 'node:worker_threads';
import { messageOf, UserError } from '../db/errors';
import { readBook } from '../exchange/workbook-file';

// SheetJS writes format remarks to the console ("ODS number format may be incorrect"); a clerk's terminal is no
// place for them, and failures travel back as messages.
console.warn = (): void => undefined;
console.error = (): void => undefined;

const { file } = workerData as { file: string };
readBook(file).then(
  (book) => parentPort!.postMessage({ ok: true, book }),
  (e: unknown) => parentPort!.postMessage({ ok: false, error: messageOf(e), user: e instanceof UserError }),
);
