// A ledger whose headers the importer does not know: the clerk maps its columns once (through the same handler the
// app's import dialog calls); the mapping is remembered for that layout, so the next import — in the app or on the
// command line — needs no questions and adds nothing twice.
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../electron/db/database';
import { createHandlers, dispatch } from '../../../electron/handlers';
import type { ImportReportView } from '../../../shared/ipc/contract';
import { runCli, tempDir } from '../../helpers/cli';
import { writeForeignLedger } from '../../helpers/ledger-fixture';

const dir = tempDir();
const dbFile = join(dir, 'zwxx.db');
const ledger = join(dir, '稿件登记簿.xlsx');

function handlersFor(file: string) {
  const db = openDatabase(dbFile);
  const h = createHandlers({
    db: () => db,
    replaceDb: () => undefined,
    dataFile: dbFile,
    assetsDir: resolve(__dirname, '../../../assets'),
    dialogs: { openFile: async () => file, saveFile: async () => null, chooseFolder: async () => null },
    version: 'test',
    today: () => '2019-07-08',
    startup: { failure: null, notice: null },
  });
  return { h, close: () => closeDatabase(db) };
}

async function call(h: ReturnType<typeof createHandlers>, args: unknown): Promise<ImportReportView> {
  const reply = await dispatch(h, 'data:import', args);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as ImportReportView;
}

describe('the column-mapping step', () => {
  beforeAll(async () => {
    await writeForeignLedger(dbFile, ledger);
  });
  const app = { h: undefined as unknown as ReturnType<typeof createHandlers>, close: (): void => undefined };
  afterAll(() => app.close());

  it('offers the unrecognised sheet, maps it, and imports; the layout is remembered', async () => {
    Object.assign(app, handlersFor(ledger));
    const first = await call(app.h, { dryRun: true });
    expect(first.problems[0]?.reason).toContain('没有可导入的工作表');
    expect(first.unrecognised).toHaveLength(1);
    const sheet = first.unrecognised[0]!;
    expect(sheet.headerRow).toBe(2);
    expect(sheet.headers.map((x) => x.text)).toEqual(['流水', '收到', '来自', '稿件', '经办']);
    expect(first.mappable.columns.filter((c) => c.required).map((c) => c.key)).toEqual(['date', 'unit', 'title']);

    const mapped = await call(app.h, {
      dryRun: true,
      file: ledger,
      mapping: { signature: sheet.signature, sheetKey: 'items', columns: { date: 2, unit: 3, title: 4 } },
    });
    expect(mapped.problems).toEqual([]);
    expect(mapped.counts.items).toEqual({ added: 3, changed: 0, unchanged: 0 });
    expect(mapped.sheets[0]!.columns.map((c) => `${c.column}:${c.as}`)).toEqual(['A:忽略', 'B:报送日期', 'C:报送单位', 'D:信息标题', 'E:忽略']);

    // confirming needs no mapping any more: it was remembered
    const done = await call(app.h, { dryRun: false, file: ledger });
    expect(done.applied).toBe(true);
    expect(done.counts.items).toEqual({ added: 3, changed: 0, unchanged: 0 });
    app.close();
  });

  it('the next import of the same layout (command line) asks nothing and adds nothing', () => {
    const r = runCli(['import', ledger, '--dry-run', '--db', dbFile]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('信息：新增 0，修改 0，未变 3');
    expect(r.stdout).toContain('B列“收到”→报送日期');
  });

  it('a confirming or checking call may only name a file the clerk chose', async () => {
    const other = handlersFor(ledger);
    try {
      const reply = await dispatch(other.h, 'data:import', { dryRun: true, file: '/etc/passwd' });
      expect(reply).toEqual({ ok: false, error: '请先选择文件并检查，再确认导入。' });
    } finally {
      other.close();
    }
  });
});
