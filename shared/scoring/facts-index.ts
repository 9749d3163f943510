// Facts indexed once per scoring call: records by unit and by item, sorted by date.
import type { AdoptionFact, EventFact, Facts, InstructionFact, ItemFact, RequestTargetFact, UnitFact } from '../domain';

export interface FactIndex {
  units: Map<number, UnitFact>;
  items: Map<number, ItemFact>;
  itemsByUnit: Map<number, ItemFact[]>;
  adoptionsByItem: Map<number, AdoptionFact[]>;
  instructionsByItem: Map<number, InstructionFact[]>;
  /** adoption records of each unit's items, by date */
  adoptionsByUnit: Map<number, AdoptionFact[]>;
  instructionsByUnit: Map<number, InstructionFact[]>;
  eventsByUnit: Map<number, EventFact[]>;
  targetsByUnit: Map<number, RequestTargetFact[]>;
  personNames: Map<number, { name: string; unitId: number }>;
}

const byDate = <T extends { date: string; id: number }>(a: T, b: T): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function indexFacts(facts: Facts): FactIndex {
  const items = new Map(facts.items.map((i) => [i.id, i]));
  const idx: FactIndex = {
    units: new Map(facts.units.map((u) => [u.id, u])),
    items,
    itemsByUnit: new Map(),
    adoptionsByItem: new Map(),
    instructionsByItem: new Map(),
    adoptionsByUnit: new Map(),
    instructionsByUnit: new Map(),
    eventsByUnit: new Map(),
    targetsByUnit: new Map(),
    personNames: new Map(facts.persons.map((p) => [p.id, { name: p.name, unitId: p.unitId }])),
  };
  for (const i of facts.items) push(idx.itemsByUnit, i.unitId, i);
  // a 合报 item's adoptions and instructions are every one of its units' (the rule set decides the shares)
  for (const a of facts.adoptions) {
    push(idx.adoptionsByItem, a.itemId, a);
    const item = items.get(a.itemId);
    if (!item) continue;
    if (item.jointUnitIds?.length) for (const u of unitsOfItem(item)) push(idx.adoptionsByUnit, u, a);
    else push(idx.adoptionsByUnit, item.unitId, a);
  }
  for (const r of facts.instructions) {
    push(idx.instructionsByItem, r.itemId, r);
    const item = items.get(r.itemId);
    if (!item) continue;
    if (item.jointUnitIds?.length) for (const u of unitsOfItem(item)) push(idx.instructionsByUnit, u, r);
    else push(idx.instructionsByUnit, item.unitId, r);
  }
  for (const e of facts.events) push(idx.eventsByUnit, e.unitId, e);
  for (const t of facts.requestTargets) push(idx.targetsByUnit, t.unitId, t);
  for (const list of idx.itemsByUnit.values()) list.sort(byDate);
  for (const m of [idx.adoptionsByItem, idx.adoptionsByUnit]) for (const list of m.values()) list.sort(byDate);
  for (const m of [idx.instructionsByItem, idx.instructionsByUnit]) for (const list of m.values()) list.sort(byDate);
  for (const list of idx.eventsByUnit.values()) list.sort(byDate);
  for (const list of idx.targetsByUnit.values())
    list.sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : a.id - b.id));
  return idx;
}

/** The units of an item: the lead unit, then the 合报 units in the order entered (each once). */
export function unitsOfItem(item: ItemFact | undefined): number[] {
  if (!item) return [];
  if (!item.jointUnitIds || item.jointUnitIds.length === 0) return [item.unitId];
  return [...new Set([item.unitId, ...item.jointUnitIds])];
}

/** First index in a date-sorted list whose date is ≥ `date`. */
export function lowerBound<T>(list: readonly T[], date: string, dateOf: (t: T) => string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dateOf(list[mid]!) < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The records of a date-sorted list dated within [start, end]. */
export function inRange<T extends { date: string }>(list: readonly T[] | undefined, start: string, end: string): T[] {
  if (!list || list.length === 0) return [];
  const from = lowerBound(list, start, (t) => t.date);
  const out: T[] = [];
  for (let i = from; i < list.length && list[i]!.date <= end; i++) out.push(list[i]!);
  return out;
}

/** How many items the facts stand for (a bundle of plain items counts as its `count`). */
export function itemCount(list: readonly ItemFact[]): number {
  let n = 0;
  for (const i of list) n += i.count ?? 1;
  return n;
}

/** How many items of a date-sorted list are dated within [start, end] (no copy). */
export function countInRange(list: readonly ItemFact[] | undefined, start: string, end: string): number {
  if (!list || list.length === 0) return 0;
  let n = 0;
  for (let i = lowerBound(list, start, (t) => t.date); i < list.length && list[i]!.date <= end; i++) n += list[i]!.count ?? 1;
  return n;
}
