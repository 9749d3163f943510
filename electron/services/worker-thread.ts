// Worker threads for work that must not hold up the window (imports, the start-up integrity check). In the app the
// workers are the bundles beside main.cjs (out/electron/NAME.cjs); in tests and the bridge, the TypeScript sources
// run through tsx's loader, registered inside the worker.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { UserError } from '../db/errors';

export type WorkerName = 'import-worker' | 'check-worker' | 'parse-worker';

export function workerFileFor(name: WorkerName): string {
  // in a bundle __dirname is out/electron; under tsx (tests, the bridge, the command line, a worker) __dirname may be
  // the working directory, so the source is found from the module's own URL
  const bundled = typeof __dirname === 'string' ? join(__dirname, `${name}.cjs`) : null;
  if (bundled && existsSync(bundled)) return bundled;
  return join(dirname(fileURLToPath(import.meta.url)), '..', 'workers', `${name}.ts`);
}

export function startWorker(file: string, workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  const ts = file.endsWith('.ts');
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(pathToFileURL(file).href)}); })`;
  return new Worker(ts ? boot : file, { eval: ts, workerData, resourceLimits });
}

/** What a bounded job says to the clerk when it cannot finish (each ends with "数据未改动" and what to do). */
export interface BoundedMessages {
  timedOut: string;
  outOfMemory: string;
  failed: (reason: string) => string;
  exited: (code: number) => string;
  /** let the worker finish by itself after it answered (the import worker still closes its database connection) */
  letFinish?: boolean;
}

/**
 * Runs a worker to its one answer, within a time limit: the first of its message, an error, its exit or the limit
 * settles the promise, and the worker is ended. Out of memory (its resourceLimits) and the time limit end the worker,
 * never the caller.
 */
export function boundedWorker<M, T>(
  file: string,
  workerData: unknown,
  limits: { heapMb: number; seconds: number },
  messages: BoundedMessages,
  answer: (m: M) => T,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(file, workerData, { maxOldGenerationSizeMb: limits.heapMb });
    let settled = false;
    const done = (f: () => void, end = true): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      f();
      if (end) void worker.terminate();
    };
    const timer = setTimeout(() => done(() => reject(new UserError(messages.timedOut))), limits.seconds * 1000);
    worker.on('message', (m: M) =>
      done(() => {
        try {
          resolve(answer(m));
        } catch (e) {
          reject(e as Error);
        }
      }, !messages.letFinish),
    );
    worker.on('error', (e: Error & { code?: string }) =>
      done(() => reject(new UserError(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? messages.outOfMemory : messages.failed(e.message)))),
    );
    worker.on('exit', (code) => done(() => reject(new UserError(messages.exited(code)))));
  });
}
