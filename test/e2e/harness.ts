// What every UI test does the same way: start the loopback bridge on a fresh ledger, open the built renderer in
// Debian's Chromium at 1366×768 (a page error fails the test), set the scene through the contract, and the clerk's
// keyboard moves — go to a page, wait for the focus, pick from a Select by typing, wait for a message.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Args, Method, Reply, Result } from '../../shared/ipc/contract';
import { startBridge, type Bridge } from '../bridge/server';
import { tempDir } from '../helpers/cli';
import { launch } from './browser';

export const SHOTS = resolve(__dirname, '../../test-output/screenshots');

export interface App {
  bridge: Bridge;
  browser: Browser;
  page: Page;
  /** the ledger's folder (the data file is zwxx.db in it); a test may write its exports here */
  dir: string;
  /** a call through the contract over the bridge, as the renderer makes it (used to set the scene and to check) */
  rpc: <M extends Method>(method: M, args: Args<M>) => Promise<Result<M>>;
  close: () => Promise<void>;
}

/** A bridge on a new ledger in a temporary folder; `seed` sets the scene before the page opens. */
export async function startApp(opts: { prefix: string; today: string; seed?: (rpc: App['rpc'], bridge: Bridge) => Promise<void> }): Promise<App> {
  mkdirSync(SHOTS, { recursive: true });
  const dir = tempDir(opts.prefix);
  const bridge = await startBridge({ dbFile: join(dir, 'zwxx.db'), today: opts.today });
  const rpc = async <M extends Method>(method: M, args: Args<M>): Promise<Result<M>> => {
    const res = await fetch(`${bridge.url}api/${encodeURIComponent(method)}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args) });
    const reply = (await res.json()) as Reply<Result<M>>;
    if (!reply.ok) throw new Error(`${method}: ${reply.error}`);
    return reply.value;
  };
  await opts.seed?.(rpc, bridge);
  const browser = await launch();
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.on('pageerror', (e) => {
    throw e;
  });
  // ZWXX_E2E_SLOW=6 slows the page's CPU sixfold: the way to find a wait on time instead of on a condition
  const slow = Number(process.env.ZWXX_E2E_SLOW ?? 0);
  if (slow > 1) await (await page.context().newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: slow });
  await page.goto(bridge.url);
  await page.locator('[data-page]').waitFor();
  return {
    bridge,
    browser,
    page,
    dir,
    rpc,
    close: async () => {
      await browser.close();
      await bridge.close();
    },
  };
}

/**
 * What a failed step leaves behind: a picture, and in the test's output the focused field, the open dialogs and the
 * messages on screen — the run's log is often all there is of a failure on another machine.
 */
export async function recordFailure(page: Page | undefined, name: string): Promise<void> {
  if (!page) return;
  await page.screenshot({ path: join(SHOTS, `失败-${name.slice(0, 40)}.png`) }).catch(() => undefined);
  const state = await page
    .evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      const text = (sel: string) => Array.from(document.querySelectorAll<HTMLElement>(sel)).filter((e) => e.offsetParent !== null).map((e) => e.innerText.trim().slice(0, 300));
      return {
        focused: a ? `${a.tagName.toLowerCase()}#${a.id} [${a.getAttribute('aria-label') ?? ''}] ${(a as HTMLInputElement).value ?? ''}` : '',
        dialogs: text('.ant-modal-content'),
        lists: text('.ant-select-dropdown'),
        messages: text('.ant-message-notice, .ant-alert'),
      };
    })
    .catch((e: unknown) => ({ error: String(e) }));
  console.error(`[失败时的页面] ${name}\n${JSON.stringify(state, null, 1)}`);
}

/** Opens a page from the menu and waits for its heading. */
export async function go(page: Page, label: string): Promise<void> {
  await page.getByRole('menuitem', { name: label, exact: true }).click();
  await page.locator('[data-page]').getByRole('heading', { name: label, exact: true }).waitFor();
}

/**
 * Opens a page by keyboard, as a clerk without a mouse does: Alt+M puts the focus on the side menu, the arrows walk
 * to `label` (each key waits until the focus has moved), Enter opens it; returns once its heading is shown.
 */
