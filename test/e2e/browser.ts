// Debian's Chromium driven by playwright-core (no browser download), with the flags this offline machine needs.
import { chromium, type Browser } from 'playwright-core';
import { existsSync } from 'node:fs';

export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));

export function launch(): Promise<Browser> {
  if (!CHROMIUM) throw new Error('没有找到 Chromium：请安装 Debian 的 chromium 软件包（.ci/run 会自动安装）');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}
