// Worker threads for work that must not hold up the window (imports, the start-up integrity check). In the app the
// workers are the bundles beside main.cjs (out/electron/NAME.cjs); in tests and the bridge, the TypeScript sources
// run through tsx's loader, registered inside the worker.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

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
