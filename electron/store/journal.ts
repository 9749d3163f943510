// 编刊's SQL: issues, their 栏目 and entries, the adoptions 定版 records or links, items' 正文 and kept files.
import type { AdoptionForm } from '../../shared/domain';
import type { JournalState } from '../../shared/journal';
import type { JournalRequestView } from '../../shared/ipc/contract';
import type { Db } from '../db/database';

export interface IssueRow {
  id: number;
  publication: string;
  date: string;
  state: JournalState;
  yearNo: number | null;
  totalNo: number | null;
  editorNote: string;
  publishedAt: string | null;
  entries: number;
}

const ISSUE_COLUMNS = `j.id, j.publication, j.date, j.state, j.year_no AS yearNo, j.total_no AS totalNo, j.editor_note AS editorNote,
  j.published_at AS publishedAt,
  (SELECT count(*) FROM journal_entries e JOIN journal_sections s ON s.id = e.section_id WHERE s.issue_id = j.id) AS entries`;

export function listIssueRows(db: Db, filter: { year?: number; publication?: string }): IssueRow[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filter.year) {
    where.push('j.date LIKE ?');
    params.push(`${filter.year}-%`);
  }
  if (filter.publication) {
    where.push('j.publication = ?');
    params.push(filter.publication);
  }
  return db
    .prepare(`SELECT ${ISSUE_COLUMNS} FROM journal_issues j ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY j.date DESC, j.id DESC`)
    .all(...params) as IssueRow[];
}

export function issueRow(db: Db, id: number): IssueRow | undefined {
  return db.prepare(`SELECT ${ISSUE_COLUMNS} FROM journal_issues j WHERE j.id = ?`).get(id) as IssueRow | undefined;
}

export interface EntryRow {
  id: number;
  sectionId: number;
  sectionName: string;
  sectionPosition: number;
  position: number;
  form: AdoptionForm;
  title: string;
  body: string;
  editorNote: string;
}

export interface EntryItemRow {
  entryId: number;
  itemId: number;
  no: string;
  title: string;
  unitName: string;
  date: string;
  body: string;
  deleted: number;
}

/** Sections (with no entry too) and entries of an issue, in order. */
export function issueContent(db: Db, issueId: number): { sections: { id: number; name: string }[]; entries: EntryRow[]; items: EntryItemRow[] } {
  const sections = db.prepare('SELECT id, name FROM journal_sections WHERE issue_id = ? ORDER BY position, id').all(issueId) as { id: number; name: string }[];
  const entries = db
    .prepare(
      `SELECT e.id, e.section_id AS sectionId, s.name AS sectionName, s.position AS sectionPosition, e.position, e.form, e.title, e.body,
         e.editor_note AS editorNote
       FROM journal_entries e JOIN journal_sections s ON s.id = e.section_id WHERE s.issue_id = ? ORDER BY s.position, s.id, e.position, e.id`,
    )
    .all(issueId) as EntryRow[];
  const items = db
    .prepare(
      `SELECT ei.entry_id AS entryId, i.id AS itemId, i.no, i.title, u.name AS unitName, i.submitted AS date, i.body,
         i.deleted_at IS NOT NULL AS deleted
       FROM journal_entry_items ei JOIN journal_entries e ON e.id = ei.entry_id JOIN journal_sections s ON s.id = e.section_id
       JOIN items i ON i.id = ei.item_id JOIN units u ON u.id = i.unit_id
       WHERE s.issue_id = ? ORDER BY ei.entry_id, ei.position`,
    )
    .all(issueId) as EntryItemRow[];
  return { sections, entries, items };
}

export interface DraftContent {
  publication: string;
  date: string;
  editorNote: string;
  sections: { name: string; entries: { itemIds: number[]; form: AdoptionForm; title: string; body: string; editorNote: string }[] }[];
}

