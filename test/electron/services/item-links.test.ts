// An item's 信息类别 and 合报 units entered through the front door (the IPC handlers), as the entry form and the
// drawer send them: checked against the rule set in force on the item's date, shown back in the list and the detail,
// kept by an edit that leaves them out, refused by name when wrong (and nothing changes), and scored by the engine
// with each unit's share. Rule set: the shipped 示例市2024 (合报 split evenly; 信息专报 gives 长篇调研 20 points).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../electron/db/database';
import { exchangeRows } from '../../../electron/exchange/export';
import { createHandlers, dispatch } from '../../../electron/handlers';
import { importRuleFile } from '../../../electron/services/rule-files';
import type { ArgsInput, Method, Result } from '../../../shared/ipc/contract';
import { tempDir } from '../../helpers/cli';

const dir = tempDir('zwxx-item-links-');
const db = openDatabase(join(dir, 'zwxx.db'));
const handlers = createHandlers({
  db: () => db,
  replaceDb: () => undefined,
  dataFile: join(dir, 'zwxx.db'),
  assetsDir: join(__dirname, '../../../assets'),
  dialogs: { openFile: async () => null, saveFile: async () => null, chooseFolder: async () => null },
  version: 'test',
  today: () => '2024-07-08',
  startup: { failure: null, notice: null },
});
afterAll(() => closeDatabase(db));

async function ok<M extends Method>(method: M, args: ArgsInput<M>): Promise<Result<M>> {
  const reply = await dispatch(handlers, method, args);
  if (!reply.ok) throw new Error(`${method}: ${reply.error}`);
  return reply.value as Result<M>;
}
async function refused<M extends Method>(method: M, args: ArgsInput<M>): Promise<string> {
  const before = JSON.stringify(exchangeRows(db));
  const reply = await dispatch(handlers, method, args);
  expect(reply.ok, method).toBe(false);
  expect(JSON.stringify(exchangeRows(db)), 'a refused call changes nothing').toBe(before);
  return reply.ok ? '' : reply.error;
}

const unit = async (name: string, group: string): Promise<number> =>
  (await ok('units:save', { name, group, aliases: [], contact: '', phone: '', activeFrom: null, activeUntil: null, note: '' })).id;
const item = (unitId: number, extra: Partial<ArgsInput<'items:create'>> = {}): ArgsInput<'items:create'> => ({
  unitId,
  date: '2024-04-08',
  title: '关于县域特色产业发展的调研',
  kinds: [],
  authors: [],
  note: '',
  ...extra,
});

let jia = 0;
let yi = 0;
let bureau = 0;
beforeAll(async () => {
  importRuleFile(db, join(__dirname, '../../../assets/rules/example-city-2024.json'), { dryRun: false, source: 'test' });
  jia = await unit('甲县', 'county');
  yi = await unit('乙县', 'county');
  bureau = await unit('市财政局', 'bureau');
});

