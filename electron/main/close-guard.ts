// Closing the window with unsaved edits (a rule set being changed …) asks first, in the page, with the same question as
// leaving the page: 放弃未保存的修改？ 继续修改 / 放弃修改. The window's 'close' is held back while the page is asked;
// a page that does not answer whether it has unsaved edits (hung, or still loading) does not keep the window open.
// Kept free of Electron so it is tested as it is.

/** How long a page may take to say whether it has unsaved edits before the window closes anyway. */
export const UNSAVED_ANSWER_MS = 3000;

export interface ClosePage {
  /** whether the page has edits it would lose (a leave guard is set) */
  unsaved: () => Promise<boolean>;
  /** the page asks the clerk; true when the clerk lets the edits go (放弃修改) */
  ask: () => Promise<boolean>;
}

/** A handler for the window's 'close': holds it back, asks the page, and closes for real (`close`) only if let go. */
export function guardClose(page: ClosePage, close: () => void, wait: (ms: number) => Promise<void>): (e: { preventDefault: () => void }) => void {
  let letGo = false;
  let asking = false;
  return (e) => {
    if (letGo) return;
    e.preventDefault();
    // a second click on × while the question is open changes nothing
    if (asking) return;
    asking = true;
    void (async () => {
      const unsaved = await Promise.race([page.unsaved().catch(() => false), wait(UNSAVED_ANSWER_MS).then(() => false)]);
      // a page that fails while asking cannot keep the window open
      const leave = unsaved ? await page.ask().catch(() => true) : true;
      asking = false;
      if (!leave) return;
      letGo = true;
      close();
    })();
  };
}