/** Writes a draft's content: a new issue, or the same issue's sections and entries replaced as a whole. */
export function writeDraft(db: Db, id: number | undefined, d: DraftContent, now: string): number {
  let issueId = id;
  if (issueId === undefined)
    issueId = Number(
      db
        .prepare(`INSERT INTO journal_issues (publication, date, state, editor_note, created_at, updated_at) VALUES (?, ?, 'draft', ?, ?, ?)`)
        .run(d.publication, d.date, d.editorNote, now, now).lastInsertRowid,
    );
  else {
    db.prepare('UPDATE journal_issues SET publication = ?, date = ?, editor_note = ?, updated_at = ? WHERE id = ?').run(d.publication, d.date, d.editorNote, now, issueId);
    db.prepare('DELETE FROM journal_sections WHERE issue_id = ?').run(issueId);
  }
  const section = db.prepare('INSERT INTO journal_sections (issue_id, position, name) VALUES (?, ?, ?)');
  const entry = db.prepare('INSERT INTO journal_entries (section_id, position, form, title, body, editor_note) VALUES (?, ?, ?, ?, ?, ?)');
  const item = db.prepare('INSERT INTO journal_entry_items (entry_id, item_id, position) VALUES (?, ?, ?)');
  d.sections.forEach((s, si) => {
    const sid = Number(section.run(issueId, si, s.name).lastInsertRowid);
    s.entries.forEach((e, ei) => {
      const eid = Number(entry.run(sid, ei, e.form, e.title, e.body, e.editorNote).lastInsertRowid);
      e.itemIds.forEach((it, k) => item.run(eid, it, k));
    });
  });
  return issueId;
}

export function deleteIssue(db: Db, id: number): void {
  db.prepare('DELETE FROM journal_issues WHERE id = ?').run(id);
}

/** The highest 第N期 of a publication's year and 总第M期 overall among published issues. */
export function lastNumbers(db: Db, publication: string, year: string): { yearNo: number | null; totalNo: number | null } {
  return db
    .prepare(
      `SELECT (SELECT max(year_no) FROM journal_issues WHERE publication = ? AND substr(date, 1, 4) = ? AND state = 'published') AS yearNo,
              (SELECT max(total_no) FROM journal_issues WHERE publication = ? AND state = 'published') AS totalNo`,
    )
    .get(publication, year, publication) as { yearNo: number | null; totalNo: number | null };
}

export function setPublished(db: Db, id: number, yearNo: number, totalNo: number, now: string): void {
  db.prepare(`UPDATE journal_issues SET state = 'published', year_no = ?, total_no = ?, published_at = ?, updated_at = ? WHERE id = ?`).run(yearNo, totalNo, now, now, id);
}

export function setDraft(db: Db, id: number, now: string): void {
  db.prepare(`UPDATE journal_issues SET state = 'draft', year_no = NULL, total_no = NULL, published_at = NULL, updated_at = ? WHERE id = ?`).run(now, id);
}

export interface HandAdoption {
  id: number;
  itemId: number;
  date: string;
  issueNo: string;
}

/** A hand-logged live adoption of the item by the publication in that form, not yet linked to an issue. */
export function handAdoption(db: Db, itemId: number, publication: string, form: AdoptionForm, date: string): HandAdoption | undefined {
  return db
    .prepare(
      `SELECT id, item_id AS itemId, date, issue_no AS issueNo FROM adoptions
       WHERE item_id = ? AND publication = ? AND form = ? AND deleted_at IS NULL AND journal_issue_id IS NULL
       ORDER BY date = ? DESC, abs(julianday(date) - julianday(?)), id LIMIT 1`,
    )
    .get(itemId, publication, form, date, date) as HandAdoption | undefined;
}

export function insertIssueAdoption(db: Db, a: { itemId: number; publication: string; form: AdoptionForm; date: string; issueNo: string; issueId: number }, now: string): number {
  return Number(
    db
      .prepare(
        `INSERT INTO adoptions (item_id, publication, form, date, issue_no, note, created_at, updated_at, journal_issue_id, journal_role)
         VALUES (?, ?, ?, ?, ?, '', ?, ?, ?, 'created')`,
      )
      .run(a.itemId, a.publication, a.form, a.date, a.issueNo, now, now, a.issueId).lastInsertRowid,
  );
}

