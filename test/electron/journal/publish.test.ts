// 定版 and 撤版 through the real command line on a real ledger file: the adoptions an issue records move the
// 2019Q2 scores by exactly the rule set's points, withdrawing restores them, a locked quarter refuses both.
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LAIWU_2019 } from '../../../shared/rules/laiwu2019';
import { runCli, tempDir } from '../../helpers/cli';
import { writeLedgerWorkbook } from '../../helpers/ledger-fixture';

const dir = tempDir();
const db = join(dir, 'zwxx.db');
const cli = (...args: string[]) => runCli([...args, '--db', db]);
const district = LAIWU_2019.publications.find((p) => p.key === 'district')!;

function adoptionScores(): Record<string, number> {
  const r = cli('scores', '--period', '2019Q2', '--json');
  expect(r.code, r.stderr).toBe(0);
  return Object.fromEntries((JSON.parse(r.stdout) as { unit: string; adoption: number }[]).map((u) => [u.unit, u.adoption]));
}

function writeDraft(name: string, body: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof body === 'string' ? body : JSON.stringify(body, null, 2));
  return file;
}

const draft = (date: string) => ({
  publication: '莱芜政务信息',
  date,
  editorNote: '本期刊发三篇。',
  sections: [
    {
      name: '工作动态',
      entries: [
        { items: ['SJ-06-01'], form: '单篇' },
        { items: ['YB-06-05'], form: '单篇', title: '区医保局推进医保服务下沉' },
      ],
    },
    { name: '简讯', entries: [{ items: ['ZJ-06-01'], form: '简讯' }] },
  ],
});

beforeAll(async () => {
  const ledger = join(dir, 'ledger.xlsx');
  await writeLedgerWorkbook(ledger);
  const r = runCli(['import', ledger, '--db', db]);
  expect(r.code, r.stderr).toBe(0);
});

describe('journal draft → publish → withdraw', () => {
  it('raises exactly those units’ 2019Q2 adoption points, and withdrawing restores them', () => {
    const before = adoptionScores();
    const d = cli('journal', 'draft', writeDraft('d1.json', draft('2019-06-20')));
    expect(d.code, d.stderr).toBe(0);
    const id = d.stdout.split('\n')[0]!;
    expect(id).toMatch(/^\d+$/);
    // a draft records nothing
    expect(adoptionScores()).toEqual(before);

    const p = cli('journal', 'publish', id);
    expect(p.code, p.stderr).toBe(0);
    expect(p.stdout.split('\n')[0]).toBe('第1期（总第1期）');
    const after = adoptionScores();
    const expected = { ...before };
    expected['区审计局']! += district.points.single;
    expected['区医疗保障局']! += district.points.single;
    expected['张家洼街道']! += district.points.brief;
    expect(after).toEqual(expected);

    // the adoption rows carry the issue and its number
    const raw = new Database(db, { readonly: true });
    const rows = raw
      .prepare(`SELECT i.no, a.form, a.date, a.issue_no AS issueNo, a.journal_role AS role FROM adoptions a JOIN items i ON i.id = a.item_id WHERE a.journal_issue_id = ? ORDER BY i.no`)
      .all(Number(id));
    raw.close();
    expect(rows).toEqual([
      { no: 'SJ-06-01', form: 'single', date: '2019-06-20', issueNo: '第1期', role: 'created' },
      { no: 'YB-06-05', form: 'single', date: '2019-06-20', issueNo: '第1期', role: 'created' },
      { no: 'ZJ-06-01', form: 'brief', date: '2019-06-20', issueNo: '第1期', role: 'created' },
    ]);

    const list = cli('journal', 'list', '--year', '2019', '--json');
    expect(JSON.parse(list.stdout)).toMatchObject([{ id: Number(id), state: 'published', yearNo: 1, totalNo: 1, label: '第1期（总第1期）', entries: 3 }]);

    const w = cli('journal', 'withdraw', id);
    expect(w.code, w.stderr).toBe(0);
    expect(adoptionScores()).toEqual(before);
    expect(JSON.parse(cli('journal', 'list', '--json').stdout)[0]).toMatchObject({ state: 'draft', yearNo: null });
    // published again, it takes the next free number again
    expect(cli('journal', 'publish', id).stdout.split('\n')[0]).toBe('第1期（总第1期）');
    expect(cli('journal', 'withdraw', id).code).toBe(0);
  });

  it('links a hand-logged adoption by the same publication and form instead of counting it twice', () => {
    const before = adoptionScores();
    // FC-04-06 was logged by hand as 《莱芜政务信息》综合 on 2019-06-05
    const d = cli(
      'journal',
      'draft',
      writeDraft('d2.json', { publication: '莱芜政务信息', date: '2019-06-21', sections: [{ name: '工作动态', entries: [{ items: ['FC-04-06', 'SJ-06-02'], form: '综合', title: '各单位扎实推进重点工作' }] }] }),
    );
    expect(d.code, d.stderr).toBe(0);
    const id = d.stdout.split('\n')[0]!;
    const p = cli('journal', 'publish', id);
    expect(p.code, p.stderr).toBe(0);
    expect(p.stdout).toContain('关联已手工登记的采用 1 条');
    const after = adoptionScores();
    expect(after['凤城街道']).toBe(before['凤城街道']);
    expect(after['区审计局']).toBe(before['区审计局']! + district.points.combined);
    const w = cli('journal', 'withdraw', id);
    expect(w.stdout).toContain('手工登记的 1 条保留');
    expect(adoptionScores()).toEqual(before);
    const raw = new Database(db, { readonly: true });
    const hand = raw.prepare(`SELECT a.journal_issue_id AS j, a.deleted_at AS d FROM adoptions a JOIN items i ON i.id = a.item_id WHERE i.no = 'FC-04-06' AND a.form = 'combined'`).all();
    raw.close();
    expect(hand).toEqual([{ j: null, d: null }]);
  });

  it('refuses 定版 and 撤版 in a locked quarter, naming it, and changes nothing', () => {
    const id = cli('journal', 'draft', writeDraft('d3.json', draft('2019-06-25'))).stdout.split('\n')[0]!;
    const published = cli('journal', 'draft', writeDraft('d4.json', { ...draft('2019-06-26'), sections: [{ name: '工作动态', entries: [{ items: ['SJ-06-03'], form: '单篇' }] }] })).stdout.split('\n')[0]!;
    expect(cli('journal', 'publish', published).code).toBe(0);
    const before = adoptionScores();
    // the ledger's overdue 约稿 must be settled before the quarter can be locked
    const raw = new Database(db);
    raw.prepare(`INSERT INTO period_locks (period, locked_at) VALUES ('2019Q2', '2019-07-05T00:00:00Z')`).run();
    raw.close();
    const p = cli('journal', 'publish', id);
    expect(p.code).toBe(1);
    expect(p.stderr).toContain('2019年第二季度已通报并锁定');
    const w = cli('journal', 'withdraw', published);
    expect(w.code).toBe(1);
    expect(w.stderr).toContain('2019年第二季度已通报并锁定');
    expect(adoptionScores()).toEqual(before);
    expect(JSON.parse(cli('journal', 'list', '--json').stdout).find((i: { id: number }) => i.id === Number(id))).toMatchObject({ state: 'draft' });
  });
});

