// Loads what the engine needs for a period — and only that (issue: ten office-years must feel as quick as one).
import type {
  AdoptionFact,
  EventFact,
  Facts,
  InstructionFact,
  ItemFact,
  ItemKind,
  PersonFact,
  RequestTargetFact,
  UnitFact,
} from '../../shared/domain';
import { addDays, monthPeriod, previousMonth, quarterOf, yearPeriod, type Period } from '../../shared/periods';
import type { RuleSet } from '../../shared/rules/schema';
import type { Db } from '../db/database';

interface ItemRow {
  id: number;
  no: string;
  unitId: number;
  date: string;
  title: string;
  research: number;
  special: number;
}

const kindsOf = (r: ItemRow): ItemKind[] => {
  const k: ItemKind[] = [];
  if (r.research) k.push('research');
  if (r.special) k.push('special');
  return k;
};

/** The dates whose items the period's windows can look at (the month before, for 连续两个月不报送). */
export function itemRange(rules: readonly RuleSet[], p: Period): { start: string; end: string } {
  const windows = new Set(
    rules.flatMap((r) => r.groups.flatMap((g) => [g.quota?.window, ...g.requirements.map((q) => q.window)])),
  );
  const year = yearPeriod(Number(p.start.slice(0, 4)));
  // the month before the quarter (连续两个月不报送 looks one month back)
  const q = quarterOf(p.start);
  let start = previousMonth(monthPeriod(q.year, (q.index - 1) * 3 + 1)).start;
  // a month sheet shows research points judged over its whole quarter
  let end = p.kind === 'month' ? quarterOf(p.start).end : p.end;
  if (windows.has('year')) {
    if (year.start < start) start = year.start;
    if (year.end > end) end = year.end;
  }
  if (windows.has('week')) {
    start = addDays(start, -7);
    end = addDays(end, 7);
  }
  return { start, end };
}

const ITEM_COLS = `i.id, i.no, i.unit_id AS unitId, i.submitted AS date, i.title,
  i.is_research AS research, i.is_special AS special`;

export function loadUnits(db: Db): UnitFact[] {
  return db
    .prepare(
      `SELECT id, name, grp AS "group", sort_order AS sortOrder, active_from AS activeFrom, active_until AS activeUntil
       FROM units ORDER BY sort_order, id`,
    )
    .all() as UnitFact[];
}

function toItems(rows: ItemRow[], authors: Map<number, number[]>): ItemFact[] {
  return rows.map((r) => ({
    id: r.id,
    no: r.no,
    unitId: r.unitId,
    date: r.date,
    title: r.title,
    kinds: kindsOf(r),
    authorIds: authors.get(r.id) ?? [],
  }));
}

const NO_KINDS: ItemKind[] = [];
const RESEARCH: ItemKind[] = ['research'];
const SPECIAL: ItemKind[] = ['special'];
const BOTH: ItemKind[] = ['research', 'special'];

/**
 * The period's items, read as arrays (one allocation a row, not two). A plain item's title is only read when some
 * record scores it (filled in by loadFacts): a quarter has thousands of items and the engine counts most of them.
 */
function itemsInRange(db: Db, start: string, end: string): ItemFact[] {
  // served by the covering index items_live_cover: no table reads, no sort (the engine's index sorts per unit)
  const rows = db
    .prepare(
      `SELECT id, unit_id, submitted, is_research, is_special FROM items INDEXED BY items_live_cover
       WHERE deleted_at IS NULL AND submitted BETWEEN ? AND ?`,
    )
    .raw(true)
    .all(start, end) as [number, number, string, number, number][];
  // 调研/专报 items are few: their 编号 and titles explain the requirement lines (the index filters, the table is read
  // only for them)
  const named = new Map(
    (
      db
        .prepare(
          `SELECT id, no, title FROM items INDEXED BY items_live_cover
           WHERE deleted_at IS NULL AND submitted BETWEEN ? AND ? AND (is_research = 1 OR is_special = 1)`,
        )
        .raw(true)
        .all(start, end) as [number, string, string][]
    ).map(([id, no, title]) => [id, { no, title }]),
  );
  return rows.map(([id, unitId, date, r, s]) => ({
    id,
    no: named.get(id)?.no ?? '',
    unitId,
    date,
    title: named.get(id)?.title ?? '',
    kinds: r ? (s ? BOTH : RESEARCH) : s ? SPECIAL : NO_KINDS,
    authorIds: NO_AUTHORS,
  }));
}
const NO_AUTHORS: number[] = [];

