// A hand-kept ledger without 编号 re-imported after a title was corrected: its 编号 (derived from the title) is new,
// so the row would go in as a second item. The preview lists such rows beside the item they resemble, unticked; they
// go in only when the clerk ticks them (on the command line they go in and are listed to check, unless --skip-similar).
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../electron/db/database';
import { createHandlers, dispatch } from '../../../electron/handlers';
import { createItem, saveUnit } from '../../../electron/services/ledger';
import type { ImportReportView } from '../../../shared/ipc/contract';
import { runCli, tempDir } from '../../helpers/cli';
import { writeWorkbook } from '../../helpers/workbooks';

const dir = tempDir('zwxx-similar-import-');
const dbFile = join(dir, 'zwxx.db');
const db = openDatabase(dbFile);
afterAll(() => closeDatabase(db));

const unit = (name: string) =>
  saveUnit(db, { name, group: 'town', aliases: [], contact: '', phone: '', activeFrom: null, activeUntil: null, note: '' }, '测试');
const fengcheng = unit('凤城街道');
unit('张家洼街道');
createItem(db, { unitId: fengcheng.id, date: '2024-05-20', title: '凤城街道召开防汛工作部署会议', kinds: [], authors: [], note: '' }, '测试');

const ledger = join(dir, '台账.xlsx');
const rows = [
  // the corrected twin: same unit, a similar title, dated a few days earlier
  ['2024-05-18', '凤城街道', '凤城街道召开防汛工作部署大会'],
  // another unit with the same title: not a twin
  ['2024-05-18', '张家洼街道', '凤城街道召开防汛工作部署大会'],
  // the same unit, something else
  ['2024-05-19', '凤城街道', '凤城街道开展夏季安全生产大检查'],
];

const h = createHandlers({
  db: () => db,
  replaceDb: () => undefined,
  dataFile: dbFile,
  assetsDir: resolve(__dirname, '../../../assets'),
  dialogs: { openFile: async () => ledger, saveFile: async () => null, chooseFolder: async () => null },
  version: 'test',
  today: () => '2024-06-01',
  startup: { failure: null, notice: null },
});

async function call(args: unknown): Promise<ImportReportView> {
  const reply = await dispatch(h, 'data:import', args);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as ImportReportView;
}

const itemCount = (): number => (db.prepare('SELECT count(*) AS n FROM items WHERE deleted_at IS NULL').get() as { n: number }).n;

describe('near-duplicates in the import preview', () => {
  it('lists the twin beside the existing item, unticked, and leaves it out unless ticked', async () => {
    await writeWorkbook(ledger, [{ name: '信息', headers: ['报送日期', '报送单位', '信息标题'], rows }]);
    const dry = await call({ dryRun: true });
    expect(dry.problems).toEqual([]);
    expect(dry.similar).toHaveLength(1);
    const twin = dry.similar[0]!;
    expect(twin).toMatchObject({ row: 2, unit: '凤城街道', date: '2024-05-18', title: '凤城街道召开防汛工作部署大会', included: false });
    expect(twin.existing).toMatchObject({ date: '2024-05-20', title: '凤城街道召开防汛工作部署会议' });
    expect(twin.existing.no).not.toBe('');
    expect(dry.counts.items).toEqual({ added: 2, changed: 0, unchanged: 0 });

    // confirmed without ticking: the two others go in, the twin does not
    const before = itemCount();
    const done = await call({ dryRun: false, file: ledger });
    expect(done.applied).toBe(true);
    expect(itemCount()).toBe(before + 2);

    // the same workbook again, the twin ticked: now it goes in as a new item
    const again = await call({ dryRun: true, file: ledger, includeSimilar: [2] });
    expect(again.similar.map((s) => [s.row, s.included])).toEqual([[2, true]]);
    expect(again.counts.items).toEqual({ added: 1, changed: 0, unchanged: 2 });
    await call({ dryRun: false, file: ledger, includeSimilar: [2] });
    expect(itemCount()).toBe(before + 3);
  });

  it('the command line imports near rows and lists them to check; --skip-similar leaves them out', async () => {
    const file = join(dir, '台账2.xlsx');
    await writeWorkbook(file, [{ name: '信息', headers: ['报送日期', '报送单位', '信息标题'], rows: [['2024-05-21', '凤城街道', '凤城街道召开防汛工作部署会议纪要']] }]);
    const before = itemCount();
    const skipped = runCli(['import', file, '--skip-similar', '--db', dbFile]);
    expect(skipped.code, skipped.stderr).toBe(0);
    expect(skipped.stdout).toContain('与已有信息相近、未导入的 1 条');
    expect(skipped.stdout).toContain('2024-05-20 凤城街道召开防汛工作部署会议');
    expect(itemCount()).toBe(before);
    const all = runCli(['import', file, '--db', dbFile]);
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout).not.toContain('未导入的');
    expect(all.stdout).toContain('与已有信息相近、已作为新信息导入的 1 条');
    expect(itemCount()).toBe(before + 1);
  });
});
