// A hand-built 2019Q2 ledger as an office would keep it, and the scores worked out by hand from docs/计分规则说明.md.
import { resolve } from 'node:path';
import { runCli } from './cli';
import { excelSerial, writeWorkbook, type CellInput } from './workbooks';

const pad = (n: number): string => String(n).padStart(2, '0');

/** Every date form the exchange workbook accepts (docs/数据交换工作簿.md §1.1), cycled through the rows. */
export function dateCell(iso: string, i: number): CellInput {
  const [y, m, d] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
  switch (i % 8) {
    case 0:
      return new Date(Date.UTC(y, m - 1, d)); // an Excel date cell
    case 1:
      return `${y}-${pad(m)}-${pad(d)}`;
    case 2:
      return `${y}/${m}/${d}`;
    case 3:
      return `${y}.${m}.${d}`;
    case 4:
      return `${y}年${m}月${d}日`;
    case 5:
      return { value: excelSerial(iso), numFmt: 'yyyy"年"m"月"d"日"' }; // exceljs reads this back as a number
    case 6:
      return Number(`${y}${pad(m)}${pad(d)}`); // 20190403 typed as a number
    default:
      // full-width digits and punctuation, as some input methods type them
      return `${y}－${pad(m)}－${pad(d)}`.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  }
}

interface ItemSpec {
  no: string;
  date: string;
  unit: string;
  title: string;
  kinds: string;
  authors?: string;
}

/** The expected 2019Q2 scores (docs/计分规则说明.md §2–§7 applied by hand). */
export const EXPECTED_Q2: Record<string, { group: string; total: number; rank: number; base: number; adoption: number; instruction: number; bonus: number; deduction: number }> = {
  // the §6 worked example
  凤城街道: { group: '镇街', total: 111, rank: 1, base: 50, adoption: 45, instruction: 40, bonus: 0, deduction: 24 },
  // 20 items a month, no research: 60; 以干代训 ×2 +40; 迟报 −20
  张家洼街道: { group: '镇街', total: 80, rank: 2, base: 60, adoption: 0, instruction: 0, bonus: 40, deduction: 20 },
  // 20 items with one 调研 every month: 90; 国办采用 +40
  区发展和改革委员会: { group: '第一数量级', total: 130, rank: 1, base: 90, adoption: 40, instruction: 0, bonus: 0, deduction: 0 },
  // April 25 (1 调研) = 30; May 10 → −20; June 0 → −40; floored to 0; then 区约稿未完成 −10
  区财政局: { group: '第一数量级', total: -10, rank: 2, base: 30, adoption: 0, instruction: 0, bonus: 0, deduction: 70 },
  // 10 a month, one 调研 in June → every month 30; ★★★ 综合 +20
  区医疗保障局: { group: '第二数量级', total: 110, rank: 1, base: 90, adoption: 0, instruction: 20, bonus: 0, deduction: 0 },
  // April 12 → 20; May 9 → −2; June 10 → 20; no 调研
  区审计局: { group: '第二数量级', total: 38, rank: 2, base: 40, adoption: 0, instruction: 0, bonus: 0, deduction: 2 },
};

/** April 2019 month sheet, by hand. */
export const EXPECTED_APRIL: Record<string, number> = {
  凤城街道: 30 + 10,
  张家洼街道: 20,
  区发展和改革委员会: 30,
  区财政局: 30,
  区医疗保障局: 30,
  区审计局: 20,
};

