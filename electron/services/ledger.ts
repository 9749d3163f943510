// The clerk's writes: units, items, adoptions, instructions, requests and events. Every write runs in one
// transaction with its audit source, and every dated write is refused in a locked quarter.
import { publicationTitle } from '../../shared/labels';
import type { RequestOutcome } from '../../shared/domain';
import type { Args, Result } from '../../shared/ipc/contract';
import { titleSimilarity, unitNameKey } from '../../shared/text';
import { addDays } from '../../shared/periods';
import { nowIso as now } from '../clock';
import { withSource, type Db } from '../db/database';
import { UserError } from '../db/errors';
import { personResolver } from '../exchange/import';
import { ruleSetForQuarterOf } from '../../shared/scoring/rulesets';
import { setItemBody } from '../store/journal';
import { ruleSets } from '../store/rulesets';
import { listUnits, UnitMatcher, type UnitRow } from '../store/units';
import { assertUnlocked } from './guard';

// ------------------------------------------------------------------------------------------- units

/** A unit as the 单位 page saves it (the contract's `units:save`). */
export type UnitInput = Args<'units:save'>;

export function saveUnit(db: Db, input: UnitInput, source: string): UnitRow {
  const groups = new Set(['none', ...ruleSets(db).flatMap((r) => r.groups.map((g) => g.key))]);
  if (!groups.has(input.group)) throw new UserError(`没有“${input.group}”这个分组，请从列表中选择。`);
  if (input.activeFrom && input.activeUntil && input.activeUntil <= input.activeFrom)
    throw new UserError('停用月份应晚于启用月份。');
  const units = listUnits(db);
  const matcher = new UnitMatcher(units.filter((u) => u.id !== input.id));
  for (const n of [input.name, ...input.aliases]) {
    const owner = matcher.owners(n)[0];
    if (owner !== undefined)
      throw new UserError(`“${n}”已是“${units.find((u) => u.id === owner)!.name}”的名称或别名，同一名称不能指两个单位。`);
  }
  const aliasKeys = new Set<string>();
  for (const a of input.aliases) {
    const k = unitNameKey(a);
    if (k === unitNameKey(input.name) || aliasKeys.has(k)) throw new UserError(`别名“${a}”与名称或其他别名重复。`);
    aliasKeys.add(k);
  }
  return withSource(db, source, () => {
    const t = now();
    let id = input.id;
    if (id === undefined) {
      const order = input.sortOrder ?? Math.max(0, ...units.map((u) => u.sortOrder)) + 1;
      id = Number(
        db
          .prepare(
            `INSERT INTO units (name, name_key, grp, sort_order, active_from, active_until, contact, phone, note, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(input.name, unitNameKey(input.name), input.group, order, input.activeFrom, input.activeUntil, input.contact, input.phone, input.note, t, t)
          .lastInsertRowid,
      );
    } else {
      const cur = units.find((u) => u.id === id);
      if (!cur) throw new UserError('这个单位已不存在，请刷新后重试。');
      db.prepare(
        `UPDATE units SET name = ?, name_key = ?, grp = ?, sort_order = ?, active_from = ?, active_until = ?, contact = ?, phone = ?,
           note = ?, updated_at = ? WHERE id = ?`,
      ).run(input.name, unitNameKey(input.name), input.group, input.sortOrder ?? cur.sortOrder, input.activeFrom, input.activeUntil, input.contact, input.phone, input.note, t, id);
      const keep = new Set(input.aliases.map(unitNameKey));
      for (const a of db.prepare('SELECT id, alias_key AS k FROM unit_aliases WHERE unit_id = ?').all(id) as { id: number; k: string }[])
        if (!keep.has(a.k)) db.prepare('DELETE FROM unit_aliases WHERE id = ?').run(a.id);
    }
    const insertAlias = db.prepare('INSERT OR IGNORE INTO unit_aliases (unit_id, alias, alias_key) VALUES (?, ?, ?)');
    for (const a of input.aliases) insertAlias.run(id, a, unitNameKey(a));
    return listUnits(db).find((u) => u.id === id)!;
  });
}

/** Moves a unit up or down in the roster order (the order of the circular's tables). */
export function moveUnit(db: Db, id: number, direction: -1 | 1, source: string): void {
  const units = listUnits(db);
  const i = units.findIndex((u) => u.id === id);
  const j = i + direction;
  if (i < 0 || j < 0 || j >= units.length) return;
  withSource(db, source, () => {
    const a = units[i]!;
    const b = units[j]!;
    const set = db.prepare('UPDATE units SET sort_order = ?, updated_at = ? WHERE id = ?');
    const ta = a.sortOrder === b.sortOrder ? a.sortOrder + direction : b.sortOrder;
    set.run(ta, now(), a.id);
    set.run(a.sortOrder, now(), b.id);
  });
}

// ------------------------------------------------------------------------------------------- items

/** An item as entered (the contract's `items:create`); `no` is the optional 编号, generated when empty. */
export type ItemInput = Args<'items:create'>;

/** The next stable 编号 of an item entered in the app: X2019-00001. */
function nextItemNo(db: Db, year: string): string {
  const prefix = `X${year}-`;
  const row = db.prepare(`SELECT no FROM items WHERE no LIKE ? ORDER BY no DESC LIMIT 1`).get(`${prefix}%`) as { no: string } | undefined;
  const n = row ? Number(row.no.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(n).padStart(5, '0')}`;
}

function assertUnit(db: Db, unitId: number): void {
  if (!db.prepare('SELECT 1 FROM units WHERE id = ?').get(unitId)) throw new UserError('没有这个单位，请从单位列表中选择。');
}

/**
 * The 信息类别 and 合报 units of an item as they will be stored, checked against the rule set in force on its date:
 * a category that rule set does not have is refused by name, as is a 合报 unit that is the item's own unit, missing or
 * listed twice. `current` (on update) is kept where the input leaves a field out.
 */
function itemLinks(
  db: Db,
  input: ItemInput,
  current?: { category: string | null; jointUnitIds: number[] },
): { category: string | null; jointUnitIds: number[] } {
  const category = input.category === undefined ? (current?.category ?? null) : input.category;
  const jointUnitIds = input.jointUnitIds ?? current?.jointUnitIds ?? [];
  if (category !== null) {
    const all = ruleSets(db);
    const rules = ruleSetForQuarterOf(all, input.date);
    if (!rules.categories.some((c) => c.key === category)) {
      const name = all.flatMap((r) => r.categories).find((c) => c.key === category)?.name;
      throw new UserError(
        rules.categories.length === 0
          ? `${input.date} 适用的规则“${rules.name}”不分信息类别，请把信息类别改为“无”。`
          : `${input.date} 适用的规则“${rules.name}”没有“${name ?? category}”这一信息类别，请从 ${rules.categories.map((c) => c.name).join('、')} 中选择，或选“无”。`,
      );
    }
  }
  const names = new Map(listUnits(db).map((u) => [u.id, u.name]));
  const seen = new Set<number>();
  for (const u of jointUnitIds) {
    if (!names.has(u)) throw new UserError('合报单位中有一个已不在单位名单中，请重新选择合报单位。');
    if (u === input.unitId) throw new UserError(`“${names.get(u)}”是报送单位（牵头单位），不必再列为合报单位。`);
    if (seen.has(u)) throw new UserError(`合报单位“${names.get(u)}”重复了，请只留一个。`);
    seen.add(u);
  }
  return { category, jointUnitIds };
}

/**
 * Writes an item's 合报 units as a difference: a unit taken off is deleted, a new one inserted, one that moved gets
 * its new place — so 操作记录 shows what changed, not the whole list deleted and added again.
 */
function writeJointUnits(db: Db, id: number, unitIds: number[]): void {
  const cur = db.prepare('SELECT unit_id AS unitId, position FROM item_joint_units WHERE item_id = ?').all(id) as { unitId: number; position: number }[];
  const at = new Map(cur.map((c) => [c.unitId, c.position]));
  for (const c of cur) if (!unitIds.includes(c.unitId)) db.prepare('DELETE FROM item_joint_units WHERE item_id = ? AND unit_id = ?').run(id, c.unitId);
  unitIds.forEach((u, i) => {
    if (!at.has(u)) db.prepare('INSERT INTO item_joint_units (item_id, unit_id, position) VALUES (?, ?, ?)').run(id, u, i);
    else if (at.get(u) !== i) db.prepare('UPDATE item_joint_units SET position = ? WHERE item_id = ? AND unit_id = ?').run(i, id, u);
  });
}

/**
 * Writes an item's authors. 'update' leaves the same names in the same order alone (no delete-and-add in 操作记录);
 * 'rewrite' replaces them whatever they are (a change of unit: the same names under another unit are other persons).
 */
function writeAuthors(db: Db, id: number, unitId: number, authors: readonly string[], mode: 'insert' | 'update' | 'rewrite'): void {
  if (mode === 'rewrite') db.prepare('DELETE FROM item_authors WHERE item_id = ?').run(id);
  if (mode === 'update') {
    const cur = db
      .prepare('SELECT p.name FROM item_authors a JOIN persons p ON p.id = a.person_id WHERE a.item_id = ? ORDER BY a.position')
      .pluck()
      .all(id) as string[];
    if (cur.join('\u0000') === authors.join('\u0000')) return;
    db.prepare('DELETE FROM item_authors WHERE item_id = ?').run(id);
  }
  const person = personResolver(db);
  const insert = db.prepare('INSERT OR IGNORE INTO item_authors (item_id, person_id, position) VALUES (?, ?, ?)');
  authors.forEach((a, i) => insert.run(id, person(unitId, a), i));
}

function insertItem(db: Db, input: ItemInput): number {
  assertUnit(db, input.unitId);
  assertUnlocked(db, input.date);
  const links = itemLinks(db, input);
  const no = input.no?.trim() || nextItemNo(db, input.date.slice(0, 4));
  if (db.prepare('SELECT 1 FROM items WHERE no = ?').get(no)) throw new UserError(`编号“${no}”已被使用，请换一个编号。`);
  const t = now();
  const id = Number(
    db
      .prepare(
        `INSERT INTO items (no, unit_id, submitted, title, is_research, is_special, note, category, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(no, input.unitId, input.date, input.title, Number(input.kinds.includes('research')), Number(input.kinds.includes('special')), input.note, links.category, t, t)
      .lastInsertRowid,
  );
  writeJointUnits(db, id, links.jointUnitIds);
  writeAuthors(db, id, input.unitId, input.authors, 'insert');
  if (input.body) setItemBody(db, id, input.body);
  return id;
}

export function createItem(db: Db, input: ItemInput, source: string): number {
  return withSource(db, source, () => insertItem(db, input));
}

/** Pasted rows: all or none. */
export function createItems(db: Db, inputs: ItemInput[], source: string): number[] {
  return withSource(db, source, () => inputs.map((i) => insertItem(db, i)));
}

function itemDate(db: Db, id: number): { date: string; unitId: number } {
  const row = db.prepare('SELECT submitted AS date, unit_id AS unitId FROM items WHERE id = ? AND deleted_at IS NULL').get(id) as
    | { date: string; unitId: number }
    | undefined;
  if (!row) throw new UserError('这条信息已不存在（可能已删除），请刷新后重试。');
  return row;
}

export function updateItem(db: Db, id: number, input: ItemInput, source: string): void {
  const cur = itemDate(db, id);
  assertUnit(db, input.unitId);
  assertUnlocked(db, cur.date, input.date);
  const links = itemLinks(db, input, {
    category: (db.prepare('SELECT category FROM items WHERE id = ?').pluck().get(id) as string | null) ?? null,
    jointUnitIds: db.prepare('SELECT unit_id FROM item_joint_units WHERE item_id = ? ORDER BY position').pluck().all(id) as number[],
  });
  withSource(db, source, () => {
    db.prepare(
      `UPDATE items SET unit_id = ?, submitted = ?, title = ?, is_research = ?, is_special = ?, note = ?, category = ?, updated_at = ? WHERE id = ?`,
    ).run(input.unitId, input.date, input.title, Number(input.kinds.includes('research')), Number(input.kinds.includes('special')), input.note, links.category, now(), id);
    writeJointUnits(db, id, links.jointUnitIds);
    writeAuthors(db, id, input.unitId, input.authors, cur.unitId === input.unitId ? 'update' : 'rewrite');
    if (input.body !== undefined) setItemBody(db, id, input.body);
  });
}

/** Deleting an item puts it and its adoptions and instructions in the recycle bin. */
export function deleteItem(db: Db, id: number, source: string): void {
  const cur = itemDate(db, id);
  const records = db
    .prepare(`SELECT date FROM adoptions WHERE item_id = ? AND deleted_at IS NULL UNION ALL SELECT date FROM instructions WHERE item_id = ? AND deleted_at IS NULL`)
    .all(id, id) as { date: string }[];
  assertUnlocked(db, cur.date, ...records.map((r) => r.date));
  withSource(db, source, () => {
    const t = now();
    db.prepare('UPDATE adoptions SET deleted_at = ? WHERE item_id = ? AND deleted_at IS NULL').run(t, id);
    db.prepare('UPDATE instructions SET deleted_at = ? WHERE item_id = ? AND deleted_at IS NULL').run(t, id);
    db.prepare('UPDATE items SET deleted_at = ? WHERE id = ?').run(t, id);
  });
}

export type SimilarItem = Result<'items:similar'>[number];

/** Items of the same unit in the 60 days before `date` with a similar title (never merged, only shown). */
export function similarItems(db: Db, unitId: number, title: string, date: string, excludeId?: number): SimilarItem[] {
  const rows = db
    .prepare(
      `SELECT id, no, title, submitted AS date FROM items WHERE unit_id = ? AND deleted_at IS NULL AND submitted BETWEEN ? AND ? AND id != ?`,
    )
    .all(unitId, addDays(date, -60), addDays(date, 1), excludeId ?? -1) as Omit<SimilarItem, 'similarity'>[];
  return rows
    .map((r) => ({ ...r, similarity: titleSimilarity(title, r.title) }))
    .filter((r) => r.similarity >= 0.6)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, 5);
}

// ------------------------------------------------------------------------------------------- adoptions, instructions

export type AdoptionInput = Args<'adoptions:create'>['list'][number];

function assertVocab(db: Db, kind: 'publications' | 'instructionLevels' | 'eventKinds' | 'requestIssuers', key: string, what: string): void {
  if (!ruleSets(db).some((r) => (r[kind] as { key: string }[]).some((x) => x.key === key)))
    throw new UserError(`规则中没有这个${what}，请从列表中选择。`);
}

/** The publication must be one of the rule set that scores the adoption's quarter (a newer set never leaks into the past). */
function assertPublicationInForce(db: Db, publication: string, date: string): void {
  const all = ruleSets(db);
  if (all.length === 0) throw new UserError('还没有计分规则，请先在“规则设置”中建立规则集。');
  const rules = ruleSetForQuarterOf(all, date);
  if (rules.publications.some((p) => p.key === publication)) return;
  const name = all.flatMap((r) => r.publications).find((p) => p.key === publication)?.name;
  if (!name) throw new UserError('规则中没有这个刊物，请从列表中选择。');
  throw new UserError(`${date} 适用的规则“${rules.name}”中没有${publicationTitle(name)}，请从列表中选择该日期适用的刊物，或核对采用日期。`);
}

function assertNoDuplicateAdoption(db: Db, a: AdoptionInput, excludeId = -1): void {
  const dup = db
    .prepare('SELECT 1 FROM adoptions WHERE item_id = ? AND publication = ? AND form = ? AND date = ? AND deleted_at IS NULL AND id != ?')
    .get(a.itemId, a.publication, a.form, a.date, excludeId);
  if (dup) throw new UserError('这条信息在同一天已有同一刊物、同一形式的采用记录，不能重复登记。');
}

function insertAdoption(db: Db, a: AdoptionInput): number {
  itemDate(db, a.itemId);
  assertPublicationInForce(db, a.publication, a.date);
  assertUnlocked(db, a.date);
  assertNoDuplicateAdoption(db, a);
  const t = now();
  return Number(
    db
      .prepare(`INSERT INTO adoptions (item_id, publication, form, date, issue_no, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(a.itemId, a.publication, a.form, a.date, a.issueNo, a.note, t, t).lastInsertRowid,
  );
}

export function createAdoptions(db: Db, list: AdoptionInput[], source: string): number[] {
  if (list.length === 0) throw new UserError('请至少选择一条信息。');
  return withSource(db, source, () => list.map((a) => insertAdoption(db, a)));
}

/** What looks wrong in adoptions about to be saved (the clerk may still confirm): dated before the item was
 *  submitted, or the same item twice in one issue of one publication. */
export function adoptionWarnings(db: Db, list: AdoptionInput[], excludeId?: number): string[] {
  const warnings: string[] = [];
  const seen = new Set<string>();
  const pubName = (k: string): string => ruleSets(db).flatMap((r) => r.publications).find((p) => p.key === k)?.name ?? k;
  for (const a of list) {
    const item = db.prepare('SELECT no, title, submitted FROM items WHERE id = ? AND deleted_at IS NULL').get(a.itemId) as { no: string; title: string; submitted: string } | undefined;
    if (!item) continue;
    const label = `${item.no}“${item.title}”`;
    if (a.date < item.submitted) warnings.push(`${label}于 ${item.submitted} 报送，采用日期 ${a.date} 早于报送日期。`);
    const issue = a.issueNo.trim();
    if (issue === '') continue;
    const key = `${a.itemId}|${a.publication}|${issue}`;
    const before = db
      .prepare(`SELECT 1 FROM adoptions WHERE item_id = ? AND publication = ? AND issue_no = ? AND deleted_at IS NULL AND id != ?`)
      .get(a.itemId, a.publication, issue, excludeId ?? -1);
    if (seen.has(key) || before) warnings.push(`${label}在${publicationTitle(pubName(a.publication))}${issue}中已登记过一次。`);
    seen.add(key);
  }
  return warnings;
}

export function updateAdoption(db: Db, id: number, a: AdoptionInput, source: string): void {
  const cur = db.prepare('SELECT date FROM adoptions WHERE id = ? AND deleted_at IS NULL').get(id) as { date: string } | undefined;
  if (!cur) throw new UserError('这条采用记录已不存在，请刷新后重试。');
  itemDate(db, a.itemId);
  assertPublicationInForce(db, a.publication, a.date);
  assertUnlocked(db, cur.date, a.date);
  assertNoDuplicateAdoption(db, a, id);
  withSource(db, source, () =>
    db
      .prepare('UPDATE adoptions SET item_id = ?, publication = ?, form = ?, date = ?, issue_no = ?, note = ?, updated_at = ? WHERE id = ?')
      .run(a.itemId, a.publication, a.form, a.date, a.issueNo, a.note, now(), id),
  );
}

function softDelete(db: Db, table: 'adoptions' | 'instructions' | 'events', id: number, source: string): void {
  const row = db.prepare(`SELECT date FROM ${table} WHERE id = ? AND deleted_at IS NULL`).get(id) as { date: string } | undefined;
  if (!row) throw new UserError('这条记录已不存在，请刷新后重试。');
  assertUnlocked(db, row.date);
  withSource(db, source, () => db.prepare(`UPDATE ${table} SET deleted_at = ? WHERE id = ?`).run(now(), id));
}

export const deleteAdoption = (db: Db, id: number, source: string): void => softDelete(db, 'adoptions', id, source);
export const deleteInstruction = (db: Db, id: number, source: string): void => softDelete(db, 'instructions', id, source);
export const deleteEvent = (db: Db, id: number, source: string): void => softDelete(db, 'events', id, source);

export type InstructionInput = Args<'instructions:create'>;

function checkInstruction(db: Db, r: InstructionInput, excludeId = -1): void {
  itemDate(db, r.itemId);
  assertVocab(db, 'instructionLevels', r.level, '批示级别');
  if (db.prepare('SELECT 1 FROM instructions WHERE item_id = ? AND level = ? AND date = ? AND deleted_at IS NULL AND id != ?').get(r.itemId, r.level, r.date, excludeId))
    throw new UserError('这条信息在同一天已有同一级别的批示记录。');
}

export function updateInstruction(db: Db, id: number, r: InstructionInput, source: string): void {
  const cur = db.prepare('SELECT date FROM instructions WHERE id = ? AND deleted_at IS NULL').get(id) as { date: string } | undefined;
  if (!cur) throw new UserError('这条批示记录已不存在，请刷新后重试。');
  checkInstruction(db, r, id);
  assertUnlocked(db, cur.date, r.date);
  withSource(db, source, () =>
    db
      .prepare('UPDATE instructions SET item_id = ?, level = ?, form = ?, date = ?, leader = ?, note = ?, updated_at = ? WHERE id = ?')
      .run(r.itemId, r.level, r.form, r.date, r.leader, r.note, now(), id),
  );
}

export function createInstruction(db: Db, r: InstructionInput, source: string): number {
  checkInstruction(db, r);
  assertUnlocked(db, r.date);
  return withSource(db, source, () => {
    const t = now();
    return Number(
      db
        .prepare(`INSERT INTO instructions (item_id, level, form, date, leader, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(r.itemId, r.level, r.form, r.date, r.leader, r.note, t, t).lastInsertRowid,
    );
  });
}

// ------------------------------------------------------------------------------------------- requests

export type RequestInput = Args<'requests:create'>;

export function createRequest(db: Db, r: RequestInput, source: string): number {
  assertVocab(db, 'requestIssuers', r.issuer, '约稿方');
  if (r.unitIds.length === 0) throw new UserError('请至少选择一个受约单位。');
  if (r.issued && r.deadline < r.issued) throw new UserError('截止日期不能早于下发日期。');
  assertUnlocked(db, r.deadline);
  for (const u of r.unitIds) assertUnit(db, u);
  return withSource(db, source, () => {
    const year = r.deadline.slice(0, 4);
    const last = db.prepare(`SELECT no FROM requests WHERE no LIKE ? ORDER BY no DESC LIMIT 1`).get(`YG${year}-%`) as { no: string } | undefined;
    const no = `YG${year}-${String(last ? Number(last.no.slice(7)) + 1 : 1).padStart(3, '0')}`;
    const t = now();
    const id = Number(
      db
        .prepare(`INSERT INTO requests (no, issuer, topic, issued, deadline, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(no, r.issuer, r.topic, r.issued, r.deadline, r.note, t, t).lastInsertRowid,
    );
    const insert = db.prepare(`INSERT INTO request_targets (request_id, unit_id, outcome) VALUES (?, ?, 'pending')`);
    for (const u of new Set(r.unitIds)) insert.run(id, u);
    return id;
  });
}

/** Corrects a request: issuer, topic, dates, note and its units (a unit taken off loses its outcome; a new one starts 待报). */
export function updateRequest(db: Db, id: number, r: RequestInput, source: string): void {
  const cur = db.prepare('SELECT deadline FROM requests WHERE id = ? AND deleted_at IS NULL').get(id) as { deadline: string } | undefined;
  if (!cur) throw new UserError('这个约稿已不存在，请刷新后重试。');
  assertVocab(db, 'requestIssuers', r.issuer, '约稿方');
  if (r.unitIds.length === 0) throw new UserError('请至少选择一个受约单位。');
  if (r.issued && r.deadline < r.issued) throw new UserError('截止日期不能早于下发日期。');
  assertUnlocked(db, cur.deadline, r.deadline);
  for (const u of r.unitIds) assertUnit(db, u);
  withSource(db, source, () => {
    db.prepare('UPDATE requests SET issuer = ?, topic = ?, issued = ?, deadline = ?, note = ?, updated_at = ? WHERE id = ?').run(r.issuer, r.topic, r.issued, r.deadline, r.note, now(), id);
    const keep = new Set(r.unitIds);
    const have = db.prepare('SELECT id, unit_id AS unitId FROM request_targets WHERE request_id = ?').all(id) as { id: number; unitId: number }[];
    for (const t of have) if (!keep.has(t.unitId)) db.prepare('DELETE FROM request_targets WHERE id = ?').run(t.id);
    const insert = db.prepare(`INSERT OR IGNORE INTO request_targets (request_id, unit_id, outcome) VALUES (?, ?, 'pending')`);
    for (const u of keep) insert.run(id, u);
  });
}

export function setTargetOutcome(db: Db, targetId: number, outcome: RequestOutcome, itemId: number | null, source: string, reason?: string): void {
  const row = db
    .prepare(`SELECT r.deadline FROM request_targets t JOIN requests r ON r.id = t.request_id AND r.deleted_at IS NULL WHERE t.id = ?`)
    .get(targetId) as { deadline: string } | undefined;
  if (!row) throw new UserError('这个约稿对象已不存在，请刷新后重试。');
  assertUnlocked(db, row.deadline);
  if (itemId !== null) itemDate(db, itemId);
  withSource(db, source, () =>
    reason === undefined
      ? db.prepare('UPDATE request_targets SET outcome = ?, item_id = ? WHERE id = ?').run(outcome, itemId, targetId)
      : db.prepare('UPDATE request_targets SET outcome = ?, item_id = ?, note = ? WHERE id = ?').run(outcome, itemId, reason, targetId),
  );
}

export function deleteRequest(db: Db, id: number, source: string): void {
  const row = db.prepare('SELECT deadline FROM requests WHERE id = ? AND deleted_at IS NULL').get(id) as { deadline: string } | undefined;
  if (!row) throw new UserError('这个约稿已不存在，请刷新后重试。');
  assertUnlocked(db, row.deadline);
  withSource(db, source, () => db.prepare('UPDATE requests SET deleted_at = ?, updated_at = ? WHERE id = ?').run(now(), now(), id));
}

// ------------------------------------------------------------------------------------------- events

export type EventInput = Args<'events:create'>;

export function createEvent(db: Db, e: EventInput, source: string): number {
  assertUnit(db, e.unitId);
  assertVocab(db, 'eventKinds', e.kind, '加减分事项');
  assertUnlocked(db, e.date);
  return withSource(db, source, () => {
    const t = now();
    return Number(
      db
        .prepare(`INSERT INTO events (unit_id, date, kind, quantity, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
        .run(e.unitId, e.date, e.kind, e.quantity, e.note, t, t).lastInsertRowid,
    );
  });
}

export function updateEvent(db: Db, id: number, e: EventInput, source: string): void {
  const cur = db.prepare('SELECT date FROM events WHERE id = ? AND deleted_at IS NULL').get(id) as { date: string } | undefined;
  if (!cur) throw new UserError('这条加减分记录已不存在，请刷新后重试。');
  assertUnit(db, e.unitId);
  assertVocab(db, 'eventKinds', e.kind, '加减分事项');
  assertUnlocked(db, cur.date, e.date);
  withSource(db, source, () =>
    db.prepare('UPDATE events SET unit_id = ?, date = ?, kind = ?, quantity = ?, note = ?, updated_at = ? WHERE id = ?').run(e.unitId, e.date, e.kind, e.quantity, e.note, now(), id),
  );
}

// ------------------------------------------------------------------------------------------- unit removal

/** Removes a unit entered by mistake: only when no item, event or request (even in the recycle bin) refers to it. */
export function deleteUnit(db: Db, id: number, source: string): void {
  const unit = db.prepare('SELECT name FROM units WHERE id = ?').get(id) as { name: string } | undefined;
  if (!unit) throw new UserError('这个单位已不存在，请刷新后重试。');
  const used = db
    .prepare(
      `SELECT (SELECT count(*) FROM items WHERE unit_id = ?) + (SELECT count(*) FROM events WHERE unit_id = ?) + (SELECT count(*) FROM request_targets WHERE unit_id = ?) + (SELECT count(*) FROM persons WHERE unit_id = ?) + (SELECT count(*) FROM item_joint_units WHERE unit_id = ?) AS n`,
    )
    .get(id, id, id, id, id) as { n: number };
  if (used.n > 0) throw new UserError(`“${unit.name}”已有报送（含合报）、约稿或加减分记录（含回收站），不能删除；不再计分时请设置停用月份。`);
  withSource(db, source, () => {
    db.prepare('DELETE FROM unit_aliases WHERE unit_id = ?').run(id);
    db.prepare('DELETE FROM units WHERE id = ?').run(id);
  });
}
