// Import of the exchange workbook (docs/数据交换工作簿.md §3–§4): checked whole, then applied in one transaction or not at all.
import { quarterOf } from '../../shared/periods';
import { unitNameKey } from '../../shared/text';
import { Vocabulary } from '../../shared/vocabulary';
import { basename } from 'node:path';
import type { Db } from '../db/database';
import { UserError } from '../db/errors';
import { write } from '../services/write-gate';
import { beginAuditGroup, endAuditGroup } from '../store/audit';
import { lockedQuarters } from '../store/locks';
import { readColumnMappings, type ColumnMapping } from '../store/column-mappings';
import { ruleSets } from '../store/rulesets';
import { ruleSetForQuarterOf } from '../../shared/scoring/rulesets';
import type { RuleSet } from '../../shared/rules/schema';
import { findAdoption, insertAdoptionRow, updateImportedAdoption } from '../store/adoptions';
import { equalEventIds, insertEventRow } from '../store/events';
import { findInstruction, insertInstructionRow, updateImportedInstruction } from '../store/instructions';
import {
  clearItemAuthors,
  clearJointUnits,
  insertImportedItem,
  insertItemAuthor,
  insertJointUnit,
  itemAuthorNames,
  itemByNo,
  itemJointUnitIds,
  liveItemIdByNo,
  personResolver,
  setItemBody,
  setItemCategory,
  updateImportedItem,
} from '../store/items';
import { findTarget, insertRequestRow, insertTargetRow, requestByNo, updateImportedRequest, updateImportedTarget } from '../store/requests';
import { addAliases, insertImportedUnit, listUnits, unitOwnKey, updateImportedUnit, UnitMatcher, type UnitRow } from '../store/units';
import {
  PARSERS,
  RowReader,
  type AdoptionRec,
  type EventRec,
  type InstructionRec,
  type ItemRec,
  type Parsed,
  type Problem,
  type RequestRec,
  type UnitRec,
} from './parse-rows';
import { cellAt, columnCount, type Book, type BookSheet } from './book';
import { displayOf } from './cells';
import { applyJournalPlan, isJournalSheet, planJournalSheet } from './journal-sheet';
import { readBookBounded } from './bounded-read';
import { HEADER_SCAN_ROWS, headerFits, headerKey, matchSheet, readSheet, type ColumnUse } from './read-sheet';
import { SHEETS, type SheetDef, type SheetKey } from './sheets';
import { similarItems } from '../services/ledger';

export type { Problem } from './parse-rows';

export interface SheetCounts {
  added: number;
  changed: number;
  unchanged: number;
}

/** How one sheet was understood: which table, which header row, what each column became. */
export interface SheetUse {
  sheet: string;
  /** the exchange sheet it was read as (信息, 采用 …) */
  as: string;
  headerRow: number;
  columns: ColumnUse[];
}

/** A sheet whose headers were not recognised: what the column-mapping step shows the clerk. */
export interface UnrecognisedSheet {
  sheet: string;
  headerRow: number;
  headers: { column: number; text: string }[];
  signature: string;
}

export type { ColumnMapping } from '../store/column-mappings';

export interface ImportReport {
  file: string;
  dryRun: boolean;
  /** true when the rows were written */
  applied: boolean;
  problems: Problem[];
  notes: string[];
  counts: Partial<Record<SheetKey, SheetCounts>>;
  /** how each sheet and column was understood (the dry run shows it) */
  sheets: SheetUse[];
  /** sheets with a table-like header that matched nothing: candidates for the column-mapping step */
  unrecognised: UnrecognisedSheet[];
  /** new items that look like one already in the ledger: left out unless the clerk ticked them */
  similar: SimilarRow[];
  /** units already on the roster whose 排序 the import changes (the order of every list, score table and 通报) */
  orderChanges: { name: string; from: number; to: number }[];
  /** rows with a problem left out at the clerk's explicit choice (跳过有问题的行), with their cells and reasons */
  skipped: SkippedRow[];
  /** each skipped row's sheet header texts, by sheet, so the rows can be saved as a workbook to fix */
  skippedHeaders: Record<string, string[]>;
}

/** A row left out of the import at the clerk's choice: where it was, what it held, and why it was left out. */
export interface SkippedRow {
  sheet: string;
  row: number;
  values: string[];
  reasons: string[];
}

/** A new 信息 row near an item already in the ledger (same unit, similar title, close date) and that item. */
export interface SimilarRow {
  row: number;
  no: string;
  unit: string;
  date: string;
  title: string;
  existing: { id: number; no: string; date: string; title: string };
  /** the clerk ticked it: it goes in as a new item */
  included: boolean;
}

/** The row that looks like a header (the first of the top rows with at least three different texts) and its texts. */
export function headerCandidate(ws: BookSheet): { headerRow: number; headers: { column: number; text: string }[]; signature: string } | null {
  const last = Math.min(ws.rows.length, HEADER_SCAN_ROWS);
  for (let r = 1; r <= last; r++) {
    const headers: { column: number; text: string }[] = [];
    for (let c = 1; c <= Math.min(columnCount(ws, r), 200); c++) {
      const read = cellAt(ws, r, c);
      if (read.kind === 'text') headers.push({ column: c, text: read.text });
    }
    if (new Set(headers.map((h) => h.text)).size >= 3)
      return { headerRow: r, headers, signature: headers.map((h) => `${h.column}:${headerKey(h.text)}`).join('|') };
  }
  return null;
}

/** Sheets named after nothing in the format (Sheet1, 2019年信息台账, a CSV): the one table whose header fits. */
function sheetByHeader(ws: BookSheet): SheetDef | undefined {
  const fits = SHEETS.map((d) => ({ d, n: headerFits(ws, d) })).filter((f) => f.n > 0);
  fits.sort((a, b) => b.n - a.n);
  if (fits.length === 0 || (fits.length > 1 && fits[0]!.n === fits[1]!.n)) return undefined;
  return fits[0]!.d;
}

