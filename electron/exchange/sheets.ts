// The exchange workbook (docs/数据交换工作簿.md §2): one definition of every sheet and column, used by import, export and the
// blank template alike.
import { FIELD_LIMITS } from '../../shared/field-limits';

export type SheetKey = 'units' | 'items' | 'adoptions' | 'instructions' | 'requests' | 'events';

export interface ColumnDef {
  key: string;
  header: string;
  required: boolean;
  /** other header texts clerks use for the same column */
  synonyms?: string[];
  width: number;
  /** shown under the header in the template */
  hint?: string;
  /** required in each row when the column is there, but the column may be absent as a whole (a key derived from the
   * other cells is used then: hand-kept ledgers rarely number their items) */
  derivable?: boolean;
  /** the most characters the ledger holds for this column (its CHECK constraint); the cell limit otherwise */
  maxChars?: number;
}

export interface SheetDef {
  key: SheetKey;
  name: string;
  synonyms: string[];
  columns: ColumnDef[];
}

export const SHEETS: SheetDef[] = [
  {
    key: 'units',
    name: '单位',
    synonyms: ['单位名单', '单位名册'],
    columns: [
      { key: 'name', header: '单位名称', required: true, synonyms: ['单位', '名称', '单位全称'], width: 30, maxChars: FIELD_LIMITS.unitName },
      { key: 'group', header: '类别', required: true, synonyms: ['分组', '类型', '数量级'], width: 12 },
      { key: 'aliases', header: '别名', required: false, synonyms: ['简称'], width: 28 },
      { key: 'contact', header: '信息员', required: false, synonyms: ['联系人'], width: 10 },
      { key: 'phone', header: '联系电话', required: false, synonyms: ['电话', '手机'], width: 14 },
      { key: 'order', header: '排序', required: false, synonyms: ['序号', '顺序'], width: 6 },
      { key: 'activeFrom', header: '启用月份', required: false, width: 10 },
      { key: 'activeUntil', header: '停用月份', required: false, width: 10 },
    ],
  },
  {
    key: 'items',
    name: '信息',
    synonyms: ['信息台账', '报送信息', '报送台账'],
    columns: [
      { key: 'no', header: '编号', required: true, derivable: true, synonyms: ['信息编号', '稿件编号'], width: 14 },
      {
        key: 'date',
        header: '报送日期',
        required: true,
        synonyms: ['日期', '报送时间', '上报日期', '上报时间', '报送日', '时间', '收稿日期', '收稿时间'],
        width: 12,
      },
      {
        key: 'unit',
        header: '报送单位',
        required: true,
        synonyms: ['单位', '单位名称', '上报单位', '报送部门', '部门', '供稿单位', '来稿单位'],
        width: 24,
      },
      {
        key: 'title',
        header: '信息标题',
        required: true,
        synonyms: ['标题', '题目', '信息题目', '信息名称', '稿件标题', '稿件题目', '信息内容'],
        width: 50,
      },
      { key: 'kinds', header: '类型', required: false, synonyms: ['类别', '信息类型', '稿件类型'], width: 12 },
      { key: 'authors', header: '作者', required: false, synonyms: ['撰稿人', '信息员', '撰写人', '执笔人', '报送人'], width: 14 },
      { key: 'note', header: '备注', required: false, synonyms: ['说明'], width: 20 },
      // rule sets with categories or 合报 (docs/规则文件.md); blank = unchanged on re-import, 无 = none
      { key: 'category', header: '信息类别', required: false, synonyms: ['分类'], width: 12 },
      { key: 'jointUnits', header: '合报单位', required: false, synonyms: ['联合报送单位'], width: 24 },
      // the submitted text (编刊); workbooks without the column import as before, a blank cell leaves it unchanged
      { key: 'body', header: '正文', required: false, synonyms: ['信息正文', '稿件正文'], width: 60 },
    ],
  },
  {
    key: 'adoptions',
    name: '采用',
    synonyms: ['采用情况', '采用台账'],
    columns: [
      { key: 'itemNo', header: '信息编号', required: true, synonyms: ['编号'], width: 14 },
      { key: 'publication', header: '刊物', required: true, synonyms: ['采用刊物'], width: 20 },
      { key: 'form', header: '形式', required: false, synonyms: ['采用形式'], width: 8 },
      { key: 'date', header: '采用日期', required: true, synonyms: ['日期'], width: 12 },
      { key: 'issueNo', header: '期号', required: false, synonyms: ['期数'], width: 10 },
      { key: 'note', header: '备注', required: false, width: 20 },
    ],
  },
  {
    key: 'instructions',
    name: '批示',
    synonyms: ['领导批示', '批示情况'],
    columns: [
      { key: 'itemNo', header: '信息编号', required: true, synonyms: ['编号'], width: 14 },
      { key: 'level', header: '批示级别', required: true, synonyms: ['级别'], width: 10 },
      { key: 'form', header: '形式', required: false, width: 8 },
      { key: 'date', header: '批示日期', required: true, synonyms: ['日期'], width: 12 },
      { key: 'leader', header: '批示领导', required: false, synonyms: ['领导'], width: 14 },
      { key: 'note', header: '备注', required: false, width: 20 },
    ],
  },
  {
    key: 'requests',
    name: '约稿',
    synonyms: ['约稿情况'],
    columns: [
      { key: 'no', header: '约稿编号', required: true, width: 12 },
      { key: 'issuer', header: '约稿方', required: true, width: 14 },
      { key: 'topic', header: '主题', required: true, synonyms: ['约稿主题'], width: 30 },
      { key: 'issued', header: '下发日期', required: false, width: 12 },
      { key: 'deadline', header: '截止日期', required: true, width: 12 },
      { key: 'unit', header: '单位', required: true, synonyms: ['受约单位', '单位名称'], width: 24 },
      { key: 'outcome', header: '完成情况', required: true, synonyms: ['完成状态'], width: 10 },
      { key: 'itemNo', header: '信息编号', required: false, width: 14 },
      { key: 'note', header: '备注', required: false, width: 20 },
    ],
  },
  {
    key: 'events',
    name: '加减分',
    synonyms: ['加减分事项', '其他加减分'],
    columns: [
      { key: 'date', header: '日期', required: true, width: 12 },
      { key: 'unit', header: '单位', required: true, synonyms: ['单位名称'], width: 24 },
      { key: 'kind', header: '事项', required: true, synonyms: ['加减分事项'], width: 20 },
      { key: 'quantity', header: '数量', required: false, synonyms: ['次数', '人次', '条数'], width: 6 },
      { key: 'note', header: '说明', required: false, synonyms: ['备注'], width: 30 },
    ],
  },
];

export const sheetDef = (key: SheetKey): SheetDef => SHEETS.find((s) => s.key === key)!;
