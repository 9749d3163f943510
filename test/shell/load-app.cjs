// Loads a BUILT app (package.json + out/) the way Electron's loader does, in a plain Node process, with a recorder
// standing in for the `electron` module. It is a recorder of calls, never a claim that Electron ran: it shows that
// the bundles load in the module format Electron would pick, what main asks of Electron, that the app:// handler
// serves the renderer, that the sandboxed preload works as a plain script, and that IPC and the worker threads reach
// the real services and a real database. What only Electron's binary can show runs in the release workflow.
//
//   node test/shell/load-app.cjs JOB.json   → writes the record to JOB.out.json
//
// Plain CommonJS on purpose: no TypeScript loader may stand between this and the files under test (a loader such as
// tsx would quietly accept a bundle that Electron refuses).
'use strict';
const Module = require('node:module');
const vm = require('node:vm');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { EventEmitter } = require('node:events');

const job = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const appDir = path.resolve(job.appDir);
const pkg = JSON.parse(fs.readFileSync(path.join(appDir, 'package.json'), 'utf8'));
const mainPath = path.resolve(appDir, pkg.main);

// Electron sets these for every app, packaged or not
process.resourcesPath = path.resolve(job.resourcesPath ?? appDir);
process.versions.electron = process.versions.electron ?? 'stand-in';

const record = {
  mainPath,
  loader: null,
  loadError: null,
  startError: null,
  schemes: null,
  schemesRegisteredBeforeReady: null,
  protocolHandlers: [],
  ipcChannels: [],
  duplicateChannels: [],
  windows: [],
  menu: null,
  errorBoxes: [],
  messageBoxes: [],
  appEvents: [],
  quitCalled: false,
  exitCode: null,
  singleInstanceAsked: false,
  security: {},
  served: [],
  preload: null,
  calls: {},
  shownInFolder: [],
  requireOutsideElectron: [],
};

// ---------------------------------------------------------------- the recorder standing in for `electron`
let ready = false;
let resolveReady;
const whenReady = new Promise((r) => (resolveReady = r));
let resolveLoaded;
// settles when the window has loaded, or when main gave up (app.exit)
const loaded = new Promise((r) => (resolveLoaded = r));
const appListeners = new EventEmitter();
const ipcHandlers = new Map();
const webContentsCreated = [];
const dialogAnswers = [...(job.dialogAnswers ?? [])];
const paths = { userData: job.userData };

const app = {
  isPackaged: job.mode === 'packaged',
  getPath: (name) => paths[name] ?? path.join(job.userData, name),
  setPath: (name, value) => (paths[name] = value),
  getVersion: () => pkg.version,
  getName: () => pkg.productName ?? pkg.name,
  requestSingleInstanceLock: () => {
    record.singleInstanceAsked = true;
    return job.singleInstanceLock !== false;
  },
  quit: () => (record.quitCalled = true),
  exit: (code) => {
    record.exitCode = code;
    resolveLoaded();
  },
  isReady: () => ready,
  whenReady: () => whenReady,
  on: (event, fn) => {
    record.appEvents.push(event);
    if (event === 'web-contents-created') webContentsCreated.push(fn);
    appListeners.on(event, fn);
    return app;
  },
  once: (event, fn) => {
    record.appEvents.push(event);
    appListeners.once(event, fn);
    return app;
  },
};

class WebContents extends EventEmitter {
  send(channel) {
    (record.sentToRenderer ??= []).push(channel);
  }
  // what main asks the page (before closing the window); the page's answers are the job's, in order
  executeJavaScript(code) {
    (record.pageScripts ??= []).push(code);
    return Promise.resolve((job.pageAnswers ??= []).shift());
  }
}

const windowsMade = [];

