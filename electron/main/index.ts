// The Electron main process: thin. It opens the ledger, installs security, serves the renderer and answers IPC
// through the same handler table the test bridge uses. All behaviour lives in the services.
//
// Start-up order (what the clerk sees first): the ledger opens with only its migrations checked, the window comes up,
// and the whole-file integrity check runs right after in a worker thread; every writing method waits for it, and a
// failure switches the window to the recovery screen. Any failure before the window is up shows a Chinese dialog and
// is written to 启动日志.log in the data folder.
import { app, BrowserWindow, dialog, ipcMain, shell } from 'electron';
import { appendFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BEFORE_CLOSE, METHOD_NAMES, READ_METHODS } from '../../shared/ipc/contract';
import { messageOf, UserError } from '../db/errors';
import { readConfig, writeConfig } from '../services/app-config';
import { runImportInWorker } from '../services/import-worker';
import { blockedLedger, closeLedger, startLedger, switchLedger, type OpenLedger } from '../services/startup';
import { dailyBackup } from '../services/auto-backup';
import { createHandlers, dispatch, type Dialogs } from '../handlers';
import { guardClose } from './close-guard';
import { installMenu } from './menu';
import { registerSchemes, serveRenderer } from './protocol';
import { APP_ORIGIN, installSecurity, isTrustedSender } from './security';
import { loadWindowState, trackWindowState } from './window-state';

// ZWXX_USER_DATA: a separate profile (the Electron e2e tests use a fresh one each run)
if (process.env.ZWXX_USER_DATA) app.setPath('userData', process.env.ZWXX_USER_DATA);
const root = app.isPackaged ? process.resourcesPath : join(__dirname, '..', '..');
const rendererDir = join(__dirname, '..', 'renderer');
const userData = app.getPath('userData');
const configFile = join(userData, 'config.json');

const defaultDataFile = join(userData, 'data', 'zwxx.db');

/**
 * The data folder may be moved; config.json beside the profile remembers where. No config: the default file (first
 * run). A configured file must exist, and an unreadable config is reported: either way the clerk sees the choice
 * page (retry, choose the file, new ledger), never an empty ledger opened in its place.
 */
function openConfiguredLedger(): OpenLedger {
  const config = readConfig(configFile);
  if (config.kind === 'damaged') return blockedLedger(defaultDataFile, config.problem);
  if (config.kind === 'none') mkdirSync(dirname(defaultDataFile), { recursive: true });
  return startLedger(config.kind === 'ok' ? config.dataFile : defaultDataFile, undefined, { mustExist: config.kind === 'ok' });
}

/** A new start of the ledger's life (the choice page's 重试), into the state object the handlers hold. */
function reopen(into: OpenLedger): Promise<void> {
  closeLedger(into);
  const fresh = openConfiguredLedger();
  const follow = (): void => {
    into.file = fresh.file;
    into.db = fresh.db;
    into.startup.failure = fresh.startup.failure;
    into.startup.notice = fresh.startup.notice;
  };
  follow();
  into.startup.checked = fresh.startup.checked.then(follow);
  return into.startup.checked;
}

let ledger: OpenLedger | null = null;
let win: BrowserWindow | null = null;
let logFile = join(userData, '启动日志.log');

function log(line: string): void {
  try {
    mkdirSync(dirname(logFile), { recursive: true });
    appendFileSync(logFile, `${new Date().toISOString()} ${line}\n`);
  } catch {
    // a read-only profile must not turn a logged problem into a crash
  }
}

/** What is known about the ledger when the app must stop: untouched unless a connection that writes was open. */
function ledgerState(): string {
  if (!ledger?.db || ledger.db.readonly) return '数据文件没有被改动。';
  if (writesCalled === 0) return '本次运行没有写入任何数据。';
  return '已保存的数据都在数据文件中（每次保存都是完整的一步，未完成的一步不会留下半截）。';
}

/** What the clerk can do about a start-up failure, in one dialog. */
function failedToStart(e: unknown): void {
  const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
  log(`启动失败：${detail}`);
  const nativeMismatch = /NODE_MODULE_VERSION|different Node\.js version|better_sqlite3\.node|GLIBC/i.test(detail);
  const advice = nativeMismatch
    ? '程序的数据库组件与本机系统或程序版本不符。请重新安装本程序；在统信 UOS、银河麒麟上请使用 deb 安装包。'
    : '请关闭程序后重新打开；仍不能启动时，请重启电脑再试。';
  dialog.showErrorBox(
    '政务信息计分通报无法启动',
    `${messageOf(e)}\n\n${advice}\n${ledgerState()}如需技术人员协助，请把日志文件发给他们：\n${logFile}`,
  );
  app.exit(1);
}

let stopping = false;
/** methods that write, called in this run: until one is, a failure can say no data was written */
let writesCalled = 0;

/**
 * An error nothing caught (or a promise nobody awaited) in the main process: the app is in an unknown state, so it
 * says so in Chinese, writes the log, closes the ledger (every write is one transaction, so nothing is half-saved)
 * and exits, rather than leave a half-working window.
 */
function crashed(kind: string, e: unknown): void {
  const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
  log(`${kind}：${detail}`);
  if (stopping) return;
  stopping = true;
  try {
    dialog.showErrorBox(
      '政务信息计分通报出错，需要关闭',
      `程序遇到了未预料的错误，为保护数据将关闭。${ledgerState()}\n请重新打开程序，检查最后一次操作是否已保存。如需技术人员协助，请把日志文件发给他们：\n${logFile}`,
    );
  } finally {
    try {
      if (ledger) closeLedger(ledger);
    } catch (closeError) {
      log(`关闭数据文件时出错：${String(closeError)}`);
    }
    app.exit(1);
  }
}

