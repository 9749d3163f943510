// The pieces every format goes through: text decoding for CSV, the 1904 date system, and the cutting of
// whole-column drop-down lists before exceljs sees a sheet.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { decodeText, serialToDate } from '../../../electron/exchange/sheetjs-book';
import { neutraliseSheetXml } from '../../../electron/exchange/workbook-file';

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