type Op<T> = { kind: 'add'; rec: T } | { kind: 'change'; rec: T; id: number } | { kind: 'same'; rec: T; id: number };

interface Plan {
  units: Op<UnitRec & { unitId: number }>[];
  items: Op<ItemRec & { unitId: number; jointUnitIds?: number[] }>[];
  adoptions: Op<AdoptionRec>[];
  instructions: Op<InstructionRec>[];
  requests: Op<{ no: string; first: RequestRec }>[];
  targets: Op<RequestRec & { unitId: number }>[];
  events: Op<EventRec & { unitId: number }>[];
  /** 排序 of units already on the roster that the import changes: shown in the preview, never changed silently */
  orderChanges: { name: string; from: number; to: number }[];
}

const sheetName = (key: SheetKey): string => SHEETS.find((s) => s.key === key)!.name;

export async function importWorkbook(
  db: Db,
  file: string,
  opts: {
    dryRun?: boolean;
    source?: string;
    onPhase?: (phase: 'read' | 'check' | 'write' | 'done') => void;
    /** called inside the write transaction after each row is written (the crash tests kill the process there) */
    onRowWritten?: (written: number) => void;
    /** how the file is read; by default in a child process bounded in time and memory (readBookBounded) */
    read?: (file: string) => Promise<Book>;
    /** column choices the clerk made for sheets whose headers are not recognised */
    mappings?: ColumnMapping[];
    /** the name 操作记录 shows for the import (default: the file's name) */
    label?: string;
    /** runs once the import is known to write, just before it does (the 导入前备份): a refused import writes nothing */
    beforeWrite?: () => Promise<unknown>;
    /** the clerk chose 跳过有问题的行: rows with a problem are left out (and listed), the rest go in together */
    skipBadRows?: boolean;
    /** 信息 rows near an existing item that the clerk ticked to import all the same (by row number) */
    includeSimilar?: number[] | 'all';
  } = {},
): Promise<ImportReport> {
  opts.onPhase?.('read');
  const book = await (opts.read ?? readBookBounded)(file);
  // the clerk's choice for this import first, then the layouts remembered from earlier imports
  const mappings = [...(opts.mappings ?? []), ...readColumnMappings(db)];
  opts.onPhase?.('check');
  const report: ImportReport = {
    file,
    dryRun: opts.dryRun ?? false,
    applied: false,
    problems: [],
    notes: [],
    counts: {},
    sheets: [],
    unrecognised: [],
    similar: [],
    orderChanges: [],
    skipped: [],
    skippedHeaders: {},
  };
  // the cells of every data row as text, by sheet and row, to list a skipped row as it stood in the workbook
  const rowText = new Map<string, string[]>();
  const vocab = new Vocabulary(ruleSets(db));
  const parsed: Parsed = { units: [], items: [], adoptions: [], instructions: [], requests: [], events: [] };
  const seen = new Set<SheetKey>();
  const failedItemNos = new Set<string>();
  let journalSheet: BookSheet | undefined;
  for (const ws of book.sheets) {
    // the 刊物 sheet is read after the items it names (below)
    if (isJournalSheet(ws.name)) {
      journalSheet = ws;
      continue;
    }
    const candidate = headerCandidate(ws);
    const mapping = candidate ? mappings.find((m) => m.signature === candidate.signature) : undefined;
    let def = mapping ? SHEETS.find((d) => d.key === mapping.sheetKey) : matchSheet(ws.name, SHEETS);
    if (!def && (def = sheetByHeader(ws)))
      report.notes.push(`工作表“${ws.name}”按表头识别为“${def.name}”表`);
    if (!def) {
      if (candidate) report.unrecognised.push({ sheet: ws.name, ...candidate });
      report.notes.push(`工作表“${ws.name}”不是交换格式中的表，已忽略`);
      continue;
    }
    if (seen.has(def.key)) {
      report.problems.push({ sheet: ws.name, row: null, column: '', value: '', reason: `与另一张“${def.name}”表重复，请合并为一张` });
      continue;
    }
    seen.add(def.key);
    const read = readSheet(ws, def, mapping && candidate ? { headerRow: candidate.headerRow, columns: mapping.columns } : undefined);
    if (!read.ok) {
      report.problems.push({ sheet: ws.name, row: null, column: '', value: '', reason: read.reason });
      if (candidate && !mapping) report.unrecognised.push({ sheet: ws.name, ...candidate });
      continue;
    }
    report.sheets.push({ sheet: ws.name, as: def.name, headerRow: read.headerRow, columns: read.uses });
    if (opts.skipBadRows) {
      const width = Math.min(columnCount(ws, read.headerRow), 200);
      const text = (r: number): string[] => Array.from({ length: width }, (_, i) => displayOf(cellAt(ws, r, i + 1)));
      report.skippedHeaders[def.name] = text(read.headerRow);
      for (const row of read.rows) rowText.set(`${def.name}\u0000${row.row}`, text(row.row));
    }
    const parse = PARSERS[def.key] as (r: RowReader, row: number, v: Vocabulary) => unknown;
    const list = parsed[def.key] as unknown[];
    for (const row of read.rows) {
      const reader = new RowReader(def, row, report.problems);
      const rec = parse(reader, row.row, vocab);
      if (rec !== undefined) list.push(rec);
      else if (def.key === 'items') {
        const no = reader.cell('no');
        if (no.kind === 'text') failedItemNos.add(no.text);
      }
    }
  }
  if (seen.size === 0)
    report.problems.push({
      sheet: '',
      row: null,
      column: '',
      value: '',
      reason: `工作簿中没有可导入的工作表，工作表应命名为：${SHEETS.map((s) => s.name).join('、')}。可先下载导入模板对照`,
    });
  if (seen.size === 0) return report;

  const order = (sheet: string): number => {
    const i = SHEETS.findIndex((d) => d.name === sheet);
    return i < 0 ? -1 : i;
  };
  // Rows are resolved even when some failed to parse, so the report lists every problem at once.
  const parseProblems = report.problems.length;
  let plan = planImport(db, parsed, report.problems, failedItemNos, new Set());
  // a re-imported ledger with a corrected title derives a new 编号: such rows are shown beside the item they resemble
  // and go in only when the clerk ticks them
  report.similar = similarRows(db, plan, opts.includeSimilar ?? []);
  const leftOut = new Set(report.similar.filter((s) => !s.included).map((s) => s.no));
  if (leftOut.size > 0) {
    report.problems.length = parseProblems;
    parsed.items = parsed.items.filter((r) => !leftOut.has(r.no));
    plan = planImport(db, parsed, report.problems, failedItemNos, leftOut);
  }
  // 跳过有问题的行, only when the clerk chose it and every problem is a row's: those rows are left out, the plan made
  // again (a row naming a skipped one is skipped in turn), until the rest stands on its own
  if (opts.skipBadRows && report.problems.length > 0 && report.problems.every((p) => p.row !== null)) {
    const reasons = new Map<string, string[]>();
    let problems = report.problems;
    while (problems.length > 0 && problems.every((p) => p.row !== null)) {
      for (const p of problems) {
        const k = `${p.sheet}\u0000${p.row}`;
        reasons.set(k, [...(reasons.get(k) ?? []), `${p.column ? `${p.column}：` : ''}${p.reason}`]);
      }
      // a record naming a skipped item is told why, and skipped in turn
      for (const r of parsed.items) if (reasons.has(`${sheetName('items')}\u0000${r.row}`)) failedItemNos.add(r.no);
      for (const key of Object.keys(parsed) as SheetKey[]) {
        const name = sheetName(key);
        (parsed[key] as { row: number }[]) = (parsed[key] as { row: number }[]).filter((r) => !reasons.has(`${name}\u0000${r.row}`));
      }
      problems = [];
      plan = planImport(db, parsed, problems, failedItemNos, leftOut);
    }
    if (problems.length === 0) {
      report.problems = [];
      report.skipped = [...reasons].map(([k, why]) => {
        const [sheet, row] = k.split('\u0000') as [string, string];
        return { sheet, row: Number(row), values: rowText.get(k) ?? [], reasons: why };
      });
      report.skipped.sort((a, b) => order(a.sheet) - order(b.sheet) || a.row - b.row);
    } else report.problems.push(...problems);
  }
  report.counts = countPlan(plan, seen);
  report.orderChanges = plan.orderChanges;
  // the 刊物 sheet names items of the workbook (those going in) or of the ledger; its problems are not skipped
  const inWorkbook = new Set(parsed.items.map((i) => i.no));
  const journal = journalSheet ? planJournalSheet(db, journalSheet, report.problems, (no) => inWorkbook.has(no) || liveItemIdByNo(db, no) !== undefined) : undefined;
  if (journal) report.notes.push(`“刊物”表：新增 ${journal.issues.length} 期${journal.same > 0 ? `，${journal.same} 期已有（未改动）` : ''}`);
  report.problems.sort((a, b) => order(a.sheet) - order(b.sheet) || (a.row ?? 0) - (b.row ?? 0));
  if (report.problems.length > 0 || report.dryRun) return report;
  // a workbook that holds nothing new writes nothing: no backup, no entry in 操作记录
  if (!Object.values(report.counts).some((c) => c.added + c.changed > 0)) {
    report.applied = true;
    return report;
  }
  opts.onPhase?.('write');
  // one 操作记录 entry for the whole import (file name and counts); every row it writes joins that entry
  const source = opts.source ?? '导入';
  await opts.beforeWrite?.();
  write(db, source, () => {
    // the preview was planned before the backup; another window or the command line may have written since. Planned
    // again inside the transaction, the import writes exactly what the preview said, or nothing.
    const again = planImport(db, parsed, [], new Set(failedItemNos), leftOut);
    if (JSON.stringify(again) !== JSON.stringify(plan))
      throw new UserError('预览之后账本有了改动（另一个窗口或命令行写入了记录），这次导入没有写入任何内容。请重新导入，核对新的预览后再确认。');
    beginAuditGroup(db, source, 'import', { file: opts.label ?? basename(file), counts: report.counts });
    try {
      applyPlan(db, plan, opts.onRowWritten);
      if (journal) applyJournalPlan(db, journal);
    } finally {
      endAuditGroup(db);
    }
  });
  opts.onPhase?.('done');
  report.applied = true;
  return report;
}

