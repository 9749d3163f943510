import { create } from 'zustand';
import type { AppInfo, UnitView } from '../../shared/ipc/contract';
import type { RuleSet } from '../../shared/rules/schema';
import { ruleSetForQuarterOf } from '../../shared/scoring/rulesets';
import { api, call } from './api';

export type Page = 'home' | 'units' | 'entry' | 'adoptions' | 'requests' | 'events' | 'scores' | 'circular' | 'journal' | 'rules' | 'data' | 'history';

interface State {
  page: Page;
  info: AppInfo | null;
  units: UnitView[];
  /** the write version: every successful write bumps it, and every reader (useApi, ItemList) reloads */
  version: number;
  /** what the clerk saved last (the entry list follows it): an item's date, a request's or an event's year */
  lastSaved: { kind: 'item' | 'items' | 'request' | 'event'; date: string; id: number; label: string } | null;
  /** going to another page: asks the page's leave guard first, when it has one (unsaved edits) */
  go: (page: Page) => void;
  /** a page with unsaved edits asks through this before they are lost; resolves true to let them go */
  leaveGuard: (() => Promise<boolean>) | null;
  setLeaveGuard: (guard: (() => Promise<boolean>) | null) => void;
  /** a list the 信息登记 page opens with (首页's counts link to their items); taken once by the page */
  entryFilter: { month: string; group?: string } | null;
  showItems: (filter: { month: string; group?: string }) => void;
  refresh: () => Promise<void>;
  changed: (saved?: State['lastSaved']) => void;
}

export const useApp = create<State>((set, get) => ({
  page: 'home',
  info: null,
  units: [],
  version: 0,
  lastSaved: null,
  go: (page) => {
    const guard = get().leaveGuard;
    if (!guard || page === get().page) return set({ page });
    void guard().then((leave) => leave && set({ page, leaveGuard: null }));
  },
  leaveGuard: null,
  setLeaveGuard: (leaveGuard) => set({ leaveGuard }),
  entryFilter: null,
  showItems: (entryFilter) => {
    set({ entryFilter });
    get().go('entry');
  },
  refresh: async () => {
    const [info, units] = await Promise.all([call(api().app.info({})), call(api().units.list({}))]);
    set({ info, units });
  },
  changed: (saved) => {
    set({ version: get().version + 1, ...(saved ? { lastSaved: saved } : {}) });
    void get().refresh();
  },
}));

/** The stable selectors pages read the store through. */
export const useInfo = (): AppInfo | null => useApp((s) => s.info);
export const useUnits = (): UnitView[] => useApp((s) => s.units);
export const useChanged = (): State['changed'] => useApp((s) => s.changed);
export const useToday = (): string => useApp((s) => s.info?.today ?? '');

/** The rule set that scores the quarter of `date` (never simply the newest: a 2019Q2 adoption uses 2019Q2's rules). */
export function rulesFor(info: AppInfo | null, date: string | null | undefined): RuleSet | undefined {
  if (!info || info.ruleSets.length === 0) return undefined;
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return latestRules(info);
  return ruleSetForQuarterOf(info.ruleSets, date);
}

/** The rule set that scores a period given by its first day, e.g. the 2019Q2 page → the rules of 2019-04-01. */
export const rulesForPeriodStart = rulesFor;

/** Group names of the newest rule set, plus 不计分. */
export function groupOptions(info: AppInfo | null): { value: string; label: string }[] {
  const rules = info?.ruleSets[info.ruleSets.length - 1];
  return [...(rules?.groups ?? []).map((g) => ({ value: g.key, label: g.name })), { value: 'none', label: '不计分' }];
}

/** A group's name: in the newest rule set, else in the newest older one that has it (a unit left in a group a new
 *  rule set dropped still shows its name, never its key). */
export function groupName(info: AppInfo | null, key: string): string {
  const found = groupOptions(info).find((g) => g.value === key)?.label;
  if (found) return found;
  const older = vocabName(info, 'groups', key);
  return older === key ? key : `${older}（现行规则无此分组）`;
}

export function latestRules(info: AppInfo | null) {
  return info?.ruleSets[info.ruleSets.length - 1];
}

/** A group's / publication's / level's / issuer's / event kind's name in any rule set, newest first (an old record keeps its old name). */
export function vocabName(info: AppInfo | null, kind: 'groups' | 'publications' | 'instructionLevels' | 'requestIssuers' | 'eventKinds', key: string): string {
  for (const r of [...(info?.ruleSets ?? [])].reverse()) {
    const hit = (r[kind] as { key: string; name: string }[]).find((x) => x.key === key);
    if (hit) return hit.name;
  }
  return key;
}

// Closing the window asks the page first, as going to another page does: unsaved edits (a leave guard) get the same
// question, 放弃未保存的修改？; with none the window closes at once.
window.zwxxUnsaved = () => useApp.getState().leaveGuard !== null;
window.zwxxAskLeave = () => {
  const guard = useApp.getState().leaveGuard;
  return guard ? guard() : Promise.resolve(true);
};
