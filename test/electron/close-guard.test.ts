// The window's 'close' with unsaved edits in the page: held back while the page is asked, closed only when the clerk
// lets the edits go, closed at once when there is nothing to lose or the page does not answer. The page and the
// clock are stand-ins the test resolves by hand, so every order of events is chosen, none left to timing.
import { describe, expect, it } from 'vitest';
import { UNSAVED_ANSWER_MS, guardClose, type ClosePage } from '../../electron/main/close-guard';

/** A promise the test settles when it chooses. */
function later<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function scene() {
  const unsaved = later<boolean>();
  const asked = later<boolean>();
  const timer = later<void>();
  const log: string[] = [];
  const page: ClosePage = {
    unsaved: () => (log.push('unsaved?'), unsaved.promise),
    ask: () => (log.push('ask'), asked.promise),
  };
  const waits: number[] = [];
  const onClose = guardClose(page, () => log.push('closed'), (ms) => (waits.push(ms), timer.promise));
  const event = () => {
    const e = { prevented: false, preventDefault: () => void (e.prevented = true) };
    return e;
  };
  const settle = () => new Promise((r) => setImmediate(r));
  return { unsaved, asked, timer, log, onClose, event, settle, waits };
}

describe('closing the window', () => {
  it('with nothing unsaved closes at once, without a question', async () => {
    const s = scene();
    const e = s.event();
    s.onClose(e);
    expect(e.prevented).toBe(true);
    s.unsaved.resolve(false);
    await s.settle();
    expect(s.log).toEqual(['unsaved?', 'closed']);
    // the close that follows goes through
    const again = s.event();
    s.onClose(again);
    expect(again.prevented).toBe(false);
  });

  it('with unsaved edits asks; 继续修改 keeps the window, a second × asks again', async () => {
    const s = scene();
    s.onClose(s.event());
    s.unsaved.resolve(true);
    await s.settle();
    expect(s.log).toEqual(['unsaved?', 'ask']);
    // a second × while the question is open changes nothing
    const second = s.event();
    s.onClose(second);
    expect(second.prevented).toBe(true);
    expect(s.log).toEqual(['unsaved?', 'ask']);
    s.asked.resolve(false);
    await s.settle();
    expect(s.log).not.toContain('closed');
    const third = s.event();
    s.onClose(third);
    expect(third.prevented).toBe(true);
    expect(s.log).toEqual(['unsaved?', 'ask', 'unsaved?']);
  });

  it('with unsaved edits let go (放弃修改) closes', async () => {
    const s = scene();
    s.onClose(s.event());
    s.unsaved.resolve(true);
    await s.settle();
    s.asked.resolve(true);
    await s.settle();
    expect(s.log).toEqual(['unsaved?', 'ask', 'closed']);
  });

  it('a page that does not say whether it has unsaved edits does not keep the window open', async () => {
    const s = scene();
    s.onClose(s.event());
    expect(s.waits).toEqual([UNSAVED_ANSWER_MS]);
    s.timer.resolve();
    await s.settle();
    expect(s.log).toEqual(['unsaved?', 'closed']);
  });

  it('a page that fails while answering closes too', async () => {
    const s = scene();
    s.onClose(s.event());
    s.unsaved.resolve(true);
    await s.settle();
    s.asked.reject(new Error('界面进程结束'));
    await s.settle();
    expect(s.log).toEqual(['unsaved?', 'ask', 'closed']);
  });
});
