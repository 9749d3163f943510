// The clerk's writes: units, items, adoptions, instructions, requests and events. Every write runs through the write
// gate (services/write-gate.ts): one transaction with its audit source, refused before commit if it would change a
// locked quarter.
import { publicationTitle } from '../../shared/labels';
import type { RequestOutcome } from '../../shared/domain';
import type { Args, Result } from '../../shared/ipc/contract';
import { titleSimilarity, unitNameKey } from '../../shared/text';
import { addDays } from '../../shared/periods';
import { nowIso as now } from '../clock';
import type { Db } from '../db/database';
import { UserError } from '../db/errors';
import { ruleSetForQuarterOf } from '../../shared/scoring/rulesets';
import { adoptionExists, adoptionInIssueExists, insertAdoptionRow, updateAdoptionRow } from '../store/adoptions';
import { insertEventRow, updateEventRow } from '../store/events';
import { insertInstructionRow, instructionExists, updateInstructionRow } from '../store/instructions';
import {
  clearItemAuthors,
  type ItemFields,
  deleteJointUnit,
  insertItemAuthor,
  insertItemRow,
  insertJointUnit,
  itemAuthorNames,
  itemCategory,
  itemJointUnitIds,
  itemNoTaken,
  itemsOfUnitBetween,
  jointUnitRows,
  liveItemHead,
  liveItemSummary,
  personResolver,
  setItemBody,
  setJointUnitPosition,
  softDeleteItem,
  updateItemRow,
} from '../store/items';
import { liveRecordDate, softDeleteRecord, type DatedTable } from '../store/records';
import {
  addPendingTargets,
  deleteTargetsExcept,
  insertRequestRow,
  liveRequestDeadline,
  setTargetRow,
  softDeleteRequest,
  targetDeadline,
  updateRequestRow,
} from '../store/requests';
import { lastNumber } from '../store/numbers';
import { ruleSets } from '../store/rulesets';
import {
  addAliases,
  deleteAliasesExcept,
  deleteUnitRow,
  insertUnitRow,
  listUnits,
  setUnitOrder,
  unitExists,
  unitName,
  unitUseCount,
  updateUnitRow,
  UnitMatcher,
  type UnitRow,
} from '../store/units';
import { write } from './write-gate';

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
  return write(db, source, () => {
    const t = now();
    const fields = {
      name: input.name,
      group: input.group,
      activeFrom: input.activeFrom,
      activeUntil: input.activeUntil,
      contact: input.contact,
      phone: input.phone,
      note: input.note,
    };
    let id = input.id;
    if (id === undefined) {
      const order = input.sortOrder ?? Math.max(0, ...units.map((u) => u.sortOrder)) + 1;
      id = insertUnitRow(db, { ...fields, sortOrder: order }, t);
    } else {
      const cur = units.find((u) => u.id === id);
      if (!cur) throw new UserError('这个单位已不存在，请刷新后重试。');
      updateUnitRow(db, id, { ...fields, sortOrder: input.sortOrder ?? cur.sortOrder }, t);
      deleteAliasesExcept(db, id, new Set(input.aliases.map(unitNameKey)));
    }
    addAliases(db, id, input.aliases);
    return listUnits(db).find((u) => u.id === id)!;
  });
}

/** Moves a unit up or down in the roster order (the order of the circular's tables). */
export function moveUnit(db: Db, id: number, direction: -1 | 1, source: string): void {
  const units = listUnits(db);
  const i = units.findIndex((u) => u.id === id);
  const j = i + direction;
  if (i < 0 || j < 0 || j >= units.length) return;
  write(db, source, () => {
    const a = units[i]!;
    const b = units[j]!;
    const ta = a.sortOrder === b.sortOrder ? a.sortOrder + direction : b.sortOrder;
    setUnitOrder(db, a.id, ta, now());
    setUnitOrder(db, b.id, a.sortOrder, now());
  });
}

// ------------------------------------------------------------------------------------------- items

/** An item as entered (the contract's `items:create`); `no` is the optional 编号, generated when empty. */
export type ItemInput = Args<'items:create'>;

/** The next stable 编号 of an item entered in the app: X2019-00001. */
function nextItemNo(db: Db, year: string): string {
  const prefix = `X${year}-`;
  return `${prefix}${String(lastNumber(db, 'items', prefix) + 1).padStart(5, '0')}`;
}

