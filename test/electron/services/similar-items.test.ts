// The possible-duplicate warning looks both ways: a twin entered late with an earlier date is found as well as one
// entered twice, within 60 days either side; further apart, or another unit's, it is not a twin.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../electron/db/database';
import { createItem, saveUnit, similarInBatch, similarItems, SIMILAR_DAYS } from '../../../electron/services/ledger';
import { tempDir } from '../../helpers/cli';

const dir = tempDir('zwxx-similar-');
const db = openDatabase(join(dir, 'zwxx.db'));
afterAll(() => closeDatabase(db));

describe('similar items, both ways', () => {
  it('finds the twin dated later and the twin dated earlier, not beyond the window', () => {
    const unit = (name: string) =>
      saveUnit(db, { name, group: 'town', aliases: [], contact: '', phone: '', activeFrom: null, activeUntil: null, note: '' }, '测试');
    const [a, b] = [unit('凤城街道'), unit('张家洼街道')];
    const item = (unitId: number, date: string, title: string) => createItem(db, { unitId, date, title, kinds: [], authors: [], note: '' }, '测试');
    item(a!.id, '2024-05-20', '凤城街道召开防汛工作部署会议');
    item(b!.id, '2024-05-10', '凤城街道召开防汛工作部署会议');
    item(a!.id, '2024-09-30', '凤城街道召开防汛工作部署会议');
    const titles = (date: string) => similarItems(db, a!.id, '凤城街道召开防汛工作部署会', date).map((s) => s.date);
    // entered after the twin, dated after it (the warning the form always gave)
    expect(titles('2024-05-25')).toEqual(['2024-05-20']);
    // dated ten days before its twin: found too
    expect(titles('2024-05-10')).toEqual(['2024-05-20']);
    expect(SIMILAR_DAYS).toBe(60);
    expect(titles('2024-03-21')).toEqual(['2024-05-20']);
    expect(titles('2024-03-20')).toEqual([]);
  });
});

describe('similar items of a pasted batch', () => {
  it('gives each row its closest existing twin, or null', () => {
    const u = saveUnit(db, { name: '区财政局', group: 'dept1', aliases: [], contact: '', phone: '', activeFrom: null, activeUntil: null, note: '' }, '测试');
    createItem(db, { unitId: u.id, date: '2024-06-03', title: '区财政局推进预算绩效管理改革', kinds: [], authors: [], note: '' }, '测试');
    const found = similarInBatch(db, [
      { unitId: u.id, date: '2024-05-30', title: '区财政局推进预算绩效管理改革工作' },
      { unitId: u.id, date: '2024-05-30', title: '区财政局开展财会监督专项行动' },
      { unitId: u.id, date: '2024-09-30', title: '区财政局推进预算绩效管理改革工作' },
    ]);
    expect(found.map((f) => f?.date ?? null)).toEqual(['2024-06-03', null, null]);
    expect(found[0]?.title).toBe('区财政局推进预算绩效管理改革');
  });
});
