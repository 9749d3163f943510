// Every contract method called with malformed arguments answers with an error value and changes nothing.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../electron/db/database';
import { exchangeRows } from '../../electron/exchange/export';
import { createHandlers, dispatch } from '../../electron/handlers';
import { closeLedger, startLedger, switchLedger } from '../../electron/services/startup';
import { METHOD_NAMES, METHODS } from '../../shared/ipc/contract';
import { tempDir } from '../helpers/cli';

const dir = tempDir();
const db = openDatabase(join(dir, 'zwxx.db'));
const handlers = createHandlers({
  db: () => db,
  replaceDb: () => undefined,
  dataFile: join(dir, 'zwxx.db'),
  assetsDir: join(__dirname, '../../assets'),
  dialogs: { openFile: async () => null, saveFile: async () => null, chooseFolder: async () => null },
  version: 'test',
  today: () => '2019-07-08',
  startup: { failure: null, notice: null },
});
afterAll(() => closeDatabase(db));

const snapshot = (): string =>
  JSON.stringify({ rows: exchangeRows(db), audit: (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n });

const MALFORMED: unknown[] = [
  undefined,
  null,
  42,
  'items',
  [],
  { evil: 1 },
  { id: '1' },
  { id: -5 },
  { id: 1e300 },
  { period: '../../etc/passwd' },
  { file: '/etc/passwd', dryRun: 'yes' },
  { unitId: 1, date: '2019-02-30x', title: 'x'.repeat(100_000), kinds: ['bogus'], authors: [], note: '' },
  { rows: 'all' },
  { list: [{ itemId: 1 }] },
];

describe('every IPC handler refuses malformed arguments', () => {
  it('answers { ok: false, error } in Chinese and leaves the data unchanged', async () => {
    await dispatch(handlers, 'units:importSample', {});
    const before = snapshot();
    let refusals = 0;
    for (const method of METHOD_NAMES) {
      for (const args of MALFORMED) {
        if (METHODS[method].safeParse(args).success) continue; // a harmless valid call (e.g. {} for a list)
        const reply = await dispatch(handlers, method, args);
        expect(reply.ok, `${method} ${JSON.stringify(args)?.slice(0, 60)}`).toBe(false);
        if (!reply.ok) expect(reply.error).toMatch(/[\u4e00-\u9fff]/);
        refusals++;
      }
    }
    expect(refusals).toBeGreaterThan(METHOD_NAMES.length * 5);
    expect(snapshot()).toBe(before);
  });

  it('refuses unknown methods and prototype tricks', async () => {
    for (const m of ['__proto__', 'constructor', 'toString', 'items:drop', '']) {
      const reply = await dispatch(handlers, m, {});
      expect(reply.ok).toBe(false);
    }
  });

  it('a confirming import may only name a file the clerk chose in the dialog', async () => {
    const reply = await dispatch(handlers, 'data:import', { dryRun: false, file: '/etc/passwd' });
    expect(reply).toEqual({ ok: false, error: '请先选择文件并检查，再确认导入。' });
  });
});

describe('moving the data folder', () => {
  it('copies the ledger to the chosen folder, checked, and remembers it for the next start', async () => {
    const target = tempDir('zwxx-move-');
    let remembered = '';
    const moved = startLedger(join(tempDir(), 'zwxx.db'));
    const h = createHandlers({
      db: () => moved.db!,
      replaceDb: () => undefined,
      get dataFile() {
        return moved.file;
      },
      switchTo: (f) => switchLedger(moved, f),
      assetsDir: join(__dirname, '../../assets'),
      dialogs: { openFile: async () => null, saveFile: async () => null, chooseFolder: async () => target },
      version: 'test',
      startup: { failure: null, notice: null },
      setDataFile: (f) => (remembered = f),
    });
    const reply = await dispatch(h, 'app:moveData', {});
    expect(reply).toEqual({ ok: true, value: { file: join(target, 'zwxx.db') } });
    expect(remembered).toBe(join(target, 'zwxx.db'));
    // the ledger in use is now the new file
    expect(moved.file).toBe(join(target, 'zwxx.db'));
    expect(moved.db!.name).toBe(join(target, 'zwxx.db'));
    // a folder that already holds a ledger is refused, never overwritten
    const again = await dispatch(h, 'app:moveData', {});
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error).toContain('已有数据文件');
    closeLedger(moved);
  });

  it('is refused in the test bridge (no desktop config to remember it)', async () => {
    const reply = await dispatch(handlers, 'app:moveData', {});
    expect(reply).toEqual({ ok: false, error: '更改数据文件夹只能在桌面程序中进行。' });
  });
});

describe('打开所在文件夹', () => {
  it('shows only a file the app itself has just written', async () => {
    const out = tempDir('zwxx-shown-');
    const shown: string[] = [];
    const answers = [join(out, '备份.db')];
    const h = createHandlers({
      db: () => db,
      replaceDb: () => undefined,
      dataFile: join(dir, 'zwxx.db'),
      assetsDir: join(__dirname, '../../assets'),
      dialogs: { openFile: async () => null, saveFile: async () => answers.shift() ?? null, chooseFolder: async () => null },
      version: 'test',
      startup: { failure: null, notice: null },
      shell: { showItemInFolder: (f) => void shown.push(f) },
    });
    for (const file of [join(dir, 'zwxx.db'), '/etc/passwd', join(out, '备份.db')]) {
      expect(await dispatch(h, 'app:showInFolder', { file })).toEqual({ ok: false, error: '只能打开本程序刚刚保存的文件所在的文件夹。' });
    }
    const backup = await dispatch(h, 'backup:create', {});
    expect(backup).toEqual({ ok: true, value: { file: join(out, '备份.db') } });
    expect(await dispatch(h, 'app:showInFolder', { file: join(out, '备份.db') })).toEqual({ ok: true, value: null });
    // the same file named another way is the same file; a neighbour is not
    expect((await dispatch(h, 'app:showInFolder', { file: `${out}/./备份.db` })).ok).toBe(true);
    expect((await dispatch(h, 'app:showInFolder', { file: join(out, '其他.db') })).ok).toBe(false);
    expect(shown).toEqual([join(out, '备份.db'), join(out, '备份.db')]);
  });

  it('is refused where there is no desktop shell', async () => {
    expect(await dispatch(handlers, 'app:showInFolder', { file: join(dir, 'zwxx.db') })).toEqual({ ok: false, error: '只能打开本程序刚刚保存的文件所在的文件夹。' });
  });
});

