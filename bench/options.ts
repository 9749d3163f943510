// What every bench script takes: --years 1,10 --runs N --data DIR, and the median it reports.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../..');

const arg = (n: string): string | undefined => {
  const i = process.argv.indexOf(`--${n}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};

export const YEARS = (arg('years') ?? '1,10').split(',').map(Number);
export const RUNS = Number(arg('runs') ?? 5);
export const DATA = resolve(arg('data') ?? join(ROOT, 'bench-data'));

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return Math.round((s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2) * 10) / 10;
}
