// An 编号 is unique: searched for with a month chosen, its item is found in whatever month it is dated; a title
// search stays within the month.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../electron/db/database';
import { createItem, saveUnit } from '../../../electron/services/ledger';
import { listItems } from '../../../electron/services/queries';
import { tempDir } from '../../helpers/cli';

const dir = tempDir('zwxx-number-search-');
const db = openDatabase(join(dir, 'zwxx.db'));
afterAll(() => closeDatabase(db));

describe('编号 search', () => {
  it('finds an item of another month by its 编号; titles only within the month', () => {
    const u = saveUnit(db, { name: '凤城街道', group: 'town', aliases: [], contact: '', phone: '', activeFrom: null, activeUntil: null, note: '' }, '测试');
    const march = createItem(db, { unitId: u.id, date: '2024-03-05', title: '凤城街道春耕备耕工作扎实推进', kinds: [], authors: [], note: '' }, '测试');
    createItem(db, { unitId: u.id, date: '2024-05-05', title: '凤城街道夏粮收购工作扎实推进', kinds: [], authors: [], note: '' }, '测试');
    const no = listItems(db, { month: '2024-03', offset: 0, limit: 10 }).rows.find((r) => r.id === march)!.no;
    const inMay = (q: string) => listItems(db, { month: '2024-05', q, offset: 0, limit: 10 });
    expect(inMay(no).rows.map((r) => r.id)).toEqual([march]);
    expect(inMay(no).total).toBe(1);
    expect(inMay('扎实推进').rows.map((r) => r.title)).toEqual(['凤城街道夏粮收购工作扎实推进']);
    expect(inMay('扎实').total).toBe(1);
  });
});
