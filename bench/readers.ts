// npm run bench:readers — which library reads .xlsx better for the importer: exceljs (with whole-column drop-down
// lists cut first) or SheetJS CE. Each reader runs in a fresh process on the same one-office-year exchange workbook
// (15,000 items …); prints time, peak memory and how many cells the two readers disagree on, then the hang file.
//   npm run bench:readers [-- --runs 3]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeDatabase, openDatabase } from '../electron/db/database';
import { exportData } from '../electron/exchange/export';
import { readBinaryWithSheetJs } from '../electron/exchange/sheetjs-book';
import { readBook } from '../electron/exchange/workbook-file';
import type { Book } from '../electron/exchange/book';
import { generateLedger } from './generate';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const HANG = join(ROOT, 'test/fixtures/wps-template-hang.xlsx');

async function measure(reader: string, file: string): Promise<void> {
  const t0 = performance.now();
  const book: Book = reader === 'sheetjs' ? readBinaryWithSheetJs(readFileSync(file), 'xlsx') : await readBook(file);
  const ms = performance.now() - t0;
  const cells = book.sheets.reduce((n, s) => n + s.rows.reduce((m, r) => m + (r?.filter(Boolean).length ?? 0), 0), 0);
  process.stdout.write(`${JSON.stringify({ ms: Math.round(ms), peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024), cells })}\n`);
}

function text(book: Book): string[] {
  const out: string[] = [];
  for (const s of book.sheets)
    s.rows.forEach((r, i) => r?.forEach((c, j) => out.push(`${s.name}!${i + 1}:${j + 1}=${c && c.kind === 'text' ? c.text : (c?.kind ?? '')}`)));
  return out;
}

async function main(): Promise<void> {
  const [mode, reader, file] = process.argv.slice(2);
  if (mode === '--child') return measure(reader!, file!);
  const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;
  const dir = join(ROOT, 'bench-data');
  mkdirSync(dir, { recursive: true });
  const xlsx = join(dir, 'readers-1year.xlsx');
  if (!existsSync(xlsx)) {
    const db = openDatabase(join(dir, 'readers-1year.db'));
    await generateLedger(db, 1, { assetsDir: join(ROOT, 'assets'), seed: 11 });
    await exportData(db, xlsx);
    closeDatabase(db);
  }
  const figures: Record<string, unknown> = {};
  for (const [name, reader, file] of [
    ['exceljs_1year', 'exceljs', xlsx],
    ['sheetjs_1year', 'sheetjs', xlsx],
    ['exceljs_hang_file', 'exceljs', HANG],
    ['sheetjs_hang_file', 'sheetjs', HANG],
  ] as const) {
    const xs: { ms: number; peak_rss_mb: number; cells: number }[] = [];
    for (let i = 0; i < runs; i++)
      xs.push(JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/readers.ts'), '--child', reader, file], { encoding: 'utf8', cwd: ROOT })));
    xs.sort((a, b) => a.ms - b.ms);
    figures[name] = xs[Math.floor(xs.length / 2)];
  }
  const a = text(await readBook(xlsx));
  const b = new Set(text(readBinaryWithSheetJs(readFileSync(xlsx), 'xlsx')));
  figures.cells_read_differently = a.filter((x) => !b.has(x)).length;
  console.log(JSON.stringify(figures));
}

void main();
