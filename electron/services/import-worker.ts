// Imports off the main thread (issue 5): the workbook is read and applied in a worker thread with a memory ceiling
// and a time limit, so the window never freezes and a monstrous file ends the worker, not the app.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UserError } from '../db/errors';
import type { ImportReport } from '../exchange/import';

export const WORKER_LIMITS = { heapMb: 2048, minutes: 10 };

/** The bundled worker beside main.js in the app; the TypeScript source (through tsx) in tests and the bridge. */
export function defaultWorkerFile(): string {
  const here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
  const bundled = join(here, 'import-worker.js');
  return existsSync(bundled) ? bundled : join(here, '..', 'workers', 'import-worker.ts');
}

export function runImportInWorker(
  dbFile: string,
  file: string,
  opts: { dryRun: boolean; source: string },
  workerFile = defaultWorkerFile(),
): Promise<ImportReport> {
  return new Promise((resolve, reject) => {
    // the TypeScript source (tests, bridge) is loaded through tsx's loader, registered inside the worker
    const ts = workerFile.endsWith('.ts');
    const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(pathToFileURL(workerFile).href)}); })`;
    const worker = new Worker(ts ? boot : workerFile, {
      eval: ts,
      workerData: { dbFile, file, dryRun: opts.dryRun, source: opts.source },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_LIMITS.heapMb },
    });
    let settled = false;
    const done = (f: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      f();
    };
    const timer = setTimeout(() => {
      done(() => reject(new UserError(`导入超过 ${WORKER_LIMITS.minutes} 分钟仍未完成，已中止，数据未改动。请把工作簿分成几个较小的文件再导入。`)));
      void worker.terminate();
    }, WORKER_LIMITS.minutes * 60_000);
    worker.on('message', (m: { ok: true; report: ImportReport } | { ok: false; error: string }) =>
      done(() => (m.ok ? resolve(m.report) : reject(new UserError(m.error)))),
    );
    worker.on('error', (e: Error & { code?: string }) =>
      done(() =>
        reject(
          new UserError(
            e.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? '工作簿内容过多，读取时超出内存上限，导入已中止，数据未改动。请删去无关的工作表和内容，或分成几个工作簿导入。'
              : `导入中止，数据未改动：${e.message}`,
          ),
        ),
      ),
    );
    worker.on('exit', (code) => done(() => reject(new UserError(`导入进程意外结束（代码 ${code}），数据未改动。请重试。`))));
  });
}