function countPlan(plan: Plan, seen: Set<SheetKey>): Partial<Record<SheetKey, SheetCounts>> {
  const count = (ops: Op<unknown>[]): SheetCounts => ({
    added: ops.filter((o) => o.kind === 'add').length,
    changed: ops.filter((o) => o.kind === 'change').length,
    unchanged: ops.filter((o) => o.kind === 'same').length,
  });
  const out: Partial<Record<SheetKey, SheetCounts>> = {};
  if (seen.has('units')) out.units = count(plan.units);
  if (seen.has('items')) out.items = count(plan.items);
  if (seen.has('adoptions')) out.adoptions = count(plan.adoptions);
  if (seen.has('instructions')) out.instructions = count(plan.instructions);
  if (seen.has('requests')) out.requests = count(plan.targets);
  if (seen.has('events')) out.events = count(plan.events);
  return out;
}

// ------------------------------------------------------------------------------------------------ planning

/** What every sheet's planning shares: the plan so far, the problems, the locks, the rule sets and the names. */
interface PlanContext {
  db: Db;
  plan: Plan;
  /** the roster as it is before the import */
  units: UnitRow[];
  /** every unit name and alias, the workbook's new units (negative ids) included once the 单位 sheet is planned */
  matcher: UnitMatcher;
  /** 编号 → the item's id, or 'new' for an item the workbook adds */
  itemIdByNo: Map<string, number | 'new'>;
  add: (sheet: SheetKey, row: number, column: string, value: string, reason: string) => void;
  /** a problem when a record would change a locked quarter */
  checkLock: (sheet: SheetKey, row: number, column: string, ...dates: (string | undefined)[]) => void;
  /** why a key is not in the rule set in force on a date, or null when it is */
  notInForce: (date: string, pick: (r: RuleSet) => Named, key: string, what: string) => { name: string; reason: string } | null;
  /** the unit a name means, or a problem */
  resolveUnit: (sheet: SheetKey, row: number, column: string, name: string) => number | undefined;
  /** the item a 编号 means (in the workbook or the ledger), or a problem */
  itemIdOf: (sheet: SheetKey, row: number, column: string, no: string) => number | 'new' | undefined;
}

