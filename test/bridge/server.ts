// The browser test bridge (docs/架构.md §5, docs/测试.md): the built renderer plus the real services on loopback HTTP, with
// scripted answers to file dialogs. Test and demo only — never the product, never on another address.
//   npm run web -- --db FILE --port N
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { METHOD_NAMES } from '../../shared/ipc/contract';
import type { Db } from '../../electron/db/database';
import { createHandlers, dispatch, type Dialogs } from '../../electron/handlers';
import { closeLedger, startLedger, switchLedger } from '../../electron/services/startup';
import { runImportInWorker } from '../../electron/services/import-worker';

const HERE = fileURLToPath(import.meta.url);
const ROOT = resolve(HERE, '../../..');
const RENDERER = join(ROOT, 'out', 'renderer');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

const CLIENT = `// test bridge: window.api over loopback HTTP, the same shape the preload exposes
(function () {
  var methods = ${JSON.stringify(METHOD_NAMES)};
  var api = {};
  methods.forEach(function (m) {
    var parts = m.split(':');
    api[parts[0]] = api[parts[0]] || {};
    api[parts[0]][parts[1]] = function (args) {
      return fetch('/api/' + encodeURIComponent(m), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args === undefined ? {} : args) })
        .then(function (r) { return r.json(); });
    };
  });
  window.api = api;
})();`;

/** Host must name this port on loopback; Origin, when the browser sends one, must be the bridge itself. */
export function trustedRequest(host: string | undefined, origin: string | undefined, port: number): boolean {
  const own = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!host || !own.includes(host.toLowerCase())) return false;
  return origin === undefined || own.some((h) => origin.toLowerCase() === `http://${h}`);
}

export interface Bridge {
  url: string;
  /** answers the next file dialogs will give, in order (null = the clerk cancelled) */
  answerDialogs: (answers: (string | null)[]) => void;
  db: () => Db | null;
  /** the files 打开所在文件夹 asked to show, in order (the bridge has no desktop shell: it records the call) */
  shown: () => string[];
  close: () => Promise<void>;
}

export async function startBridge(opts: {
  dbFile: string;
  port?: number;
  today?: string;
  /** the file was configured by the clerk: a missing one shows the choice page, as in the desktop app */
  mustExist?: boolean;
  /** remembers the file the choice page or 更改数据文件夹 chose (the desktop app's config.json) */
  setDataFile?: (file: string) => void;
}): Promise<Bridge> {
  if (!existsSync(join(RENDERER, 'index.html'))) throw new Error('界面尚未构建：请先运行 npm run build:renderer');
  // the same start-up as the desktop app: open at once, check in a worker; a damaged ledger opens the recovery screen
  const ledger = startLedger(opts.dbFile, undefined, { mustExist: opts.mustExist });
  const startup = ledger.startup;
  const answers: (string | null)[] = [];
  const next = async (): Promise<string | null> => (answers.length > 0 ? answers.shift()! : null);
  const dialogs: Dialogs = { openFile: next, saveFile: next, chooseFolder: next };
  const shown: string[] = [];
  const handlers = createHandlers({
    db: () => ledger.db!,
    readable: () => ledger.db !== null,
    replaceDb: (d) => (ledger.db = d),
    get dataFile() {
      return ledger.file;
    },
    startup,
    // imports run in a worker thread, as in the desktop app
    runImport: (file, o) => runImportInWorker(ledger.file, file, o),
    switchTo: (file) => switchLedger(ledger, file),
    setDataFile: opts.setDataFile,
    assetsDir: join(ROOT, 'assets'),
    dialogs,
    shell: { showItemInFolder: (file) => void shown.push(file) },
    version: '测试',
    today: opts.today ? () => opts.today! : undefined,
  });
  let port = 0;
  const server: Server = createServer((req, res) => {
    void (async () => {
      // a web page the clerk opens meanwhile could reach a loopback port by DNS rebinding (its own name resolving to
      // 127.0.0.1): only requests addressed to this port on loopback, and only from the bridge's own pages, are served
      if (!trustedRequest(req.headers.host, req.headers.origin, port)) {
        res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('拒绝：测试桥只接受本机地址的请求。');
        return;
      }
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (req.method === 'POST' && url.pathname.startsWith('/api/')) {
        const chunks: Buffer[] = [];
        for await (const c of req) chunks.push(c as Buffer);
        let args: unknown;
        try {
          args = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
        } catch {
          args = undefined;
        }
        const reply = await dispatch(handlers, decodeURIComponent(url.pathname.slice(5)), args);
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(reply));
        return;
      }
      if (url.pathname === '/__bridge.js') {
        res.writeHead(200, { 'content-type': TYPES['.js']! });
        res.end(CLIENT);
        return;
      }
      const path = url.pathname === '/' ? '/index.html' : decodeURIComponent(url.pathname);
      const file = normalize(join(RENDERER, path));
      if (relative(RENDERER, file).startsWith('..') || !existsSync(file)) {
        res.writeHead(404);
        res.end('not found');
        return;
      }
      let body: Buffer | string = readFileSync(file);
      if (path === '/index.html') body = body.toString('utf8').replace('<script', '<script src="./__bridge.js"></script><script');
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    })().catch((e: unknown) => {
      res.writeHead(500);
      res.end(String(e));
    });
  });
  await new Promise<void>((ok) => server.listen(opts.port ?? 0, '127.0.0.1', ok));
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    answerDialogs: (a) => answers.push(...a),
    db: () => ledger.db,
    shown: () => [...shown],
    close: async () => {
      await new Promise<void>((ok) => server.close(() => ok()));
      await ledger.startup.checked;
      closeLedger(ledger);
    },
  };
}

// npm run web -- --db FILE --port N
if (process.argv[1] && resolve(process.argv[1]) === HERE) {
  const arg = (name: string): string | undefined => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const dbFile = arg('db');
  if (!dbFile) {
    console.error('用法：npm run web -- --db 数据文件 [--port 端口]');
    process.exit(2);
  }
  void startBridge({ dbFile, port: Number(arg('port') ?? 5177) }).then((b) => console.log(`测试桥已启动：${b.url}（仅本机可访问；对话框在此模式下一律视为取消）`));
}
