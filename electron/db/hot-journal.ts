// A ledger killed in the middle of a write (power cut, forced shutdown) leaves a hot journal beside it: a rollback
// journal (-journal) or a write-ahead log with pages in it (-wal). SQLite's own recovery — rolling the journal back or
// replaying the log — is what makes the file whole again, and it needs a connection that can write. A read-only
// check cannot do it (it fails as if the folder were read-only), yet nothing may write to the ledger before it has
// passed its check. So the check recovers a copy in a temporary folder, exactly as opening the ledger will, and
// checks that; the ledger itself is recovered only when the connection that writes opens it after the check passed.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const hasPages = (file: string): boolean => existsSync(file) && statSync(file).size > 0;

/** Whether a rollback journal or a write-ahead log with content lies beside the ledger (recovery may be needed). */
export function hasHotSideFile(file: string): boolean {
  return hasPages(file + '-journal') || hasPages(file + '-wal');
}

/**
 * Copies the ledger with its journal or log into a temporary folder, lets SQLite recover the copy and runs `check` on
 * it; the temporary folder is removed afterwards. The ledger and its side files are only read.
 */
export function checkRecoveredCopy<T>(file: string, check: (copy: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'zwxx-check-'));
  try {
    const copy = join(dir, 'ledger.db');
    copyFileSync(file, copy);
    for (const side of ['-journal', '-wal']) if (existsSync(file + side)) copyFileSync(file + side, copy + side);
    const db = new Database(copy);
    try {
      // the first read runs the recovery: the journal is rolled back, or the log replayed into the copy
      db.pragma('schema_version', { simple: true });
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
    return check(copy);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