class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.visible = false;
    this.webContents = new WebContents();
    record.windows.push({ options: JSON.parse(JSON.stringify(options)) });
    windowsMade.push(this);
  }
  // the × of the window: 'close' listeners may hold it back
  close() {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) record.windowsClosed = (record.windowsClosed ?? 0) + 1;
    return prevented;
  }
  async loadURL(url) {
    record.windows[record.windows.length - 1].url = url;
    if (job.failLoad) throw new Error('ERR_FILE_NOT_FOUND (-6) loading ' + url);
    setImmediate(() => {
      this.emit('ready-to-show');
      resolveLoaded();
    });
  }
  show() {
    this.visible = true;
    record.windows[record.windows.length - 1].shown = true;
  }
  isVisible() {
    return this.visible;
  }
  maximize() {}
  isMaximized() {
    return false;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
  getNormalBounds() {
    return { x: 0, y: 0, width: 1366, height: 768 };
  }
}

const session = {
  defaultSession: {
    setPermissionRequestHandler: (fn) => (record.security.permissionRequest = fn),
    setPermissionCheckHandler: (fn) => (record.security.permissionCheck = fn),
    webRequest: { onBeforeRequest: (fn) => (record.security.beforeRequest = fn) },
  },
};

const electron = {
  app,
  BrowserWindow,
  session,
  protocol: {
    registerSchemesAsPrivileged: (schemes) => {
      record.schemes = schemes;
      record.schemesRegisteredBeforeReady = !ready;
    },
    handle: (scheme, handler) => record.protocolHandlers.push({ scheme, handler }),
  },
  net: {
    fetch: () => {
      throw new Error('net.fetch is not expected: the app:// handler reads its files itself');
    },
  },
  ipcMain: {
    handle: (channel, fn) => {
      if (ipcHandlers.has(channel)) record.duplicateChannels.push(channel);
      ipcHandlers.set(channel, fn);
      record.ipcChannels.push(channel);
    },
  },
  dialog: {
    showErrorBox: (title, content) => record.errorBoxes.push({ title, content }),
    showMessageBox: async (_win, options) => {
      record.messageBoxes.push(options);
      return { response: 0 };
    },
    showOpenDialog: async () => {
      const answer = dialogAnswers.shift() ?? null;
      return answer ? { canceled: false, filePaths: [answer] } : { canceled: true, filePaths: [] };
    },
    showSaveDialog: async () => {
      const answer = dialogAnswers.shift() ?? null;
      return answer ? { canceled: false, filePath: answer } : { canceled: true };
    },
  },
  Menu: {
    buildFromTemplate: (template) => ({ template }),
    setApplicationMenu: (menu) => (record.menu = menu.template),
  },
  shell: { openPath: async () => '', showItemInFolder: (file) => record.shownInFolder.push(file) },
  screen: { getPrimaryDisplay: () => ({ workAreaSize: { width: 1920, height: 1040 } }) },
};

// `require('electron')` from the app's bundles gets the recorder; everything else resolves as usual
const realLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  if (request === 'electron') return electron;
  return realLoad.call(this, request, parent, isMain);
};

// ---------------------------------------------------------------- loading main as Electron would
async function loadMain() {
  if (job.mode === 'default_app') {
    // electron . → default_app import()s the entry, whatever its extension
    record.loader = 'import()';
    await import(pathToFileURL(mainPath).href);
  } else {
    // packaged: ESM when the entry is .mjs, or package.json says "type": "module" and the entry is not .cjs
    const esm = mainPath.endsWith('.mjs') || (pkg.type === 'module' && !mainPath.endsWith('.cjs'));
    record.loader = esm ? 'esm' : 'cjs';
    if (esm) await import(pathToFileURL(mainPath).href);
    else Module._load(mainPath, null, true);
  }
}

// ---------------------------------------------------------------- the renderer through the protocol handler
async function serve(handler, url) {
  const response = await handler(new Request(url));
  const body = Buffer.from(await response.arrayBuffer());
  return { url, status: response.status, type: response.headers.get('content-type'), csp: response.headers.get('content-security-policy'), bytes: body.length, body };
}

