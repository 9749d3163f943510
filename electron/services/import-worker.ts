// Imports off the main thread: the workbook is read and applied in a worker thread with a memory ceiling
// and a time limit, so the window never freezes and a monstrous file ends the worker, not the app.
import { UserError } from '../db/errors';
import type { ImportReport } from '../exchange/import';
import { boundedWorker, workerFileFor } from './worker-thread';

export const WORKER_LIMITS = { heapMb: 2048, minutes: 10 };

/** The bundled worker beside main.cjs in the app; the TypeScript source (through tsx) in tests and the bridge. */
export function defaultWorkerFile(): string {
  return workerFileFor('import-worker');
}

export function runImportInWorker(
  dbFile: string,
  file: string,
  opts: { dryRun: boolean; source: string; backup?: boolean; includeSimilar?: number[] | 'all'; skipBadRows?: boolean },
  workerFile = defaultWorkerFile(),
): Promise<ImportReport> {
  return boundedWorker(
    workerFile,
    { dbFile, file, dryRun: opts.dryRun, source: opts.source, backup: opts.backup, includeSimilar: opts.includeSimilar, skipBadRows: opts.skipBadRows },
    { heapMb: WORKER_LIMITS.heapMb, seconds: WORKER_LIMITS.minutes * 60 },
    {
      timedOut: `导入超过 ${WORKER_LIMITS.minutes} 分钟仍未完成，已中止，数据未改动。请把工作簿分成几个较小的文件再导入。`,
      outOfMemory: '工作簿内容过多，读取时超出内存上限，导入已中止，数据未改动。请删去无关的工作表和内容，或分成几个工作簿导入。',
      failed: (reason) => `导入中止，数据未改动：${reason}`,
      exited: (code) => `导入进程意外结束（代码 ${code}），数据未改动。请重试。`,
      letFinish: true,
    },
    (m: { ok: true; report: ImportReport } | { ok: false; error: string }) => {
      if (m.ok) return m.report;
      throw new UserError(m.error);
    },
  );
}
