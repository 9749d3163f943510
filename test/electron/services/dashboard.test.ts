// 首页: the overdue 约稿 box counts every request still 待报 after its deadline, whatever month the page shows
// (the clerk walk found it empty in July while the 约稿 page listed two units overdue since June).
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../electron/db/database';
import { createRequest, saveUnit } from '../../../electron/services/ledger';
import { dashboard } from '../../../electron/services/queries';
import { monthPeriod } from '../../../shared/periods';
import { tempDir } from '../../helpers/cli';

const db = openDatabase(join(tempDir(), 'zwxx.db'));
afterAll(() => closeDatabase(db));

const unit = (name: string) =>
  saveUnit(db, { name, group: 'town', aliases: [], contact: '', phone: '', activeFrom: null, activeUntil: null, note: '' }, '测试').id;

describe('首页 overdue 约稿', () => {
  it('lists a June deadline still pending when July is shown, and not one that is not yet due', () => {
    const a = unit('凤城街道');
    const b = unit('张家洼街道');
    createRequest(db, { issuer: 'city_office', topic: '防汛工作经验', issued: '2019-06-01', deadline: '2019-06-20', unitIds: [a, b], note: '' }, '测试');
    createRequest(db, { issuer: 'city_office', topic: '三夏生产', issued: '2019-07-01', deadline: '2019-07-20', unitIds: [a], note: '' }, '测试');
    const july = dashboard(db, monthPeriod(2019, 7), '2019-07-08');
    expect(july.overdue.map((o) => [o.unitName, o.topic, o.deadline])).toEqual([
      ['凤城街道', '防汛工作经验', '2019-06-20'],
      ['张家洼街道', '防汛工作经验', '2019-06-20'],
    ]);
    expect(july.overdue.every((o) => o.issuer === '市政府办公厅')).toBe(true);
    // the same box when an earlier month is shown: still the same two
    expect(dashboard(db, monthPeriod(2019, 5), '2019-07-08').overdue).toHaveLength(2);
  });
});