type Named = readonly { key: string; name: string }[];

/**
 * Decides, sheet by sheet, what the import will add and change — and every problem, all at once. 单位 comes first (the
 * rest may name the units it adds), then 信息 (the records below may name its items), then the records.
 */
function planImport(db: Db, p: Parsed, problems: Problem[], failedItemNos: Set<string>, leftOut: Set<string>): Plan {
  const ctx = planContext(db, problems, failedItemNos, leftOut);
  planUnits(ctx, p.units);
  planItems(ctx, p.items);
  planAdoptions(ctx, p.adoptions);
  planInstructions(ctx, p.instructions);
  planRequests(ctx, p.requests);
  planEvents(ctx, p.events);
  return ctx.plan;
}

/** The new items of the plan that resemble an item already in the ledger, each with the closest one. */
function similarRows(db: Db, plan: Plan, include: number[] | 'all'): SimilarRow[] {
  const included = (row: number): boolean => include === 'all' || include.includes(row);
  const out: SimilarRow[] = [];
  for (const op of plan.items) {
    if (op.kind !== 'add' || op.rec.unitId < 0) continue;
    const near = similarItems(db, op.rec.unitId, op.rec.title, op.rec.date)[0];
    if (!near) continue;
    const { row, no, unit, date, title } = op.rec;
    out.push({ row, no, unit, date, title, existing: { id: near.id, no: near.no, date: near.date, title: near.title }, included: included(row) });
  }
  return out;
}

function planContext(db: Db, problems: Problem[], failedItemNos: Set<string>, leftOut: Set<string>): PlanContext {
  const plan: Plan = { units: [], items: [], adoptions: [], instructions: [], requests: [], targets: [], events: [], orderChanges: [] };
  const add = (sheet: SheetKey, row: number, column: string, value: string, reason: string): void => {
    problems.push({ sheet: sheetName(sheet), row, column, value, reason });
  };
  const locks = lockedQuarters(db);
  const checkLock = (sheet: SheetKey, row: number, column: string, ...dates: (string | undefined)[]): void => {
    for (const d of dates) {
      if (!d) continue;
      const q = quarterOf(d);
      if (locks.has(q.code)) {
        add(sheet, row, column, d, `${q.year}年第${'一二三四'[q.index - 1]}季度已锁定（通报已定稿），不能导入该季度的记录；确需修改请先解锁该季度`);
        return;
      }
    }
  };

  // a record follows the rule set in force on its date: a category, publication or 批示 level that rule set lacks is
  // refused, naming the rule set and what it offers (the entry forms offer only those)
  const allRules = ruleSets(db);
  const notInForce = (date: string, pick: (r: RuleSet) => Named, key: string, what: string): { name: string; reason: string } | null => {
    const rules = ruleSetForQuarterOf(allRules, date);
    const offered = pick(rules);
    if (offered.some((x) => x.key === key)) return null;
    const name = allRules.flatMap((r) => pick(r)).find((x) => x.key === key)?.name ?? key;
    const reason =
      offered.length === 0
        ? `${date} 适用的规则“${rules.name}”不分${what}，请留空或写“无”`
        : `${date} 适用的规则“${rules.name}”没有“${name}”这一${what}，应为：${offered.map((x) => x.name).join('、')}`;
    return { name, reason };
  };

  const units = listUnits(db);
  const matcher = new UnitMatcher(units);
  const resolveUnit = (sheet: SheetKey, row: number, column: string, name: string): number | undefined => {
    const m = matcher.match(name);
    if (m.ok) return m.unitId;
    add(sheet, row, column, name, m.reason);
    return undefined;
  };

  const itemIdByNo = new Map<string, number | 'new'>();
  const itemIdOf = (sheet: SheetKey, row: number, column: string, no: string): number | 'new' | undefined => {
    const known = itemIdByNo.get(no);
    if (known !== undefined) return known;
    const cur = itemByNo(db, no);
    if (cur && !cur.deleted) {
      itemIdByNo.set(no, cur.id);
      return cur.id;
    }
    add(
      sheet,
      row,
      column,
      no,
      failedItemNos.has(no)
        ? '这个编号的信息所在行有错误（见本报告“信息”表的问题），请先改正'
        : leftOut.has(no)
          ? '这个编号的信息与已有信息相近，未勾选导入：确需导入请在预览中勾选它'
          : cur
          ? '这个编号的信息在回收站中，请先恢复'
          : '找不到这个编号的信息：“信息”表和已有数据中都没有，请先导入该信息或核对编号',
    );
    return undefined;
  };

  return { db, plan, units, matcher, itemIdByNo, add, checkLock, notInForce, resolveUnit, itemIdOf };
}

