// The exchange workbook carries 正文 and the 刊物 sheet: export → import into an empty ledger gives the same issues,
// the same links between issues and adoptions, and the same scores; importing it again changes nothing.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Db } from '../../../electron/db/database';
import { exchangeRows, exportData } from '../../../electron/exchange/export';
import { importWorkbook } from '../../../electron/exchange/import';
import { journalRows } from '../../../electron/exchange/journal-sheet';
import { createAdoptions, createItem, saveUnit } from '../../../electron/services/ledger';
import { journalDetail, publishIssue, saveDraft } from '../../../electron/services/journal';
import { periodScores, scoresJson } from '../../../electron/services/scores';
import { periodOf } from '../../../electron/services/scores';
import { tempDir } from '../../helpers/cli';

const dir = tempDir();
let a: Db;
const file = join(dir, '全部数据.xlsx');
const iso = (s: string) => new Date(`${s}T00:00:00Z`);
const snapshot = (db: Db) => ({ rows: exchangeRows(db), journal: journalRows(db, iso), scores: scoresJson(periodScores(db, periodOf('2019Q2'), '2019-12-31')) });

beforeAll(async () => {
  a = openDatabase(join(dir, 'a.db'));
  const unit = (name: string, group: string) => saveUnit(a, { name, group, aliases: [], contact: '', phone: '', activeFrom: null, activeUntil: null, note: '' }, '测试').id;
  const cz = unit('区财政局', 'dept1');
  const fc = unit('凤城街道', 'town');
  const item = (unitId: number, title: string, no: string, body: string) => createItem(a, { unitId, date: '2019-06-10', title, kinds: [], authors: [], note: '', no, body }, '测试');
  const i1 = item(cz, '区财政局优化营商环境', 'CZ-1', '第一段。\n第二段，含“引号”和 2019 年的数字。');
  const i2 = item(fc, '凤城街道推进老旧小区改造', 'FC-1', '凤城街道正文。');
  const i3 = item(fc, '凤城街道开展安全检查', 'FC-2', '');
  // FC-1 logged by hand as 单篇 in 《莱芜政务信息》 before the issue was made
  createAdoptions(a, [{ itemId: i2, publication: 'district', form: 'single', date: '2019-06-18', issueNo: '', note: '' }], '测试');
  const published = saveDraft(
    a,
    undefined,
    {
      publication: 'district',
      date: '2019-06-20',
      editorNote: '编者按文字。',
      sections: [
        { name: '工作动态', entries: [{ itemIds: [i1], form: 'single', title: '改过的标题', body: '改过的正文。', editorNote: '' }, { itemIds: [i2], form: 'single', title: '', body: '', editorNote: '稿件按语' }] },
        { name: '简讯', entries: [{ itemIds: [i3], form: 'brief', title: '', body: '', editorNote: '' }] },
      ],
    },
    '测试',
  );
  publishIssue(a, published, '测试');
  saveDraft(a, undefined, { publication: 'district', date: '2019-06-27', editorNote: '', sections: [{ name: '工作动态', entries: [{ itemIds: [i3, i1], form: 'combined', title: '综合稿', body: '', editorNote: '' }] }] }, '测试');
  await exportData(a, file);
}, 120_000);

describe('the exchange workbook with 正文 and 刊物', () => {
  it('round-trips into an empty ledger: items’ text, issues, entries, 期号, adoption links and scores', async () => {
    const b = openDatabase(join(dir, 'b.db'));
    const r = await importWorkbook(b, file);
    expect(r.problems).toEqual([]);
    expect(r.notes).toContain('“刊物”表：新增 2 期');
    expect(snapshot(b)).toEqual(snapshot(a));
    const [issue, draft] = (b.prepare('SELECT id FROM journal_issues ORDER BY date').pluck().all() as number[]).map((id) => journalDetail(b, id));
    // the hand-logged adoption stays linked, the two 定版 recorded stay theirs (撤版 there removes exactly those)
    expect(issue).toMatchObject({
      label: '第1期（总第1期）',
      adoptions: [
        { itemNo: 'FC-1', role: 'linked' },
        { itemNo: 'CZ-1', role: 'created' },
        { itemNo: 'FC-2', role: 'created' },
      ],
    });
    expect(draft!.state).toBe('draft');
    // a second import of the same workbook adds nothing
    const again = await importWorkbook(b, file);
    expect(again.problems).toEqual([]);
    expect(again.notes).toContain('“刊物”表：新增 0 期，2 期已有（未改动）');
    expect(snapshot(b)).toEqual(snapshot(a));
    closeDatabase(b);
  }, 120_000);
});
