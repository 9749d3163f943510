// The real desktop app under Electron: with ZWXX_APP_EXECUTABLE the packaged program itself (the release workflow
// points it at dist/*-unpacked), otherwise Electron from node_modules with the built out/electron/main.cjs. A fresh
// profile; the window opens in Chinese, the renderer is sandboxed (no Node), the start-up check passes, the first-run
// dialog imports the sample roster through real IPC into a real ledger with its backups folder.
// Needs Electron's binary: runs only where it can be downloaded (vitest.electron.config.ts, the release workflow).
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const profile = mkdtempSync(join(tmpdir(), 'zwxx-electron-'));
let app: ElectronApplication;
let win: Page;

beforeAll(async () => {
  const env = { ...process.env, ZWXX_USER_DATA: profile };
  app = process.env.ZWXX_APP_EXECUTABLE
    ? await electron.launch({ executablePath: resolve(process.env.ZWXX_APP_EXECUTABLE), args: [], env })
    : await electron.launch({ args: [join(ROOT, 'out/electron/main.cjs')], env });
  win = await app.firstWindow();
});

afterAll(async () => {
  await app?.close();
});

describe('the desktop app', () => {
  it('opens its window with the Chinese title, a sandboxed renderer and the first-run dialog', async () => {
    expect(await win.title()).toBe('政务信息计分通报');
    expect(await win.evaluate('typeof require')).toBe('undefined');
    expect(await win.evaluate('typeof window.api.units.list')).toBe('function');
    await win.getByText('欢迎使用政务信息计分通报').waitFor();
    // the whole-file check ran in its worker thread (out/electron/check-worker.cjs, inside asar when packaged)
    expect(await win.evaluate('window.api.app.startupCheck({}).then((r) => r.ok && r.value.ok)')).toBe(true);
  });

  it('imports the sample roster through IPC and shows it', async () => {
    await win.getByRole('button', { name: /导入示例名单/ }).click();
    await win.getByText('凤城街道').first().waitFor();
    expect(existsSync(join(profile, 'data', 'zwxx.db'))).toBe(true);
    expect(existsSync(join(profile, 'data', 'backups'))).toBe(true);
  });

  it('refuses navigation away from the app', async () => {
    await win.evaluate(`location.href = 'https://example.com/'`).catch(() => undefined);
    await win.waitForTimeout(500);
    expect(win.url()).toMatch(/^app:\/\/zwxx\//);
  });
});
