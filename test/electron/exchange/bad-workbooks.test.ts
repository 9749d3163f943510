// Bad workbooks: each gives the right message, exits non-zero and leaves the data exactly as it was.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../../helpers/cli';
import { expectImportRefused } from '../../helpers/refusals';
import { writeLedgerWorkbook } from '../../helpers/ledger-fixture';
import { writeWorkbook, type SheetSpec } from '../../helpers/workbooks';

const dir = tempDir();
const db = join(dir, 'zwxx.db');


const expectRefused = (file: string, ...expected: string[]): string => expectImportRefused(db, file, ...expected);

const items = (rows: unknown[][]): SheetSpec => ({
  name: '信息',
  headers: ['编号', '报送日期', '报送单位', '信息标题', '类型'],
  rows: rows as SheetSpec['rows'],
});
const GOOD_ROW = ['N-001', '2019-07-01', '凤城街道', '正常的一条信息', '一般'];

beforeAll(async () => {
  const ledger = join(dir, 'ledger.xlsx');
  await writeLedgerWorkbook(ledger);
  expect(runCli(['import', ledger, '--db', db]).code).toBe(0);
});

describe('bad workbooks are refused whole, with a clear message, and change nothing', () => {
  it('an unknown unit', async () => {
    const f = join(dir, 'unknown-unit.xlsx');
    await writeWorkbook(f, [items([GOOD_ROW, ['N-002', '2019-07-02', '区不存在局', '标题', '一般']])]);
    const out = expectRefused(f, '信息\t3\t报送单位\t区不存在局\t名单中没有这个单位');
    expect(out).toContain('数据没有任何改动');
  });

  it('an alias that is already another unit’s name (ambiguous)', async () => {
    const f = join(dir, 'ambiguous.xlsx');
    await writeWorkbook(f, [
      { name: '单位', headers: ['单位名称', '类别', '别名'], rows: [['区审计局', '第二数量级', '区财政局']] },
    ]);
    expectRefused(f, '单位\t2\t别名\t区财政局', '已是“区财政局”的名称或别名');
  });

  it('an impossible date', async () => {
    const f = join(dir, 'bad-date.xlsx');
    await writeWorkbook(f, [items([GOOD_ROW, ['N-002', '2019-02-30', '凤城街道', '标题', '一般']])]);
    expectRefused(f, '信息\t3\t报送日期\t2019-02-30\t不是有效日期');
  });

  it('a missing required column', async () => {
    const f = join(dir, 'missing-column.xlsx');
    await writeWorkbook(f, [{ name: '信息', headers: ['编号', '报送单位', '信息标题'], rows: [['N-1', '凤城街道', '标题']] }]);
    expectRefused(f, '缺少必填列：报送日期');
  });

  it('a duplicate 编号', async () => {
    const f = join(dir, 'duplicate-no.xlsx');
    await writeWorkbook(f, [items([GOOD_ROW, ['N-001', '2019-07-02', '凤城街道', '另一条', '一般']])]);
    expectRefused(f, '信息\t3\t编号\tN-001\t编号重复：第2行已有这个编号');
  });

  it('an adoption pointing at a missing item', async () => {
    const f = join(dir, 'missing-item.xlsx');
    await writeWorkbook(f, [
      { name: '采用', headers: ['信息编号', '刊物', '采用日期'], rows: [['NO-SUCH', '莱芜政务信息', '2019-07-03']] },
    ]);
    expectRefused(f, '采用\t2\t信息编号\tNO-SUCH\t找不到这个编号的信息');
  });

  it('an unknown 刊物', async () => {
    const f = join(dir, 'unknown-publication.xlsx');
    await writeWorkbook(f, [
      { name: '采用', headers: ['信息编号', '刊物', '采用日期'], rows: [['FC-04-01', '人民日报', '2019-07-03']] },
    ]);
    expectRefused(f, '采用\t2\t刊物\t人民日报\t规则中没有这个刊物，应为：莱芜政务信息');
  });

  it('an unknown 事项', async () => {
    const f = join(dir, 'unknown-event.xlsx');
    await writeWorkbook(f, [
      { name: '加减分', headers: ['日期', '单位', '事项'], rows: [['2019-07-03', '凤城街道', '获得表扬']] },
    ]);
    expectRefused(f, '加减分\t2\t事项\t获得表扬\t规则中没有这个事项');
  });

  it('one bad row among good ones: none of the good rows is written', async () => {
    const f = join(dir, 'mixed.xlsx');
    const good = Array.from({ length: 30 }, (_, i) => [`M-${i}`, '2019-07-05', '凤城街道', `好的信息${i}`, '调研']);
    await writeWorkbook(f, [items([...good, ['M-X', '2019-07-05', '凤城街道', '', '一般']])]);
    expectRefused(f, '信息\t32\t信息标题\t-\t必填，不能为空');
  });

  it('an .xls that is only an OLE header', () => {
    const f = join(dir, 'old.xls');
    writeFileSync(f, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]));
    expectRefused(f, '已损坏或不完整', '另存为 .xlsx');
  });

  it('a text file renamed .xlsx', () => {
    const f = join(dir, 'renamed.xlsx');
    writeFileSync(f, '编号,报送日期,报送单位\nN-1,2019-07-01,凤城街道\n');
    expectRefused(f, '不是 Excel 工作簿（.xlsx）', '改了扩展名的文本文件');
  });

  it('an empty file', () => {
    const f = join(dir, 'empty.xlsx');
    writeFileSync(f, '');
    expectRefused(f, '是空文件（0 字节）');
  });

  it('a truncated zip', async () => {
    const whole = join(dir, 'whole.xlsx');
    await writeWorkbook(whole, [items([GOOD_ROW])]);
    const f = join(dir, 'truncated.xlsx');
    const bytes = readFileSync(whole);
    writeFileSync(f, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expectRefused(f, '已损坏或不完整');
  });

  it('a workbook with no sheet of the exchange format', async () => {
    const f = join(dir, 'no-sheets.xlsx');
    await writeWorkbook(f, [{ name: 'Sheet1', headers: ['a', 'b'], rows: [[1, 2]] }]);
    expectRefused(f, '没有可导入的工作表');
  });

  it('a file that does not exist', () => {
    expectRefused(join(dir, 'nowhere.xlsx'), '找不到文件');
  });

  it('the same good file is accepted afterwards (the refusals left nothing behind)', async () => {
    const f = join(dir, 'good.xlsx');
    await writeWorkbook(f, [items([GOOD_ROW])]);
    copyFileSync(f, join(dir, 'good-copy.xlsx'));
    const r = runCli(['import', f, '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('信息：新增 1');
  });
});
