// Entry that reads one spreadsheet and answers with compact rows (arrays of strings). Run as a child process by the
// command line and the tests (heap limit and kill at the time limit from the parent), and as a worker thread inside
// the packaged app, where Electron cannot run itself as Node. Bundled as out/electron/parse-worker.cjs.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { messageOf, UserError } from '../db/errors';
import { compactBook } from '../exchange/book';
import { readBook } from '../exchange/workbook-file';

// SheetJS writes format remarks to the console ("ODS number format may be incorrect"); a clerk's terminal is no
// place for them, and failures travel back as messages.
console.warn = (): void => undefined;
console.error = (): void => undefined;
console.log = (): void => undefined;

const asWorker = !isMainThread && parentPort !== null;

const send = (m: unknown): void => {
  if (asWorker) parentPort!.postMessage(m);
  else process.send!(m, () => process.exit(0));
};

const file = asWorker ? (workerData as { file: string }).file : (process.argv[2] ?? '');
readBook(file).then(
  (book) => send({ ok: true, book: compactBook(book) }),
  (e: unknown) => send({ ok: false, error: messageOf(e), user: e instanceof UserError }),
);
