// Domain types shared by the store, the engine, the exchange workbook and the UI.
// Stored values are stable English keys; Chinese names live in the rule set and in labels.ts.

export type ItemKind = 'research' | 'special';
export type AdoptionForm = 'single' | 'combined' | 'brief';
export type InstructionForm = 'single' | 'combined';
export type RequestOutcome = 'done' | 'explained' | 'missed' | 'pending';

/** The group key of units that are listed but never scored (不计分). */
export const UNSCORED_GROUP = 'none';

export interface UnitFact {
  id: number;
  name: string;
  group: string;
  sortOrder: number;
  /** YYYY-MM, the first month scored; null = always */
  activeFrom: string | null;
  /** YYYY-MM, the first month no longer scored; null = still active */
  activeUntil: string | null;
}

export interface PersonFact {
  id: number;
  name: string;
  unitId: number;
}

export interface ItemFact {
  id: number;
  no: string;
  unitId: number;
  /** submitted date YYYY-MM-DD */
  date: string;
  title: string;
  kinds: ItemKind[];
  authorIds: number[];
  /** the item's category key under the rule set (要情、图片信息 …); none when absent */
  category?: string;
  /** 合报: the other units that submitted the item jointly, in the order entered; `unitId` is the lead unit */
  jointUnitIds?: number[];
  /**
   * How many items this fact stands for (default 1). The store may hand the engine the plain, unscored items of a
   * unit and month (or day) as one bundle with a count, since quotas only count them; a scored plain item inside a
   * bundle's range then comes as its own fact with count 0, so that it is explained but not counted twice.
   */
  count?: number;
}

export interface AdoptionFact {
  id: number;
  itemId: number;
  publication: string;
  form: AdoptionForm;
  date: string;
  issueNo: string;
}

export interface InstructionFact {
  id: number;
  itemId: number;
  level: string;
  form: InstructionForm;
  date: string;
  leader: string;
}

export interface RequestTargetFact {
  id: number;
  requestId: number;
  requestNo: string;
  issuer: string;
  topic: string;
  deadline: string;
  unitId: number;
  outcome: RequestOutcome;
  itemId: number | null;
}

export interface EventFact {
  id: number;
  unitId: number;
  date: string;
  kind: string;
  quantity: number;
  note: string;
}

/** Everything the engine needs to score a period. May hold more than the period; the engine filters by date. */
export interface Facts {
  units: UnitFact[];
  persons: PersonFact[];
  items: ItemFact[];
  adoptions: AdoptionFact[];
  instructions: InstructionFact[];
  requestTargets: RequestTargetFact[];
  events: EventFact[];
  /** the date of the ledger's earliest item: months before it hold no records, so none of them is an empty month */
  firstItemDate?: string;
  /**
   * The roster each locked quarter was circulated with (by quarter code, 2019Q2): a locked quarter is scored with its
   * own groups, names, order and active months, whatever the roster says today. Quarters not listed use `units`.
   */
  rosters?: Record<string, UnitFact[]>;
}

/** The roster that scores quarter `code`: the one it was circulated with if it is locked, else today's. */
export function rosterOf(facts: Facts, code: string): UnitFact[] {
  return facts.rosters?.[code] ?? facts.units;
}

/** Whether a unit is scored in the month (YYYY-MM): within its active months. */
export function isActiveIn(unit: Pick<UnitFact, 'activeFrom' | 'activeUntil'>, month: string): boolean {
  if (unit.activeFrom && month < unit.activeFrom) return false;
  if (unit.activeUntil && month >= unit.activeUntil) return false;
  return true;
}
