// The 刊物 sheet of the exchange workbook (docs/数据交换工作簿.md §2.7): the issues of the district publications with
// their 栏目 and entries, one row per item of an entry, so a backup-by-workbook or a second clerk's PC keeps them.
// The adoptions themselves travel in the 采用 sheet; this sheet says which of them an issue recorded (定版登记) and
// which it linked (手工登记), and an issue is added only when no issue of that publication, date and 期号 exists.
import type ExcelJS from 'exceljs';
import { ADOPTION_FORM_LABEL, invert } from '../../shared/labels';
import type { AdoptionForm } from '../../shared/domain';
import { JOURNAL_STATE_LABEL, type JournalState } from '../../shared/journal';
import { Vocabulary } from '../../shared/vocabulary';
import type { Db } from '../db/database';
import { ruleSets } from '../store/rulesets';
import { exchangeIssues, findExchangeIssue, linkExchangeAdoption, writeExchangeIssue, type ExchangeIssue } from '../store/journal';
import type { BookSheet } from './book';
import { LIMITS } from './limits';
import { RowReader, type Problem } from './parse-rows';
import { headerKey, readSheet } from './read-sheet';
import type { ColumnDef } from './sheets';

export const JOURNAL_SHEET: { name: string; synonyms: string[]; columns: ColumnDef[] } = {
  name: '刊物',
  synonyms: ['刊物各期', '编刊'],
  columns: [
    { key: 'issue', header: '期序', required: true, width: 6, hint: '同一期的各行写同一个数' },
    { key: 'publication', header: '刊物', required: true, width: 16 },
    { key: 'date', header: '日期', required: true, width: 12 },
    { key: 'state', header: '状态', required: true, width: 8 },
    { key: 'yearNo', header: '期号', required: false, width: 6 },
    { key: 'totalNo', header: '总期号', required: false, width: 8 },
    { key: 'editorNote', header: '编者按', required: false, width: 30 },
    { key: 'section', header: '栏目', required: true, width: 12 },
    { key: 'entry', header: '稿件序', required: true, width: 6 },
    { key: 'form', header: '形式', required: true, width: 6 },
    { key: 'itemNo', header: '信息编号', required: true, width: 14 },
    { key: 'title', header: '刊用标题', required: false, width: 40 },
    { key: 'body', header: '刊用正文', required: false, width: 60 },
    { key: 'entryNote', header: '稿件编者按', required: false, width: 20 },
    { key: 'adoption', header: '采用登记', required: false, width: 10 },
  ],
};

export const isJournalSheet = (name: string): boolean => [JOURNAL_SHEET.name, ...JOURNAL_SHEET.synonyms].some((n) => headerKey(n) === headerKey(name));

const ROLE_LABEL = { created: '定版登记', linked: '手工登记' } as const;

type Cell = string | number | Date | null;

export function journalRows(db: Db, utcDate: (iso: string) => Date): Cell[][] {
  const names = new Vocabulary(ruleSets(db)).publications.names;
  const rows: Cell[][] = [];
  exchangeIssues(db).forEach((j, n) => {
    j.entries.forEach((e, k) => {
      e.items.forEach((it, m) => {
        const first = k === 0 && m === 0;
        const second = m === 0;
        rows.push([
          n + 1,
          names.get(j.publication) ?? j.publication,
          utcDate(j.date),
          JOURNAL_STATE_LABEL[j.state],
          j.yearNo,
          j.totalNo,
          first ? j.editorNote || null : null,
          e.section,
          k + 1,
          ADOPTION_FORM_LABEL[e.form],
          it.no,
          second ? e.title || null : null,
          second ? e.body || null : null,
          second ? e.editorNote || null : null,
          it.role ? ROLE_LABEL[it.role] : null,
        ]);
      });
    });
    // an issue with no entry yet still travels: one row naming only its 栏目 would need an item, so a draft without
    // entries is left out (there is nothing in it to lose but its date)
  });
  return rows;
}

