// 跳过有问题的行: a 合计 row at the bottom of a hand-kept ledger no longer blocks the import when the clerk chooses to
// skip it. Without that choice nothing is written; with it the other rows go in together, the skipped rows are listed
// and saved as a workbook to fix (in the app through a save dialog, on the command line beside the ledger).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../electron/db/database';
import { createHandlers, dispatch } from '../../../electron/handlers';
import { saveUnit } from '../../../electron/services/ledger';
import type { ImportReportView } from '../../../shared/ipc/contract';
import { runCli, tempDir } from '../../helpers/cli';
import { writeWorkbook } from '../../helpers/workbooks';

const dir = tempDir('zwxx-skip-rows-');
const dbFile = join(dir, 'zwxx.db');
const db = openDatabase(dbFile);
afterAll(() => closeDatabase(db));

for (const name of ['凤城街道', '张家洼街道'])
  saveUnit(db, { name, group: 'town', aliases: [], contact: '', phone: '', activeFrom: null, activeUntil: null, note: '' }, '测试');

const ledger = join(dir, '六月台账.xlsx');
const saved = join(dir, '跳过的行.xlsx');
const answers: string[] = [];
const h = createHandlers({
  db: () => db,
  replaceDb: () => undefined,
  dataFile: dbFile,
  assetsDir: resolve(__dirname, '../../../assets'),
  dialogs: { openFile: async () => ledger, saveFile: async () => answers.shift() ?? null, chooseFolder: async () => null },
  version: 'test',
  today: () => '2024-07-01',
  startup: { failure: null, notice: null },
});

async function call<T>(method: 'data:import' | 'data:saveSkipped', args: unknown): Promise<T> {
  const reply = await dispatch(h, method, args);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as T;
}

const itemCount = (): number => (db.prepare('SELECT count(*) AS n FROM items WHERE deleted_at IS NULL').get() as { n: number }).n;

describe('跳过有问题的行', () => {
  it('blocks without the choice; with it the rest goes in, and the skipped rows are saved to fix', async () => {
    await writeWorkbook(ledger, [
      {
        name: '信息',
        headers: ['报送日期', '报送单位', '信息标题'],
        rows: [
          ['2024-06-03', '凤城街道', '凤城街道开展防汛应急演练'],
          ['2024-06-05', '张家洼街道', '张家洼街道推进老旧小区改造'],
          ['2024-06-07', '凤城街道', '凤城街道举办就业招聘会'],
          ['合计', '', '3条'],
        ],
      },
    ]);
    const before = itemCount();
    const blocked = await call<ImportReportView>('data:import', { dryRun: true });
    expect(blocked.problems.length).toBeGreaterThan(0);
    expect(blocked.problems.every((p) => p.row === 5)).toBe(true);
    expect(blocked.skipped).toEqual([]);

    const dry = await call<ImportReportView>('data:import', { dryRun: true, file: ledger, skipBadRows: true });
    expect(dry.problems).toEqual([]);
    expect(dry.counts.items).toEqual({ added: 3, changed: 0, unchanged: 0 });
    expect(dry.skipped).toHaveLength(1);
    expect(dry.skipped[0]).toMatchObject({ sheet: '信息', row: 5, values: ['合计', '', '3条'] });
    expect(dry.skipped[0]!.reasons.join('')).not.toBe('');
    expect(itemCount()).toBe(before);

    const done = await call<ImportReportView>('data:import', { dryRun: false, file: ledger, skipBadRows: true });
    expect(done.applied).toBe(true);
    expect(done.skipped.map((s) => s.row)).toEqual([5]);
    expect(itemCount()).toBe(before + 3);

    answers.push(saved);
    const out = await call<{ file: string }>('data:saveSkipped', { rows: done.skipped, headers: done.skippedHeaders });
    expect(out.file).toBe(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const ws = wb.getWorksheet('信息')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['报送日期', '报送单位', '信息标题', '原行号', '问题']);
    const row = (ws.getRow(2).values as unknown[]).slice(1);
    expect(row.slice(0, 4)).toEqual(['合计', undefined, '3条', 5]);
    expect(String(row[4])).toBe(done.skipped[0]!.reasons.join('；'));
  });

  it('on the command line: refused without --skip-bad-rows, imported with it, the skipped rows saved beside', async () => {
    const file = join(dir, '七月台账.xlsx');
    await writeWorkbook(file, [
      {
        name: '信息',
        headers: ['报送日期', '报送单位', '信息标题'],
        rows: [
          ['2024-07-02', '凤城街道', '凤城街道开展夏季消防检查'],
          ['2024-07-03', '不存在的单位', '某单位的一条信息'],
          ['合计', '', '2条'],
        ],
      },
    ]);
    const before = itemCount();
    const refused = runCli(['import', file, '--db', dbFile]);
    expect(refused.code).toBe(1);
    expect(itemCount()).toBe(before);
    const r = runCli(['import', file, '--skip-bad-rows', '--db', dbFile]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('跳过有问题的 2 行');
    expect(itemCount()).toBe(before + 1);
    const beside = join(dir, '七月台账-跳过的行.xlsx');
    expect(r.stdout).toContain(beside);
    expect(existsSync(beside)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(beside);
    expect(wb.getWorksheet('信息')!.rowCount).toBe(3);
  });
});
