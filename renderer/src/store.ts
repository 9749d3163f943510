import { create } from 'zustand';
import type { AppInfo, UnitView } from '../../shared/ipc/contract';
import { api, call } from './api';

export type Page = 'home' | 'units' | 'entry' | 'adoptions' | 'requests' | 'events' | 'scores' | 'circular' | 'rules' | 'data' | 'history';

interface State {
  page: Page;
  info: AppInfo | null;
  units: UnitView[];
  /** bumps when data changed, so pages reload */
  version: number;
  go: (page: Page) => void;
  refresh: () => Promise<void>;
  changed: () => void;
}

export const useApp = create<State>((set, get) => ({
  page: 'home',
  info: null,
  units: [],
  version: 0,
  go: (page) => set({ page }),
  refresh: async () => {
    const [info, units] = await Promise.all([call(api().app.info({})), call(api().units.list({}))]);
    set({ info, units });
  },
  changed: () => {
    set({ version: get().version + 1 });
    void get().refresh();
  },
}));

/** Group names of the newest rule set, plus 不计分. */
export function groupOptions(info: AppInfo | null): { value: string; label: string }[] {
  const rules = info?.ruleSets[info.ruleSets.length - 1];
  return [...(rules?.groups ?? []).map((g) => ({ value: g.key, label: g.name })), { value: 'none', label: '不计分' }];
}

export function groupName(info: AppInfo | null, key: string): string {
  return groupOptions(info).find((g) => g.value === key)?.label ?? key;
}

export function latestRules(info: AppInfo | null) {
  return info?.ruleSets[info.ruleSets.length - 1];
}
