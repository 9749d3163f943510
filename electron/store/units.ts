// Units and the name matcher every import uses (docs/数据交换工作簿.md §1.2): full name, aliases, normalised key; never guessed.
import { unitNameKey } from '../../shared/text';
import type { UnitView } from '../../shared/ipc/contract';
import type { Db } from '../db/database';

/** A unit as the pages and the importer see it (the contract's UnitView). */
export type UnitRow = UnitView;

export function listUnits(db: Db): UnitRow[] {
  const units = db
    .prepare(
      `SELECT id, name, grp AS "group", sort_order AS sortOrder, active_from AS activeFrom,
              active_until AS activeUntil, contact, phone, note
       FROM units ORDER BY sort_order, id`,
    )
    .all() as Omit<UnitRow, 'aliases'>[];
  const aliases = db.prepare('SELECT unit_id AS unitId, alias FROM unit_aliases ORDER BY id').all() as {
    unitId: number;
    alias: string;
  }[];
  const byUnit = new Map<number, string[]>();
  for (const a of aliases) byUnit.set(a.unitId, [...(byUnit.get(a.unitId) ?? []), a.alias]);
  return units.map((u) => ({ ...u, aliases: byUnit.get(u.id) ?? [] }));
}

export type MatchResult = { ok: true; unitId: number } | { ok: false; reason: string };

/** Resolves unit names written any way the office writes them; an unknown or ambiguous name is an error. */
export class UnitMatcher {
  private readonly byKey = new Map<string, Set<number>>();
  private readonly names = new Map<number, string>();

  constructor(units: readonly { id: number; name: string; aliases: readonly string[] }[]) {
    for (const u of units) this.add(u.id, u.name, u.aliases);
  }

  add(id: number, name: string, aliases: readonly string[]): void {
    this.names.set(id, name);
    for (const n of [name, ...aliases]) {
      const key = unitNameKey(n);
      if (!this.byKey.has(key)) this.byKey.set(key, new Set());
      this.byKey.get(key)!.add(id);
    }
  }

  /** The unit id a key already points to, if it points to exactly one. */
  idForKey(key: string): number | undefined {
    const ids = this.byKey.get(key);
    return ids && ids.size === 1 ? [...ids][0] : undefined;
  }

  owners(name: string): number[] {
    return [...(this.byKey.get(unitNameKey(name)) ?? [])];
  }

  match(name: string): MatchResult {
    const ids = this.owners(name);
    if (ids.length === 1) return { ok: true, unitId: ids[0]! };
    if (ids.length === 0)
      return { ok: false, reason: '名单中没有这个单位，请检查名称，或在“单位”表/单位名单中添加该单位或别名' };
    return {
      ok: false,
      reason: `这个名称同时对应多个单位（${ids.map((i) => this.names.get(i)).join('、')}），请写出全称`,
    };
  }
}
