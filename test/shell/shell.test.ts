// The desktop shell as the user gets it: the BUILT bundles (out/electron, out/renderer) loaded the way Electron's
// loader loads them, in a plain Node child with a recorder standing in for the `electron` module (load-app.cjs).
// The recorder only records calls — it is not Electron and proves nothing about Electron's binary. What it does prove:
// the module format Electron would pick works, main sets up what it must (privileged scheme before ready, every
// contract method handled once, hardened window, CSP, navigation/window-open/permission handlers), app:// serves the
// renderer with the right types and refuses traversal, the sandboxed preload runs as a plain script and its
// window.api reaches the real handlers, and the built worker threads import into and check a real database.
// The same test runs in the release workflow against the packaged app (ZWXX_SMOKE_APP_DIR = the extracted asar).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../shared/ipc/contract';
import { tempDir } from '../helpers/cli';
import { writeWorkbook } from '../helpers/workbooks';
import { GLIBC_LIMIT, compareVersions, glibcNeeds, nodeAddonKind } from './native';

const ROOT = resolve(__dirname, '../..');
const APP = process.env.ZWXX_SMOKE_APP_DIR ? resolve(process.env.ZWXX_SMOKE_APP_DIR) : ROOT;
const PACKAGED = Boolean(process.env.ZWXX_SMOKE_APP_DIR);
const pkg = JSON.parse(readFileSync(join(APP, 'package.json'), 'utf8')) as { main: string; type?: string };
const rootPkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
  dependencies: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  homepage?: string;
};

interface Served {
  url: string;
  status: number;
  type: string | null;
  csp: string | null;
  bytes: number;
}
interface Record_ {
  loader: string;
  loadError: string | null;
  startError: string | null;
  closeProbe?: { firstHeldBack: boolean; closedAfterStay: number; secondHeldBack: boolean; closedAfterLeave: number };
  pageScripts?: string[];
  schemes: { scheme: string; privileges: Record<string, boolean> }[] | null;
  schemesRegisteredBeforeReady: boolean | null;
  protocolHandlers: { scheme: string }[];
  ipcChannels: string[];
  duplicateChannels: string[];
  windows: { options: { webPreferences: Record<string, unknown>; show: boolean }; url?: string; shown?: boolean }[];
  menu: { label: string; submenu?: { label: string }[] }[] | null;
  errorBoxes: { title: string; content: string }[];
  messageBoxes: { title: string; message: string }[];
  quitCalled: boolean;
  exitCode: number | null;
  securityProbe: {
    permissionGranted: boolean | null;
    permissionCheck: boolean;
    requests: Record<string, string>;
    contentsHandlers: number;
    windowOpen: string | null;
    navigationBlocked: Record<string, boolean>;
    webviewBlocked: boolean;
  };
  served: Served[];
  refused: { url: string; status: number; bytes: number }[];
  preload: { path: string; exists: boolean; error?: string; exposed?: string[]; namespaces?: Record<string, string[]> } | null;
  requireOutsideElectron: string[];
  calls: Record<string, { ok: boolean; value?: unknown; error?: string }>;
  shownInFolder: string[];
}

function loadApp(mode: 'default_app' | 'packaged', extra: Record<string, unknown> = {}): { record: Record_; userData: string } {
  const work = tempDir();
  const userData = join(work, 'profile');
  mkdirSync(userData, { recursive: true });
  const jobFile = join(work, 'job.json');
  writeFileSync(
    jobFile,
    JSON.stringify({ appDir: APP, mode, userData, resourcesPath: PACKAGED ? resolve(APP, '..') : APP, ...extra }),
  );
  // a clean environment: no TypeScript loader, no test runner's hooks, just Node as Electron's Node would be
  const run = spawnSync(process.execPath, [join(__dirname, 'load-app.cjs'), jobFile], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: work, TZ: 'Asia/Shanghai' },
    timeout: 120_000,
  });
  const out = jobFile.replace(/\.json$/, '.out.json');
  if (!existsSync(out)) throw new Error(`load-app.cjs wrote no record (exit ${run.status}): ${run.stderr}`);
  return { record: JSON.parse(readFileSync(out, 'utf8')) as Record_, userData };
}

