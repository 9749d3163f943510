// The score workbooks (docs/计分表与通报稿.md §1): 计分排名 with one table per group, 采用明细, 约稿情况, 提示, and for a year
// 个人排名. Every number comes from the engine; this file only lays them out.
import ExcelJS from 'exceljs';
import { ITEM_KIND_LABEL } from '../../shared/labels';
import { chineseDate, monthsOf, periodLabel, quartersOf, type Period } from '../../shared/periods';
import type { RuleSet } from '../../shared/rules/schema';
import type { Settings } from '../../shared/settings';
import type { CircularFacts } from '../../shared/scoring/circular';
import type { PeriodScores, PersonScore, UnitScore } from '../../shared/scoring/types';
import { adoptionDetails, requestDetails, type AdoptionDetail } from '../../shared/outputs/tables';
import type { Facts } from '../../shared/domain';

export interface ScoreWorkbookInput {
  /** the rule set in force at the period's start (the columns) */
  rules: RuleSet;
  /** every rule set (a year may span several: each adoption is named and split by its quarter's); default [rules] */
  ruleSets?: readonly RuleSet[];
  settings: Settings;
  facts: Facts;
  scores: PeriodScores;
  circular: CircularFacts;
  /** 全年累计得分 by unit id (quarters only) */
  yearToDate?: Map<number, number>;
  /** year only */
  persons?: PersonScore[];
  /** the date the table is made */
  madeOn: string;
}

type Value = string | number | null;

interface Column {
  /** top header (spans its sub-columns when they share it) */
  top: string;
  /** second header row, '' when the top header covers both rows */
  sub: string;
  width: number;
  value: (u: UnitScore) => Value;
  align?: 'left' | 'center';
  /** points (one decimal where needed), not a count */
  points?: boolean;
}

/**
 * Points are kept to tenths (shared/scoring/points.ts) and shown as the office prints them: 12, 135.4, −0.5 — never
 * 12.0 or 135.39999. Each cell gets the format of its own value, so Excel and WPS show exactly that in any column width
 * (General would round 135.4 to 135 in a narrow column).
 */
export function pointsFormat(v: number): string {
  return Math.round(v * 10) % 10 === 0 ? '0' : '0.0';
}

const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } };
const GROUP_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3F3F3' } };

function scoreColumns(input: ScoreWorkbookInput): Column[] {
  const p = input.scores.period;
  const cols: Column[] = [
    { top: '排名', sub: '', width: 6, value: (u) => u.rank },
    { top: '单位', sub: '', width: 26, value: (u) => u.unitName, align: 'left' },
  ];
  if (p.kind === 'month') cols.push({ top: '报送条数', sub: '', width: 8, value: (u) => u.counts.items });
  else {
    const parts =
      p.kind === 'quarter'
        ? monthsOf(p).map((m) => ({ label: `${m.index}月`, get: (u: UnitScore) => u.counts.itemsByMonth[m.code] ?? 0 }))
        : quartersOf(p).map((q) => ({ label: `${'一二三四'[q.index - 1]}季度`, get: (u: UnitScore) => u.counts.itemsByQuarter[q.code] ?? 0 }));
    for (const part of parts) cols.push({ top: '报送条数', sub: part.label, width: 7, value: part.get });
    cols.push({ top: '报送条数', sub: '合计', width: 7, value: (u) => u.counts.items });
  }
  // 信息类别 counts under a rule set with categories; 调研/专报 unless such a rule set neither asks for them nor has any
  const rules = input.rules;
  const units = input.scores.groups.flatMap((g) => g.units);
  const kinds = (['research', 'special'] as const).filter(
    (k) =>
      rules.categories.length === 0 ||
      rules.groups.some((g) => g.requirements.some((r) => r.conditions.some((c) => c.kind === k))) ||
      units.some((u) => u.counts[k] > 0),
  );
  for (const k of kinds) cols.push({ top: ITEM_KIND_LABEL[k], sub: '', width: 6, value: (u) => u.counts[k] });
  for (const c of rules.categories)
    cols.push({ top: '信息类别', sub: c.name, width: 8, value: (u) => u.counts.byCategory[c.key] ?? 0 });
  cols.push({ top: '基础分', sub: '', points: true, width: 7, value: (u) => u.base });
  for (const pub of input.rules.publications)
    cols.push({ top: '采用条数', sub: pub.name, width: 9, value: (u) => u.counts.adoptionsByPublication[pub.key] ?? 0 });
  cols.push({ top: '采用得分', sub: '', points: true, width: 8, value: (u) => u.adoption });
  cols.push({ top: '批示加分', sub: '', points: true, width: 8, value: (u) => u.instruction });
  cols.push({ top: '其他加分', sub: '', points: true, width: 8, value: (u) => u.bonus });
  cols.push({ top: '减分', sub: '', points: true, width: 7, value: (u) => u.deduction });
  const scoreName = p.kind === 'month' ? '月度得分' : p.kind === 'quarter' ? '季度得分' : '年度得分';
  cols.push({ top: scoreName, sub: '', points: true, width: 8, value: (u) => u.total });
  if (p.kind === 'quarter' && input.yearToDate)
    cols.push({ top: '全年累计得分', sub: '', points: true, width: 9, value: (u) => input.yearToDate!.get(u.unitId) ?? u.total });
  cols.push({ top: '备注', sub: '', width: 14, value: (u) => remarks(u), align: 'left' });
  return cols;
}

