// Every spreadsheet a clerk picks is read apart from the importer, with a heap limit and a time limit, and comes back
// as compact rows. From Node (the command line, the tests, the bridge) it is a child process: a worker's
// resourceLimits bound only its JavaScript heap, while its buffers, zlib and the structured clone of its answer land
// in the caller's own process; a child has its own address space, is killed whole at the time limit even inside
// native code, and gives all its memory back when it exits. Inside the packaged app Electron cannot run itself as
// Node (its RunAsNode fuse is off) and utilityProcess exists only in the main process, while imports run in a worker
// thread; there the reader is a worker thread with resourceLimits — still answering with compact rows only.
import { fork } from 'node:child_process';
import { basename, dirname, resolve } from 'node:path';
import { UserError } from '../db/errors';
import { boundedWorker, workerFileFor } from '../services/worker-thread';
import { expandBook, type Book, type CompactBook } from './book';

/** Within a minute whatever the file; the heap leaves the whole reading process well under 1.5 GB. */
export const PARSE_LIMITS = { heapMb: 1024, seconds: 45 };

/** The bundled entry beside main.cjs / import-worker.cjs in the app; the TypeScript source (through tsx) otherwise. */
export function parseWorkerFile(): string {
  return workerFileFor('parse-worker');
}

type Answer = { ok: true; book: CompactBook } | { ok: false; error: string; user: boolean };

function messagesFor(name: string, limits: { heapMb: number; seconds: number }) {
  return {
    timedOut: `读取“${name}”超过 ${limits.seconds} 秒仍未完成，已中止，数据未改动。文件可能结构异常或过大：请在 WPS 或 Excel 中打开，只保留要导入的工作表，另存为 .xlsx 后再导入。`,
    outOfMemory: `读取“${name}”时超出内存上限（${limits.heapMb} MB），已中止，数据未改动。请删去无关的工作表和内容，或分成几个工作簿导入。`,
    exited: (code: string) => `读取“${name}”的进程意外结束（${code}），数据未改动。请重试；仍不行请在 WPS 或 Excel 中另存为 .xlsx 再导入。`,
  };
}

/** The packaged app's way: a worker thread with resourceLimits, answering with compact rows. */
export function readBookInWorker(file: string, limits: { heapMb: number; seconds: number } = PARSE_LIMITS, workerFile = parseWorkerFile()): Promise<Book> {
  const name = basename(file);
  const messages = messagesFor(name, limits);
  return boundedWorker(
    workerFile,
    { file: resolve(file) },
    limits,
    { timedOut: messages.timedOut, outOfMemory: messages.outOfMemory, failed: (r) => messages.exited(r), exited: (c) => messages.exited(`代码 ${c}`) },
    (m: Answer) => {
      if (m.ok) return expandBook(m.book);
      throw new UserError(m.user ? m.error : `无法读取“${name}”：${m.error}`);
    },
  );
}

export function readBookBounded(
  file: string,
  limits: { heapMb: number; seconds: number } = PARSE_LIMITS,
  childFile = parseWorkerFile(),
): Promise<Book> {
  const name = basename(file);
  const messages = messagesFor(name, limits);
  if (process.versions.electron !== undefined) return readBookInWorker(file, limits, childFile);
  const ts = childFile.endsWith('.ts');
  // the TypeScript source runs through tsx, found from the project folder the source lives in
  const root = ts ? resolve(dirname(childFile), '..', '..') : undefined;
  return new Promise((done, fail) => {
    const child = fork(childFile, [resolve(file)], {
      cwd: root,
      execArgv: [`--max-old-space-size=${limits.heapMb}`, ...(ts ? ['--import', 'tsx'] : [])],
      // in the app process.execPath is Electron itself, which this makes behave as plain Node
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    let settled = false;
    let stderr = '';
    const settle = (f: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      f();
    };
    const timer = setTimeout(() => settle(() => fail(new UserError(messages.timedOut))), limits.seconds * 1000);
    child.stderr!.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString('utf8')).slice(-4000);
    });
    child.on('message', (m: Answer) =>
      settle(() => {
        if (m.ok) done(expandBook(m.book));
        else fail(new UserError(m.user ? m.error : `无法读取“${name}”：${m.error}`));
      }),
    );
    child.on('error', (e) => settle(() => fail(new UserError(messages.exited(e.message)))));
    child.on('exit', (code, signal) =>
      settle(() =>
        fail(
          new UserError(
            /heap out of memory|Reached heap limit|Allocation failed/i.test(stderr) || signal === 'SIGABRT' || code === 134
              ? messages.outOfMemory
              : messages.exited(signal ? `信号 ${signal}` : `代码 ${code}`),
          ),
        ),
      ),
    );
  });
}

