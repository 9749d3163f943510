// Opening a workbook a clerk picked: the first bytes decide what it is, and every failure is a clear message.
import ExcelJS from 'exceljs';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { UserError } from '../db/errors';

export const LIMITS = {
  /** bytes of the .xlsx file */
  fileBytes: 50 * 1024 * 1024,
  /** data rows in one sheet */
  rows: 200_000,
  /** characters in one cell */
  cellChars: 2_000,
};

function head(file: string, n: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const read = readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const name = basename(file);
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new UserError(`找不到文件“${file}”，请检查路径。`);
  }
  if (size === 0) throw new UserError(`“${name}”是空文件（0 字节），请选择保存好的 Excel 工作簿。`);
  if (size > LIMITS.fileBytes)
    throw new UserError(
      `“${name}”有 ${(size / 1024 / 1024).toFixed(1)} MB，超过导入上限 ${LIMITS.fileBytes / 1024 / 1024} MB。请删去图片和无关工作表，或分成几个工作簿导入。`,
    );
  const magic = head(file, 8);
  if (magic.length >= 4 && magic.readUInt32BE(0) === 0xd0cf11e0)
    throw new UserError(
      `“${name}”是旧版 Excel 97-2003 工作簿（.xls）或加密的工作簿。请在 WPS 或 Excel 中另存为 .xlsx（Excel 工作簿）后再导入。`,
    );
  if (!(magic[0] === 0x50 && magic[1] === 0x4b))
    throw new UserError(
      `“${name}”不是 Excel 工作簿（.xlsx），可能是改了扩展名的文本、CSV 或其他文件。请在 WPS 或 Excel 中打开后另存为 .xlsx 再导入。`,
    );
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch {
    throw new UserError(
      `“${name}”已损坏或不完整，无法读取。请在 WPS 或 Excel 中打开，确认内容完整后另存为 .xlsx 再导入。`,
    );
  }
  if (wb.worksheets.length === 0)
    throw new UserError(`“${name}”中没有工作表。请在 WPS 或 Excel 中打开确认，另存为 .xlsx 后再导入。`);
  return wb;
}