export async function goByKeys(page: Page, label: string): Promise<void> {
  const focusedItem = () => page.evaluate(() => (document.activeElement?.closest('[data-testid="page-menu"] .ant-menu-item') as HTMLElement | null)?.innerText.trim() ?? null);
  await page.keyboard.press('Alt+m');
  await page.waitForFunction(() => document.activeElement?.closest('[data-testid="page-menu"] .ant-menu-item') !== null, undefined, { timeout: 10_000 });
  const labels = await page.locator('[data-testid="page-menu"] .ant-menu-item').allInnerTexts();
  const target = labels.map((l) => l.trim()).indexOf(label);
  if (target < 0) throw new Error(`菜单中没有「${label}」`);
  for (let moves = 0; ; moves++) {
    const now = await focusedItem();
    const at = labels.map((l) => l.trim()).indexOf(now ?? '');
    if (at === target) break;
    if (moves > labels.length) throw new Error(`按方向键走不到「${label}」`);
    const want = labels[at + (target > at ? 1 : -1)]!.trim();
    await page.keyboard.press(target > at ? 'ArrowDown' : 'ArrowUp');
    await page.waitForFunction(
      (w) => (document.activeElement?.closest('[data-testid="page-menu"] .ant-menu-item') as HTMLElement | null)?.innerText.trim() === w,
      want,
      { timeout: 10_000 },
    );
  }
  await page.keyboard.press('Enter');
  await page.locator('[data-page]').getByRole('heading', { name: label, exact: true }).waitFor();
}

export function focusIs(page: Page, id: string): Promise<unknown> {
  return page.waitForFunction((want) => document.activeElement?.id === want, id, { timeout: 10_000 });
}

/** Waits until the open Select list offers `expected` as its active option. */
export async function optionReady(page: Page, expected: string): Promise<void> {
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option-active').filter({ hasText: expected }).first().waitFor({ timeout: 10_000 });
}

/** Types into the focused Select and picks the first option once it is offered. */
export async function pickTyped(page: Page, typed: string, expected = typed): Promise<void> {
  await page.keyboard.type(typed);
  await optionReady(page, expected);
  await page.keyboard.press('Enter');
}

/**
 * In the focused Select, by keyboard, as a clerk picks: ↓ opens the list, the arrows walk to `option` and Enter takes it.
 * Every key waits for the effect of the one before — every other list fully closed, this list open on the current
 * choice, the highlight moved one option on — so a slow machine cannot make the walk overshoot; it returns once the
 * list is closed (its closing animation done) and the Select shows the choice. The list is found through the field's
 * own aria-controls, never as "the visible list": a list still closing would be taken for it.
 */