function assertUnit(db: Db, unitId: number): void {
  if (!unitExists(db, unitId)) throw new UserError('没有这个单位，请从单位列表中选择。');
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
  const cur = jointUnitRows(db, id);
  const at = new Map(cur.map((c) => [c.unitId, c.position]));
  for (const c of cur) if (!unitIds.includes(c.unitId)) deleteJointUnit(db, id, c.unitId);
  unitIds.forEach((u, i) => {
    if (!at.has(u)) insertJointUnit(db, id, u, i);
    else if (at.get(u) !== i) setJointUnitPosition(db, id, u, i);
  });
}

/**
 * Writes an item's authors. 'update' leaves the same names in the same order alone (no delete-and-add in 操作记录);
 * 'rewrite' replaces them whatever they are (a change of unit: the same names under another unit are other persons).
 */
function writeAuthors(db: Db, id: number, unitId: number, authors: readonly string[], mode: 'insert' | 'update' | 'rewrite'): void {
  if (mode === 'rewrite') clearItemAuthors(db, id);
  if (mode === 'update') {
    const cur = itemAuthorNames(db, id);
    if (cur.join('\u0000') === authors.join('\u0000')) return;
    clearItemAuthors(db, id);
  }
  const person = personResolver(db);
  authors.forEach((a, i) => insertItemAuthor(db, id, person(unitId, a), i));
}

function insertItem(db: Db, input: ItemInput): number {
  assertUnit(db, input.unitId);
  const links = itemLinks(db, input);
  const no = input.no?.trim() || nextItemNo(db, input.date.slice(0, 4));
  if (itemNoTaken(db, no)) throw new UserError(`编号“${no}”已被使用，请换一个编号。`);
  const id = insertItemRow(db, no, itemFields(input, links.category), now());
  writeJointUnits(db, id, links.jointUnitIds);
  writeAuthors(db, id, input.unitId, input.authors, 'insert');
  if (input.body) setItemBody(db, id, input.body);
  return id;
}

export function createItem(db: Db, input: ItemInput, source: string): number {
  return write(db, source, () => insertItem(db, input));
}

/** Pasted rows: all or none. */
export function createItems(db: Db, inputs: ItemInput[], source: string): number[] {
  return write(db, source, () => inputs.map((i) => insertItem(db, i)));
}

/** The columns of an item from what the clerk entered. */
function itemFields(input: ItemInput, category: string | null): ItemFields {
  return {
    unitId: input.unitId,
    date: input.date,
    title: input.title,
    research: input.kinds.includes('research'),
    special: input.kinds.includes('special'),
    note: input.note,
    category,
  };
}

function itemDate(db: Db, id: number): { date: string; unitId: number } {
  const row = liveItemHead(db, id);
  if (!row) throw new UserError('这条信息已不存在（可能已删除），请刷新后重试。');
  return row;
}

export function updateItem(db: Db, id: number, input: ItemInput, source: string): void {
  const cur = itemDate(db, id);
  assertUnit(db, input.unitId);
  const links = itemLinks(db, input, {
    category: itemCategory(db, id),
    jointUnitIds: itemJointUnitIds(db, id),
  });
  write(db, source, () => {
    updateItemRow(db, id, itemFields(input, links.category), now());
    writeJointUnits(db, id, links.jointUnitIds);
    writeAuthors(db, id, input.unitId, input.authors, cur.unitId === input.unitId ? 'update' : 'rewrite');
    if (input.body !== undefined) setItemBody(db, id, input.body);
  });
}

/** Deleting an item puts it and its adoptions and instructions in the recycle bin. */
export function deleteItem(db: Db, id: number, source: string): void {
  itemDate(db, id); // refuses an item that no longer exists
  write(db, source, () => softDeleteItem(db, id, now()));
}

export type SimilarItem = Result<'items:similar'>[number];

/** How far apart two items of a unit may be dated and still be shown as possible duplicates. */
export const SIMILAR_DAYS = 60;

/**
 * Items of the same unit within 60 days of `date`, before or after it, with a similar title (never merged, only
 * shown): a twin entered late, with an earlier date, is as much a duplicate as one entered twice.
 */