/** 单位: matched by name or alias; a new unit gets a temporary negative id until it is written. */
function planUnits(ctx: PlanContext, recs: UnitRec[]): void {
  const { plan, units, matcher, add } = ctx;
  const byId = new Map(units.map((u) => [u.id, u]));
  let nextTemp = -1;
  let maxOrder = Math.max(0, ...units.map((u) => u.sortOrder));
  const unitRows = new Map<number, number>();
  for (const rec of recs) {
    const owners = matcher.owners(rec.name);
    const match = matcher.match(rec.name);
    if (owners.length > 1 && !match.ok) {
      add('units', rec.row, '单位名称', rec.name, match.reason);
      continue;
    }
    const unitId = owners[0];
    if (unitId !== undefined && unitRows.has(unitId)) {
      add('units', rec.row, '单位名称', rec.name, `与第${unitRows.get(unitId)}行是同一个单位，请删去重复的行`);
      continue;
    }
    let aliasProblem = false;
    for (const alias of rec.aliases ?? []) {
      const other = matcher.owners(alias).filter((id) => id !== unitId);
      if (other.length > 0) {
        const otherName = other[0]! < 0 ? recs.find((u) => matcher.owners(u.name).includes(other[0]!))?.name : byId.get(other[0]!)?.name;
        add('units', rec.row, '别名', alias, `“${alias}”已是“${otherName ?? '另一单位'}”的名称或别名，同一名称不能指两个单位`);
        aliasProblem = true;
      }
    }
    if (aliasProblem) continue;
    if (unitId === undefined) {
      const id = nextTemp--;
      matcher.add(id, rec.name, rec.aliases ?? []);
      unitRows.set(id, rec.row);
      if (rec.order === undefined) rec.order = ++maxOrder;
      plan.units.push({ kind: 'add', rec: { ...rec, unitId: id } });
    } else {
      unitRows.set(unitId, rec.row);
      const cur = byId.get(unitId)!;
      matcher.add(unitId, cur.name, rec.aliases ?? []);
      if (rec.order !== undefined && rec.order !== cur.sortOrder) plan.orderChanges.push({ name: cur.name, from: cur.sortOrder, to: rec.order });
      plan.units.push({ kind: unitChanged(cur, rec) ? 'change' : 'same', rec: { ...rec, unitId }, id: unitId });
    }
  }
}

/** 信息: matched by 编号; 合报 units and 信息类别 are checked against the roster and the rule set in force. */
function planItems(ctx: PlanContext, recs: ItemRec[]): void {
  const { db, plan, itemIdByNo, add, checkLock, notInForce, resolveUnit } = ctx;
  const workbookItems = new Map<string, number>();
  for (const rec of recs) {
    if (workbookItems.has(rec.no)) {
      add('items', rec.row, '编号', rec.no, `编号重复：第${workbookItems.get(rec.no)}行已有这个编号，每条信息的编号必须唯一`);
      continue;
    }
    workbookItems.set(rec.no, rec.row);
    const unitId = resolveUnit('items', rec.row, '报送单位', rec.unit);
    if (unitId === undefined) continue;
    // 合报: the other units, each once and not the submitting unit itself
    let jointUnitIds: number[] | undefined;
    if (rec.jointUnits !== undefined) {
      const ids = rec.jointUnits.map((n) => resolveUnit('items', rec.row, '合报单位', n));
      if (ids.some((id) => id === undefined)) continue;
      jointUnitIds = [...new Set(ids as number[])];
      if (jointUnitIds.includes(unitId)) {
        add('items', rec.row, '合报单位', rec.jointUnits.join('、'), '合报单位不必再写报送单位（报送单位即牵头单位）');
        continue;
      }
    }
    const wrongCategory = rec.category ? notInForce(rec.date, (r) => r.categories, rec.category, '信息类别') : null;
    if (wrongCategory) {
      add('items', rec.row, '信息类别', wrongCategory.name, wrongCategory.reason);
      continue;
    }
    const cur = itemByNo(db, rec.no);
    if (cur?.deleted) {
      add('items', rec.row, '编号', rec.no, '这个编号的信息在回收站中，请先在回收站恢复它，或改用新编号');
      continue;
    }
    if (!cur) {
      checkLock('items', rec.row, '报送日期', rec.date);
      itemIdByNo.set(rec.no, 'new');
      plan.items.push({ kind: 'add', rec: { ...rec, unitId, jointUnitIds } });
      continue;
    }
    itemIdByNo.set(rec.no, cur.id);
    const authors = itemAuthorNames(db, cur.id);
    const changed =
      cur.unitId !== unitId ||
      cur.date !== rec.date ||
      cur.title !== rec.title ||
      (rec.kinds !== undefined &&
        (cur.research !== Number(rec.kinds.includes('research')) || cur.special !== Number(rec.kinds.includes('special')))) ||
      (rec.authors !== undefined && authors.join('、') !== rec.authors.join('、')) ||
      (rec.note !== undefined && cur.note !== rec.note) ||
      (rec.category !== undefined && cur.category !== rec.category) ||
      (rec.body !== undefined && cur.body !== rec.body) ||
      (jointUnitIds !== undefined && itemJointUnitIds(db, cur.id).join() !== jointUnitIds.join());
    if (changed) checkLock('items', rec.row, '报送日期', rec.date, cur.date);
    plan.items.push({ kind: changed ? 'change' : 'same', rec: { ...rec, unitId, jointUnitIds }, id: cur.id });
  }
}

