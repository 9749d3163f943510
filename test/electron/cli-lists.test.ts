// What the pages show, headless: the command line lists the same service answers the IPC handlers return.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../electron/db/database';
import { createHandlers, dispatch } from '../../electron/handlers';
import { runCli, tempDir } from '../helpers/cli';
import { writeLedgerWorkbook } from '../helpers/ledger-fixture';

const dir = tempDir();
const db = join(dir, 'zwxx.db');
const AS_OF = '2019-07-08';

/** The same method through the handler table, as the app's page would ask for it. */
async function viaHandlers(method: string, args: unknown): Promise<unknown> {
  const h = openDatabase(db);
  try {
    const handlers = createHandlers({
      db: () => h,
      replaceDb: () => undefined,
      dataFile: db,
      assetsDir: join(__dirname, '../../assets'),
      dialogs: { openFile: async () => null, saveFile: async () => null, chooseFolder: async () => null },
      version: 'test',
      today: () => AS_OF,
      startup: { failure: null, notice: null },
    });
    const reply = await dispatch(handlers, method, args);
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  } finally {
    closeDatabase(h);
  }
}

const json = (args: string[]): unknown => {
  const r = runCli([...args, '--json', '--db', db, '--as-of', AS_OF]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

beforeAll(async () => {
  const ledger = join(dir, 'ledger.xlsx');
  await writeLedgerWorkbook(ledger);
  expect(runCli(['import', ledger, '--db', db]).code).toBe(0);
});

describe('list commands answer what the pages see', () => {
  it('units, rules and items equal the IPC answers', async () => {
    expect(json(['units'])).toEqual(await viaHandlers('units:list', {}));
    expect(json(['rules'])).toEqual(await viaHandlers('rules:list', {}));
    expect(json(['items', '--month', '2019-04', '--limit', '50'])).toEqual(await viaHandlers('items:list', { month: '2019-04', offset: 0, limit: 50 }));
  });

  it('the table view names every unit', async () => {
    const units = (await viaHandlers('units:list', {})) as { name: string }[];
    const r = runCli(['units', '--db', db]);
    expect(r.code).toBe(0);
    for (const u of units) expect(r.stdout).toContain(u.name);
  });

  it('the tables speak the office’s words: group, issuer and event names, local times', () => {
    const units = runCli(['units', '--db', db]).stdout;
    expect(units).toContain('\t镇街\t');
    expect(units).not.toMatch(/\t(town|dept1|dept2)\t/);
    const requests = runCli(['requests', '--db', db]).stdout;
    expect(requests.split('\n').length).toBeGreaterThan(1);
    expect(requests).not.toMatch(/city_office|district_office/);
    expect(requests).toMatch(/市政府办公厅|区政府办公室/);
    const events = runCli(['events', '--db', db]).stdout;
    expect(events.split('\n').length).toBeGreaterThan(1);
    expect(events).not.toMatch(/\t(staff|system|training|joint_research|major_late|false_info)\t/);
    const audit = runCli(['audit', '--limit', '5', '--db', db]).stdout;
    expect(audit).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\t/m);
    expect(audit).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/);
  });

  it('refuses flags the contract refuses, in Chinese', () => {
    const r = runCli(['items', '--month', '2019-4', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('月份格式应为 YYYY-MM');
  });
});
