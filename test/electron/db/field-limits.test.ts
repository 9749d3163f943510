// The ledger's length limits have one definition (shared/field-limits.ts): every length CHECK the schema of a new
// ledger has must be in it with the same number, and the import's row check reads those numbers — so a row the
// ledger would refuse is told to the clerk by sheet, row and column, never as a database error.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../electron/db/database';
import { sheetDef } from '../../../electron/exchange/sheets';
import { FIELD_LIMITS, fitFileName } from '../../../shared/field-limits';
import { tempDir } from '../../helpers/cli';

/** Which definition each schema column's length CHECK is written from. */
const FROM: Record<string, keyof typeof FIELD_LIMITS> = {
  'units.name': 'unitName',
  'items.category': 'categoryKey',
  'kept_documents.name': 'keptDocumentName',
  'item_files.name': 'receivedFileName',
  'journal_sections.name': 'journalSectionName',
};

describe('length limits: the schema and the row check agree', () => {
  it('every length CHECK of a new ledger is one of FIELD_LIMITS, with its number', () => {
    const db = openDatabase(join(tempDir(), 'limits.db'));
    try {
      const tables = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL`).all() as { name: string; sql: string }[];
      const found: Record<string, number> = {};
      for (const t of tables)
        for (const m of t.sql.matchAll(/length\((\w+)\) BETWEEN 1 AND (\d+)/g)) found[`${t.name}.${m[1]}`] = Number(m[2]);
      expect(Object.keys(found).sort()).toEqual(Object.keys(FROM).sort());
      for (const [column, key] of Object.entries(FROM)) expect(found[column], column).toBe(FIELD_LIMITS[key]);
    } finally {
      closeDatabase(db);
    }
  });

  it('a long file name is cut to the column, keeping its extension', () => {
    const long = '关于'.repeat(150) + '.docx';
    const fitted = fitFileName(long, FIELD_LIMITS.receivedFileName);
    expect([...fitted].length).toBe(FIELD_LIMITS.receivedFileName);
    expect(fitted.endsWith('….docx')).toBe(true);
    expect(fitFileName('短.docx', FIELD_LIMITS.receivedFileName)).toBe('短.docx');
  });

  it('the exchange workbook’s 单位名称 column carries the unit-name limit', () => {
    expect(sheetDef('units').columns.find((c) => c.key === 'name')!.maxChars).toBe(FIELD_LIMITS.unitName);
  });
});
