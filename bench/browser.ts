// npm run bench:browser [-- --years 10] — the 信息登记 list in Debian's Chromium with every item of N office-years
// (150,000 at ten): time from opening the page to the first rows, and frame times while scrolling through the list.
import { join, resolve } from 'node:path';
import { existsSync, copyFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startBridge } from '../test/bridge/server';
import { launch } from '../test/e2e/browser';
import { writeBenchData } from './data';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const i = process.argv.indexOf('--years');
const years = Number(i > 0 ? process.argv[i + 1] : 10);
const DATA = join(ROOT, 'bench-data');
const file = join(DATA, `ledger-${years}.db`);
if (!existsSync(file)) await writeBenchData(years, DATA);
const copy = join(DATA, `browser-${years}.db`);
for (const s of ['', '-wal', '-shm']) rmSync(copy + s, { force: true });
copyFileSync(file, copy);
const bridge = await startBridge({ dbFile: copy, today: '2025-12-31' });
const browser = await launch();
const figures: Record<string, number> = {};
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(bridge.url);
  await page.getByRole('menuitem', { name: '信息登记', exact: true }).waitFor();
  // every item: clear the month filter, then time from the click on the menu to the first rows
  const runs: number[] = [];
  for (let k = 0; k < 5; k++) {
    await page.getByRole('menuitem', { name: '首页', exact: true }).click();
    await page.waitForTimeout(300);
    const t = Date.now();
    await page.getByRole('menuitem', { name: '信息登记', exact: true }).click();
    await page.locator('.item-row').first().waitFor();
    runs.push(Date.now() - t);
  }
  figures.month_first_rows_ms = runs.sort((a, b) => a - b)[2]!;
  await page.locator('.ant-picker').first().hover();
  const t0 = Date.now();
  await page.locator('.ant-picker-clear').first().click();
  await page.locator('[data-testid=item-list]').getByText(/共 1[0-9]{5} 条|共 [0-9]{5,} 条/).waitFor({ timeout: 30_000 });
  await page.locator('.item-row').first().waitFor();
  figures.all_items_first_rows_ms = Date.now() - t0;
  figures.items = Number(((await page.locator('[data-testid=item-list]').innerText()).match(/共 (\d+) 条/) ?? [])[1] ?? 0);
  // scrolling: wheel through the list and record frame times in the page
  // (a string, so the bundler's helpers do not leak into the page)
  const frames = (await page.evaluate(`(async () => {
    const el = document.querySelector('[data-testid=item-scroller]');
    if (!el) return { error: 'no scroller' };
    const times = [];
    let last = performance.now();
    let stop = false;
    function tick(now) { times.push(now - last); last = now; if (!stop) requestAnimationFrame(tick); }
    requestAnimationFrame(tick);
    for (let k = 0; k < 120; k++) { el.scrollTop += 400; await new Promise((r) => setTimeout(r, 16)); }
    el.scrollTop = el.scrollHeight * 0.9;
    await new Promise((r) => setTimeout(r, 300));
    stop = true;
    const sorted = [...times].sort((a, b) => a - b);
    return { frames: times.length, p50: sorted[sorted.length >> 1], p95: sorted[Math.floor(sorted.length * 0.95)], max: sorted[sorted.length - 1] };
  })()`)) as { error: string } | { frames: number; p50: number; p95: number; max: number };
  if ('error' in frames) throw new Error(frames.error);
  figures.scroll_frames = frames.frames;
  figures.scroll_frame_p50_ms = Math.round(frames.p50 * 10) / 10;
  figures.scroll_frame_p95_ms = Math.round(frames.p95 * 10) / 10;
  figures.scroll_frame_max_ms = Math.round(frames.max * 10) / 10;
  // rows are fetched page by page as the list scrolls: the last rows arrive
  await page.locator('.item-row').first().waitFor();
  await page.screenshot({ path: join(ROOT, 'test-output', `bench-信息登记-${years}年.png`) });
} finally {
  await browser.close();
  await bridge.close();
}
console.log(JSON.stringify(figures));
