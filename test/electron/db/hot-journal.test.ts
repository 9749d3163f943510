// A ledger killed in the middle of a write, on a drive that uses the rollback journal (USB stick, network folder):
// the file is whole once SQLite rolls the journal back, and the start-up check must say so without writing to it.
import Database from 'better-sqlite3';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../electron/db/database';
import { checkLedgerFile, openChecked } from '../../../electron/services/startup';
import { tempDir } from '../../helpers/cli';

describe('a hot rollback journal left by a kill', () => {
  it('passes the check on a recovered copy, leaves the file untouched until then, and opens with the data before the write', () => {
    const dir = tempDir();
    const ledger = join(dir, 'zwxx.db');
    const made = openDatabase(ledger, { journalMode: 'delete' });
    closeDatabase(made);
    // a write caught half-way: the journal holds the old pages while the file already has some new ones
    const writer = new Database(ledger);
    writer.pragma('journal_mode = DELETE');
    writer.pragma('cache_size = 1');
    writer.exec('BEGIN IMMEDIATE');
    writer.exec("CREATE TABLE scratch (x TEXT); INSERT INTO scratch SELECT hex(randomblob(2000)) FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300) SELECT i FROM n)");
    const crashed = join(dir, 'crashed.db');
    copyFileSync(ledger, crashed);
    copyFileSync(ledger + '-journal', crashed + '-journal');
    writer.exec('ROLLBACK');
    writer.close();

    const before = readFileSync(crashed);
    const journal = readFileSync(crashed + '-journal');
    expect(journal.length).toBeGreaterThan(0);
    expect(checkLedgerFile(crashed)).toBeNull();
    expect(readFileSync(crashed).equals(before)).toBe(true);
    expect(readFileSync(crashed + '-journal').equals(journal)).toBe(true);

    const opened = openChecked(crashed);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    try {
      // the half-done write is gone: the journal was rolled back when the connection that writes opened the file
      expect(opened.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'scratch'").pluck().get()).toBe(0);
    } finally {
      closeDatabase(opened.db);
    }
  });
});
