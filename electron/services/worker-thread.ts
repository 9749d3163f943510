// Worker threads for work that must not hold up the window (imports, the start-up integrity check). In the app the
// workers are the bundles beside main.cjs (out/electron/NAME.cjs); in tests and the bridge, the TypeScript sources
// run through tsx's loader, registered inside the worker.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

export type WorkerName = 'import-worker' | 'check-worker';

export function workerFileFor(name: WorkerName): string {
  const here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
  const bundled = join(here, `${name}.cjs`);
  return existsSync(bundled) ? bundled : join(here, '..', 'workers', `${name}.ts`);
}

export function startWorker(file: string, workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  const ts = file.endsWith('.ts');
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(pathToFileURL(file).href)}); })`;
  return new Worker(ts ? boot : file, { eval: ts, workerData, resourceLimits });
}