function remarks(u: UnitScore): string {
  const notes: string[] = [];
  if (u.lines.some((l) => l.category === 'floor')) notes.push('扣完为止');
  if (u.provisional) notes.push('含暂定分');
  return notes.join('；');
}

function styleCell(cell: ExcelJS.Cell, font: string, opts: { bold?: boolean; align?: 'left' | 'center' | 'right'; size?: number; fill?: ExcelJS.Fill; wrap?: boolean } = {}): void {
  cell.font = { name: font, size: opts.size ?? 11, bold: opts.bold ?? false };
  cell.alignment = { vertical: 'middle', horizontal: opts.align ?? 'center', wrapText: opts.wrap ?? false };
  cell.border = BORDER;
  if (opts.fill) cell.fill = opts.fill;
}

function pageSetup(ws: ExcelJS.Worksheet, headerRows: string): void {
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: headerRows,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: '&C第 &P 页，共 &N 页', evenFooter: '&C第 &P 页，共 &N 页' };
}

/** Title (row 1, merged), subtitle (row 2, right-aligned). */
function titleRows(ws: ExcelJS.Worksheet, width: number, title: string, subtitle: string, font: string): void {
  ws.mergeCells(1, 1, 1, width);
  const t = ws.getCell(1, 1);
  t.value = title;
  t.font = { name: font, size: 18, bold: true };
  t.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 32;
  ws.mergeCells(2, 1, 2, width);
  const s = ws.getCell(2, 1);
  s.value = subtitle;
  s.font = { name: font, size: 10 };
  s.alignment = { horizontal: 'right', vertical: 'middle' };
  ws.getRow(2).height = 18;
}

function periodRange(p: Period): string {
  const end = chineseDate(p.end);
  return `${chineseDate(p.start)}—${p.start.slice(0, 4) === p.end.slice(0, 4) ? end.slice(end.indexOf('年') + 1) : end}`;
}