/** 采用: matched by item, publication, form and date. */
function planAdoptions(ctx: PlanContext, recs: AdoptionRec[]): void {
  const { db, plan, add, checkLock, notInForce, itemIdOf } = ctx;
  const adoptionKeys = new Map<string, number>();
  for (const rec of recs) {
    const key = [rec.itemNo, rec.publication, rec.form, rec.date].join('\u0000');
    if (adoptionKeys.has(key)) {
      add('adoptions', rec.row, '信息编号', rec.itemNo, `与第${adoptionKeys.get(key)}行重复（同一信息、刊物、形式和采用日期）`);
      continue;
    }
    adoptionKeys.set(key, rec.row);
    const itemId = itemIdOf('adoptions', rec.row, '信息编号', rec.itemNo);
    if (itemId === undefined) continue;
    const cur = itemId === 'new' ? undefined : findAdoption(db, itemId, rec.publication, rec.form, rec.date);
    const wrongPublication = cur ? null : notInForce(rec.date, (r) => r.publications, rec.publication, '刊物');
    if (wrongPublication) {
      add('adoptions', rec.row, '刊物', wrongPublication.name, wrongPublication.reason);
      continue;
    }
    if (!cur) {
      checkLock('adoptions', rec.row, '采用日期', rec.date);
      plan.adoptions.push({ kind: 'add', rec });
    } else {
      const changed = (rec.issueNo !== undefined && rec.issueNo !== cur.issueNo) || (rec.note !== undefined && rec.note !== cur.note);
      if (changed) checkLock('adoptions', rec.row, '采用日期', rec.date);
      plan.adoptions.push({ kind: changed ? 'change' : 'same', rec, id: cur.id });
    }
  }

}

/** 批示: matched by item, level and date. */
function planInstructions(ctx: PlanContext, recs: InstructionRec[]): void {
  const { db, plan, add, checkLock, notInForce, itemIdOf } = ctx;
  const instructionKeys = new Map<string, number>();
  for (const rec of recs) {
    const key = [rec.itemNo, rec.level, rec.date].join('\u0000');
    if (instructionKeys.has(key)) {
      add('instructions', rec.row, '信息编号', rec.itemNo, `与第${instructionKeys.get(key)}行重复（同一信息、级别和批示日期）`);
      continue;
    }
    instructionKeys.set(key, rec.row);
    const itemId = itemIdOf('instructions', rec.row, '信息编号', rec.itemNo);
    if (itemId === undefined) continue;
    const cur = itemId === 'new' ? undefined : findInstruction(db, itemId, rec.level, rec.date);
    const wrongLevel = cur ? null : notInForce(rec.date, (r) => r.instructionLevels, rec.level, '批示级别');
    if (wrongLevel) {
      add('instructions', rec.row, '批示级别', wrongLevel.name, wrongLevel.reason);
      continue;
    }
    if (!cur) {
      checkLock('instructions', rec.row, '批示日期', rec.date);
      plan.instructions.push({ kind: 'add', rec });
    } else {
      const changed =
        rec.form !== cur.form || (rec.leader !== undefined && rec.leader !== cur.leader) || (rec.note !== undefined && rec.note !== cur.note);
      if (changed) checkLock('instructions', rec.row, '批示日期', rec.date);
      plan.instructions.push({ kind: changed ? 'change' : 'same', rec, id: cur.id });
    }
  }

}

/** 约稿: one row per target; the request's own cells must agree across its rows. */
function planRequests(ctx: PlanContext, recs: RequestRec[]): void {
  const { db, plan, add, checkLock, resolveUnit, itemIdOf } = ctx;
  const firstOf = new Map<string, RequestRec>();
  const targetKeys = new Map<string, number>();
  for (const rec of recs) {
    const first = firstOf.get(rec.no);
    if (first) {
      const diff = (['issuer', 'topic', 'issued', 'deadline'] as const).find((k) => (rec[k] ?? '') !== (first[k] ?? ''));
      if (diff) {
        const header = { issuer: '约稿方', topic: '主题', issued: '下发日期', deadline: '截止日期' }[diff];
        add('requests', rec.row, header, String(rec[diff] ?? ''), `同一约稿编号的第${first.row}行写的是“${first[diff] ?? ''}”，请统一`);
        continue;
      }
    } else {
      firstOf.set(rec.no, rec);
      const cur = requestByNo(db, rec.no);
      if (cur?.deleted) {
        add('requests', rec.row, '约稿编号', rec.no, '这个编号的约稿在回收站中，请先在回收站恢复它，或改用新编号');
        continue;
      }
      if (!cur) {
        checkLock('requests', rec.row, '截止日期', rec.deadline);
        plan.requests.push({ kind: 'add', rec: { no: rec.no, first: rec } });
      } else {
        const changed =
          cur.issuer !== rec.issuer || cur.topic !== rec.topic || cur.deadline !== rec.deadline || (rec.issued !== undefined && cur.issued !== rec.issued);
        if (changed) checkLock('requests', rec.row, '截止日期', rec.deadline, cur.deadline);
        plan.requests.push({ kind: changed ? 'change' : 'same', rec: { no: rec.no, first: rec }, id: cur.id });
      }
    }
    const unitId = resolveUnit('requests', rec.row, '单位', rec.unit);
    if (unitId === undefined) continue;
    const tkey = `${rec.no}\u0000${unitId}`;
    if (targetKeys.has(tkey)) {
      add('requests', rec.row, '单位', rec.unit, `与第${targetKeys.get(tkey)}行重复（同一约稿、同一单位）`);
      continue;
    }
    targetKeys.set(tkey, rec.row);
    if (rec.itemNo !== undefined && itemIdOf('requests', rec.row, '信息编号', rec.itemNo) === undefined) continue;
    const reqOp = plan.requests.find((o) => o.rec.no === rec.no);
    const cur = reqOp && reqOp.kind !== 'add' ? findTarget(db, reqOp.id, unitId) : undefined;
    if (!cur) {
      checkLock('requests', rec.row, '截止日期', rec.deadline);
      plan.targets.push({ kind: 'add', rec: { ...rec, unitId } });
    } else {
      const changed =
        cur.outcome !== rec.outcome || (rec.itemNo !== undefined && rec.itemNo !== cur.itemNo) || (rec.note !== undefined && rec.note !== cur.note);
      if (changed) checkLock('requests', rec.row, '截止日期', rec.deadline);
      plan.targets.push({ kind: changed ? 'change' : 'same', rec: { ...rec, unitId }, id: cur.id });
    }
  }

}

