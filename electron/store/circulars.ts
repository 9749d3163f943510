// A period's circular as the clerk left it (成文日期, 文号, rewritten paragraphs) and the files a locked quarter
// went out with.
import { nowIso } from '../clock';
import type { Db } from '../db/database';

export interface CircularIssueRow {
  date: string | null;
  docNo: string;
  /** section key → the paragraphs as the clerk rewrote them */
  edits: Record<string, string[]>;
}

export function readCircularIssue(db: Db, period: string): CircularIssueRow {
  const row = db.prepare('SELECT issue_date AS date, doc_no AS docNo, edits FROM circular_issues WHERE period = ?').get(period) as
    | { date: string | null; docNo: string; edits: string }
    | undefined;
  return row ? { date: row.date, docNo: row.docNo, edits: JSON.parse(row.edits) as Record<string, string[]> } : { date: null, docNo: '', edits: {} };
}

export function writeCircularIssue(db: Db, period: string, issue: CircularIssueRow): void {
  const now = nowIso();
  db.prepare(
    `INSERT INTO circular_issues (period, issue_date, doc_no, edits, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(period) DO UPDATE SET issue_date = excluded.issue_date, doc_no = excluded.doc_no, edits = excluded.edits,
       updated_at = excluded.updated_at`,
  ).run(period, issue.date, issue.docNo, JSON.stringify(issue.edits), now, now);
}

export interface KeptDocument {
  kind: 'generated' | 'signed';
  name: string;
  content: Buffer;
}

export interface KeptDocumentInfo {
  id: number;
  kind: 'generated' | 'signed';
  name: string;
  keptAt: string;
  size: number;
}

export function keptDocumentList(db: Db, period: string): KeptDocumentInfo[] {
  return db
    .prepare('SELECT id, kind, name, kept_at AS keptAt, length(content) AS size FROM kept_documents WHERE period = ? ORDER BY kind, id')
    .all(period) as KeptDocumentInfo[];
}

export function keptDocuments(db: Db, period: string): KeptDocument[] {
  return db.prepare('SELECT kind, name, content FROM kept_documents WHERE period = ? ORDER BY kind, id').all(period) as KeptDocument[];
}

/** Replaces what was kept of `kind` for the period (a quarter locked again keeps what it went out with the second time). */
export function replaceKeptDocuments(db: Db, period: string, kind: KeptDocument['kind'], docs: readonly KeptDocument[]): void {
  db.prepare('DELETE FROM kept_documents WHERE period = ? AND kind = ?').run(period, kind);
  const insert = db.prepare('INSERT INTO kept_documents (period, kind, name, content, kept_at) VALUES (?, ?, ?, ?, ?)');
  const at = nowIso();
  for (const d of docs) insert.run(period, d.kind, d.name, d.content, at);
}