export function addJournalSheet(wb: ExcelJS.Workbook, rows: Cell[][], font: Partial<ExcelJS.Font>, fill: ExcelJS.Fill): void {
  if (rows.length === 0) return;
  const ws = wb.addWorksheet(JOURNAL_SHEET.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = JOURNAL_SHEET.columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  ws.getRow(1).eachCell((cell) => {
    cell.font = { ...font, bold: true };
    cell.fill = fill;
  });
  for (const r of rows)
    ws.addRow(r).eachCell((cell) => {
      cell.font = font;
      if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
    });
}

export interface JournalPlan {
  issues: ExchangeIssue[];
  /** issues already in the ledger (same publication, date and 期号) */
  same: number;
}

const STATES = invert(JOURNAL_STATE_LABEL);
const FORMS = invert(ADOPTION_FORM_LABEL);
const ROLES = invert(ROLE_LABEL);

/** Reads the sheet into issues; `knownItem` says whether a 编号 exists in the ledger or in this workbook. */
export function planJournalSheet(db: Db, ws: BookSheet, problems: Problem[], knownItem: (no: string) => boolean): JournalPlan {
  const read = readSheet(ws, JOURNAL_SHEET);
  const plan: JournalPlan = { issues: [], same: 0 };
  if (!read.ok) {
    problems.push({ sheet: ws.name, row: null, column: '', value: '', reason: read.reason });
    return plan;
  }
  const vocab = new Vocabulary(ruleSets(db));
  const byKey = new Map<string, ExchangeIssue & { row: number }>();
  for (const row of read.rows) {
    const r = new RowReader(JOURNAL_SHEET, row, problems);
    const key = r.text('issue', true);
    const pubText = r.text('publication', true);
    const publication = pubText === undefined ? undefined : vocab.publications.find(pubText);
    if (pubText !== undefined && publication === undefined) r.fail('publication', `规则中没有这个刊物，应为：${vocab.publications.list()}`);
    const date = r.date('date', true);
    const stateText = r.text('state', true);
    const state = stateText === undefined ? undefined : (STATES.get(stateText.trim()) as JournalState | undefined);
    if (stateText !== undefined && !state) r.fail('state', '状态只能是 草稿 或 已定版');
    const yearNo = r.positiveInt('yearNo', undefined) ?? null;
    const totalNo = r.positiveInt('totalNo', undefined) ?? null;
    if (state === 'published' && (yearNo === null || totalNo === null)) r.fail('yearNo', '已定版的一期要写期号和总期号');
    const section = r.text('section', true);
    const entry = r.positiveInt('entry', undefined);
    if (entry === undefined && r.ok) r.fail('entry', '必填，写这篇稿件在本期中的序号');
    const formText = r.text('form', true);
    const form = formText === undefined ? undefined : (FORMS.get(formText.trim()) as AdoptionForm | undefined);
    if (formText !== undefined && !form) r.fail('form', '形式只能是 单篇、综合、简讯');
    const itemNo = r.text('itemNo', true);
    if (itemNo !== undefined && !knownItem(itemNo)) r.fail('itemNo', '找不到这个编号的信息：“信息”表和已有数据中都没有');
    const roleText = r.text('adoption');
    const role = roleText === undefined ? null : ((ROLES.get(roleText.trim()) as 'created' | 'linked' | undefined) ?? r.fail('adoption', '只能是 定版登记 或 手工登记') ?? null);
    const title = r.text('title', false, 300) ?? '';
    const body = r.paragraphs('body', LIMITS.bodyChars) ?? '';
    const editorNote = r.paragraphs('editorNote', 4000) ?? '';
    const entryNote = r.text('entryNote', false, 2000) ?? '';
    if (!r.ok) continue;
    let issue = byKey.get(key!);
    if (!issue) {
      issue = { row: row.row, publication: publication!, date: date!, state: state!, yearNo, totalNo, editorNote, entries: [] };
      byKey.set(key!, issue);
    }
    let e = issue.entries.find((x) => x.position === entry);
    if (!e) {
      e = { position: entry!, section: section!, form: form!, title, body, editorNote: entryNote, items: [] };
      issue.entries.push(e);
    }
    e.items.push({ no: itemNo!, role });
  }
  for (const issue of byKey.values()) {
    issue.entries.sort((a, b) => a.position - b.position);
    if (findExchangeIssue(db, issue)) plan.same++;
    else plan.issues.push(issue);
  }
  return plan;
}

/** Writes the planned issues (inside the import's transaction, after its items and adoptions). */
export function applyJournalPlan(db: Db, plan: JournalPlan): void {
  const now = new Date().toISOString();
  for (const issue of plan.issues) {
    const id = writeExchangeIssue(db, issue, now);
    if (issue.state === 'published')
      for (const e of issue.entries) for (const it of e.items) if (it.role) linkExchangeAdoption(db, id, it.no, issue.publication, e.form, issue.date, it.role, now);
  }
}