export function linkAdoption(db: Db, adoptionId: number, issueId: number, now: string): void {
  db.prepare(`UPDATE adoptions SET journal_issue_id = ?, journal_role = 'linked', updated_at = ? WHERE id = ?`).run(issueId, now, adoptionId);
}

export interface IssueAdoptionRow {
  id: number;
  itemId: number;
  no: string;
  title: string;
  unitName: string;
  form: AdoptionForm;
  date: string;
  role: 'created' | 'linked';
  deleted: number;
}

export function issueAdoptions(db: Db, issueId: number): IssueAdoptionRow[] {
  return db
    .prepare(
      `SELECT a.id, a.item_id AS itemId, i.no, i.title, u.name AS unitName, a.form, a.date, a.journal_role AS role, a.deleted_at IS NOT NULL AS deleted
       FROM adoptions a JOIN items i ON i.id = a.item_id JOIN units u ON u.id = i.unit_id
       WHERE a.journal_issue_id = ? ORDER BY a.id`,
    )
    .all(issueId) as IssueAdoptionRow[];
}

/** 撤版: the adoptions 定版 recorded go; the hand-logged ones it linked stay, unlinked. */
export function unwindAdoptions(db: Db, issueId: number, now: string): { removed: number; unlinked: number } {
  const removed = db.prepare(`DELETE FROM adoptions WHERE journal_issue_id = ? AND journal_role = 'created'`).run(issueId).changes;
  const unlinked = db
    .prepare(`UPDATE adoptions SET journal_issue_id = NULL, journal_role = NULL, updated_at = ? WHERE journal_issue_id = ? AND journal_role = 'linked'`)
    .run(now, issueId).changes;
  return { removed, unlinked };
}

/** Other published issues of the publication that printed one of these items. */
export function printedElsewhere(db: Db, issueId: number, publication: string, itemIds: number[]): { itemId: number; yearNo: number; totalNo: number; date: string }[] {
  if (itemIds.length === 0) return [];
  return db
    .prepare(
      `SELECT ei.item_id AS itemId, j.year_no AS yearNo, j.total_no AS totalNo, j.date
       FROM journal_entry_items ei JOIN journal_entries e ON e.id = ei.entry_id JOIN journal_sections s ON s.id = e.section_id
       JOIN journal_issues j ON j.id = s.issue_id
       WHERE j.state = 'published' AND j.id != ? AND j.publication = ? AND ei.item_id IN (SELECT value FROM json_each(?))`,
    )
    .all(issueId, publication, JSON.stringify(itemIds)) as { itemId: number; yearNo: number; totalNo: number; date: string }[];
}

/** 约稿 targets answered by one of these items (linked on the 约稿 page). */
export function requestsAnsweredBy(db: Db, itemIds: number[]): JournalRequestView[] {
  if (itemIds.length === 0) return [];
  return db
    .prepare(
      `SELECT t.id AS targetId, r.no AS requestNo, r.topic, u.name AS unitName, i.id AS itemId, i.no AS itemNo, t.outcome
       FROM request_targets t JOIN requests r ON r.id = t.request_id AND r.deleted_at IS NULL JOIN units u ON u.id = t.unit_id
       JOIN items i ON i.id = t.item_id
       WHERE t.item_id IN (SELECT value FROM json_each(?)) ORDER BY r.deadline, r.id, t.id`,
    )
    .all(JSON.stringify(itemIds)) as JournalRequestView[];
}

export interface LiveItem {
  id: number;
  no: string;
  title: string;
  date: string;
}