async function serveRenderer() {
  const entry = record.protocolHandlers.find((p) => p.scheme === 'app');
  if (!entry) return;
  const seen = new Set();
  const queue = [record.windows[0]?.url ?? 'app://zwxx/index.html'];
  while (queue.length > 0) {
    const url = queue.shift();
    if (seen.has(url)) continue;
    seen.add(url);
    const r = await serve(entry.handler, url);
    record.served.push({ url: r.url, status: r.status, type: r.type, csp: r.csp, bytes: r.bytes });
    if (r.status !== 200) continue;
    const text = /text\/(html|css)/.test(r.type ?? '') ? r.body.toString('utf8') : '';
    const refs = [
      ...[...text.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]),
      ...[...text.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)].map((m) => m[1]),
    ];
    for (const ref of refs) {
      if (/^(data:|#|about:)/.test(ref)) continue;
      queue.push(new URL(ref, url).href);
    }
  }
  record.refused = [];
  for (const url of job.refuseUrls ?? []) {
    const r = await serve(entry.handler, url);
    record.refused.push({ url, status: r.status, bytes: r.bytes });
  }
}

// ---------------------------------------------------------------- the security handlers main installed
function probeSecurity() {
  const s = record.security;
  const out = {};
  if (s.permissionRequest) {
    let granted = null;
    s.permissionRequest({}, 'media', (ok) => (granted = ok));
    out.permissionGranted = granted;
  }
  if (s.permissionCheck) out.permissionCheck = s.permissionCheck({}, 'notifications');
  if (s.beforeRequest) {
    out.requests = {};
    for (const url of ['https://example.com/x.js', 'http://127.0.0.1:5177/', 'app://zwxx/index.html', 'file:///etc/passwd']) {
      s.beforeRequest({ url }, (r) => (out.requests[url] = r.cancel ? 'blocked' : 'allowed'));
    }
  }
  out.contentsHandlers = webContentsCreated.length;
  for (const created of webContentsCreated) {
    const contents = new EventEmitter();
    let openHandler = null;
    contents.setWindowOpenHandler = (fn) => (openHandler = fn);
    created({}, contents);
    out.windowOpen = openHandler ? openHandler({ url: 'https://example.com/' }).action : null;
    const navigate = (url) => {
      let prevented = false;
      contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    out.navigationBlocked = { 'https://example.com/': navigate('https://example.com/'), 'app://zwxx/index.html': navigate('app://zwxx/index.html') };
    let webviewPrevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (webviewPrevented = true) }, {}, {});
    out.webviewBlocked = webviewPrevented;
  }
  record.securityProbe = out;
}

// ---------------------------------------------------------------- the window's × twice: 继续修改, then 放弃修改
async function probeClose() {
  // main's answer to 'close' runs on promises: let them all run before reading the record
  const settle = async () => {
    for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r));
  };
  const win = windowsMade[windowsMade.length - 1];
  record.closeProbe = { firstHeldBack: win.close() };
  await settle();
  record.closeProbe.closedAfterStay = record.windowsClosed ?? 0;
  record.closeProbe.secondHeldBack = win.close();
  await settle();
  record.closeProbe.closedAfterLeave = record.windowsClosed ?? 0;
}

