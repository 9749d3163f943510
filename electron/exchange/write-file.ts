// Nothing half-written is left: write beside the target, then rename over it.
import type ExcelJS from 'exceljs';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../db/errors';

export async function writeAtomically(file: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(file)}.${process.pid}.tmp`);
  try {
    await write(tmp);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES')
      throw new UserError(`无法写入“${basename(file)}”：文件可能正在 WPS 或 Excel 中打开，或没有写入权限。请关闭该文件后重试。`);
    throw e;
  }
}

export function writeWorkbookAtomically(wb: ExcelJS.Workbook, file: string): Promise<void> {
  return writeAtomically(file, (tmp) => wb.xlsx.writeFile(tmp));
}
