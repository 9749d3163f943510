// Every spreadsheet a clerk picks is read in a worker thread with a memory ceiling and a time limit (the command
// line and the app alike): a file that makes a reader library loop or balloon ends the worker, never the caller.
import { basename } from 'node:path';
import { UserError } from '../db/errors';
import { startWorker, workerFileFor } from '../services/worker-thread';
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
  return new Promise((resolve, reject) => {
    const worker = startWorker(workerFile, { file }, { maxOldGenerationSizeMb: limits.heapMb });
    let settled = false;
    const done = (f: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      f();
      void worker.terminate();
    };
    const timer = setTimeout(
      () =>
        done(() =>
          reject(
            new UserError(
              `读取“${name}”超过 ${limits.seconds} 秒仍未完成，已中止，数据未改动。文件可能结构异常或过大：请在 WPS 或 Excel 中打开，只保留要导入的工作表，另存为 .xlsx 后再导入。`,
            ),
          ),
        ),
      limits.seconds * 1000,
    );
    worker.on('message', (m: { ok: true; book: Book } | { ok: false; error: string; user: boolean }) =>
      done(() => (m.ok ? resolve(m.book) : reject(m.user ? new UserError(m.error) : new UserError(`无法读取“${name}”：${m.error}`)))),
    );
    worker.on('error', (e: Error & { code?: string }) =>
      done(() =>
        reject(
          new UserError(
            e.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? `读取“${name}”时超出内存上限（${limits.heapMb} MB），已中止，数据未改动。请删去无关的工作表和内容，或分成几个工作簿导入。`
              : `无法读取“${name}”，数据未改动：${e.message}`,
          ),
        ),
      ),
    );
    worker.on('exit', (code) => done(() => reject(new UserError(`读取“${name}”的进程意外结束（代码 ${code}），数据未改动。请重试。`))));
  });
}
