// Where the app keeps its data: the same folder Electron's app.getPath('userData') gives, so the command line and
// the desktop app open the same ledger by default.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = '政务信息计分通报';

export function defaultUserDataDir(): string {
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}

export function defaultDatabaseFile(): string {
  return join(defaultUserDataDir(), 'data', 'zwxx.db');
}