describe('信息类别 and 合报单位 entered with an item', () => {
  let id = 0;
  it('are saved, listed and shown in the detail in the office words, the 合报 units in the order entered', async () => {
    id = (await ok('items:create', item(jia, { category: 'long', jointUnitIds: [bureau, yi] }))).id;
    const detail = await ok('items:get', { id });
    expect(detail.category).toBe('long');
    expect(detail.categoryName).toBe('长篇调研');
    expect(detail.jointUnits).toEqual([
      { id: bureau, name: '市财政局' },
      { id: yi, name: '乙县' },
    ]);
    const listed = (await ok('items:list', { month: '2024-04', offset: 0, limit: 50 })).rows.find((r) => r.id === id)!;
    expect(listed.categoryName).toBe('长篇调研');
    expect(listed.jointUnits.map((u) => u.name)).toEqual(['市财政局', '乙县']);
  });

  it('score by the category and split evenly: 信息专报 single for 长篇调研 is 20 points, 6.7 + 6.7 + 6.6', async () => {
    await ok('adoptions:create', { list: [{ itemId: id, publication: 'special', form: 'single', date: '2024-04-20', issueNo: '8', note: '' }] });
    const detail = await ok('items:get', { id });
    // the drawer shows the record's worth under the item's category: 20, not the plain 10
    expect(detail.adoptionRecords.map((r) => r.points)).toEqual([20]);
    const { scores } = await ok('scores:period', { period: '2024-04' });
    const share = (unitId: number): number => {
      const u = scores.groups.flatMap((g) => g.units).find((x) => x.unitId === unitId)!;
      return u.lines.filter((l) => l.itemId === id).reduce((a, l) => a + l.points, 0);
    };
    // 20 points = 200 tenths over 3 units: 66 tenths each, the 2 tenths left to the first listed (甲县 leads, then 市财政局)
    expect([share(jia), share(bureau), share(yi)]).toEqual([6.7, 6.7, 6.6]);
  });

  it('are kept by an edit that leaves them out, changed by one that names them, and the change is in 操作记录', async () => {
    const links = () => db.prepare(`SELECT count(*) FROM audit_log WHERE entity IN ('item_joint_units', 'item_authors')`).pluck().get() as number;
    const before = links();
    await ok('items:update', { id, item: item(jia, { title: '关于县域特色产业发展的调研报告', authors: [] }) });
    // a title corrected: 操作记录 has no 合报单位 or 作者 deleted and added again
    expect(links()).toBe(before);
    let detail = await ok('items:get', { id });
    expect(detail.category).toBe('long');
    expect(detail.jointUnits.map((u) => u.id)).toEqual([bureau, yi]);
    await ok('items:update', { id, item: item(jia, { category: 'short', jointUnitIds: [yi] }) });
    // 市财政局 taken off, 乙县 moved up: one deletion and one change of place, nothing added again
    expect(db.prepare(`SELECT action FROM audit_log WHERE entity = 'item_joint_units' ORDER BY id DESC LIMIT 2`).pluck().all()).toEqual(['update', 'delete']);
    detail = await ok('items:get', { id });
    expect(detail.categoryName).toBe('要情动态');
    expect(detail.jointUnits.map((u) => u.name)).toEqual(['乙县']);
    // 操作记录 names the change in the office's words: the field 信息类别 with the category's name, the 合报 units by name
    const audit = JSON.stringify(await ok('audit:list', { offset: 0, limit: 200 }));
    expect(audit).toContain('合报单位');
    expect(audit).toContain('信息类别');
    expect(audit).toContain('长篇调研');
    expect(audit).toContain('要情动态');
    expect(audit).not.toMatch(/item_joint_units|"category"|"long"|"short"/);
  });

  it('filter the list: by 信息类别 and 合报信息', async () => {
    const plain = (await ok('items:create', item(jia, { title: '甲县一般信息' }))).id;
    const list = async (f: Partial<ArgsInput<'items:list'>>) => (await ok('items:list', { offset: 0, limit: 50, ...f })).rows.map((r) => r.id);
    expect(await list({ category: 'short' })).toEqual([id]);
    expect(await list({ category: 'long' })).toEqual([]);
    expect(await list({ joint: true })).toEqual([id]);
    expect((await list({})).sort()).toEqual([id, plain].sort());
  });

  it('refuses a category the rule set in force on the date does not have, by name, and changes nothing', async () => {
    // 2023 is scored by 莱芜区2019, which has no categories
    expect(await refused('items:create', item(jia, { date: '2023-05-06', category: 'long' }))).toContain('不分信息类别');
    expect(await refused('items:create', item(jia, { category: 'nonesuch' }))).toContain('要情动态、长篇调研、图片信息');
    // moving a categorised item into 2023 is refused too, naming the rule set
    expect(await refused('items:update', { id, item: item(jia, { date: '2023-05-06' }) })).toContain('莱芜区2019');
  });

  it('refuses the item’s own unit, a repeated unit or an unknown one as 合报单位', async () => {
    expect(await refused('items:create', item(jia, { jointUnitIds: [jia] }))).toContain('“甲县”是报送单位');
    expect(await refused('items:create', item(jia, { jointUnitIds: [yi, yi] }))).toContain('“乙县”重复');
    expect(await refused('items:create', item(jia, { jointUnitIds: [99999] }))).toContain('合报单位');
  });

  it('the circular of the ledger’s first quarter does not count the month before its first item as empty', async () => {
    // the first item is dated 2024-04-08; 乙县 and 市财政局 submitted nothing of their own in April–June (today is
    // 2024-07-08, so June is over): three empty months in a row, and March — before the ledger began — is not one
    const { circular } = await ok('circular:preview', { period: '2024Q2' });
    const two = Object.fromEntries(circular.twoEmptyMonths.map((u) => [u.unitName, u.months]));
    expect(two['乙县']).toEqual(['2024-04', '2024-05', '2024-06']);
    expect(two['市财政局']).toEqual(['2024-04', '2024-05', '2024-06']);
  });

  it('keeps a unit named as a 合报 unit from being deleted', async () => {
    const lone = await unit('丙县', 'county');
    const other = (await ok('items:create', item(jia, { title: '另一条合报信息', jointUnitIds: [lone] }))).id;
    expect(await refused('units:delete', { id: lone })).toContain('合报');
    await ok('items:update', { id: other, item: item(jia, { title: '另一条合报信息', jointUnitIds: [] }) });
    expect((await ok('items:get', { id: other })).jointUnits).toEqual([]);
  });
});