/** 加减分: matched by all their cells, as a multiset (two equal rows are two events). */
function planEvents(ctx: PlanContext, recs: EventRec[]): void {
  const { db, plan, checkLock, resolveUnit } = ctx;
  const used = new Set<number>();
  for (const rec of recs) {
    const unitId = resolveUnit('events', rec.row, '单位', rec.unit);
    if (unitId === undefined || unitId < 0) {
      if (unitId !== undefined) {
        checkLock('events', rec.row, '日期', rec.date);
        plan.events.push({ kind: 'add', rec: { ...rec, unitId } });
      }
      continue;
    }
    const match = equalEventIds(db, { date: rec.date, unitId, kind: rec.kind, quantity: rec.quantity, note: rec.note }).find((id) => !used.has(id));
    if (match !== undefined) {
      used.add(match);
      plan.events.push({ kind: 'same', rec: { ...rec, unitId }, id: match });
    } else {
      checkLock('events', rec.row, '日期', rec.date);
      plan.events.push({ kind: 'add', rec: { ...rec, unitId } });
    }
  }
}

function unitChanged(cur: UnitRow, rec: UnitRec): boolean {
  const aliasKeys = new Set([cur.name, ...cur.aliases].map(unitNameKey));
  return (
    cur.group !== rec.group ||
    (rec.aliases ?? []).some((a) => !aliasKeys.has(unitNameKey(a))) ||
    (rec.contact !== undefined && rec.contact !== cur.contact) ||
    (rec.phone !== undefined && rec.phone !== cur.phone) ||
    (rec.order !== undefined && rec.order !== cur.sortOrder) ||
    (rec.activeFrom !== undefined && rec.activeFrom !== cur.activeFrom) ||
    (rec.activeUntil !== undefined && rec.activeUntil !== cur.activeUntil)
  );
}

// ------------------------------------------------------------------------------------------------ applying

function applyPlan(db: Db, plan: Plan, onRow?: (written: number) => void): void {
  let written = 0;
  const step = (): void => onRow?.(++written);
  const now = new Date().toISOString();
  const unitIds = new Map<number, number>(); // temp id → real id
  const realUnit = (id: number): number => (id < 0 ? unitIds.get(id)! : id);
  for (const op of plan.units) {
    step();
    const r = op.rec;
    let id: number;
    if (op.kind === 'add') {
      id = insertImportedUnit(
        db,
        { name: r.name, group: r.group, order: r.order ?? 0, activeFrom: r.activeFrom ?? null, activeUntil: r.activeUntil ?? null, contact: r.contact ?? '', phone: r.phone ?? '' },
        now,
      );
      unitIds.set(r.unitId, id);
    } else {
      id = op.id;
      if (op.kind === 'change')
        updateImportedUnit(
          db,
          id,
          { group: r.group, order: r.order ?? null, activeFrom: r.activeFrom ?? null, activeUntil: r.activeUntil ?? null, contact: r.contact ?? null, phone: r.phone ?? null },
          now,
        );
    }
    const ownKey = unitOwnKey(db, id);
    addAliases(db, id, (r.aliases ?? []).filter((alias) => unitNameKey(alias) !== ownKey));
  }

  const personId = personResolver(db);
  const itemIds = new Map<string, number>();
  for (const op of plan.items) {
    step();
    const r = op.rec;
    const unitId = realUnit(r.unitId);
    const research = r.kinds === undefined ? null : Number(r.kinds.includes('research'));
    const special = r.kinds === undefined ? null : Number(r.kinds.includes('special'));
    let id: number;
    if (op.kind === 'add') {
      id = insertImportedItem(db, { no: r.no, unitId, date: r.date, title: r.title, research: research ?? 0, special: special ?? 0, note: r.note ?? '' }, now);
    } else {
      id = op.id;
      if (op.kind === 'change') updateImportedItem(db, id, { unitId, date: r.date, title: r.title, research, special, note: r.note ?? null }, now);
    }
    itemIds.set(r.no, id);
    if (op.kind !== 'same' && r.category !== undefined) setItemCategory(db, id, r.category);
    if (op.kind !== 'same' && r.body !== undefined) setItemBody(db, id, r.body);
    if (op.kind !== 'same' && r.jointUnitIds !== undefined) {
      if (op.kind === 'change') clearJointUnits(db, id);
      r.jointUnitIds.forEach((u, i) => insertJointUnit(db, id, realUnit(u), i));
    }
    if (op.kind !== 'same' && r.authors !== undefined) {
      if (op.kind === 'change') clearItemAuthors(db, id);
      r.authors.forEach((name, i) => insertItemAuthor(db, id, personId(unitId, name), i));
    }
  }
  const itemId = (no: string): number => itemIds.get(no) ?? liveItemIdByNo(db, no)!;

  for (const op of plan.adoptions) {
    step();
    const r = op.rec;
    if (op.kind === 'add')
      insertAdoptionRow(db, { itemId: itemId(r.itemNo), publication: r.publication, form: r.form, date: r.date, issueNo: r.issueNo ?? '', note: r.note ?? '' }, now);
    else if (op.kind === 'change') updateImportedAdoption(db, op.id, r.issueNo ?? null, r.note ?? null, now);
  }

  for (const op of plan.instructions) {
    step();
    const r = op.rec;
    if (op.kind === 'add')
      insertInstructionRow(db, { itemId: itemId(r.itemNo), level: r.level, form: r.form, date: r.date, leader: r.leader ?? '', note: r.note ?? '' }, now);
    else if (op.kind === 'change') updateImportedInstruction(db, op.id, r.form, r.leader ?? null, r.note ?? null, now);
  }

  const requestIds = new Map<string, number>();
  for (const op of plan.requests) {
    step();
    const r = op.rec.first;
    if (op.kind === 'add')
      requestIds.set(r.no, insertRequestRow(db, r.no, { issuer: r.issuer, topic: r.topic, issued: r.issued ?? null, deadline: r.deadline, note: '' }, now));
    else {
      requestIds.set(r.no, op.id);
      if (op.kind === 'change') updateImportedRequest(db, op.id, { issuer: r.issuer, topic: r.topic, issued: r.issued ?? null, deadline: r.deadline }, now);
    }
  }
  for (const op of plan.targets) {
    step();
    const r = op.rec;
    const item = r.itemNo !== undefined ? itemId(r.itemNo) : null;
    if (op.kind === 'add') insertTargetRow(db, requestIds.get(r.no)!, realUnit(r.unitId), r.outcome, item, r.note ?? '');
    else if (op.kind === 'change') updateImportedTarget(db, op.id, r.outcome, item, r.note ?? null);
  }

  for (const op of plan.events) {
    step();
    const r = op.rec;
    if (op.kind === 'add') insertEventRow(db, { unitId: realUnit(r.unitId), date: r.date, kind: r.kind, quantity: r.quantity, note: r.note }, now);
  }
}

