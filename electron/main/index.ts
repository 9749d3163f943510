// The Electron main process: thin. It opens the ledger, installs security, serves the renderer and answers IPC
// through the same handler table the test bridge uses. All behaviour lives in the services.
import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { METHOD_NAMES } from '../../shared/ipc/contract';
import { closeDatabase, type Db } from '../db/database';
import { messageOf, UserError } from '../db/errors';
import { runImportInWorker } from '../services/import-worker';
import { openChecked } from '../services/startup';
import { dailyBackup } from '../services/auto-backup';
import { createHandlers, dispatch, type Dialogs } from '../handlers';
import { installMenu } from './menu';
import { registerSchemes, serveRenderer } from './protocol';
import { APP_ORIGIN, installSecurity, isTrustedSender } from './security';
import { loadWindowState, trackWindowState } from './window-state';

// ZWXX_USER_DATA: a separate profile (the Electron e2e tests in CI use a fresh one each run)
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

if (!app.requestSingleInstanceLock()) app.quit();
registerSchemes();

let db: Db | null = null;
let win: BrowserWindow | null = null;

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

async function start(): Promise<void> {
  installSecurity();
  serveRenderer(rendererDir);
  const dataFile = dataFileFromConfig();
  mkdirSync(dirname(dataFile), { recursive: true });
  // quick_check + foreign keys; a damaged ledger opens the recovery screen instead of the pages (never a crash)
  const opened = openChecked(dataFile);
  const startup = { failure: opened.ok ? null : opened, notice: opened.ok ? opened.notice : null };
  if (opened.ok) {
    db = opened.db;
    // the first start of each day takes an automatic backup (kept 7 daily, 4 weekly, 12 monthly)
    await dailyBackup(db, dataFile).catch((e: unknown) => dialog.showErrorBox('自动备份失败', messageOf(e)));
  }
  const handlers = createHandlers({
    db: () => {
      if (!db) throw new UserError('数据文件未打开。');
      return db;
    },
    startup,
    runImport: (file, o) => runImportInWorker(dataFile, file, o),
    replaceDb: (next) => (db = next),
    dataFile,
    assetsDir: join(root, 'assets'),
    dialogs: dialogs(),
    version: app.getVersion(),
    setDataFile: (file) => writeFileSync(configFile, JSON.stringify({ dataFile: file }, null, 2)),
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
      preload: join(__dirname, 'preload.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  if (state.maximized) win.maximize();
  trackWindowState(win, join(userData, 'window.json'));
  installMenu(win, dirname(dataFile));
  win.once('ready-to-show', () => win?.show());
  await win.loadURL(`${APP_ORIGIN}/index.html`);
}

app.on('second-instance', () => {
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
});
app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => {
  if (db) closeDatabase(db);
});
app.whenReady().then(start, (e) => dialog.showErrorBox('启动失败', messageOf(e)));
