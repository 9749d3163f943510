// The 示例市2024 ledger workbook (assets/rules/example-city-2024.json): items with 信息类别 and 合报单位, adoptions,
// instructions, a 约稿 and events over 2024Q1. The scores worked out by hand are in test/electron/rules-ledger.test.ts;
// the score workbook and circular made from it are checked in test/electron/outputs/city-reports.test.ts.
import { writeWorkbook } from './workbooks';

export async function writeCityLedger(file: string): Promise<void> {
  const items: (string | null)[][] = [];
  let n = 0;
  const item = (date: string, unit: string, category: string | null, joint: string | null = null, no?: string): void => {
    items.push([no ?? `S${++n}`, date, unit, `${unit}信息${n}`, category, joint]);
  };
  const many = (k: number, date: string, unit: string, category: string | null): void => {
    for (let i = 0; i < k; i++) item(date, unit, category);
  };
  // 甲县 January: 8 要情动态, 长篇 L, 3 plain; 乙县: 8 要情动态 + the 合报 item J (乙县 leads, with 甲县)
  many(8, '2024-01-03', '甲县', '要情动态');
  item('2024-01-05', '甲县', '长篇调研', null, 'L');
  many(3, '2024-01-06', '甲县', null);
  many(8, '2024-01-04', '乙县', '要情');
  item('2024-01-10', '乙县', '要情动态', '甲县', 'J');
  // February: 甲县 10 plain; 乙县 8 要情动态 + 2 plain
  many(10, '2024-02-05', '甲县', null);
  many(8, '2024-02-05', '乙县', '动态');
  many(2, '2024-02-06', '乙县', '无');
  // March: 甲县 8 要情动态 + picture item P + 1 plain; 乙县 nothing
  many(8, '2024-03-02', '甲县', '要情动态');
  item('2024-03-03', '甲县', '图片信息', null, 'P');
  many(1, '2024-03-04', '甲县', null);
  item('2024-02-01', '市财政局', null, null, 'S');
  await writeWorkbook(file, [
    {
      name: '单位',
      headers: ['单位名称', '类别', '排序'],
      rows: [
        ['甲县', '县区', 1],
        ['乙县', '县区', 2],
        ['市财政局', '市直部门', 3],
        ['市教育局', '市直部门', 4],
      ],
    },
    { name: '信息', headers: ['编号', '报送日期', '报送单位', '信息标题', '信息类别', '合报单位'], rows: items },
    {
      name: '采用',
      headers: ['信息编号', '刊物', '形式', '采用日期'],
      rows: [
        ['L', '信息专报', '单篇', '2024-01-20'],
        ['L', '省办采用', '单篇', '2024-02-10'],
        ['J', '每日要情', '单篇', '2024-01-12'],
        ['P', '每日要情', '综合', '2024-03-05'],
        ['P', '国务院办公厅采用', '简讯', '2024-03-20'],
        ['S', '信息专报', '简讯', '2024-02-03'],
      ],
    },
    {
      name: '批示',
      headers: ['信息编号', '批示级别', '形式', '批示日期'],
      rows: [
        ['L', '市领导', '单篇', '2024-02-15'],
        ['J', '市领导', '单篇', '2024-03-01'],
        ['S', '省领导', '综合', '2024-02-20'],
      ],
    },
    {
      name: '约稿',
      headers: ['约稿编号', '约稿方', '主题', '截止日期', '单位', '完成情况'],
      rows: [
        ['Y1', '市政府办公厅', '一季度经济运行', '2024-03-15', '甲县', '已完成'],
        ['Y1', '市政府办公厅', '一季度经济运行', '2024-03-15', '乙县', '未完成'],
        ['Y1', '市政府办公厅', '一季度经济运行', '2024-03-15', '市财政局', '已完成'],
      ],
    },
    {
      name: '加减分',
      headers: ['日期', '单位', '事项', '数量'],
      rows: [
        ['2024-03-12', '市财政局', '工作创新', 1],
        ['2024-02-10', '市教育局', '重大信息迟报漏报', 2],
        ['2024-03-10', '市教育局', '重大信息迟报漏报', 2],
      ],
    },
  ]);
}