function authorsOf(db: Db, itemIds: number[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  if (itemIds.length === 0) return out;
  const stmt = db.prepare(
    `SELECT item_id AS itemId, person_id AS personId FROM item_authors
     WHERE item_id IN (SELECT value FROM json_each(?)) ORDER BY item_id, position`,
  );
  for (const r of stmt.all(JSON.stringify(itemIds)) as { itemId: number; personId: number }[])
    out.set(r.itemId, [...(out.get(r.itemId) ?? []), r.personId]);
  return out;
}

/** Facts for scoring period `p` (and its circular): a superset the engine filters by date. */
export function loadFacts(db: Db, rules: readonly RuleSet[], p: Period): Facts {
  const range = itemRange(rules, p);
  const yearStart = `${p.start.slice(0, 4)}-01-01`;
  const inRange = itemsInRange(db, range.start, range.end);
  // Every record up to the period's end of every item that has a record dated in the period (scoring.md §3).
  const adoptions = db
    .prepare(
      `SELECT a.id, a.item_id AS itemId, a.publication, a.form, a.date, a.issue_no AS issueNo
       FROM adoptions a JOIN items i ON i.id = a.item_id AND i.deleted_at IS NULL
       WHERE a.deleted_at IS NULL AND a.date <= ? AND a.item_id IN (
         SELECT item_id FROM adoptions WHERE deleted_at IS NULL AND date BETWEEN ? AND ?)
       ORDER BY a.date, a.id`,
    )
    .all(p.end, p.start, p.end) as AdoptionFact[];
  const instructions = db
    .prepare(
      `SELECT r.id, r.item_id AS itemId, r.level, r.form, r.date, r.leader
       FROM instructions r JOIN items i ON i.id = r.item_id AND i.deleted_at IS NULL
       WHERE r.deleted_at IS NULL AND r.date <= ? AND r.item_id IN (
         SELECT item_id FROM instructions WHERE deleted_at IS NULL AND date BETWEEN ? AND ?
         UNION SELECT item_id FROM adoptions WHERE deleted_at IS NULL AND date BETWEEN ? AND ?)
       ORDER BY r.date, r.id`,
    )
    .all(p.end, p.start, p.end, p.start, p.end) as InstructionFact[];
  const scoredItemIds = [...new Set([...adoptions, ...instructions].map((r) => r.itemId))];
  // the scored items in full (title, authors), whether or not they were submitted in the range
  const authors = authorsOf(db, scoredItemIds);
  const scored = new Map(
    (db.prepare(`SELECT ${ITEM_COLS} FROM items i WHERE i.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(scoredItemIds)) as ItemRow[]).map((r) => [r.id, r]),
  );
  const items = inRange.map((i) => {
    const full = scored.get(i.id);
    if (!full) return i;
    scored.delete(i.id);
    return { ...i, title: full.title, authorIds: authors.get(i.id) ?? NO_AUTHORS };
  });
  items.push(...toItems([...scored.values()], authors));
  const persons = db
    .prepare(
      `SELECT DISTINCT p.id, p.name, p.unit_id AS unitId FROM persons p
       JOIN item_authors ia ON ia.person_id = p.id WHERE ia.item_id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(scoredItemIds)) as PersonFact[];
  const events = db
    .prepare(
      `SELECT id, unit_id AS unitId, date, kind, quantity, note FROM events
       WHERE deleted_at IS NULL AND date BETWEEN ? AND ? ORDER BY date, id`,
    )
    .all(yearStart < range.start ? yearStart : range.start, p.end) as EventFact[];
  const requestTargets = db
    .prepare(
      `SELECT t.id, t.request_id AS requestId, r.no AS requestNo, r.issuer, r.topic, r.deadline, t.unit_id AS unitId,
              t.outcome, t.item_id AS itemId
       FROM request_targets t JOIN requests r ON r.id = t.request_id AND r.deleted_at IS NULL
       WHERE r.deadline BETWEEN ? AND ? ORDER BY r.deadline, t.id`,
    )
    .all(range.start, p.end) as RequestTargetFact[];
  return { units: loadUnits(db), persons, items, adoptions, instructions, requestTargets, events };
}