const MAX_PRINTED_PROBLEMS = 500;

/** The report as the command line and the UI print it. */
export function formatReport(r: ImportReport): string {
  const lines: string[] = [];
  const labels: Record<SheetKey, string> = { units: '单位', items: '信息', adoptions: '采用', instructions: '批示', requests: '约稿', events: '加减分' };
  for (const s of r.dryRun ? r.sheets : []) {
    lines.push(`工作表“${s.sheet}”按“${s.as}”表读取，表头在第${s.headerRow}行：`);
    lines.push(`  ${s.columns.map((c) => `${c.column}列“${c.header || '（空）'}”→${c.as}`).join('；')}`);
    if (s.as === '信息' && !s.columns.some((c) => c.key === 'no'))
      lines.push('  没有“编号”列：按 报送单位 + 报送日期 + 信息标题 生成编号，重复导入同一台账不会重复登记');
  }
  if (r.problems.length > 0) {
    lines.push(`导入未执行：发现 ${r.problems.length} 个问题，数据没有任何改动。请修改工作簿后重新导入。`);
    lines.push('工作表\t行\t列\t内容\t问题');
    for (const p of r.problems.slice(0, MAX_PRINTED_PROBLEMS))
      lines.push(`${p.sheet || '-'}\t${p.row ?? '-'}\t${p.column || '-'}\t${p.value || '-'}\t${p.reason}`);
    if (r.problems.length > MAX_PRINTED_PROBLEMS) lines.push(`……另有 ${r.problems.length - MAX_PRINTED_PROBLEMS} 个问题未列出`);
  } else {
    lines.push(r.dryRun ? '检查通过（试导入，未写入数据）：' : '导入完成：');
    for (const [k, c] of Object.entries(r.counts) as [SheetKey, SheetCounts][])
      lines.push(`  ${labels[k]}：新增 ${c.added}，修改 ${c.changed}，未变 ${c.unchanged}`);
  }
  if (r.orderChanges.length > 0) {
    lines.push(`单位排序${r.applied ? '已' : '将'}改变 ${r.orderChanges.length} 个（名单、计分表和通报按排序列出）：`);
    lines.push(`  ${r.orderChanges.map((c) => `${c.name} ${c.from}→${c.to}`).join('；')}`);
  }
  if (r.skipped.length > 0) {
    lines.push(`跳过有问题的 ${r.skipped.length} 行（其余各行${r.dryRun ? '可以' : '已'}一并导入）：`);
    lines.push('工作表\t行\t问题');
    for (const s of r.skipped) lines.push(`${s.sheet}\t${s.row}\t${s.reasons.join('；')}`);
  }
  const left = r.similar.filter((s) => !s.included);
  if (left.length > 0) {
    lines.push(`与已有信息相近、未导入的 ${left.length} 条（同一单位，标题相似，日期相近）：`);
    lines.push('行\t报送日期\t信息标题\t已有信息（编号 日期 标题）');
    for (const s of left) lines.push(`${s.row}\t${s.date}\t${s.title}\t${s.existing.no} ${s.existing.date} ${s.existing.title}`);
    lines.push('  确属另一条信息的，请在程序的导入预览中勾选后导入');
  }
  const taken = r.similar.filter((s) => s.included);
  if (taken.length > 0) {
    lines.push(`与已有信息相近、${r.dryRun ? '将' : '已'}作为新信息导入的 ${taken.length} 条（同一单位，标题相似，日期相近），请核对：`);
    lines.push('行\t报送日期\t信息标题\t已有信息（编号 日期 标题）');
    for (const s of taken) lines.push(`${s.row}\t${s.date}\t${s.title}\t${s.existing.no} ${s.existing.date} ${s.existing.title}`);
  }
  for (const n of r.notes) lines.push(`提示：${n}`);
  return lines.join('\n');
}
