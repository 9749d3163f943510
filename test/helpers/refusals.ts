// A refused import through the command line: exit 1, the expected text, no stack trace, and the ledger — its rows and
// its audit trail — exactly as before.
import { expect } from 'vitest';
import { closeDatabase, openDatabase } from '../../electron/db/database';
import { exchangeRows } from '../../electron/exchange/export';
import { runCli } from './cli';

export function ledgerSnapshot(db: string): string {
  const h = openDatabase(db);
  try {
    const audit = h.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number };
    return JSON.stringify({ rows: exchangeRows(h), audit: audit.n });
  } finally {
    closeDatabase(h);
  }
}

export function expectImportRefused(db: string, file: string, ...expected: string[]): string {
  const before = ledgerSnapshot(db);
  const r = runCli(['import', file, '--db', db]);
  const output = r.stdout + r.stderr;
  expect(r.code, output).toBe(1);
  for (const e of expected) expect(output).toContain(e);
  expect(output).not.toMatch(/at .*\.ts:\d+|TypeError|ReferenceError|Error:/); // never a stack trace
  expect(ledgerSnapshot(db)).toBe(before);
  return output;
}
