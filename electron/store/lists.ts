// The read side of the pages' lists: items with the 信息登记 filters, an item with its records, requests with their
// units, events, the months' counts and the adoptions by issue. Rows only; the services turn them into views.
import type { AdoptionFact, InstructionFact } from '../../shared/domain';
import type { Args, EventView, IssueView, ItemView, RequestView } from '../../shared/ipc/contract';
import { monthPeriod } from '../../shared/periods';
import { cachedStatement, type Db } from '../db/database';

/** The 信息登记 list's filter (the contract's `items:list`). */
export type ItemFilter = Args<'items:list'>;

/** A page of live items matching the filter, newest first, and how many match in all. */
export function itemRows(db: Db, f: ItemFilter): { total: number; rows: (ItemRow & { adoptions: number; instructions: number })[] } {
  const where = ['i.deleted_at IS NULL'];
  const params: unknown[] = [];
  const wanted = f.q?.trim() ?? '';
  if (f.month) {
    // an 编号 is unique: searched for, its item is found whatever month the list shows
    const m = monthPeriod(Number(f.month.slice(0, 4)), Number(f.month.slice(5, 7)));
    if (wanted === '') where.push('i.submitted BETWEEN ? AND ?');
    else where.push('(i.submitted BETWEEN ? AND ? OR i.no = ?)');
    params.push(m.start, m.end, ...(wanted === '' ? [] : [wanted]));
  }
  const add = (clause: string, value: unknown): void => {
    where.push(clause);
    params.push(value);
  };
  if (f.from) add('i.submitted >= ?', f.from);
  if (f.to) add('i.submitted <= ?', f.to);
  if (f.unitId !== undefined) add('i.unit_id = ?', f.unitId);
  if (f.group) add('u.grp = ?', f.group);
  if (f.kind === 'research') where.push('i.is_research = 1');
  if (f.kind === 'special') where.push('i.is_special = 1');
  if (f.kind === 'plain') where.push('i.is_research = 0 AND i.is_special = 0');
  if (f.category) add('i.category = ?', f.category);
  if (f.joint) where.push('EXISTS (SELECT 1 FROM item_joint_units ju WHERE ju.item_id = i.id)');
  const adopted = 'EXISTS (SELECT 1 FROM adoptions a WHERE a.item_id = i.id AND a.deleted_at IS NULL)';
  if (f.adopted === 'yes') where.push(adopted);
  if (f.adopted === 'no') where.push(`NOT ${adopted}`);
  const q = f.q?.trim() ?? '';
  // the trigram index finds any 3+ character piece of a title (a phrase query); the matches drive the query
  const fts = [...q].length >= 3;
  if (fts) {
    // (bound first: the matches subquery comes before the WHERE clause)
    params.unshift(`"${q.replace(/"/g, '""')}"`, q);
  } else if (q !== '') {
    // one or two characters are below the trigram size: a scan, still limited to live items
    where.push(`(i.title LIKE ? ESCAPE '\\' OR i.no = ?)`);
    params.push(`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, q);
  }
  const source = fts
    ? `(SELECT rowid AS id FROM items_fts WHERE items_fts MATCH ? UNION SELECT id FROM items WHERE no = ?) m CROSS JOIN items i ON i.id = m.id`
    : 'items i';
  const from = `FROM ${source} JOIN units u ON u.id = i.unit_id WHERE ${where.join(' AND ')}`;
  // the count needs the units table only when a group is chosen, and reads the live-items index, not the table
  const countFrom = f.group
    ? from
    : `FROM ${fts ? source : 'items i INDEXED BY items_live_date'} WHERE ${where.join(' AND ')}`;
  const total = (cachedStatement(db, `SELECT count(*) AS n ${countFrom}`).get(...params) as { n: number }).n;
  const rows = cachedStatement(
    db,
    `SELECT i.id, i.no, i.unit_id AS unitId, u.name AS unitName, i.submitted AS date, i.title, i.is_research AS r, i.is_special AS s, i.note,
         i.category, ${JOINT_UNITS} AS joint,
         (SELECT group_concat(p.name, '、') FROM item_authors ia JOIN persons p ON p.id = ia.person_id WHERE ia.item_id = i.id) AS authors,
         (SELECT count(*) FROM adoptions a WHERE a.item_id = i.id AND a.deleted_at IS NULL) AS adoptions,
         (SELECT count(*) FROM instructions r WHERE r.item_id = i.id AND r.deleted_at IS NULL) AS instructions
       ${from} ORDER BY i.submitted DESC, i.id DESC LIMIT ? OFFSET ?`,
  ).all(...params, f.limit, f.offset) as (ItemRow & { adoptions: number; instructions: number })[];
  return { total, rows };
}

/** An item's 合报 units in order, as JSON [{id, name}] (a correlated subquery of a query over `items i`). */
const JOINT_UNITS = `(SELECT json_group_array(json_object('id', j.unit_id, 'name', j.name)) FROM
    (SELECT ju.unit_id, ju2.name FROM item_joint_units ju JOIN units ju2 ON ju2.id = ju.unit_id WHERE ju.item_id = i.id ORDER BY ju.position) j)`;

/** An item row before it becomes an ItemView: flags as 0/1, authors joined by 、, 合报 units as JSON. */
export type ItemRow = Omit<ItemView, 'kinds' | 'authors' | 'adoptions' | 'instructions' | 'categoryName' | 'jointUnits'> & {
  r: number;
  s: number;
  authors: string | null;
  joint: string;
};


/** One live item as the detail panel shows it. */
export function itemRow(db: Db, id: number): ItemRow | undefined {
  return db
    .prepare(
      `SELECT i.id, i.no, i.unit_id AS unitId, u.name AS unitName, i.submitted AS date, i.title, i.is_research AS r, i.is_special AS s, i.note,
         i.category, ${JOINT_UNITS} AS joint,
         (SELECT group_concat(p.name, '、') FROM item_authors ia JOIN persons p ON p.id = ia.person_id WHERE ia.item_id = i.id) AS authors
       FROM items i JOIN units u ON u.id = i.unit_id WHERE i.id = ? AND i.deleted_at IS NULL`,
    )
    .get(id) as ItemRow | undefined;
}

/** An item's live adoptions, oldest first. */
export function adoptionsOfItem(db: Db, itemId: number): AdoptionFact[] {
  return db
    .prepare(
      `SELECT id, item_id AS itemId, publication, form, date, issue_no AS issueNo FROM adoptions WHERE item_id = ? AND deleted_at IS NULL ORDER BY date, id`,
    )
    .all(itemId) as AdoptionFact[];
}

/** An item's live instructions, oldest first. */
export function instructionsOfItem(db: Db, itemId: number): InstructionFact[] {
  return db
    .prepare(
      `SELECT id, item_id AS itemId, level, form, date, leader FROM instructions WHERE item_id = ? AND deleted_at IS NULL ORDER BY date, id`,
    )
    .all(itemId) as InstructionFact[];
}

/** Live requests (of one year's deadlines, if given), latest deadline first. */
export function requestRows(db: Db, year?: number): Omit<RequestView, 'targets'>[] {
  return db
    .prepare(
      `SELECT id, no, issuer, topic, issued, deadline, note FROM requests WHERE deleted_at IS NULL ${year ? 'AND deadline LIKE ?' : ''} ORDER BY deadline DESC, id DESC`,
    )
    .all(...(year ? [`${year}-%`] : [])) as Omit<RequestView, 'targets'>[];
}

/** Every request's units with their outcome and answering item, in roster order. */
export function targetRows(db: Db): (Omit<RequestView['targets'][number], 'overdue'> & { requestId: number })[] {
  return db
    .prepare(
      `SELECT t.id, t.request_id AS requestId, t.unit_id AS unitId, u.name AS unitName, t.outcome, t.item_id AS itemId, i.no AS itemNo,
         i.title AS itemTitle, t.note AS reason
       FROM request_targets t JOIN units u ON u.id = t.unit_id LEFT JOIN items i ON i.id = t.item_id ORDER BY u.sort_order`,
    )
    .all() as (Omit<RequestView['targets'][number], 'overdue'> & { requestId: number })[];
}

/** Live events (of one year, if given), latest first. */
export function eventRows(db: Db, year?: number): EventView[] {
  return db
    .prepare(
      `SELECT e.id, e.unit_id AS unitId, u.name AS unitName, e.date, e.kind, e.quantity, e.note FROM events e JOIN units u ON u.id = e.unit_id
       WHERE e.deleted_at IS NULL ${year ? 'AND e.date LIKE ?' : ''} ORDER BY e.date DESC, e.id DESC`,
    )
    .all(...(year ? [`${year}-%`] : [])) as EventView[];
}

/** How many live items were submitted, and live adoptions dated, between two dates. */
export function countsBetween(db: Db, start: string, end: string): { items: number; adoptions: number } {
  return {
    items: (db.prepare('SELECT count(*) AS n FROM items WHERE deleted_at IS NULL AND submitted BETWEEN ? AND ?').get(start, end) as { n: number }).n,
    adoptions: (db.prepare('SELECT count(*) AS n FROM adoptions WHERE deleted_at IS NULL AND date BETWEEN ? AND ?').get(start, end) as { n: number }).n,
  };
}

/** Live adoptions of live items (of one year, if given) with their item, latest first, grouped by publication and 期号. */
export function adoptionIssueRows(db: Db, year?: number): (IssueView['items'][number] & { publication: string; issueNo: string; date: string })[] {
  return db
    .prepare(
      `SELECT a.id AS adoptionId, a.publication, a.issue_no AS issueNo, a.date, a.form, a.item_id AS itemId, i.no, i.title, i.submitted, u.name AS unitName
       FROM adoptions a JOIN items i ON i.id = a.item_id AND i.deleted_at IS NULL JOIN units u ON u.id = i.unit_id
       WHERE a.deleted_at IS NULL ${year ? 'AND a.date LIKE ?' : ''} ORDER BY a.date DESC, a.publication, a.issue_no, a.id`,
    )
    .all(...(year ? [`${year}-%`] : [])) as (IssueView['items'][number] & { publication: string; issueNo: string; date: string })[];
}