// ---------------------------------------------------------------- the preload as a sandboxed renderer runs it
async function runPreload() {
  const preloadPath = record.windows[0]?.options?.webPreferences?.preload;
  if (!preloadPath) return;
  record.preload = { path: preloadPath, exists: fs.existsSync(preloadPath) };
  if (!record.preload.exists) return;
  const exposed = {};
  const rendererSide = {
    contextBridge: { exposeInMainWorld: (key, value) => (exposed[key] = value) },
    ipcRenderer: {
      invoke: async (channel, args) => {
        const handler = ipcHandlers.get(channel);
        if (!handler) throw new Error(`No handler registered for '${channel}'`);
        return handler({ senderFrame: { url: 'app://zwxx/index.html' } }, args);
      },
    },
  };
  // a sandboxed preload's require knows 'electron' (its renderer half) and nothing the app could use to reach Node
  const sandboxRequire = (name) => {
    if (name === 'electron') return rendererSide;
    record.requireOutsideElectron.push(name);
    throw new Error(`module not found: ${name}`);
  };
  const code = fs.readFileSync(preloadPath, 'utf8');
  const wrapper = vm.runInNewContext(`(function (require, process, Buffer, global, setImmediate, clearImmediate, exports, module) {${code}\n})`, {
    console,
    Promise,
    Object,
    Array,
    JSON,
    Error,
    TypeError,
  }, { filename: preloadPath });
  const module = { exports: {} };
  try {
    wrapper(sandboxRequire, { platform: process.platform, versions: {}, env: {} }, undefined, {}, setImmediate, clearImmediate, module.exports, module);
  } catch (e) {
    record.preload.error = String(e && e.stack ? e.stack : e);
    return;
  }
  record.preload.exposed = Object.keys(exposed);
  const api = exposed.api;
  if (!api) return;
  record.preload.namespaces = Object.fromEntries(Object.entries(api).map(([ns, fns]) => [ns, Object.keys(fns).sort()]));
  // a clerk's first minutes, through window.api → ipcRenderer.invoke → ipcMain → the real handlers
  for (const step of job.calls ?? []) {
    const [ns, fn] = step.method.split(':');
    try {
      record.calls[step.as ?? step.method] = await api[ns][fn](step.args ?? {});
    } catch (e) {
      record.calls[step.as ?? step.method] = { thrown: String(e) };
    }
  }
  // a page that is not the app's own is refused before any handler runs
  const infoHandler = ipcHandlers.get('app:info');
  if (infoHandler) record.calls.untrusted = await infoHandler({ senderFrame: { url: 'https://example.com/' } }, {});
}

/** An error nothing catches, thrown the way a bug in main would (job.throwAfterLoad: 'exception' | 'rejection'). */
async function throwUncaught(kind) {
  await new Promise((resolve) => {
    const exit = app.exit;
    app.exit = (code) => {
      exit(code);
      resolve();
    };
    if (kind === 'rejection') void Promise.reject(new Error('模拟的未处理异步错误'));
    else
      setImmediate(() => {
        throw new Error('模拟的未处理错误');
      });
    // a main that ignores it is reported by the missing exit code
    setTimeout(resolve, 10_000).unref();
  });
}

async function main() {
  // job.config: the profile's config.json as the clerk's machine has it (damaged, or naming a missing ledger)
  if (job.config !== undefined) {
    fs.mkdirSync(job.userData, { recursive: true });
    fs.writeFileSync(path.join(job.userData, 'config.json'), job.config);
  }
  try {
    await loadMain();
  } catch (e) {
    record.loadError = String(e && e.stack ? e.stack : e);
    return;
  }
  if (job.singleInstanceLock === false) {
    // the second copy: give it the chance to (wrongly) start, then look at what it set up
    ready = true;
    resolveReady();
    await new Promise((r) => setTimeout(r, 50));
    return;
  }
  ready = true;
  resolveReady();
  // a bound, not a measurement: a main that never loads its window is reported by what is missing from the record
  await Promise.race([loaded, new Promise((r) => setTimeout(r, 60_000))]);
  if (record.exitCode !== null) return;
  record.windows.forEach((w, i) => (w.visible = record.windows[i].shown === true));
  const about = record.menu?.flatMap((m) => m.submenu ?? []).find((item) => item.label === '关于');
  if (about?.click) about.click();
  probeSecurity();
  await serveRenderer();
  await runPreload();
  if (job.closeProbe) await probeClose();
  if (job.throwAfterLoad) await throwUncaught(job.throwAfterLoad);
}

main()
  .catch((e) => (record.startError = String(e && e.stack ? e.stack : e)))
  .finally(() => {
    fs.writeFileSync(process.argv[2].replace(/\.json$/, '.out.json'), JSON.stringify(record, (k, v) => (typeof v === 'function' ? '[function]' : v), 2));
    // the app's will-quit closes the ledger, as Electron would on exit
    appListeners.emit('will-quit');
    process.exit(0);
  });