describe('the built desktop shell, loaded as Electron loads it', () => {
  let workbook: string;
  beforeAll(async () => {
    if (!PACKAGED && !(existsSync(join(ROOT, 'out/electron', 'main.cjs')) && existsSync(join(ROOT, 'out/renderer/index.html'))))
      execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
    workbook = join(tempDir(), '台账.xlsx');
    await writeWorkbook(workbook, [
      { name: '单位', headers: ['单位名称', '类别'], rows: [['凤城街道', '镇街'], ['区财政局', '第一数量级']] },
      {
        name: '信息',
        headers: ['编号', '报送单位', '报送日期', '标题'],
        rows: [
          ['X2019-90001', '凤城街道', '2019-04-03', '凤城街道召开防汛工作部署会'],
          ['X2019-90002', '区财政局', '2019-04-09', '区财政局推进预算绩效管理'],
        ],
      },
    ]);
  });

  it('closing the window asks the page first: 继续修改 keeps it open, 放弃修改 closes it', () => {
    // the page answers: unsaved edits, 继续修改; then unsaved edits, 放弃修改
    const { record } = loadApp('packaged', { closeProbe: true, pageAnswers: [true, false, true, true] });
    expect(record.startError).toBeNull();
    expect(record.closeProbe).toEqual({ firstHeldBack: true, closedAfterStay: 0, secondHeldBack: true, closedAfterLeave: 1 });
    expect(record.pageScripts).toHaveLength(4);
    expect(record.pageScripts!.filter((c) => c.includes('zwxxUnsaved'))).toHaveLength(2);
    expect(record.pageScripts!.filter((c) => c.includes('zwxxAskLeave'))).toHaveLength(2);
  });

  // a packaged tree is only ever started as a packaged app; `electron .` (default_app) is the development start
  it.each(PACKAGED ? (['packaged'] as const) : (['default_app', 'packaged'] as const))('%s: main loads, sets up the window and answers through the preload', (mode) => {
    const backup = join(tempDir(), '备份.db');
    const { record } = loadApp(mode, {
      dialogAnswers: [workbook, backup],
      refuseUrls: [
        'app://zwxx/../../package.json',
        'app://zwxx/..%2f..%2fpackage.json',
        'app://zwxx/%2e%2e/%2e%2e/out/electron/main.cjs',
        'app://zwxx/..%5c..%5cpackage.json',
        'app://other/index.html',
        'app://zwxx/no-such-file.js',
      ],
      calls: [
        { method: 'app:startup' },
        { method: 'app:startupCheck' },
        { method: 'units:importSample', as: 'sample' },
        { method: 'data:import', args: { dryRun: true }, as: 'dryRun' },
        { method: 'data:import', args: { dryRun: false, file: workbook }, as: 'import' },
        { method: 'items:list', args: { offset: 0, limit: 50 } },
        { method: 'app:info' },
        { method: 'units:save', args: { name: 'x' }, as: 'badArgs' },
        // 打开所在文件夹 reaches Electron's shell for a file main just wrote, and only for such a file
        { method: 'app:showInFolder', args: { file: backup }, as: 'notYetWritten' },
        { method: 'backup:create' },
        { method: 'app:showInFolder', args: { file: backup }, as: 'shown' },
      ],
    });
    // the module format Electron would pick must load the bundle
    expect(record.loadError).toBeNull();
    expect(record.startError).toBeNull();
    expect(record.loader).toBe(mode === 'default_app' ? 'import()' : 'cjs');
    expect(record.errorBoxes).toEqual([]);

    // privileged scheme before ready; one app:// handler
    expect(record.schemesRegisteredBeforeReady).toBe(true);
    expect(record.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(record.protocolHandlers.map((p) => p.scheme)).toEqual(['app']);

    // every contract method handled exactly once, nothing else on IPC
    expect(record.duplicateChannels).toEqual([]);
    expect([...record.ipcChannels].sort()).toEqual([...METHOD_NAMES].sort());

    // one hardened window, shown once loaded
    expect(record.windows).toHaveLength(1);
    const w = record.windows[0]!;
    expect(w.url).toBe('app://zwxx/index.html');
    expect(w.shown).toBe(true);
    expect(w.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(w.options.webPreferences.preload).toMatch(/preload\.cjs$/);

    // navigation, new windows, webviews, permissions and the network are refused
    const s = record.securityProbe;
    expect(s.permissionGranted).toBe(false);
    expect(s.permissionCheck).toBe(false);
    expect(s.contentsHandlers).toBe(1);
    expect(s.windowOpen).toBe('deny');
    expect(s.navigationBlocked).toEqual({ 'https://example.com/': true, 'app://zwxx/index.html': false });
    expect(s.webviewBlocked).toBe(true);
    expect(s.requests).toEqual({
      'https://example.com/x.js': 'blocked',
      'http://127.0.0.1:5177/': 'blocked',
      'app://zwxx/index.html': 'allowed',
      'file:///etc/passwd': 'blocked',
    });

    // 关于 in the menu answers (it used to send a message nothing handled)
    expect(record.messageBoxes.map((m) => m.title)).toEqual(['关于']);

    // index.html and every script, style and font it references, with the right types; the page carries its CSP
    const byType = (re: RegExp) => record.served.filter((x) => re.test(x.url));
    expect(record.served.every((x) => x.status === 200 && x.bytes > 0)).toBe(true);
    const html = byType(/index\.html$/);
    expect(html).toHaveLength(1);
    expect(html[0]!.type).toBe('text/html; charset=utf-8');
    expect(html[0]!.csp).toContain("default-src 'self'");
    expect(byType(/\.js$/).length).toBeGreaterThan(0);
    expect(byType(/\.js$/).every((x) => x.type === 'text/javascript; charset=utf-8')).toBe(true);
    expect(byType(/\.css$/).every((x) => x.type === 'text/css; charset=utf-8')).toBe(true);
    expect(byType(/\.woff2$/).every((x) => x.type === 'font/woff2')).toBe(true);
    const built = readdirSync(join(APP, 'out/renderer/assets')).filter((f) => /\.(js|css)$/.test(f));
    for (const f of built.filter((f) => f.startsWith('index'))) expect(record.served.map((x) => x.url)).toContain(`app://zwxx/assets/${f}`);
    // traversal, other hosts and missing files: refused, nothing served
    expect(record.refused.map((r) => [r.status, r.bytes > 20])).toEqual(record.refused.map(() => [404, false]));

    // the preload as a sandboxed renderer runs it: a plain script that requires nothing but 'electron'
    expect(record.preload?.error).toBeUndefined();
    expect(record.requireOutsideElectron).toEqual([]);
    expect(record.preload?.exposed).toEqual(['api']);
    const exposedMethods = Object.entries(record.preload!.namespaces!).flatMap(([ns, fns]) => fns.map((f) => `${ns}:${f}`));
    expect(exposedMethods.sort()).toEqual([...METHOD_NAMES].sort());

    // window.api → IPC → the real handlers → a real database; the built check and import workers ran
    const c = record.calls;
    expect(c['app:startup']).toMatchObject({ ok: true, value: { ok: true } });
    expect(c['app:startupCheck']).toEqual({ ok: true, value: expect.objectContaining({ ok: true, checking: false }) });
    expect(c.sample).toMatchObject({ ok: true });
    expect(c.dryRun).toMatchObject({ ok: true, value: { dryRun: true, applied: false, problems: [] } });
    expect(c.import).toMatchObject({ ok: true, value: { dryRun: false, applied: true, problems: [] } });
    const items = c['items:list'] as { ok: true; value: { rows: { title: string }[] } };
    expect(items).toMatchObject({ ok: true });
    expect(items.value.rows.map((r) => r.title).sort()).toEqual(['凤城街道召开防汛工作部署会', '区财政局推进预算绩效管理']);
    expect(c['app:info']).toMatchObject({ ok: true, value: { items: 2 } });
    expect(c.badArgs).toMatchObject({ ok: false, error: expect.stringMatching(/参数有误/) });
    expect(c.untrusted).toMatchObject({ ok: false, error: expect.stringMatching(/拒绝/) });
    expect(c.notYetWritten).toMatchObject({ ok: false, error: expect.stringMatching(/只能打开本程序刚刚保存的文件/) });
    expect(c['backup:create']).toEqual({ ok: true, value: { file: backup } });
    expect(c.shown).toEqual({ ok: true, value: null });
    expect(record.shownInFolder).toEqual([backup]);
  });

  it('a second copy of the program sets up nothing and quits', () => {
    const { record } = loadApp('packaged', { singleInstanceLock: false });
    expect(record.loadError).toBeNull();
    expect(record.quitCalled).toBe(true);
    expect(record.ipcChannels).toEqual([]);
    expect(record.protocolHandlers).toEqual([]);
    expect(record.windows).toEqual([]);
    expect(record.schemes).toBeNull();
  });

  it('a damaged config.json shows the choice page; nothing opens another ledger in its place', () => {
    const { record, userData } = loadApp('packaged', {
      config: '{"dataFile": "/media/usb/zw',
      calls: [{ method: 'app:startup' }, { method: 'app:info', as: 'info' }, { method: 'items:list', args: { offset: 0, limit: 5 }, as: 'items' }],
    });
    expect(record.startError).toBeNull();
    expect(record.errorBoxes).toEqual([]);
    const view = record.calls['app:startup']!;
    expect(view).toMatchObject({ ok: true, value: { ok: false, kind: 'config' } });
    expect(JSON.stringify(view)).toContain('程序设置文件');
    // the pages refuse until the clerk chose; no default ledger was created
    expect(record.calls['info']!.ok).toBe(false);
    expect(record.calls['items']!.ok).toBe(false);
    expect(existsSync(join(userData, 'data', 'zwxx.db'))).toBe(false);
    // the damaged config is left for the clerk or a technician to look at
    expect(readFileSync(join(userData, 'config.json'), 'utf8')).toBe('{"dataFile": "/media/usb/zw');
  });

  it('a configured ledger that is missing shows the choice page, and choosing the file opens it', () => {
    const work = tempDir();
    const missing = join(work, 'U盘', 'zwxx.db');
    const { record } = loadApp('packaged', {
      config: JSON.stringify({ dataFile: missing }),
      calls: [{ method: 'app:startup' }, { method: 'app:info', as: 'info' }, { method: 'app:retryOpen', as: 'retry' }],
    });
    expect(record.startError).toBeNull();
    expect(record.calls['app:startup']).toMatchObject({ ok: true, value: { ok: false, kind: 'missing', dataFile: missing } });
    expect(record.calls['info']!.ok).toBe(false);
    expect(record.calls['retry']).toMatchObject({ ok: true, value: { ok: false, kind: 'missing' } });
    // never created anew where the drive used to be
    expect(existsSync(join(work, 'U盘'))).toBe(false);
  });

  it.each(['exception', 'rejection'] as const)('an uncaught %s in main shows a Chinese dialog, writes the log and exits', (kind) => {
    const { record, userData } = loadApp('packaged', { throwAfterLoad: kind, calls: [{ method: 'app:startupCheck' }] });
    expect(record.startError).toBeNull();
    expect(record.errorBoxes).toHaveLength(1);
    expect(record.errorBoxes[0]!.title).toBe('政务信息计分通报出错，需要关闭');
    expect(record.errorBoxes[0]!.content).toMatch(/为保护数据将关闭/);
    expect(record.exitCode).toBe(1);
    const log = readFileSync(join(userData, 'data', '启动日志.log'), 'utf8');
    expect(log).toContain(kind === 'exception' ? '模拟的未处理错误' : '模拟的未处理异步错误');
  });

  it('a start-up failure shows a Chinese dialog and writes the log into the data folder', () => {
    const { record, userData } = loadApp('packaged', { failLoad: true });
    expect(record.loadError).toBeNull();
    expect(record.errorBoxes).toHaveLength(1);
    expect(record.errorBoxes[0]!.title).toBe('政务信息计分通报无法启动');
    // no clerk's write ran before the failure, and the dialog says only that
    expect(record.errorBoxes[0]!.content).toMatch(/数据文件没有被改动|本次运行没有写入任何数据/);
    expect(record.errorBoxes[0]!.content).not.toContain('数据未被修改');
    const log = join(userData, 'data', '启动日志.log');
    expect(record.errorBoxes[0]!.content).toContain(log);
    expect(readFileSync(log, 'utf8')).toMatch(/启动失败：.*ERR_FILE_NOT_FOUND/);
    expect(record.exitCode).toBe(1);
  });
});

describe('what the installers carry', () => {
  it('package.json: main is CommonJS by its extension, electron is a devDependency, the deb has a homepage', () => {
    const main = pkg.main;
    const esmByRule = main.endsWith('.mjs') || (pkg.type === 'module' && !main.endsWith('.cjs'));
    expect(esmByRule).toBe(false);
    expect(rootPkg.devDependencies.electron).toMatch(/^\d+\.\d+\.\d+$/);
    expect(rootPkg.dependencies.electron).toBeUndefined();
    expect(rootPkg.optionalDependencies?.electron).toBeUndefined();
    expect(rootPkg.homepage).toMatch(/^https?:\/\//);
  });

  it('every native addon the app ships loads in the chosen Electron and on UOS 20 / Kylin V10', () => {
    const modules = join(APP, PACKAGED ? '..' : '.', PACKAGED ? 'app.asar.unpacked/node_modules' : 'node_modules');
    const electronMajor = Number(rootPkg.devDependencies.electron!.split('.')[0]);
    const shipped = findAddons(join(modules, 'better-sqlite3')).filter((f) => !PACKAGED || !/test_extension/.test(f));
    expect(shipped.length).toBeGreaterThan(0);
    const report: string[] = [];
    for (const file of shipped) {
      const kind = nodeAddonKind(readFileSync(file));
      // a Node-API addon is ABI-stable: the same file loads in Node and in any Electron; a V8-ABI addon must match
      expect(kind.napi || kind.abi === electronAbi(electronMajor), `${relative(APP, file)}：${JSON.stringify(kind)}`).toBe(true);
      if (/linux|\.so|better_sqlite3\.node$/.test(file) && readFileSync(file).subarray(0, 4).toString('latin1') === '\x7fELF') {
        const needs = glibcNeeds(file);
        report.push(`${relative(APP, file)}: GLIBC_${needs.glibc} GLIBCXX_${needs.glibcxx}`);
        // the release workflow sets ZWXX_GLIBC_GATE=1 on the addons it packs (built against glibc 2.28); here the
        // addon is the registry's build, so the figures are reported, not enforced
        if (process.env.ZWXX_GLIBC_GATE === '1') {
          expect(compareVersions(needs.glibc, GLIBC_LIMIT.glibc), `${file} needs GLIBC_${needs.glibc}`).toBeLessThanOrEqual(0);
          expect(compareVersions(needs.glibcxx, GLIBC_LIMIT.glibcxx), `${file} needs GLIBCXX_${needs.glibcxx}`).toBeLessThanOrEqual(0);
        }
      }
    }
    if (PACKAGED) expect(shipped.some((f) => /test_extension/.test(f))).toBe(false);
    console.log(`原生模块（UOS 20 上限 GLIBC_2.28 / GLIBCXX_3.4.25）：\n  ${report.join('\n  ')}`);
  });

  it('the lock names every platform package its optional dependencies name (npm ci on Windows and Linux)', () => {
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { optionalDependencies?: Record<string, string>; version?: string }>;
    };
    const locked = new Set(Object.keys(lock.packages).map((k) => k.replace(/^.*node_modules\//, '')));
    const missing: string[] = [];
    for (const [where, p] of Object.entries(lock.packages))
      for (const dep of Object.keys(p.optionalDependencies ?? {})) if (!locked.has(dep)) missing.push(`${dep}（${where || '本项目'}）`);
    expect(missing).toEqual([]);
    for (const platformPackage of ['@rollup/rollup-win32-x64-msvc', '@rollup/rollup-linux-x64-gnu', '@rollup/rollup-linux-arm64-gnu', '@esbuild/win32-x64'])
      expect(locked.has(platformPackage), platformPackage).toBe(true);
  });
});

function findAddons(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...findAddons(p));
    else if (e.name.endsWith('.node')) out.push(p);
  }
  return out;
}

/** Electron's Node ABI by major version (node-abi's registry, which electron-builder itself uses). */
function electronAbi(major: number): number | null {
  const registry = JSON.parse(readFileSync(join(dirname(require.resolve('node-abi/package.json')), 'abi_registry.json'), 'utf8')) as {
    runtime: string;
    target: string;
    abi: string;
  }[];
  const hit = registry.find((r) => r.runtime === 'electron' && Number(r.target.split('.')[0]) === major);
  return hit ? Number(hit.abi) : null;
}
