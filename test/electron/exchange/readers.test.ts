// The pieces every format goes through: text decoding for CSV, the 1904 date system, and the cutting of
// whole-column drop-down lists before exceljs sees a sheet.
import { execFileSync } from 'node:child_process';
import JSZip from 'jszip';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText, readBinaryWithSheetJs, serialToDate } from '../../../electron/exchange/sheetjs-book';
import { neutraliseSheetXml, readBook } from '../../../electron/exchange/workbook-file';
import { tempDir } from '../../helpers/cli';
import { writeLedgerWorkbook } from '../../helpers/ledger-fixture';

describe('CSV text as clerks’ PCs write it', () => {
  const text = '报送单位,信息标题\n凤城街道,关于“三夏”生产的情况——第１期\n';
  it('UTF-8, with and without BOM', () => {
    expect(decodeText(Buffer.from(text, 'utf8'))).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))).toBe(text);
  });
  it('GBK / GB18030 (WPS and older Excel on Chinese Windows)', () => {
    const gbk = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: text });
    expect(gbk.equals(Buffer.from(text, 'utf8'))).toBe(false);
    expect(decodeText(gbk)).toBe(text);
  });
  it('UTF-16 with BOM (Excel’s “Unicode 文本”)', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toBe(text);
  });
});

describe('Excel serial dates', () => {
  it('the 1900 and the 1904 date systems give the same day', () => {
    expect(serialToDate(43558, false).toISOString().slice(0, 10)).toBe('2019-04-03');
    expect(serialToDate(43558 - 1462, true).toISOString().slice(0, 10)).toBe('2019-04-03');
  });
});

describe('cutting what exceljs would expand cell by cell', () => {
  const sheet = (inner: string): string =>
    `<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>${inner}</worksheet>`;
  it('drops data validations, plain and x14, and merges too large to mean anything', () => {
    const xml = sheet(
      '<mergeCells count="2"><mergeCell ref="A1:F1"/><mergeCell ref="A2:A1048576"/></mergeCells>' +
        '<dataValidations count="1"><dataValidation type="list" sqref="Q2:Q1048576"><formula1>"是,否"</formula1></dataValidation></dataValidations>' +
        '<extLst><ext uri="x"><x14:dataValidations count="1"><x14:dataValidation type="list"><xm:sqref>B2:B1048576</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>',
    );
    const out = neutraliseSheetXml(xml);
    expect(out).not.toContain('dataValidation');
    expect(out).toContain('<mergeCell ref="A1:F1"/>');
    expect(out).not.toContain('A2:A1048576');
    expect(out).toContain('<c r="A1"><v>1</v></c>');
  });
  it('leaves a sheet without them as it was', () => {
    const xml = sheet('<pageMargins left="0.7"/>');
    expect(neutraliseSheetXml(xml)).toBe(xml);
  });
});

describe('why .xlsx stays with exceljs', () => {
  it('a sheet whose XML is cut short is refused, where SheetJS would read it as an empty sheet', async () => {
    const dir = tempDir();
    const whole = join(dir, 'ledger.xlsx');
    await writeLedgerWorkbook(whole);
    const zip = await JSZip.loadAsync(readFileSync(whole));
    const xml = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
    zip.file('xl/worksheets/sheet2.xml', xml.slice(0, Math.floor(xml.length / 2)));
    const cut = join(dir, 'cut.xlsx');
    const buf = await zip.generateAsync({ type: 'nodebuffer' });
    writeFileSync(cut, buf);
    await expect(readBook(cut)).rejects.toThrow('已损坏或不完整');
    // the lenient reader: 信息 silently without a row — an all-or-nothing import must not rest on that
    expect(readBinaryWithSheetJs(buf, 'xlsx').sheets[1]!.rows.length).toBe(0);
  });
});
