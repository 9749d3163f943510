// Child-process entry that reads one spreadsheet and sends it back as compact rows (arrays of strings). The parent
// starts it with a heap limit and kills it at its time limit, so no file can hang or exhaust the command line or the
// app. Bundled as out/electron/parse-worker.cjs; run by Node (the command line) or by Electron as Node (the app).
import { messageOf, UserError } from '../db/errors';
import { compactBook } from '../exchange/book';
import { readBook } from '../exchange/workbook-file';

// SheetJS writes format remarks to the console ("ODS number format may be incorrect"); a clerk's terminal is no
// place for them, and failures travel back as messages.
console.warn = (): void => undefined;
console.error = (): void => undefined;
console.log = (): void => undefined;

const send = (m: unknown): void => {
  process.send!(m, () => process.exit(0));
};

const file = process.argv[2] ?? '';
readBook(file).then(
  (book) => send({ ok: true, book: compactBook(book) }),
  (e: unknown) => send({ ok: false, error: messageOf(e), user: e instanceof UserError }),
);