function rankingSheet(wb: ExcelJS.Workbook, input: ScoreWorkbookInput): void {
  const { scores, settings } = input;
  const font = settings.fonts.sheet;
  const cols = scoreColumns(input);
  const ws = wb.addWorksheet('计分排名', { views: [{ state: 'frozen', xSplit: 2, ySplit: 4 }] });
  titleRows(
    ws,
    cols.length,
    `${periodLabel(scores.period)}全区政务信息报送采用情况计分表`,
    `统计时间：${periodRange(scores.period)}　　计分规则：${scores.ruleSetNames.join('、')}　　制表日期：${chineseDate(input.madeOn)}`,
    font,
  );
  cols.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  // two header rows: a top header over its sub-columns, or one header merged down over both rows
  for (let i = 0; i < cols.length; ) {
    const c = cols[i]!;
    let j = i;
    while (j + 1 < cols.length && cols[j + 1]!.top === c.top && c.sub !== '') j++;
    if (c.sub === '') ws.mergeCells(3, i + 1, 4, i + 1);
    else if (j > i) ws.mergeCells(3, i + 1, 3, j + 1);
    ws.getCell(3, i + 1).value = c.top;
    for (let k = i; k <= j; k++) if (cols[k]!.sub !== '') ws.getCell(4, k + 1).value = cols[k]!.sub;
    i = j + 1;
  }
  for (let r = 3; r <= 4; r++) {
    for (let k = 1; k <= cols.length; k++) styleCell(ws.getCell(r, k), font, { bold: true, fill: HEADER_FILL, wrap: true, size: 10 });
    ws.getRow(r).height = 30;
  }
  let r = 5;
  for (const g of scores.groups) {
    ws.mergeCells(r, 1, r, cols.length);
    ws.getCell(r, 1).value = `${g.name}（${g.units.length}个单位）`;
    for (let k = 1; k <= cols.length; k++) styleCell(ws.getCell(r, k), font, { bold: true, align: 'left', fill: GROUP_FILL });
    r++;
    for (const u of g.units) {
      cols.forEach((c, k) => {
        const cell = ws.getCell(r, k + 1);
        const v = c.value(u);
        cell.value = v;
        styleCell(cell, font, { align: c.align ?? 'center' });
        if (c.points && typeof v === 'number') cell.numFmt = pointsFormat(v);
      });
      r++;
    }
  }
  const said = [
    input.rules.adoptionCombine === 'sum'
      ? '同一信息被多个刊物采用，各次采用得分相加。'
      : '同一信息被多个刊物采用，按就高不就低原则只计最高分；跨期间再获更高采用的，只计增加部分。',
    '减分为扣完为止之前的合计；报送任务减分和迟报、漏报、失实减分在季度内扣完为止，约稿未完成减分另行扣除。',
  ];
  if (scores.groups.some((g) => g.units.some((u) => u.provisional)))
    said.push('“含暂定分”：考核期未结束（如第二数量级的季度调研分），得分可能变化。');
  const scoredItems = new Set(scores.groups.flatMap((g) => g.units.flatMap((u) => u.lines.flatMap((l) => l.itemId ?? []))));
  if (input.facts.items.some((i) => (i.jointUnitIds?.length ?? 0) > 0 && scoredItems.has(i.id)))
    said.push('合报信息的采用得分和批示加分按规则分给各合报单位；采用得分怎么分见“采用明细”的“合报”列。');
  const notes = said.map((n, i) => `${i === 0 ? '说明：' : ''}${i + 1}. ${n}`);
  r++;
  for (const n of notes) {
    ws.mergeCells(r, 1, r, cols.length);
    const cell = ws.getCell(r, 1);
    cell.value = n;
    cell.font = { name: font, size: 10 };
    cell.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
    r++;
  }
  pageSetup(ws, '3:4');
}

interface SheetHeader {
  text: string;
  width: number;
  align?: 'left' | 'center';
  /** points (one decimal where needed) */
  points?: boolean;
}

function simpleSheet(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  subtitle: string,
  headers: SheetHeader[],
  rows: Value[][],
  font: string,
  empty: string,
): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 3 }] });
  titleRows(ws, headers.length, title, subtitle, font);
  headers.forEach((h, i) => {
    ws.getColumn(i + 1).width = h.width;
    const cell = ws.getCell(3, i + 1);
    cell.value = h.text;
    styleCell(cell, font, { bold: true, fill: HEADER_FILL, wrap: true, size: 10 });
  });
  ws.getRow(3).height = 24;
  if (rows.length === 0) {
    ws.mergeCells(4, 1, 4, headers.length);
    ws.getCell(4, 1).value = empty;
    for (let k = 1; k <= headers.length; k++) styleCell(ws.getCell(4, k), font);
  }
  rows.forEach((row, i) =>
    row.forEach((v, k) => {
      const cell = ws.getCell(4 + i, k + 1);
      cell.value = v;
      styleCell(cell, font, { align: headers[k]!.align ?? 'center', wrap: headers[k]!.align === 'left' });
      if (headers[k]!.points && typeof v === 'number') cell.numFmt = pointsFormat(v);
    }),
  );
  pageSetup(ws, '3:3');
}

