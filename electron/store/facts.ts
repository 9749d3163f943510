// Loads what the engine needs for a period — and only that, so ten office-years feel as quick as one.
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
import { addDays, monthPeriod, previousMonth, quarterOf, quartersOf, yearPeriod, type Period } from '../../shared/periods';
import type { RuleSet } from '../../shared/rules/schema';
import { cachedStatement, type Db } from '../db/database';
import { issueNoText } from '../../shared/journal';
import { adoptionIssueLabels } from './journal';
import { lockedRosters } from './locks';

interface ItemRow {
  id: number;
  no: string;
  unitId: number;
  date: string;
  title: string;
  research: number;
  special: number;
  category: string | null;
}

// shared by many facts, so frozen (the engine only reads them)
const NO_KINDS = Object.freeze([]) as unknown as ItemKind[];
const RESEARCH = Object.freeze(['research']) as unknown as ItemKind[];
const SPECIAL = Object.freeze(['special']) as unknown as ItemKind[];
const BOTH = Object.freeze(['research', 'special']) as unknown as ItemKind[];

/** An item's kinds from its two flags. */
const kindsOf = (research: number, special: number): ItemKind[] =>
  research ? (special ? BOTH : RESEARCH) : special ? SPECIAL : NO_KINDS;

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
  i.is_research AS research, i.is_special AS special, i.category`;

export function loadUnits(db: Db): UnitFact[] {
  return cachedStatement(
    db,
    `SELECT id, name, grp AS "group", sort_order AS sortOrder, active_from AS activeFrom, active_until AS activeUntil
       FROM units ORDER BY sort_order, id`,
  ).all() as UnitFact[];
}

function toItems(rows: ItemRow[], authors: Map<number, number[]>): ItemFact[] {
  return rows.map((r) => {
    const item: ItemFact = {
      id: r.id,
      no: r.no,
      unitId: r.unitId,
      date: r.date,
      title: r.title,
      kinds: kindsOf(r.research, r.special),
      authorIds: authors.get(r.id) ?? [],
    };
    if (r.category !== null) item.category = r.category;
    return item;
  });
}

/**
 * The period's items for counting. 调研/专报 items and items with a category come one by one (with 编号 and title:
 * they explain requirement lines). Plain items only count towards quotas, so they come as bundles: one fact per unit and month — or per unit
 * and day when a rule set has weekly quotas — with the number of items (ItemFact.count). Both reads are served by the
 * covering index items_live_cover; the table is read only for the named items.
 */
function itemsInRange(db: Db, rules: readonly RuleSet[], start: string, end: string, bundle: boolean): ItemFact[] {
  const named = (
    cachedStatement(
      db,
      `SELECT id, no, unit_id, submitted, title, is_research, is_special, category FROM items INDEXED BY items_live_cover
         WHERE deleted_at IS NULL AND submitted BETWEEN ? AND ?
         ${bundle ? 'AND (is_research = 1 OR is_special = 1 OR category IS NOT NULL)' : ''}`,
    )
      .raw(true)
      .all(start, end) as [number, string, number, string, string, number, number, string | null][]
  ).map(([id, no, unitId, date, title, r, s, category]): ItemFact => {
    const item: ItemFact = {
      id,
      no,
      unitId,
      date,
      title: r || s || category !== null ? title : '',
      kinds: kindsOf(r, s),
      authorIds: NO_AUTHORS,
    };
    if (category !== null) item.category = category;
    return item;
  });
  if (!bundle) return named;
  const weekly = rules.some((r) => r.groups.some((g) => g.quota?.window === 'week'));
  // a month bundle is dated the month's first day: month, quarter and year windows only look at the month
  const key = weekly ? 'submitted' : `substr(submitted, 1, 7) || '-01'`;
  const bundles = cachedStatement(
    db,
    `SELECT unit_id, ${key} AS d, count(*) FROM items INDEXED BY items_live_cover
       WHERE deleted_at IS NULL AND submitted BETWEEN ? AND ? AND is_research = 0 AND is_special = 0 AND category IS NULL
       GROUP BY unit_id, d`,
  )
    .raw(true)
    .all(start, end) as [number, string, number][];
  bundles.forEach(([unitId, date, count], i) =>
    named.push({ id: -(i + 1), no: '', unitId, date, title: '', kinds: NO_KINDS, authorIds: NO_AUTHORS, count }),
  );
  return named;
}
const NO_AUTHORS: number[] = [];

/** The ids listed per item in one of the item's ordered link tables (its 合报 units, its authors). */
function linkedIds(db: Db, link: 'item_joint_units.unit_id' | 'item_authors.person_id', itemIds: number[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  if (itemIds.length === 0) return out;
  const [table, column] = link.split('.') as [string, string];
  const rows = cachedStatement(
    db,
    `SELECT item_id AS itemId, ${column} AS id FROM ${table}
      WHERE item_id IN (SELECT value FROM json_each(?)) ORDER BY item_id, position`,
  ).all(JSON.stringify(itemIds)) as { itemId: number; id: number }[];
  for (const r of rows) {
    const ids = out.get(r.itemId);
    if (ids) ids.push(r.id);
    else out.set(r.itemId, [r.id]);
  }
  return out;
}

const jointUnitsOf = (db: Db, itemIds: number[]): Map<number, number[]> => linkedIds(db, 'item_joint_units.unit_id', itemIds);
const authorsOf = (db: Db, itemIds: number[]): Map<number, number[]> => linkedIds(db, 'item_authors.person_id', itemIds);

/**
 * Facts for scoring period `p` (and its circular): a superset the engine filters by date. Authors and persons come
 * only with a year period: the 个人排名 is annual, and a quarter's page load should not pay for it.
 */
export function loadFacts(
  db: Db,
  rules: readonly RuleSet[],
  p: Period,
  opts: { bundlePlainItems?: boolean } = {},
): Facts {
  const bundle = opts.bundlePlainItems ?? true;
  const range = itemRange(rules, p);
  const yearStart = `${p.start.slice(0, 4)}-01-01`;
  const inRange = itemsInRange(db, rules, range.start, range.end, bundle);
  // Every record up to the period's end of every item that has a record dated in the period (gains). An
  // instruction's bonus may depend on where the item was adopted, so items instructed in the period bring theirs.
  const adoptions = cachedStatement(
    db,
    `SELECT a.id, a.item_id AS itemId, a.publication, a.form, a.date, a.issue_no AS issueNo
       FROM adoptions a JOIN items i ON i.id = a.item_id AND i.deleted_at IS NULL
       WHERE a.deleted_at IS NULL AND a.date <= ? AND a.item_id IN (
         SELECT item_id FROM adoptions WHERE deleted_at IS NULL AND date BETWEEN ? AND ?
         UNION SELECT item_id FROM instructions WHERE deleted_at IS NULL AND date BETWEEN ? AND ?)
       ORDER BY a.date, a.id`,
  ).all(p.end, p.start, p.end, p.start, p.end) as AdoptionFact[];
  // a hand-logged adoption 定版 linked to an issue, its 期号 left blank, reads with that issue's 期号 (as 定版's own do)
  const blank = adoptions.filter((a) => !a.issueNo.trim());
  const issues = adoptionIssueLabels(db, blank.map((a) => a.id));
  for (const a of blank) {
    const j = issues.get(a.id);
    if (j && j.yearNo !== null) a.issueNo = issueNoText(j.yearNo);
  }
  const instructions = cachedStatement(
    db,
    `SELECT r.id, r.item_id AS itemId, r.level, r.form, r.date, r.leader
       FROM instructions r JOIN items i ON i.id = r.item_id AND i.deleted_at IS NULL
       WHERE r.deleted_at IS NULL AND r.date <= ? AND r.item_id IN (
         SELECT item_id FROM instructions WHERE deleted_at IS NULL AND date BETWEEN ? AND ?
         UNION SELECT item_id FROM adoptions WHERE deleted_at IS NULL AND date BETWEEN ? AND ?)
       ORDER BY r.date, r.id`,
  ).all(p.end, p.start, p.end, p.start, p.end) as InstructionFact[];
  const scoredItemIds = [...new Set([...adoptions, ...instructions].map((r) => r.itemId))];
  // the scored items in full (title, authors), whether or not they were submitted in the range
  const withAuthors = p.kind === 'year';
  const authors = withAuthors ? authorsOf(db, scoredItemIds) : new Map<number, number[]>();
  const scored = new Map(
    (
      cachedStatement(db, `SELECT ${ITEM_COLS} FROM items i WHERE i.id IN (SELECT value FROM json_each(?))`).all(
        JSON.stringify(scoredItemIds),
      ) as ItemRow[]
    ).map((r) => [r.id, r]),
  );
  const items = inRange.map((i) => {
    const full = scored.get(i.id);
    if (!full) return i;
    scored.delete(i.id);
    return { ...i, no: full.no, title: full.title, authorIds: authors.get(i.id) ?? NO_AUTHORS };
  });
  for (const item of toItems([...scored.values()], authors)) {
    // a scored plain item inside the range is already counted in its bundle: it comes to explain, not to count
    if (bundle && item.kinds.length === 0 && item.category === undefined && item.date >= range.start && item.date <= range.end)
      item.count = 0;
    items.push(item);
  }
  // 合报: the other units of the scored items (a joint item's adoptions and instructions are theirs too)
  const joint = jointUnitsOf(db, scoredItemIds);
  if (joint.size > 0)
    for (let i = 0; i < items.length; i++) {
      const units = joint.get(items[i]!.id);
      if (units) items[i] = { ...items[i]!, jointUnitIds: units };
    }
  const persons = withAuthors
    ? (cachedStatement(
        db,
        `SELECT DISTINCT p.id, p.name, p.unit_id AS unitId FROM persons p
       JOIN item_authors ia ON ia.person_id = p.id WHERE ia.item_id IN (SELECT value FROM json_each(?))`,
      ).all(JSON.stringify(scoredItemIds)) as PersonFact[])
    : [];
  const events = cachedStatement(
    db,
    `SELECT id, unit_id AS unitId, date, kind, quantity, note FROM events
       WHERE deleted_at IS NULL AND date BETWEEN ? AND ? ORDER BY date, id`,
  ).all(yearStart < range.start ? yearStart : range.start, p.end) as EventFact[];
  const requestTargets = cachedStatement(
    db,
    `SELECT t.id, t.request_id AS requestId, r.no AS requestNo, r.issuer, r.topic, r.deadline, t.unit_id AS unitId,
              t.outcome, t.item_id AS itemId
       FROM request_targets t JOIN requests r ON r.id = t.request_id AND r.deleted_at IS NULL
       WHERE r.deadline BETWEEN ? AND ? ORDER BY r.deadline, t.id`,
  ).all(range.start, p.end) as RequestTargetFact[];
  const first = cachedStatement(db, 'SELECT min(submitted) AS d FROM items INDEXED BY items_live_date WHERE deleted_at IS NULL').get() as { d: string | null };
  const facts: Facts = { units: loadUnits(db), persons, items, adoptions, instructions, requestTargets, events };
  if (first.d !== null) facts.firstItemDate = first.d;
  // locked quarters are scored with the roster they were circulated with
  const rosters = lockedRosters(db, quartersOf(yearPeriod(p.year)).filter((q) => q.end >= p.start && q.start <= p.end).map((q) => q.code));
  if (Object.keys(rosters).length > 0) {
    facts.rosters = rosters;
    const own = p.kind === 'year' ? undefined : rosters[quarterOf(p.start).code];
    if (own) facts.units = own;
    else {
      // a unit deleted since a locked quarter still has its name there
      const ids = new Set(facts.units.map((u) => u.id));
      for (const roster of Object.values(rosters))
        for (const u of roster)
          if (!ids.has(u.id)) {
            ids.add(u.id);
            facts.units.push(u);
          }
    }
  }
  return facts;
}
