// The Electron main process: thin. It opens the ledger, installs security, serves the renderer and answers IPC
// through the same handler table the test bridge uses. All behaviour lives in the services.
//
// Start-up order (what the clerk sees first): the ledger opens with only its migrations checked, the window comes up,
// and the whole-file integrity check runs right after in a worker thread; every writing method waits for it, and a
// failure switches the window to the recovery screen. Any failure before the window is up shows a Chinese dialog and
// is written to 启动日志.log in the data folder.
import { app, BrowserWindow, dialog, ipcMain, shell } from 'electron';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { METHOD_NAMES } from '../../shared/ipc/contract';
import { closeDatabase } from '../db/database';
import { messageOf, UserError } from '../db/errors';
import { runImportInWorker } from '../services/import-worker';
import { startLedger, type OpenLedger } from '../services/startup';
import { dailyBackup } from '../services/auto-backup';
import { createHandlers, dispatch, type Dialogs } from '../handlers';
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

/** The data folder may be moved in settings; config.json beside the profile remembers where. */
function dataFileFromConfig(): string {
  try {
    const c = JSON.parse(readFileSync(configFile, 'utf8')) as { dataFile?: string };
    if (c.dataFile) return c.dataFile;
  } catch {
    // first run
  }
  return join(userData, 'data', 'zwxx.db');
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
    `${messageOf(e)}\n\n${advice}\n数据文件没有被改动。如需技术人员协助，请把日志文件发给他们：\n${logFile}`,
  );
  app.exit(1);
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
  const dataFile = dataFileFromConfig();
  mkdirSync(dirname(dataFile), { recursive: true });
  logFile = join(dirname(dataFile), '启动日志.log');
  // opens at once (migrations only); the whole-file check follows in a worker, writes wait for it
  const opened = startLedger(dataFile);
  ledger = opened;
  void opened.startup.checked.then(() => {
    if (opened.startup.failure) return log(`数据文件检查未通过：${opened.startup.failure.details.join('；')}`);
    // the first start of each day takes an automatic backup (kept 7 daily, 4 weekly, 12 monthly)
    if (opened.db) return dailyBackup(opened.db, dataFile).catch((e: unknown) => dialog.showErrorBox('自动备份失败', messageOf(e)));
  });
  const handlers = createHandlers({
    db: () => {
      if (!opened.db) throw new UserError('数据文件未打开。');
      return opened.db;
    },
    startup: opened.startup,
    runImport: (file, o) => runImportInWorker(dataFile, file, o),
    replaceDb: (next) => (opened.db = next),
    dataFile,
    assetsDir: join(root, 'assets'),
    dialogs: dialogs(),
    version: app.getVersion(),
    setDataFile: (file) => writeFileSync(configFile, JSON.stringify({ dataFile: file }, null, 2)),
    shell: { showItemInFolder: (file) => shell.showItemInFolder(file) },
  });
  for (const method of METHOD_NAMES) {
    ipcMain.handle(method, (event, args: unknown) => {
      if (!isTrustedSender(event.senderFrame?.url)) return { ok: false, error: '拒绝：请求不是来自本程序的页面。' };
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
  trackWindowState(win, join(userData, 'window.json'));
  installMenu(win, dirname(dataFile), () => showAbout(dataFile));
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
    if (ledger?.db) closeDatabase(ledger.db);
  });
  process.on('uncaughtException', (e) => log(`未处理的错误：${e.stack ?? e.message}`));
  app.whenReady().then(start).catch(failedToStart);
}