export function buildScoreWorkbook(input: ScoreWorkbookInput): ExcelJS.Workbook {
  const { scores, settings, circular } = input;
  const font = settings.fonts.sheet;
  const label = periodLabel(scores.period);
  const subtitle = `统计时间：${periodRange(scores.period)}　　制表日期：${chineseDate(input.madeOn)}`;
  const wb = new ExcelJS.Workbook();
  wb.creator = settings.officeName;
  wb.title = `${label}政务信息计分表`;
  rankingSheet(wb, input);
  const adoptions = adoptionDetails(input.ruleSets ?? [input.rules], input.facts, scores);
  // 信息类别 only under a rule set with categories, 合报 only when an adoption of the period is of a 合报 item:
  // a ledger without either (莱芜区2019) keeps its nine columns
  const withCategory = input.rules.categories.length > 0 || adoptions.some((a) => a.category !== '');
  const withJoint = adoptions.some((a) => a.joint !== '');
  const adoptionColumns: (SheetHeader & { value: (a: AdoptionDetail, i: number) => Value })[] = [
    { text: '序号', width: 6, value: (_, i) => i + 1 },
    { text: '单位', width: 22, align: 'left', value: (a) => a.unitName },
    { text: '信息标题', width: withCategory || withJoint ? 38 : 46, align: 'left', value: (a) => a.title },
    ...(withCategory ? [{ text: '信息类别', width: 10, value: (a: AdoptionDetail) => a.category }] : []),
    { text: '刊物', width: 18, value: (a) => a.publication },
    { text: '形式', width: 7, value: (a) => a.form },
    { text: '期号', width: 16, value: (a) => a.issueNo },
    { text: '采用日期', width: 12, value: (a) => a.date },
    { text: '得分', width: 7, points: true, value: (a) => a.points },
    ...(withJoint ? [{ text: '合报', width: 24, align: 'left' as const, value: (a: AdoptionDetail) => a.joint }] : []),
    { text: '批示', width: 8, value: (a) => a.stars },
  ];
  simpleSheet(
    wb,
    '采用明细',
    `${label}政务信息采用明细`,
    subtitle,
    adoptionColumns,
    adoptions.map((a, i) => adoptionColumns.map((c) => c.value(a, i))),
    font,
    '本期无信息被采用。',
  );
  if (scores.period.kind !== 'month') {
    const requests = requestDetails(input.rules, input.facts, scores);
    // 约稿 that earns points when done (示例市2024 +5) shows them with the misses' minus points
    const withDonePoints = input.rules.requestIssuers.some((i) => i.donePoints !== 0);
    simpleSheet(
      wb,
      '约稿情况',
      `${label}约稿完成情况`,
      subtitle,
      [
        { text: '约稿编号', width: 12 },
        { text: '约稿方', width: 14 },
        { text: '主题', width: 32, align: 'left' },
        { text: '截止日期', width: 12 },
        { text: '单位', width: 24, align: 'left' },
        { text: '完成情况', width: 10 },
        { text: withDonePoints ? '得分' : '扣分', width: 7, points: true },
      ],
      requests.map((t) => [t.requestNo, t.issuer, t.topic, t.deadline, t.unitName, t.overdue ? '待报（逾期）' : t.outcome, t.points]),
      font,
      '本期无约稿任务。',
    );
    const monthsText = (ms: string[]): string => ms.map((m) => `${Number(m.slice(5))}月`).join('、');
    const checks: Value[][] = [
      ...circular.zeroAdoption.map((u) => ['零采用（零通报）', u.unitName, u.groupName, '本期无信息被采用']),
      ...circular.emptyMonth.map((u) => ['整月未报送', u.unitName, u.groupName, monthsText(u.months)]),
      ...circular.twoEmptyMonths.map((u) => ['连续两个月未报送（约谈分管领导）', u.unitName, u.groupName, monthsText(u.months)]),
      ...circular.overdue.map((o) => ['约稿逾期未报', o.unitName, '', `${o.issuerName}“${o.target.topic}”，截止${o.target.deadline}`]),
      ...circular.criticiseEvents.map((u) => ['迟报、漏报、失实', u.unitName, u.groupName, u.events.map((e) => `${e.name}（${e.date}）`).join('、')]),
    ];
    simpleSheet(
      wb,
      '提示',
      `${label}需关注的情况`,
      subtitle,
      [
        { text: '情况', width: 30, align: 'left' },
        { text: '单位', width: 26, align: 'left' },
        { text: '分组', width: 12 },
        { text: '说明', width: 50, align: 'left' },
      ],
      checks,
      font,
      '本期无需提示的情况。',
    );
  }
  if (scores.period.kind === 'year' && input.persons) {
    simpleSheet(
      wb,
      '个人排名',
      `${label}政务信息先进个人候选排名`,
      `${subtitle}　　说明：个人得分为其撰写信息的采用得分与批示加分，合写信息每位作者均计全分`,
      [
        { text: '排名', width: 6 },
        { text: '姓名', width: 12 },
        { text: '单位', width: 26, align: 'left' },
        { text: '采用得分', width: 9, points: true },
        { text: '批示加分', width: 9, points: true },
        { text: '合计', width: 8, points: true },
        { text: '得分信息条数', width: 10 },
      ],
      input.persons.map((p) => [p.rank, p.name, p.unitName, p.adoption, p.instruction, p.total, p.itemIds.length]),
      font,
      '本年度没有记录作者的采用信息。',
    );
  }
  return wb;
}