function dialogs(): Dialogs {
  return {
    openFile: async (o) => {
      const r = await dialog.showOpenDialog(win!, { title: o.title, filters: o.filters, properties: ['openFile'] });
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    saveFile: async (o) => {
      const r = await dialog.showSaveDialog(win!, { title: o.title, defaultPath: o.defaultName, filters: o.filters });
      return r.canceled ? null : (r.filePath ?? null);
    },
    chooseFolder: async (o) => {
      const r = await dialog.showOpenDialog(win!, { title: o.title, properties: ['openDirectory', 'createDirectory'] });
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
  };
}

function showAbout(dataFile: string): void {
  void dialog.showMessageBox(win!, {
    type: 'info',
    title: '关于',
    message: `政务信息计分通报 ${app.getVersion()}`,
    detail: `区政府办公室信息科的离线工具，数据只保存在本机。\n\n数据文件：${dataFile}\n运行环境：Electron ${process.versions.electron}`,
    buttons: ['确定'],
  });
}

async function start(): Promise<void> {
  installSecurity();
  serveRenderer(rendererDir);
  // checked read-only first; the connection that writes opens only after the check (or the clerk's choice)
  const opened = openConfiguredLedger();
  ledger = opened;
  // the log goes beside the ledger, but never creates the folder of a missing one (an unplugged drive)
  if (!opened.startup.failure) logFile = join(dirname(opened.file), '启动日志.log');
  const afterCheck = (): void => {
    void opened.startup.checked.then(() => {
      if (opened.startup.failure) return log(`数据文件未打开：${opened.startup.failure.problem}${opened.startup.failure.details.join('；')}`);
      // the first start of each day takes an automatic backup (kept 7 daily, 4 weekly, 12 monthly)
      if (opened.db) return dailyBackup(opened.db, opened.file).catch((e: unknown) => dialog.showErrorBox('自动备份失败', messageOf(e)));
    });
  };
  afterCheck();
  const handlers = createHandlers({
    db: () => {
      if (!opened.db) throw new UserError('数据文件未打开。');
      return opened.db;
    },
    readable: () => opened.db !== null,
    startup: opened.startup,
    // the import worker opens whichever file is in use at the time of the call
    runImport: (file, o) => runImportInWorker(opened.file, file, o),
    replaceDb: (next) => (opened.db = next),
    get dataFile() {
      return opened.file;
    },
    assetsDir: join(root, 'assets'),
    dialogs: dialogs(),
    version: app.getVersion(),
    setDataFile: (file) => writeConfig(configFile, { dataFile: file }),
    switchTo: (file) => {
      switchLedger(opened, file);
      logFile = join(dirname(opened.file), '启动日志.log');
    },
    retryOpen: async () => {
      await reopen(opened);
      afterCheck();
    },
    shell: { showItemInFolder: (file) => shell.showItemInFolder(file) },
  });
  for (const method of METHOD_NAMES) {
    ipcMain.handle(method, (event, args: unknown) => {
      if (!isTrustedSender(event.senderFrame?.url)) return { ok: false, error: '拒绝：请求不是来自本程序的页面。' };
      if (!READ_METHODS.has(method)) writesCalled++;
      return dispatch(handlers, method, args);
    });
  }
  const state = loadWindowState(join(userData, 'window.json'));
  win = new BrowserWindow({
    width: state.width,
    height: state.height,
    x: state.x,
    y: state.y,
    minWidth: 1024,
    minHeight: 640,
    title: '政务信息计分通报',
    show: false,
    icon: existsSync(join(root, 'assets', 'icon.png')) ? join(root, 'assets', 'icon.png') : undefined,
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  if (state.maximized) win.maximize();
  // unsaved edits in the page (a rule set being changed …) are asked about before the window closes
  const page = win.webContents;
  win.on(
    'close',
    guardClose(
      {
        unsaved: async () => (await page.executeJavaScript(`Boolean(window.${BEFORE_CLOSE.unsaved}?.())`)) === true,
        ask: async () => (await page.executeJavaScript(`window.${BEFORE_CLOSE.ask} ? window.${BEFORE_CLOSE.ask}() : true`, true)) !== false,
      },
      () => win?.close(),
      (ms) => new Promise((r) => setTimeout(r, ms)),
    ),
  );
  trackWindowState(win, join(userData, 'window.json'));
  installMenu(win, dirname(opened.file), () => showAbout(opened.file));
  win.once('ready-to-show', () => win?.show());
  win.webContents.on('render-process-gone', (_e, d) => log(`界面进程结束：${d.reason}`));
  await win.loadURL(`${APP_ORIGIN}/index.html`);
  // a page that loaded but never painted would leave an invisible window: show it anyway
  if (!win.isVisible()) win.show();
}

// A second copy of the program only brings the first one's window forward; it sets up nothing of its own.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerSchemes();
  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    if (ledger) closeLedger(ledger);
  });
  process.on('uncaughtException', (e) => crashed('未处理的错误', e));
  process.on('unhandledRejection', (e) => crashed('未处理的异步错误', e));
  app.whenReady().then(start).catch(failedToStart);
}
