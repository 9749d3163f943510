// Opening a workbook a clerk picked: the first bytes decide what it is, and every failure is a clear message.
import ExcelJS from 'exceljs';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { basename } from 'node:path';
import { UserError } from '../db/errors';

export const LIMITS = {
  /** bytes of the .xlsx file */
  fileBytes: 50 * 1024 * 1024,
  /** data rows in one sheet */
  rows: 200_000,
  /** characters in one cell */
  cellChars: 2_000,
  /** files inside the .xlsx (a workbook has a few dozen) */
  zipEntries: 2_000,
  /** bytes one file inside the .xlsx may expand to, and all of them together (zip bombs) */
  entryBytes: 256 * 1024 * 1024,
  totalBytes: 512 * 1024 * 1024,
};

const damaged = (name: string): UserError =>
  new UserError(`“${name}”已损坏或不完整，无法读取。请在 WPS 或 Excel 中打开，确认内容完整后另存为 .xlsx 再导入。`);

/**
 * Walks the zip's central directory and inflates every entry with a hard output limit, before ExcelJS sees the
 * file: a workbook whose parts expand beyond the limits (a zip bomb, whatever its headers claim) is refused.
 */
export function inspectZip(buf: Buffer, name: string): { entries: number; bytes: number } {
  const tooBig = new UserError(
    `“${name}”解压后超过 ${LIMITS.totalBytes / 1024 / 1024} MB（或其中某个部分超过 ${LIMITS.entryBytes / 1024 / 1024} MB），不像正常的工作簿，已拒绝导入。请在 WPS 或 Excel 中打开，删去无关内容后另存为 .xlsx 再导入。`,
  );
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--)
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw damaged(name);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || p === 0xffffffff) throw tooBig; // ZIP64: far beyond any workbook a clerk imports
  if (count > LIMITS.zipEntries)
    throw new UserError(`“${name}”中包含 ${count} 个部件，超过上限 ${LIMITS.zipEntries}，不像正常的工作簿，已拒绝导入。`);
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw damaged(name);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const local = buf.readUInt32LE(p + 42);
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) throw damaged(name);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + compressed > buf.length) throw damaged(name);
    const data = buf.subarray(start, start + compressed);
    let size: number;
    if (method === 0) size = compressed;
    else if (method === 8) {
      try {
        size = inflateRawSync(data, { maxOutputLength: LIMITS.entryBytes }).length;
      } catch (e) {
        if (e instanceof RangeError || (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooBig;
        throw damaged(name);
      }
    } else throw damaged(name);
    total += size;
    if (total > LIMITS.totalBytes) throw tooBig;
  }
  return { entries: count, bytes: total };
}

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
  const buf = readFileSync(file);
  inspectZip(buf, name);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw damaged(name);
  }
  if (wb.worksheets.length === 0)
    throw new UserError(`“${name}”中没有工作表。请在 WPS 或 Excel 中打开确认，另存为 .xlsx 后再导入。`);
  return wb;
}
