// Keyboard and checks shared by the entry forms, so every form answers the keys alike: Enter in a field moves to the next field and saving is
// the last field's Enter (or the button); a date in the future or outside the ledger's years asks for a confirmation.
import { Modal } from 'antd';
import type { KeyboardEvent } from 'react';
import { toIsoDate } from '../../shared/dates';
import type { AppInfo } from '../../shared/ipc/contract';
import { quarterOf } from '../../shared/periods';

// a multi-line box (正文) is no stop for Enter: Enter in it is a new line, so a walk of Enters that stepped into it
// would stop there instead of saving; it is reached by Tab and saved from by Ctrl+Enter
const FIELDS = 'input:not([type=hidden]):not([disabled]):not([readonly])';

/**
 * A keydown handler for a form's container, the one keyboard rule of every form: Enter moves to the next field — a
 * checkbox's too (Space ticks it) — and on the last field it saves; Ctrl+Enter saves from any field. An open dropdown
 * (a Select picking its option, a date panel) keeps its Enter, and so does a tag field with a tag typed in it (Enter adds
 * the tag; on an empty tag field Enter moves on). A page-sized editor (规则设置) passes `lastSaves: false`: there Enter
 * never saves, only Ctrl+Enter or the button does. Keys from a dialog opened by the form are the dialog's own.
 */
export function enterMovesOn(save: () => void, opts: { lastSaves?: boolean } = {}) {
  return (e: KeyboardEvent<HTMLElement>): void => {
    // a dialog's keys reach its opener through React's tree although the dialog is elsewhere on the page
    if (!e.currentTarget.contains(e.target as Node)) return;
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.nativeEvent.isComposing) {
      e.preventDefault();
      return save();
    }
    if (e.key !== 'Enter' || e.shiftKey || e.ctrlKey || e.altKey || e.nativeEvent.isComposing) return;
    const target = e.target as HTMLElement;
    if (target.tagName === 'BUTTON' || target.tagName === 'TEXTAREA') return;
    if (target.getAttribute('role') === 'combobox' && target.getAttribute('aria-expanded') === 'true') return;
    if (target instanceof HTMLInputElement && target.value !== '' && target.closest('.ant-select-multiple')) return;
    e.preventDefault();
    const fields = [...e.currentTarget.querySelectorAll<HTMLElement>(FIELDS)].filter((f) => f.offsetParent !== null);
    const i = fields.indexOf(target);
    if (i < 0) return;
    if (i === fields.length - 1) return opts.lastSaves === false ? undefined : save();
    const next = fields[i + 1]!;
    next.focus();
    if (next instanceof HTMLInputElement && next.type === 'text') next.select();
  };
}

/** 2019-06-03, 2019/6/3, 2019年6月3日, and "6/3" or "6.3" meaning the current year's June 3. */
export function dateFromText(text: string, today: string): string | null {
  const t = text.trim();
  const short = /^(\d{1,2})[/.\-月](\d{1,2})日?$/.exec(t);
  if (short) return toIsoDate(`${today.slice(0, 4)}-${short[1]!.padStart(2, '0')}-${short[2]!.padStart(2, '0')}`);
  return toIsoDate(t);
}

/** Why a date looks wrong (in the future, or outside the years the ledger holds), or null. */
export function implausibleDate(info: AppInfo | null, date: string): string | null {
  if (!info) return null;
  if (date > info.today) return `日期 ${date} 晚于今天（${info.today}）。`;
  const first = Math.min(...info.ruleSets.map((r) => Number(r.effectiveFrom.slice(0, 4))), Number(info.today.slice(0, 4)));
  if (Number(date.slice(0, 4)) < first) return `日期 ${date} 早于台账的起始年份（${first}年）。`;
  return null;
}

/** Asks before saving an implausible date; resolves true when the date is fine or the clerk confirms it. */
export function confirmDate(info: AppInfo | null, date: string): Promise<boolean> {
  const why = implausibleDate(info, date);
  if (!why) return Promise.resolve(true);
  let ok = false;
  return new Promise((resolve) =>
    Modal.confirm({
      title: '日期是否正确？',
      content: `${why}确认无误再保存；写错了请取消后改正。`,
      okText: '日期无误，保存',
      cancelText: '返回修改',
      autoFocusButton: 'cancel',
      onOk: () => void (ok = true),
      // answered once the dialog has given the focus back, so the caller can move it (e.g. to the date)
      afterClose: () => resolve(ok),
    }),
  );
}

// periodText and quartersText live in shared/periods.ts (the command line prints quarters the same way)
export { periodText, quartersText } from '../../shared/periods';

/** The quarters among `codes` that have already begun by `today` (their scores exist and would change). */
export function startedQuarters(codes: string[], today: string): string[] {
  if (!today) return codes;
  const current = quarterOf(today).code;
  return codes.filter((c) => c <= current);
}

/** A rule set's 信息类别 as Select options, found by their name or an alias (要情 → 要情动态). */
export function categoryOptions(categories: readonly { key: string; name: string; aliases: string[] }[]) {
  return categories.map((c) => ({ value: c.key, label: c.name, search: [c.name, ...c.aliases].join(' ') }));
}
export const CATEGORY_SEARCH = { optionFilterProp: 'search' } as const;
