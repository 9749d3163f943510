// Re-importing the roster with a different 排序 reorders every list, score table and 通报: the preview says which
// units move and from where to where, and the command line prints the same, before anything is written.
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../electron/db/database';
import { createHandlers, dispatch } from '../../../electron/handlers';
import type { ImportReportView } from '../../../shared/ipc/contract';
import { runCli, tempDir } from '../../helpers/cli';
import { writeWorkbook } from '../../helpers/workbooks';

const dir = tempDir('zwxx-roster-order-');
const dbFile = join(dir, 'zwxx.db');
const first = join(dir, '名单.xlsx');
const second = join(dir, '名单-新排序.xlsx');
const headers = ['单位名称', '类别', '排序'];

const db = openDatabase(dbFile);
afterAll(() => closeDatabase(db));
let open = first;
const h = createHandlers({
  db: () => db,
  replaceDb: () => undefined,
  dataFile: dbFile,
  assetsDir: resolve(__dirname, '../../../assets'),
  dialogs: { openFile: async () => open, saveFile: async () => null, chooseFolder: async () => null },
  version: 'test',
  today: () => '2024-07-01',
  startup: { failure: null, notice: null },
});
async function call(args: unknown): Promise<ImportReportView> {
  const reply = await dispatch(h, 'data:import', args);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as ImportReportView;
}
const orders = (): string[] => (db.prepare('SELECT name, sort_order AS o FROM units ORDER BY sort_order').all() as { name: string; o: number }[]).map((u) => `${u.name}${u.o}`);

describe('roster re-import and 排序', () => {
  it('the preview lists the units whose 排序 changes; the first import lists none', async () => {
    await writeWorkbook(first, [{ name: '单位', headers, rows: [['凤城街道', '镇街', 1], ['张家洼街道', '镇街', 2], ['区财政局', '镇街', 3]] }]);
    const r1 = await call({ dryRun: true });
    expect(r1.orderChanges).toEqual([]);
    const done = await call({ dryRun: false, file: first });
    expect(done.problems).toEqual([]);
    expect(orders()).toEqual(['凤城街道1', '张家洼街道2', '区财政局3']);

    await writeWorkbook(second, [{ name: '单位', headers, rows: [['凤城街道', '镇街', 2], ['张家洼街道', '镇街', 1], ['区财政局', '镇街', 3]] }]);
    open = second;
    const dry = await call({ dryRun: true });
    expect(dry.orderChanges).toEqual([
      { name: '凤城街道', from: 1, to: 2 },
      { name: '张家洼街道', from: 2, to: 1 },
    ]);
    expect(orders()).toEqual(['凤城街道1', '张家洼街道2', '区财政局3']);
  });

  it('the command line prints the moves in a dry run', () => {
    const r = runCli(['import', second, '--dry-run', '--db', dbFile]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('单位排序将改变 2 个');
    expect(r.stdout).toContain('凤城街道 1→2；张家洼街道 2→1');
  });
});