export async function chooseByKeys(page: Page, option: string): Promise<void> {
  const allClosed = () =>
    Array.from(document.querySelectorAll<HTMLElement>('.ant-select-dropdown')).every((d) => d.className.includes('ant-select-dropdown-hidden') || getComputedStyle(d).display === 'none');
  await page.waitForFunction(allClosed, undefined, { timeout: 10_000 });
  await page.keyboard.press('ArrowDown');
  // this field's list is open and highlights the current choice (a moment after it appears)
  await page.waitForFunction(
    () => {
      const input = document.activeElement;
      const listbox = document.getElementById(input?.getAttribute('aria-controls') ?? '');
      const l = listbox?.closest<HTMLElement>('.ant-select-dropdown');
      if (!l || input?.getAttribute('aria-expanded') !== 'true' || l.className.includes('-hidden') || l.className.includes('-leave')) return false;
      const options = l.querySelectorAll('.ant-select-item-option');
      return options.length > 0 && (l.querySelector('.ant-select-item-option-selected') === null || l.querySelector('.ant-select-item-option-selected.ant-select-item-option-active') !== null);
    },
    undefined,
    { timeout: 10_000 },
  );
  const state = () =>
    page.evaluate(() => {
      const listbox = document.getElementById(document.activeElement?.getAttribute('aria-controls') ?? '');
      const options = Array.from(listbox?.closest('.ant-select-dropdown')?.querySelectorAll<HTMLElement>('.ant-select-item-option') ?? []);
      return { texts: options.map((o) => o.innerText.trim()), active: options.findIndex((o) => o.classList.contains('ant-select-item-option-active')) };
    });
  for (let moves = 0; ; moves++) {
    const { texts, active } = await state();
    const target = texts.indexOf(option);
    if (target < 0) throw new Error(`下拉列表中没有「${option}」：${texts.join('、')}`);
    if (target === active) break;
    if (moves > texts.length) throw new Error(`按方向键走不到「${option}」`);
    const down = target > active;
    const expected = texts[active + (down ? 1 : -1)]!;
    await page.keyboard.press(down ? 'ArrowDown' : 'ArrowUp');
    await page.waitForFunction(
      (want) => {
        const listbox = document.getElementById(document.activeElement?.getAttribute('aria-controls') ?? '');
        return listbox?.closest('.ant-select-dropdown')?.querySelector<HTMLElement>('.ant-select-item-option-active')?.innerText.trim() === want;
      },
      expected,
      { timeout: 10_000 },
    );
  }
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    (want) => {
      const input = document.activeElement;
      const shown = (input?.closest('.ant-select')?.querySelector(`[title="${want}"]`) ?? null) !== null;
      const closed = Array.from(document.querySelectorAll<HTMLElement>('.ant-select-dropdown')).every((d) => d.className.includes('ant-select-dropdown-hidden') || getComputedStyle(d).display === 'none');
      return shown && closed && input?.getAttribute('aria-expanded') === 'false';
    },
    option,
    { timeout: 10_000 },
  );
}

/**
 * After a failed step: closes whatever it left open — a list, a calendar, a dialog, a drawer, a question — so the next
 * step starts on the page and fails, if at all, for its own reason. Esc first; a question about unsaved input is
 * answered 放弃修改. Each key waits until something has closed.
 */
export async function closeOverlays(page: Page | undefined): Promise<void> {
  if (!page) return;
  // what is open on screen: lists, calendars, dialogs, drawers, popups (twice: the page runs no string as code)
  const countOpen = () =>
    Array.from(document.querySelectorAll<HTMLElement>('.ant-select-dropdown, .ant-picker-dropdown, .ant-modal-wrap, .ant-drawer-content-wrapper, .ant-popover')).filter(
      (e) => e.getClientRects().length > 0 && getComputedStyle(e).display !== 'none' && !e.className.includes('-hidden'),
    ).length;
  const fewer = (n: number) =>
    Array.from(document.querySelectorAll<HTMLElement>('.ant-select-dropdown, .ant-picker-dropdown, .ant-modal-wrap, .ant-drawer-content-wrapper, .ant-popover')).filter(
      (e) => e.getClientRects().length > 0 && getComputedStyle(e).display !== 'none' && !e.className.includes('-hidden'),
    ).length < n;
  for (let tries = 0; tries < 8; tries++) {
    const before = await page.evaluate(countOpen).catch(() => 0);
    if (before === 0) return;
    const discard = page.locator('.ant-modal-confirm').getByRole('button', { name: '放弃修改' });
    if (await discard.isVisible().catch(() => false)) await discard.click().catch(() => undefined);
    else await page.keyboard.press('Escape').catch(() => undefined);
    await page.waitForFunction(fewer, before, { timeout: 5_000 }).catch(() => undefined);
  }
}

export async function toast(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('.ant-message-notice').filter({ hasText: text }).first().waitFor({ timeout: 10_000 });
}

/** Two animation frames: what was just set is laid out and painted. */
export function frame(page: Page): Promise<unknown> {
  return page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Screenshots at the two window sizes offices have, named `${prefix}-${name}-${width}.png`, once the page has
 *  settled (finite animations — a dialog opening, a tab sliding — done; a spinner's endless one is not waited for). */
export async function settledShots(page: Page, prefix: string, name: string): Promise<void> {
  for (const width of [1366, 1024]) {
    await page.setViewportSize({ width, height: 768 });
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity));
    await page.screenshot({ path: join(SHOTS, `${prefix}-${name}-${width}.png`) });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}
