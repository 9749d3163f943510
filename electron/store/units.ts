// Units and the name matcher every import uses (docs/数据交换工作簿.md §1.2): full name, aliases, normalised key; never guessed.
import { unitNameKey } from '../../shared/text';
import type { UnitView } from '../../shared/ipc/contract';
import { cachedStatement, type Db } from '../db/database';

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

/** The columns of a unit the 单位 page writes. */
export interface UnitFields {
  name: string;
  group: string;
  sortOrder: number;
  activeFrom: string | null;
  activeUntil: string | null;
  contact: string;
  phone: string;
  note: string;
}

export function insertUnitRow(db: Db, u: UnitFields, at: string): number {
  return Number(
    db
      .prepare(
        `INSERT INTO units (name, name_key, grp, sort_order, active_from, active_until, contact, phone, note, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(u.name, unitNameKey(u.name), u.group, u.sortOrder, u.activeFrom, u.activeUntil, u.contact, u.phone, u.note, at, at)
      .lastInsertRowid,
  );
}

export function updateUnitRow(db: Db, id: number, u: UnitFields, at: string): void {
  db.prepare(
    `UPDATE units SET name = ?, name_key = ?, grp = ?, sort_order = ?, active_from = ?, active_until = ?, contact = ?, phone = ?,
       note = ?, updated_at = ? WHERE id = ?`,
  ).run(u.name, unitNameKey(u.name), u.group, u.sortOrder, u.activeFrom, u.activeUntil, u.contact, u.phone, u.note, at, id);
}

/** Deletes the aliases of a unit whose normalised key is not in `keep`. */
export function deleteAliasesExcept(db: Db, unitId: number, keep: ReadonlySet<string>): void {
  for (const a of db.prepare('SELECT id, alias_key AS k FROM unit_aliases WHERE unit_id = ?').all(unitId) as { id: number; k: string }[])
    if (!keep.has(a.k)) db.prepare('DELETE FROM unit_aliases WHERE id = ?').run(a.id);
}

/** Adds aliases to a unit; one it already has is left as it is. */
export function addAliases(db: Db, unitId: number, aliases: readonly string[]): void {
  const insert = cachedStatement(db, 'INSERT OR IGNORE INTO unit_aliases (unit_id, alias, alias_key) VALUES (?, ?, ?)');
  for (const a of aliases) insert.run(unitId, a, unitNameKey(a));
}

export function setUnitOrder(db: Db, id: number, sortOrder: number, at: string): void {
  db.prepare('UPDATE units SET sort_order = ?, updated_at = ? WHERE id = ?').run(sortOrder, at, id);
}

export function unitExists(db: Db, id: number): boolean {
  return db.prepare('SELECT 1 FROM units WHERE id = ?').get(id) !== undefined;
}

export function unitName(db: Db, id: number): string | undefined {
  return (db.prepare('SELECT name FROM units WHERE id = ?').get(id) as { name: string } | undefined)?.name;
}

/** The normalised key of a unit's own name. */
export function unitOwnKey(db: Db, id: number): string {
  return (cachedStatement(db, 'SELECT name_key AS k FROM units WHERE id = ?').get(id) as { k: string }).k;
}

/** How many items (own or 合报), events, request targets and persons refer to a unit, the recycle bin included. */
export function unitUseCount(db: Db, id: number): number {
  return (
    db
      .prepare(
        `SELECT (SELECT count(*) FROM items WHERE unit_id = ?) + (SELECT count(*) FROM events WHERE unit_id = ?) + (SELECT count(*) FROM request_targets WHERE unit_id = ?) + (SELECT count(*) FROM persons WHERE unit_id = ?) + (SELECT count(*) FROM item_joint_units WHERE unit_id = ?) AS n`,
      )
      .get(id, id, id, id, id) as { n: number }
  ).n;
}

/** Deletes a unit and its aliases (the caller has made sure nothing refers to it). */
export function deleteUnitRow(db: Db, id: number): void {
  db.prepare('DELETE FROM unit_aliases WHERE unit_id = ?').run(id);
  db.prepare('DELETE FROM units WHERE id = ?').run(id);
}

/** A unit as a roster sheet adds it. */
export function insertImportedUnit(
  db: Db,
  u: { name: string; group: string; order: number; activeFrom: string | null; activeUntil: string | null; contact: string; phone: string },
  at: string,
): number {
  return Number(
    cachedStatement(
      db,
      `INSERT INTO units (name, name_key, grp, sort_order, active_from, active_until, contact, phone, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(u.name, unitNameKey(u.name), u.group, u.order, u.activeFrom, u.activeUntil, u.contact, u.phone, at, at).lastInsertRowid,
  );
}

/** A unit as a roster sheet changes it: a null leaves the column as it is (an absent column changes nothing). */
export function updateImportedUnit(
  db: Db,
  id: number,
  u: { group: string; order: number | null; activeFrom: string | null; activeUntil: string | null; contact: string | null; phone: string | null },
  at: string,
): void {
  cachedStatement(
    db,
    `UPDATE units SET grp = ?, sort_order = coalesce(?, sort_order), active_from = coalesce(?, active_from),
       active_until = coalesce(?, active_until), contact = coalesce(?, contact), phone = coalesce(?, phone), updated_at = ?
     WHERE id = ?`,
  ).run(u.group, u.order, u.activeFrom, u.activeUntil, u.contact, u.phone, at, id);
}