export async function writeLedgerWorkbook(file: string): Promise<void> {
  const items: ItemSpec[] = [];
  const add = (prefix: string, unitSpellings: string[], month: number, count: number, research: number, special: number, day = 8): string[] => {
    const nos: string[] = [];
    for (let i = 0; i < count; i++) {
      const no = `${prefix}-${pad(month)}-${pad(i + 1)}`;
      const kinds = [i < research ? '调研' : '', i >= research && i < research + special ? '专报' : ''].filter(Boolean).join('、') || '一般';
      items.push({
        no,
        date: `2019-${pad(month)}-${pad(day + (i % 15))}`,
        unit: unitSpellings[i % unitSpellings.length]!,
        title: `${prefix}第${month}月第${i + 1}条信息：关于做好重点工作的情况`,
        kinds,
        authors: i % 3 === 0 ? '张三、李四' : undefined,
      });
      nos.push(no);
    }
    return nos;
  };
  const fc = ['凤城街道', '莱芜区凤城街道', ' 凤城街道 '];
  const fcApril = add('FC', fc, 4, 22, 1, 2);
  add('FC', fc, 5, 18, 1, 0);
  add('FC', fc, 6, 20, 0, 0);
  const zj = ['张家洼街道', '张家洼街道　'];
  for (const m of [4, 5, 6]) add('ZJ', zj, m, 20, 0, 0);
  const fg = ['区发展改革局', '区发展和改革委员会', '济南市莱芜区发展和改革委员会'];
  add('FG', fg, 4, 20, 1, 0);
  add('FG', fg, 5, 20, 1, 0);
  const fgJune = add('FG', fg, 6, 20, 1, 0);
  const cz = ['区财政局', '莱芜区财政局', '区财政局　'];
  add('CZ', cz, 4, 25, 1, 0);
  add('CZ', cz, 5, 10, 0, 0);
  const yb = ['区医保局', '区医疗保障局'];
  add('YB', yb, 4, 10, 0, 0);
  add('YB', yb, 5, 10, 0, 0);
  const ybJune = add('YB', yb, 6, 10, 1, 0);
  const sj = ['区审计局'];
  add('SJ', sj, 4, 12, 0, 0);
  add('SJ', sj, 5, 9, 0, 0);
  add('SJ', sj, 6, 10, 0, 0);

  const [a, b, c] = [fcApril[3]!, fcApril[4]!, fcApril[5]!];
  await writeWorkbook(file, [
    {
      name: '单位',
      titleRows: ['莱芜区政务信息报送单位名单', ''],
      // shuffled columns
      headers: ['类别', '排序', '单位名称', '别名', '信息员'],
      rows: [
        ['镇街', 2, '凤城街道', null, '王五'],
        ['镇街', 3, '张家洼街道', null, null],
        ['第一数量级', '１７', '区发展和改革委员会', '区发展改革局', null],
        ['第一数量级', 23, '区财政局', null, null],
        ['第二数量级', 42, '区医疗保障局', '区医保局', null],
        ['第二数量级', 41, '区审计局', null, null],
      ],
    },
    {
      name: '信息',
      titleRows: ['2019年第二季度政务信息报送台账', '（截至2019年6月30日）', ''],
      headers: ['信息标题', '报送单位', '编号', '类型', '报送日期', '作者'],
      rows: items.map((it, i) => [it.title, it.unit, it.no, it.kinds, dateCell(it.date, i), it.authors ?? null]),
    },
    {
      name: '采用',
      headers: ['采用日期', '信息编号', '刊物', '形式', '期号'],
      rows: [
        [dateCell('2019-04-20', 0), a, '《莱芜政务信息》', '单篇', '第12期'],
        [dateCell('2019-05-15', 1), a, '济南政务信息', '简讯', null],
        [dateCell('2019-05-20', 2), b, '《济南政务信息·专报》', null, '第3期'],
        [dateCell('2019-06-05', 3), c, '莱芜政务信息', '综合', null],
        [dateCell('2019-06-25', 4), fgJune[2]!, '国务院办公厅采用', '单篇', null],
      ],
    },
    {
      name: '批示',
      headers: ['信息编号', '批示级别', '形式', '批示日期', '批示领导'],
      rows: [
        [b, '★★', '单篇', dateCell('2019-06-01', 5), '市长'],
        [ybJune[0]!, '省', '综合', dateCell('2019-06-20', 6), null],
      ],
    },
    {
      name: '约稿',
      headers: ['约稿编号', '约稿方', '主题', '下发日期', '截止日期', '单位', '完成情况', '信息编号'],
      rows: [
        ['YG2019-01', '市政府办公厅', '一季度经济运行亮点', '2019-06-01', '2019-06-15', '凤城街道', '未完成', null],
        ['YG2019-02', '区政府办公室', '营商环境改革', '2019-05-01', '2019-05-20', '区发展改革局', '已说明', null],
        ['YG2019-02', '区政府办公室', '营商环境改革', '2019-05-01', '2019-05-20', '区财政局', '未完成', null],
      ],
    },
    {
      name: '加减分',
      headers: ['日期', '单位', '事项', '数量', '说明'],
      rows: [
        ['2019-05-10', '张家洼街道', '以干代训', 2, '跟班轮训'],
        ['2019年6月3日', '张家洼街道', '重大信息迟报漏报', null, '汛情迟报'],
      ],
    },
  ]);
}

/**
 * A roster (the regulation's, through the command line) in a new ledger, and beside it an old 稿件登记簿 the importer
 * cannot read by itself: a title row, then headers no sheet of the exchange workbook uses (流水 收到 来自 稿件 经办) —
 * what the column-mapping step is for.
 */
export async function writeForeignLedger(dbFile: string, ledger: string): Promise<void> {
  const r = runCli(['import', resolve(__dirname, '../fixtures/roster-laiwu-2019.csv'), '--db', dbFile]);
  if (r.code !== 0) throw new Error(r.stderr);
  await writeWorkbook(ledger, [
    {
      name: 'Sheet1',
      titleRows: ['信息科稿件登记簿'],
      headers: ['流水', '收到', '来自', '稿件', '经办'],
      rows: [
        [1, '2019-04-02', '凤城街道', '凤城街道春季植树造林工作扎实推进', '张'],
        [2, '2019-04-09', '区财政局', '区财政局多措并举优化营商环境', '李'],
        [3, '2019-05-13', '凤城街道', '凤城街道开展安全生产大检查', '张'],
      ],
    },
  ]);
}