describe('journal draft refuses a bad description with the line and the field', () => {
  it.each([
    ['a form that is not one of the three', { ...draft('2019-06-20'), sections: [{ name: '工作动态', entries: [{ items: ['SJ-06-01'], form: '长篇' }] }] }, /第 13 行，字段 sections\[0\]\.entries\[0\]\.form：形式应为 单篇、综合 或 简讯/],
    ['an unknown 编号', { ...draft('2019-06-20'), sections: [{ name: '工作动态', entries: [{ items: ['XX0000'], form: '单篇' }] }] }, /第 11 行，字段 sections\[0\]\.entries\[0\]\.items\[0\]：台账中没有编号为“XX0000”的信息/],
    ['a missing date', { publication: '莱芜政务信息', sections: [] }, /第 1 行，字段 date：缺少期的日期/],
    ['an unknown field', { ...draft('2019-06-20'), color: 'red' }, /字段 color：不认识的字段“color”/],
    ['broken JSON', '{\n  "publication": "莱芜政务信息",\n  "date": "2019-06-20"\n  "sections": []\n}', /第 4 行：缺少逗号或右花括号/],
    ['a 综合 of one item', { ...draft('2019-06-20'), sections: [{ name: '工作动态', entries: [{ items: ['SJ-06-01'], form: '综合', title: 'x' }] }] }, /综合，应至少合并两条信息/],
    ['an unknown publication', { ...draft('2019-06-20'), publication: '人民日报' }, /没有刊物“人民日报”/],
  ])('%s', (_name, body, message) => {
    const count = JSON.parse(cli('journal', 'list', '--json').stdout).length;
    const r = cli('journal', 'draft', writeDraft('bad.json', body));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/[A-Za-z]{4,} [a-z]{3,}/); // no English validator text
    expect(JSON.parse(cli('journal', 'list', '--json').stdout)).toHaveLength(count);
  });
});
