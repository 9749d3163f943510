// What the engine returns: every point with the rule and record behind it.
import type { Period } from '../periods';

export type LineCategory = 'base' | 'adoption' | 'instruction' | 'bonus' | 'deduction' | 'floor';

export interface LineRef {
  kind: 'item' | 'adoption' | 'instruction' | 'event' | 'request';
  id: number;
}

export interface ScoreLine {
  /** the regulation's clause, e.g. 一（一）1 */
  clause: string;
  /** the rule's short name, e.g. 报送任务 */
  rule: string;
  /** what happened, in Chinese, with the figures */
  detail: string;
  category: LineCategory;
  points: number;
  /** YYYY-MM the points belong to ('' for year-only events) */
  month: string;
  /** the record behind the points, when there is one */
  ref?: LineRef;
  /** the item the points come from (adoptions, instructions) */
  itemId?: number;
  /** a deduction subject to 扣完为止 */
  floored?: boolean;
  /** the window is not over yet (as of the engine's asOf date): the points may still change */
  provisional?: boolean;
}

export interface UnitCounts {
  /** items submitted in the period, and per month YYYY-MM */
  items: number;
  itemsByMonth: Record<string, number>;
  /** items per quarter code (2019Q2), for the annual sheet */
  itemsByQuarter: Record<string, number>;
  research: number;
  special: number;
  /** items per category key of the rule set (要情、图片信息 …), for the outputs' category columns */
  byCategory: Record<string, number>;
  /** adoption records dated in the period, per publication key */
  adoptionsByPublication: Record<string, number>;
  adoptions: number;
  /** instruction records dated in the period, per level key */
  instructionsByLevel: Record<string, number>;
  instructions: number;
}

export interface UnitScore {
  unitId: number;
  unitName: string;
  group: string;
  groupName: string;
  sortOrder: number;
  /** YYYY-MM: the unit stopped being scored from this month on, within the period (retired mid-period); else null */
  retiredFrom: string | null;
  /** quota and research points */
  base: number;
  /** adoption gains of the period */
  adoption: number;
  /** instruction gains of the period */
  instruction: number;
  /** positive events (in a year including year-only events) */
  bonus: number;
  /** every deduction as a positive number, before the floor */
  deduction: number;
  /** the final score of the period (after the floor) */
  total: number;
  /** rank within the group: ties share a rank, the next rank skips */
  rank: number;
  provisional: boolean;
  lines: ScoreLine[];
  counts: UnitCounts;
}

export interface GroupScores {
  key: string;
  name: string;
  /** ranked, ties in roster order */
  units: UnitScore[];
}

export interface PeriodScores {
  period: Period;
  /** names of the rule sets used (a year may span several) */
  ruleSetNames: string[];
  asOf: string;
  groups: GroupScores[];
  /** problems that left a unit or record unscored (e.g. a group missing from the rule set) */
  warnings: string[];
}

export interface PersonScore {
  personId: number;
  name: string;
  unitId: number;
  unitName: string;
  adoption: number;
  instruction: number;
  total: number;
  rank: number;
  /** items that earned points */
  itemIds: number[];
}
