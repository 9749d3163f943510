// Remembers the window's size and position between runs.
import { screen, type BrowserWindow } from 'electron';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export interface WindowState {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized: boolean;
}

export function loadWindowState(file: string): WindowState {
  const fallback: WindowState = { width: 1366, height: 768, maximized: false };
  try {
    if (!existsSync(file)) return fallback;
    const s = JSON.parse(readFileSync(file, 'utf8')) as WindowState;
    const area = screen.getPrimaryDisplay().workAreaSize;
    return { ...s, width: Math.min(Math.max(s.width, 1024), area.width), height: Math.min(Math.max(s.height, 640), area.height) };
  } catch {
    return fallback;
  }
}

export function trackWindowState(win: BrowserWindow, file: string): void {
  const save = (): void => {
    const b = win.getNormalBounds();
    try {
      writeFileSync(file, JSON.stringify({ ...b, maximized: win.isMaximized() }));
    } catch {
      // a read-only profile must not stop the app
    }
  };
  win.on('close', save);
}
