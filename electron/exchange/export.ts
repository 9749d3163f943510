// Export of all data as the exchange workbook, and the blank template (docs/数据交换工作簿.md §5): the same sheets and columns,
// so export → import gives the same data back.
import ExcelJS from 'exceljs';
import { ADOPTION_FORM_LABEL, INSTRUCTION_FORM_LABEL, REQUEST_OUTCOME_LABEL, ITEM_KIND_LABEL } from '../../shared/labels';
import { Vocabulary } from '../../shared/vocabulary';
import type { Db } from '../db/database';
import { ruleSets } from '../store/rulesets';
import { authorsByItem, exportAdoptions, exportEvents, exportInstructions, exportItems, exportTargets } from '../store/exchange-rows';
import { listUnits } from '../store/units';
import { addJournalSheet, journalRows } from './journal-sheet';
import { writeWorkbookAtomically } from './write-file';
import { SHEETS, type SheetDef, type SheetKey } from './sheets';

type Cell = string | number | Date | null;

/** exceljs keeps range validations in `worksheet.dataValidations` (written as one sqref), missing from its types. */
function rangeValidations(ws: ExcelJS.Worksheet): { add(range: string, v: ExcelJS.DataValidation): void } {
  return (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
}

const FONT = { name: '宋体', size: 11 };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

const utcDate = (iso: string | null): Date | null =>
  iso ? new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)))) : null;

function addSheet(wb: ExcelJS.Workbook, def: SheetDef, rows: Cell[][]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(def.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = def.columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = ws.getRow(1);
  header.eachCell((cell, i) => {
    const col = def.columns[i - 1]!;
    cell.value = col.header;
    cell.font = { ...FONT, bold: true, color: col.required ? { argb: 'FFC00000' } : undefined };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
  });
  for (const r of rows) {
    const row = ws.addRow(r);
    row.eachCell((cell) => {
      cell.font = FONT;
      if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
    });
  }
  return ws;
}

export function exchangeRows(db: Db): Record<SheetKey, Cell[][]> {
  const vocab = new Vocabulary(ruleSets(db));
  const name = (lookup: { names: Map<string, string> }, key: string): string => lookup.names.get(key) ?? key;
  const units = listUnits(db);
  const month = (m: string | null): string | null => m;
  const unitRows = units.map((u) => [
    u.name,
    name(vocab.groups, u.group),
    u.aliases.join('、') || null,
    u.contact || null,
    u.phone || null,
    u.sortOrder,
    month(u.activeFrom),
    month(u.activeUntil),
  ]);
  const authors = authorsByItem(db);
  const items = exportItems(db);
  const categoryName = new Vocabulary(ruleSets(db)).categories.names;
  const itemRows = items.map((i) => {
    const kinds = [i.r ? ITEM_KIND_LABEL.research : '', i.s ? ITEM_KIND_LABEL.special : ''].filter(Boolean);
    const category = i.category === null ? null : (categoryName.get(i.category) ?? i.category);
    return [i.no, utcDate(i.submitted), i.unit, i.title, kinds.join('、') || '一般', (authors.get(i.id) ?? []).join('、') || null, i.note || null, category, i.joint, i.body || null];
  });
  const adoptionRows = exportAdoptions(db).map((a) => [a.no, name(vocab.publications, a.publication), ADOPTION_FORM_LABEL[a.form], utcDate(a.date), a.issueNo || null, a.note || null]);
  const instructionRows = exportInstructions(db).map((r) => [r.no, name(vocab.levels, r.level), INSTRUCTION_FORM_LABEL[r.form], utcDate(r.date), r.leader || null, r.note || null]);
  const requestRows = exportTargets(db).map((t) => [t.no, name(vocab.issuers, t.issuer), t.topic, utcDate(t.issued), utcDate(t.deadline), t.unit, REQUEST_OUTCOME_LABEL[t.outcome], t.itemNo, t.note || null]);
  const eventRows = exportEvents(db).map((e) => [utcDate(e.date), e.unit, name(vocab.eventKinds, e.kind), e.quantity, e.note || null]);
  return {
    units: unitRows,
    items: itemRows,
    adoptions: adoptionRows,
    instructions: instructionRows,
    requests: requestRows,
    events: eventRows,
  };
}

export async function exportData(db: Db, file: string): Promise<Record<SheetKey, number>> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '政务信息计分通报';
  const rows = exchangeRows(db);
  for (const def of SHEETS) addSheet(wb, def, rows[def.key]);
  addJournalSheet(wb, journalRows(db, (iso) => utcDate(iso)!), FONT, HEADER_FILL);
  await writeWorkbookAtomically(wb, file);
  return Object.fromEntries(SHEETS.map((d) => [d.key, rows[d.key].length])) as Record<SheetKey, number>;
}

/** A blank workbook with the headers, an example-free body and drop-down lists for the fixed columns. */
export async function writeTemplate(db: Db, file: string): Promise<void> {
  const vocab = new Vocabulary(ruleSets(db));
  const lists: Partial<Record<SheetKey, Record<string, string[]>>> = {
    units: { group: [...vocab.groups.names.values()] },
    items: { kinds: ['一般', '调研', '专报', '调研、专报'] },
    adoptions: { publication: [...vocab.publications.names.values()], form: Object.values(ADOPTION_FORM_LABEL) },
    instructions: {
      level: [...vocab.levels.names.values()],
      form: Object.values(INSTRUCTION_FORM_LABEL),
    },
    requests: { issuer: [...vocab.issuers.names.values()], outcome: Object.values(REQUEST_OUTCOME_LABEL) },
    events: { kind: [...vocab.eventKinds.names.values()] },
  };
  const wb = new ExcelJS.Workbook();
  wb.creator = '政务信息计分通报';
  const units = listUnits(db).map((u) => u.name);
  for (const def of SHEETS) {
    const ws = addSheet(wb, def, []);
    def.columns.forEach((col, i) => {
      const letter = ws.getColumn(i + 1).letter;
      const values = lists[def.key]?.[col.key];
      const range = `${letter}2:${letter}5000`;
      if (values && values.length > 0) {
        // Excel's inline list is limited to 255 characters
        const formula = `"${values.join(',')}"`;
        if (formula.length <= 255)
          rangeValidations(ws).add(range, {
            type: 'list',
            allowBlank: !col.required,
            formulae: [formula],
            showErrorMessage: true,
            errorStyle: 'warning',
            errorTitle: '不在列表中',
            error: `请从下拉列表中选择${col.header}`,
          });
      }
      if (col.key === 'date' || col.key === 'deadline' || col.key === 'issued')
        for (let r = 2; r <= 500; r++) ws.getCell(`${letter}${r}`).numFmt = 'yyyy-mm-dd';
    });
  }
  // a hidden list of the roster's units so clerks can pick names
  if (units.length > 0) {
    const ref = wb.addWorksheet('单位名单（参考）', { state: 'hidden' });
    units.forEach((u, i) => (ref.getCell(`A${i + 1}`).value = u));
    for (const [sheet, col] of [['信息', 'C'], ['约稿', 'F'], ['加减分', 'B']] as const)
      rangeValidations(wb.getWorksheet(sheet)!).add(`${col}2:${col}5000`, {
        type: 'list',
        allowBlank: false,
        formulae: [`'单位名单（参考）'!$A$1:$A$${units.length}`],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: '不在单位名单中',
        error: '请从下拉列表中选择单位，或先在“单位”表中添加该单位',
      });
  }
  await writeWorkbookAtomically(wb, file);
}
