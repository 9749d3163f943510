// An import writes what its preview said or nothing: the plan is made before the 导入前备份, and another window or the
// command line may write in between. Here a second connection imports the same workbook at that moment.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../electron/db/database';
import { exchangeRows } from '../../../electron/exchange/export';
import { importWorkbook } from '../../../electron/exchange/import';
import { tempDir } from '../../helpers/cli';
import { writeLedgerWorkbook } from '../../helpers/ledger-fixture';

describe('an import whose ledger changed after the preview', () => {
  it('is refused in words and writes nothing of its own', async () => {
    const dir = tempDir('zwxx-stale-');
    const book = join(dir, 'ledger.xlsx');
    await writeLedgerWorkbook(book);
    const file = join(dir, 'zwxx.db');
    const db = openDatabase(file);
    const other = openDatabase(file);
    let between = '';
    const attempt = importWorkbook(db, book, {
      source: '导入',
      beforeWrite: async () => {
        const r = await importWorkbook(other, book, { source: '导入' });
        expect(r.applied).toBe(true);
        between = JSON.stringify(exchangeRows(other));
      },
    });
    await expect(attempt).rejects.toThrow(/预览之后账本有了改动.*没有写入任何内容.*请重新导入/);
    // the ledger holds the other connection's import, once, and nothing more
    expect(JSON.stringify(exchangeRows(db))).toBe(between);
    // imported again, the preview is new ("nothing to add") and the import goes through
    const again = await importWorkbook(db, book, { source: '导入' });
    expect(again.problems).toEqual([]);
    expect(Object.values(again.counts).every((c) => c.added === 0)).toBe(true);
    closeDatabase(other);
    closeDatabase(db);
  });
});
