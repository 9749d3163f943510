// Converts a workbook with LibreOffice, as a clerk's "另存为" would: .xls, .ods, .csv (UTF-8). LibreOffice runs with
// a profile of its own, so parallel runs do not share a lock.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** `to` is a LibreOffice target: 'xls', 'ods', or 'csv:Text - txt - csv (StarCalc):44,34,76' (UTF-8). */
export function convertWithLibreOffice(file: string, to: string, outDir: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'zwxx-lo-'));
  execFileSync(
    'soffice',
    [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', to, '--outdir', outDir, file],
    { stdio: 'ignore', timeout: 180_000 },
  );
  return join(outDir, `${basename(file, extname(file))}.${to.split(':')[0]}`);
}
