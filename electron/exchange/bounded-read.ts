// Every spreadsheet a clerk picks is read in a worker thread with a memory ceiling and a time limit (the command
// line and the app alike): a file that makes a reader library loop or balloon ends the worker, never the caller.
import { basename } from 'node:path';
import { UserError } from '../db/errors';
import { boundedWorker, workerFileFor } from '../services/worker-thread';
import type { Book } from './book';

export const PARSE_LIMITS = { heapMb: 1536, seconds: 120 };

/** The bundled worker beside main.cjs / import-worker.cjs in the app; the TypeScript source (through tsx) otherwise. */
export function parseWorkerFile(): string {
  return workerFileFor('parse-worker');
}

export function readBookBounded(
  file: string,
  limits: { heapMb: number; seconds: number } = PARSE_LIMITS,
  workerFile = parseWorkerFile(),
): Promise<Book> {
  const name = basename(file);
  return boundedWorker(
    workerFile,
    { file },
    limits,
    {
      timedOut: `读取“${name}”超过 ${limits.seconds} 秒仍未完成，已中止，数据未改动。文件可能结构异常或过大：请在 WPS 或 Excel 中打开，只保留要导入的工作表，另存为 .xlsx 后再导入。`,
      outOfMemory: `读取“${name}”时超出内存上限（${limits.heapMb} MB），已中止，数据未改动。请删去无关的工作表和内容，或分成几个工作簿导入。`,
      failed: (reason) => `无法读取“${name}”，数据未改动：${reason}`,
      exited: (code) => `读取“${name}”的进程意外结束（代码 ${code}），数据未改动。请重试。`,
    },
    (m: { ok: true; book: Book } | { ok: false; error: string; user: boolean }) => {
      if (m.ok) return m.book;
      throw new UserError(m.user ? m.error : `无法读取“${name}”：${m.error}`);
    },
  );
}