/** Live items by 编号 (the JSON description names items by 编号). */
export function itemsByNo(db: Db, nos: string[]): Map<string, LiveItem> {
  const rows = db
    .prepare(`SELECT id, no, title, submitted AS date FROM items WHERE deleted_at IS NULL AND no IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(nos)) as LiveItem[];
  return new Map(rows.map((r) => [r.no, r]));
}

export function liveItems(db: Db, ids: number[]): Map<number, LiveItem> {
  const rows = db
    .prepare(`SELECT id, no, title, submitted AS date FROM items WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as LiveItem[];
  return new Map(rows.map((r) => [r.id, r]));
}

export interface CandidateRow {
  id: number;
  no: string;
  title: string;
  unitName: string;
  date: string;
  body: string;
  adopted: string | null;
}

/**
 * Items not yet printed in a published issue of the publication, newest first, from the 60 days before `date`;
 * `adopted` lists their live adoptions as publication|form pairs.
 */
export function candidateRows(db: Db, publication: string, date: string, from: string, q: string, limit: number): CandidateRow[] {
  return db
    .prepare(
      `SELECT i.id, i.no, i.title, u.name AS unitName, i.submitted AS date, i.body,
         (SELECT group_concat(a.publication || '|' || a.form, ',') FROM adoptions a WHERE a.item_id = i.id AND a.deleted_at IS NULL) AS adopted
       FROM items i JOIN units u ON u.id = i.unit_id
       WHERE i.deleted_at IS NULL AND i.submitted BETWEEN ? AND ?
         AND (? = '' OR i.title LIKE '%' || ? || '%' OR u.name LIKE '%' || ? || '%')
         AND NOT EXISTS (SELECT 1 FROM journal_entry_items ei JOIN journal_entries e ON e.id = ei.entry_id
           JOIN journal_sections s ON s.id = e.section_id JOIN journal_issues j ON j.id = s.issue_id
           WHERE ei.item_id = i.id AND j.state = 'published' AND j.publication = ?)
       ORDER BY i.submitted DESC, i.id DESC LIMIT ?`,
    )
    .all(from, date, q, q, q, publication, limit) as CandidateRow[];
}

/** Scored units (active that month) with no item submitted in the month. */
export function silentUnits(db: Db, month: string): string[] {
  return db
    .prepare(
      `SELECT u.name FROM units u
       WHERE u.grp != 'none' AND (u.active_from IS NULL OR u.active_from <= ?) AND (u.active_until IS NULL OR u.active_until > ?)
         AND NOT EXISTS (SELECT 1 FROM items i WHERE i.unit_id = u.id AND i.deleted_at IS NULL AND i.submitted LIKE ? || '-%')
       ORDER BY u.sort_order, u.id`,
    )
    .pluck()
    .all(month, month, month) as string[];
}

// ------------------------------------------------------------------------------------------- 正文 and original files

export function itemBody(db: Db, itemId: number): { body: string; file: { name: string; bytes: number } | null } {
  const body = (db.prepare('SELECT body FROM items WHERE id = ?').pluck().get(itemId) as string | undefined) ?? '';
  const file = db.prepare('SELECT name, bytes FROM item_files WHERE item_id = ?').get(itemId) as { name: string; bytes: number } | undefined;
  return { body, file: file ?? null };
}

export function keepItemFile(db: Db, itemId: number, name: string, data: Buffer, now: string): void {
  db.prepare('INSERT OR REPLACE INTO item_files (item_id, name, bytes, data, received_at) VALUES (?, ?, ?, ?, ?)').run(itemId, name, data.length, data, now);
}

export function itemFile(db: Db, itemId: number): { name: string; data: Buffer } | undefined {
  return db.prepare('SELECT name, data FROM item_files WHERE item_id = ?').get(itemId) as { name: string; data: Buffer } | undefined;
}

/** 期号 of the issues adoptions came from (定版 recorded or linked them), by adoption id. */
export function adoptionIssueLabels(db: Db, adoptionIds: number[]): Map<number, { issueId: number; yearNo: number | null; totalNo: number | null }> {
  if (adoptionIds.length === 0) return new Map();
  const rows = db
    .prepare(
      `SELECT a.id, j.id AS issueId, j.year_no AS yearNo, j.total_no AS totalNo FROM adoptions a JOIN journal_issues j ON j.id = a.journal_issue_id
       WHERE a.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(adoptionIds)) as { id: number; issueId: number; yearNo: number | null; totalNo: number | null }[];
  return new Map(rows.map((r) => [r.id, r]));
}

// ------------------------------------------------------------------------------------------- the exchange workbook

export interface ExchangeIssue {
  publication: string;
  date: string;
  state: JournalState;
  yearNo: number | null;
  totalNo: number | null;
  editorNote: string;
  entries: {
    position: number;
    section: string;
    form: AdoptionForm;
    title: string;
    body: string;
    editorNote: string;
    items: { no: string; role: 'created' | 'linked' | null }[];
  }[];
}

/** Every issue with its entries in order, items by 编号 with the adoption role 定版 gave them. */
export function exchangeIssues(db: Db): ExchangeIssue[] {
  const issues = db
    .prepare(`SELECT id, publication, date, state, year_no AS yearNo, total_no AS totalNo, editor_note AS editorNote FROM journal_issues ORDER BY date, id`)
    .all() as (Omit<ExchangeIssue, 'entries'> & { id: number })[];
  const roles = db.prepare(
    `SELECT journal_role FROM adoptions WHERE journal_issue_id = ? AND item_id = ? AND deleted_at IS NULL ORDER BY id LIMIT 1`,
  );
  return issues.map(({ id, ...j }) => {
    const c = issueContent(db, id);
    return {
      ...j,
      entries: c.entries.map((e, k) => ({
        position: k + 1,
        section: e.sectionName,
        form: e.form,
        title: e.title,
        body: e.body,
        editorNote: e.editorNote,
        items: c.items
          .filter((i) => i.entryId === e.id)
          .map((i) => ({ no: i.no, role: ((roles.pluck().get(id, i.itemId) as string | undefined) ?? null) as 'created' | 'linked' | null })),
      })),
    };
  });
}

/** An issue already in the ledger: a published one by its 总期号, a draft by its date, note and number of entries. */
export function findExchangeIssue(db: Db, j: ExchangeIssue): boolean {
  if (j.state === 'published')
    return Boolean(db.prepare(`SELECT 1 FROM journal_issues WHERE publication = ? AND total_no = ?`).get(j.publication, j.totalNo));
  const drafts = db
    .prepare(`SELECT id FROM journal_issues WHERE publication = ? AND date = ? AND state = 'draft' AND editor_note = ?`)
    .pluck()
    .all(j.publication, j.date, j.editorNote) as number[];
  return drafts.some((id) => issueContent(db, id).entries.length === j.entries.length);
}

export function writeExchangeIssue(db: Db, j: ExchangeIssue, now: string): number {
  const sections: { name: string; entries: DraftContent['sections'][number]['entries'] }[] = [];
  const itemId = db.prepare('SELECT id FROM items WHERE no = ? AND deleted_at IS NULL').pluck();
  for (const e of j.entries) {
    let s = sections.find((x) => x.name === e.section);
    if (!s) sections.push((s = { name: e.section, entries: [] }));
    s.entries.push({ itemIds: e.items.map((i) => itemId.get(i.no) as number), form: e.form, title: e.title, body: e.body, editorNote: e.editorNote });
  }
  const id = writeDraft(db, undefined, { publication: j.publication, date: j.date, editorNote: j.editorNote, sections }, now);
  if (j.state === 'published' && j.yearNo !== null && j.totalNo !== null) setPublished(db, id, j.yearNo, j.totalNo, now);
  return id;
}

export function linkExchangeAdoption(db: Db, issueId: number, itemNo: string, publication: string, form: AdoptionForm, date: string, role: 'created' | 'linked', now: string): void {
  db.prepare(
    `UPDATE adoptions SET journal_issue_id = ?, journal_role = ?, updated_at = ?
     WHERE id = (SELECT a.id FROM adoptions a JOIN items i ON i.id = a.item_id
                 WHERE i.no = ? AND a.publication = ? AND a.form = ? AND a.deleted_at IS NULL AND a.journal_issue_id IS NULL
                 ORDER BY a.date = ? DESC, a.id LIMIT 1)`,
  ).run(issueId, role, now, itemNo, publication, form, date);
}
