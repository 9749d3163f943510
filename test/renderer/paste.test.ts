// 粘贴多行: rows copied from Excel or WPS, where a cell holding line breaks (a 正文) comes in quotes. The 正文 column is
// found by its header (正文 / 内容 / 全文) or, without a header, by a cell that has line breaks; the other columns read
// as before, and a row put back in the box for correction reads the same again.
import { describe, expect, it } from 'vitest';
import { parsePasted, splitRows } from '../../renderer/src/paste';
import type { UnitView } from '../../shared/ipc/contract';

const unit = (id: number, name: string, aliases: string[] = []): UnitView => ({
  id,
  name,
  group: 'town',
  sortOrder: id,
  activeFrom: null,
  activeUntil: null,
  contact: '',
  phone: '',
  note: '',
  aliases,
});
const UNITS = [unit(1, '凤城街道', ['凤城']), unit(2, '区财政局', ['财政局'])];

/** A cell as Excel puts it on the clipboard. */
const cell = (c: string) => (/[\t\n"]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
const row = (...cells: string[]) => cells.map(cell).join('\t');

const BODY = '　　今年以来，凤城街道扎实开展"双联系"工作。\n　　一是建立台账；二是定期走访。\n\n　　下一步将继续推进。';

describe('splitRows: tab-separated text as Excel copies it', () => {
  it('reads a quoted cell with line breaks, tabs and doubled quotes as one cell, and numbers rows by their first line', () => {
    const text = ['序号\t标题\t正文', row('1', '标题一', BODY), row('2', '标题二', 'a\tb'), '3\t无正文\t'].join('\r\n');
    const rows = splitRows(text);
    expect(rows.map((r) => r.cells)).toEqual([
      ['序号', '标题', '正文'],
      ['1', '标题一', BODY],
      ['2', '标题二', 'a\tb'],
      ['3', '无正文', ''],
    ]);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 6, 7]);
  });

  it('keeps a quote that opens no quoted cell as it is', () => {
    expect(splitRows('"十四五"规划编制启动\t区财政局').map((r) => r.cells)).toEqual([['"十四五"规划编制启动', '区财政局']]);
    expect(splitRows('"没有收尾的引号\t区财政局').map((r) => r.cells)).toEqual([['"没有收尾的引号', '区财政局']]);
  });
});

describe('parsePasted: the 正文 column', () => {
  it('takes the column headed 正文, 内容 or 全文 into the body, its paragraphs and leading spaces as pasted', () => {
    for (const head of ['正文', '内容', '全文', ' 正 文 ']) {
      const text = [row('报送日期', '报送单位', '信息标题', head), row('2019-06-03', '凤城街道', '凤城街道推进双联系工作', `\n${BODY}\n\n`)].join('\n');
      const [r] = parsePasted(text, UNITS);
      expect(r).toMatchObject({ problem: null, unitId: 1, date: '2019-06-03', title: '凤城街道推进双联系工作', body: BODY });
    }
  });

  it('reads rows without a 正文 column as before, with an empty body', () => {
    const text = ['报送日期\t报送单位\t信息标题\t作者', '2019-06-03\t区财政局\t财政局召开会议\t张三'].join('\n');
    expect(parsePasted(text, UNITS)).toMatchObject([{ problem: null, unitId: 2, title: '财政局召开会议', authors: ['张三'], body: '' }]);
  });

  it('without a header takes the cell with line breaks for the 正文 and the longest other cell for the title', () => {
    const text = [row('1', '2019-06-03', '凤城街道', '凤城街道推进双联系工作', BODY, '李四'), row('2', '2019-06-04', '财政局', '财政局召开会议')].join('\n');
    const rows = parsePasted(text, UNITS);
    expect(rows).toMatchObject([
      { line: 1, problem: null, unitId: 1, title: '凤城街道推进双联系工作', body: BODY, authors: ['李四'] },
      { line: 5, problem: null, unitId: 2, title: '财政局召开会议', body: '' },
    ]);
  });

  it('a row with a problem goes back to the box under its header and reads the same again', () => {
    const text = [row('报送日期', '报送单位', '信息标题', '正文'), row('2019-06-03', '不在名单的单位', '一条标题', BODY)].join('\n');
    const [bad] = parsePasted(text, UNITS);
    expect(bad!.problem).toBe('单位“不在名单的单位”不在名单中');
    const again = parsePasted(`${bad!.header}\n${bad!.raw}`, UNITS);
    expect(again).toEqual([bad]);
  });
});