export function similarItems(db: Db, unitId: number, title: string, date: string, excludeId?: number): SimilarItem[] {
  const rows: Omit<SimilarItem, 'similarity'>[] = itemsOfUnitBetween(db, unitId, addDays(date, -SIMILAR_DAYS), addDays(date, SIMILAR_DAYS), excludeId ?? -1);
  return rows
    .map((r) => ({ ...r, similarity: titleSimilarity(title, r.title) }))
    .filter((r) => r.similarity >= 0.6)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, 5);
}

/** For each row about to be saved together (粘贴多行), the closest existing item it may duplicate, or null. */
export function similarInBatch(db: Db, rows: { unitId: number; title: string; date: string }[]): (SimilarItem | null)[] {
  return rows.map((r) => similarItems(db, r.unitId, r.title, r.date)[0] ?? null);
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
  if (adoptionExists(db, a, excludeId)) throw new UserError('这条信息在同一天已有同一刊物、同一形式的采用记录，不能重复登记。');
}

function insertAdoption(db: Db, a: AdoptionInput): number {
  itemDate(db, a.itemId);
  assertPublicationInForce(db, a.publication, a.date);
  assertNoDuplicateAdoption(db, a);
  return insertAdoptionRow(db, a, now());
}

export function createAdoptions(db: Db, list: AdoptionInput[], source: string): number[] {
  if (list.length === 0) throw new UserError('请至少选择一条信息。');
  return write(db, source, () => list.map((a) => insertAdoption(db, a)));
}

/** What looks wrong in adoptions about to be saved (the clerk may still confirm): dated before the item was
 *  submitted, or the same item twice in one issue of one publication. */
export function adoptionWarnings(db: Db, list: AdoptionInput[], excludeId?: number): string[] {
  const warnings: string[] = [];
  const seen = new Set<string>();
  const pubName = (k: string): string => ruleSets(db).flatMap((r) => r.publications).find((p) => p.key === k)?.name ?? k;
  for (const a of list) {
    const item = liveItemSummary(db, a.itemId);
    if (!item) continue;
    const label = `${item.no}“${item.title}”`;
    if (a.date < item.submitted) warnings.push(`${label}于 ${item.submitted} 报送，采用日期 ${a.date} 早于报送日期。`);
    const issue = a.issueNo.trim();
    if (issue === '') continue;
    const key = `${a.itemId}|${a.publication}|${issue}`;
    const before = adoptionInIssueExists(db, a.itemId, a.publication, issue, excludeId ?? -1);
    if (seen.has(key) || before) warnings.push(`${label}在${publicationTitle(pubName(a.publication))}${issue}中已登记过一次。`);
    seen.add(key);
  }
  return warnings;
}

export function updateAdoption(db: Db, id: number, a: AdoptionInput, source: string): void {
  const curDate = liveRecordDate(db, 'adoptions', id);
  if (curDate === undefined) throw new UserError('这条采用记录已不存在，请刷新后重试。');
  itemDate(db, a.itemId);
  assertPublicationInForce(db, a.publication, a.date);
  assertNoDuplicateAdoption(db, a, id);
  write(db, source, () => updateAdoptionRow(db, id, a, now()));
}

function softDelete(db: Db, table: DatedTable, id: number, source: string): void {
  const date = liveRecordDate(db, table, id);
  if (date === undefined) throw new UserError('这条记录已不存在，请刷新后重试。');
  write(db, source, () => softDeleteRecord(db, table, id, now()));
}

export const deleteAdoption = (db: Db, id: number, source: string): void => softDelete(db, 'adoptions', id, source);
export const deleteInstruction = (db: Db, id: number, source: string): void => softDelete(db, 'instructions', id, source);
export const deleteEvent = (db: Db, id: number, source: string): void => softDelete(db, 'events', id, source);

export type InstructionInput = Args<'instructions:create'>;

function checkInstruction(db: Db, r: InstructionInput, excludeId = -1): void {
  itemDate(db, r.itemId);
  assertVocab(db, 'instructionLevels', r.level, '批示级别');
  if (instructionExists(db, r.itemId, r.level, r.date, excludeId))
    throw new UserError('这条信息在同一天已有同一级别的批示记录。');
}

