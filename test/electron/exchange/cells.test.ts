// Cell values exceljs hands back from real files: written, saved, re-read.
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCell } from '../../../electron/exchange/cells';
import { tempDir } from '../../helpers/cli';

describe('readCell on a saved and re-read workbook', async () => {
  const file = join(tempDir(), 'cells.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('t');
  ws.getCell('A1').value = { richText: [{ text: '凤城', font: { bold: true } }, { text: '街道' }] };
  ws.getCell('A2').value = { text: '区财政局', hyperlink: 'http://example.invalid/' };
  ws.getCell('A3').value = { formula: 'CONCATENATE("区","审计局")', result: '区审计局' };
  ws.getCell('A4').value = { formula: 'B4*2' } as ExcelJS.CellFormulaValue;
  ws.getCell('A5').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
  ws.getCell('A6').value = { formula: '_xlfn.DISPIMG("ID_1234",1)', result: '=DISPIMG("ID_1234",1)' };
  ws.getCell('A7').value = '　全角空格　';
  ws.getCell('B8').value = 1;
  ws.getCell('B9').value = 2;
  ws.getCell('A8').value = { formula: 'B8+1', result: 2 };
  ws.getCell('A9').value = { sharedFormula: 'A8', result: 3 } as ExcelJS.CellSharedFormulaValue;
  ws.getCell('A10').value = '合并单元格';
  ws.mergeCells('A10:C11');
  ws.getCell('A12').value = new Date(Date.UTC(2019, 3, 3));
  ws.getCell('A13').value = { richText: [{ text: '  ' }] };
  await wb.xlsx.writeFile(file);
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(file);
  const r = back.getWorksheet('t')!;
  const text = (addr: string): string | null => {
    const c = readCell(r.getCell(addr));
    return c.kind === 'text' ? c.text : null;
  };

  it('rich text is joined', () => expect(text('A1')).toBe('凤城街道'));
  it('a hyperlink gives its text', () => expect(text('A2')).toBe('区财政局'));
  it('a formula gives its cached result', () => expect(text('A3')).toBe('区审计局'));
  it('a formula without a result is flagged, not read as empty', () =>
    expect(readCell(r.getCell('A4')).kind).toBe('formula-without-result'));
  it('an error value is flagged', () => expect(readCell(r.getCell('A5'))).toEqual({ kind: 'error', code: '#N/A' }));
  it('a WPS picture cell is never a title', () => expect(readCell(r.getCell('A6')).kind).toBe('image'));
  it('full-width spaces are trimmed', () => expect(text('A7')).toBe('全角空格'));
  it('shared formulas give their results', () => {
    expect(text('A8')).toBe('2');
    expect(text('A9')).toBe('3');
  });
  it('merged cells read the master’s value and never throw', () => {
    expect(text('A10')).toBe('合并单元格');
    expect(() => readCell(r.getCell('B11'))).not.toThrow();
  });
  it('a date cell is read as its UTC day', () => expect(text('A12')).toBe('2019-04-03'));
  it('blank rich text is empty', () => expect(readCell(r.getCell('A13')).kind).toBe('empty'));
  it('a missing cell is empty', () => expect(readCell(undefined).kind).toBe('empty'));
});
