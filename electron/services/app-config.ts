// The desktop app's config.json (where the data file is). Written atomically — a temporary file beside it, flushed,
// renamed over the old one, the folder flushed — so a crash or power cut leaves the old config or the new one, never
// half of one. A config that cannot be read is reported, never replaced by a default: the app would otherwise open
// a different (empty) ledger and the clerk would believe the data gone.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fsyncPath } from './backup';

export type ConfigState = { kind: 'none' } | { kind: 'ok'; dataFile: string } | { kind: 'damaged'; problem: string };

export function readConfig(file: string): ConfigState {
  if (!existsSync(file)) return { kind: 'none' };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { kind: 'damaged', problem: `程序设置文件“${file}”无法读取（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）。` };
  }
  try {
    const c = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
    if (typeof c !== 'object' || c === null || Array.isArray(c)) throw new Error('不是设置对象');
    const dataFile = (c as { dataFile?: unknown }).dataFile;
    if (dataFile === undefined) return { kind: 'none' };
    if (typeof dataFile !== 'string' || dataFile.trim() === '') throw new Error('数据文件位置无效');
    return { kind: 'ok', dataFile };
  } catch {
    return {
      kind: 'damaged',
      problem: `程序设置文件“${file}”已损坏，程序不知道数据文件在哪里。请点“重试”；仍不行时，选择数据文件（通常名为 zwxx.db）所在位置。`,
    };
  }
}

export function writeConfig(file: string, config: { dataFile: string }): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, JSON.stringify(config, null, 2));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
    fsyncPath(dirname(file), true);
  } finally {
    rmSync(tmp, { force: true });
  }
}