export function updateInstruction(db: Db, id: number, r: InstructionInput, source: string): void {
  const curDate = liveRecordDate(db, 'instructions', id);
  if (curDate === undefined) throw new UserError('这条批示记录已不存在，请刷新后重试。');
  checkInstruction(db, r, id);
  write(db, source, () => updateInstructionRow(db, id, r, now()));
}

export function createInstruction(db: Db, r: InstructionInput, source: string): number {
  checkInstruction(db, r);
  return write(db, source, () => insertInstructionRow(db, r, now()));
}

// ------------------------------------------------------------------------------------------- requests

export type RequestInput = Args<'requests:create'>;

export function createRequest(db: Db, r: RequestInput, source: string): number {
  assertVocab(db, 'requestIssuers', r.issuer, '约稿方');
  if (r.unitIds.length === 0) throw new UserError('请至少选择一个受约单位。');
  if (r.issued && r.deadline < r.issued) throw new UserError('截止日期不能早于下发日期。');
  for (const u of r.unitIds) assertUnit(db, u);
  return write(db, source, () => {
    const year = r.deadline.slice(0, 4);
    const no = `YG${year}-${String(lastNumber(db, 'requests', `YG${year}-`) + 1).padStart(3, '0')}`;
    const id = insertRequestRow(db, no, r, now());
    addPendingTargets(db, id, new Set(r.unitIds));
    return id;
  });
}

/** Corrects a request: issuer, topic, dates, note and its units (a unit taken off loses its outcome; a new one starts 待报). */
export function updateRequest(db: Db, id: number, r: RequestInput, source: string): void {
  const deadline = liveRequestDeadline(db, id);
  if (deadline === undefined) throw new UserError('这个约稿已不存在，请刷新后重试。');
  assertVocab(db, 'requestIssuers', r.issuer, '约稿方');
  if (r.unitIds.length === 0) throw new UserError('请至少选择一个受约单位。');
  if (r.issued && r.deadline < r.issued) throw new UserError('截止日期不能早于下发日期。');
  for (const u of r.unitIds) assertUnit(db, u);
  write(db, source, () => {
    updateRequestRow(db, id, r, now());
    const keep = new Set(r.unitIds);
    deleteTargetsExcept(db, id, keep);
    addPendingTargets(db, id, keep);
  });
}

export function setTargetOutcome(db: Db, targetId: number, outcome: RequestOutcome, itemId: number | null, source: string, reason?: string): void {
  const deadline = targetDeadline(db, targetId);
  if (deadline === undefined) throw new UserError('这个约稿对象已不存在，请刷新后重试。');
  if (itemId !== null) itemDate(db, itemId);
  write(db, source, () => setTargetRow(db, targetId, outcome, itemId, reason));
}

export function deleteRequest(db: Db, id: number, source: string): void {
  const deadline = liveRequestDeadline(db, id);
  if (deadline === undefined) throw new UserError('这个约稿已不存在，请刷新后重试。');
  write(db, source, () => softDeleteRequest(db, id, now()));
}

// ------------------------------------------------------------------------------------------- events

export type EventInput = Args<'events:create'>;

export function createEvent(db: Db, e: EventInput, source: string): number {
  assertUnit(db, e.unitId);
  assertVocab(db, 'eventKinds', e.kind, '加减分事项');
  return write(db, source, () => insertEventRow(db, e, now()));
}

export function updateEvent(db: Db, id: number, e: EventInput, source: string): void {
  const curDate = liveRecordDate(db, 'events', id);
  if (curDate === undefined) throw new UserError('这条加减分记录已不存在，请刷新后重试。');
  assertUnit(db, e.unitId);
  assertVocab(db, 'eventKinds', e.kind, '加减分事项');
  write(db, source, () => updateEventRow(db, id, e, now()));
}

// ------------------------------------------------------------------------------------------- unit removal

/** Removes a unit entered by mistake: only when no item, event or request (even in the recycle bin) refers to it. */
export function deleteUnit(db: Db, id: number, source: string): void {
  const name = unitName(db, id);
  if (name === undefined) throw new UserError('这个单位已不存在，请刷新后重试。');
  if (unitUseCount(db, id) > 0) throw new UserError(`“${name}”已有报送（含合报）、约稿或加减分记录（含回收站），不能删除；不再计分时请设置停用月份。`);
  write(db, source, () => deleteUnitRow(db, id));
}
