// The recycle bin, so no deletion is final: deleted items, adoptions, instructions, requests and 加减分 stay in their tables with
// deleted_at set; this lists them and puts them back. An item comes back with the adoptions and instructions that were
// deleted with it. Restoring into a locked quarter is refused like any other write.
import { ADOPTION_FORM_LABEL, INSTRUCTION_FORM_LABEL, publicationTitle, stars } from '../../shared/labels';
import { Vocabulary } from '../../shared/vocabulary';
import { nowIso as now } from '../clock';
import { withSource, type Db } from '../db/database';
import { UserError } from '../db/errors';
import { ruleSets } from '../store/rulesets';
import { assertUnlocked } from './guard';

import type { RecycleKind, RecycledView } from '../../shared/ipc/contract';

export type { RecycleKind, RecycledView };

export const RECYCLE_KIND_LABEL: Record<RecycleKind, string> = {
  items: '信息',
  adoptions: '采用',
  instructions: '批示',
  requests: '约稿',
  events: '加减分',
};


export function listRecycleBin(db: Db): RecycledView[] {
  const rules = ruleSets(db);
  const vocab = new Vocabulary(rules);
  const out: RecycledView[] = [];
  const items = db
    .prepare(
      `SELECT i.id, i.no, i.submitted AS date, i.title, i.deleted_at AS deletedAt, u.name AS unitName,
         (SELECT count(*) FROM adoptions a WHERE a.item_id = i.id AND a.deleted_at = i.deleted_at) +
         (SELECT count(*) FROM instructions s WHERE s.item_id = i.id AND s.deleted_at = i.deleted_at) AS together
       FROM items i JOIN units u ON u.id = i.unit_id WHERE i.deleted_at IS NOT NULL`,
    )
    .all() as { id: number; no: string; date: string; title: string; deletedAt: string; unitName: string; together: number }[];
  for (const r of items) out.push({ kind: 'items', id: r.id, date: r.date, unitName: r.unitName, summary: `${r.no}　${r.title}`, deletedAt: r.deletedAt, together: r.together });

  // adoptions and instructions deleted on their own (not together with their item, which lists them)
  const adoptions = db
    .prepare(
      `SELECT a.id, a.date, a.publication, a.form, a.issue_no AS issueNo, a.deleted_at AS deletedAt, i.title, u.name AS unitName
       FROM adoptions a JOIN items i ON i.id = a.item_id JOIN units u ON u.id = i.unit_id
       WHERE a.deleted_at IS NOT NULL AND (i.deleted_at IS NULL OR i.deleted_at != a.deleted_at)`,
    )
    .all() as { id: number; date: string; publication: string; form: keyof typeof ADOPTION_FORM_LABEL; issueNo: string; deletedAt: string; title: string; unitName: string }[];
  for (const r of adoptions)
    out.push({
      kind: 'adoptions',
      id: r.id,
      date: r.date,
      unitName: r.unitName,
      summary: `${publicationTitle(vocab.publications.names.get(r.publication) ?? r.publication)}${r.issueNo ? `${r.issueNo} ` : ''}${ADOPTION_FORM_LABEL[r.form]}：${r.title}`,
      deletedAt: r.deletedAt,
      together: 0,
    });
  const instructions = db
    .prepare(
      `SELECT s.id, s.date, s.level, s.form, s.leader, s.deleted_at AS deletedAt, i.title, u.name AS unitName
       FROM instructions s JOIN items i ON i.id = s.item_id JOIN units u ON u.id = i.unit_id
       WHERE s.deleted_at IS NOT NULL AND (i.deleted_at IS NULL OR i.deleted_at != s.deleted_at)`,
    )
    .all() as { id: number; date: string; level: string; form: keyof typeof INSTRUCTION_FORM_LABEL; leader: string; deletedAt: string; title: string; unitName: string }[];
  const levels = new Map(rules.flatMap((r) => r.instructionLevels.map((l) => [l.key, l.stars] as const)));
  for (const r of instructions)
    out.push({
      kind: 'instructions',
      id: r.id,
      date: r.date,
      unitName: r.unitName,
      summary: `${stars(levels.get(r.level) ?? 0) || (vocab.levels.names.get(r.level) ?? r.level)} ${INSTRUCTION_FORM_LABEL[r.form]}批示${r.leader ? `（${r.leader}）` : ''}：${r.title}`,
      deletedAt: r.deletedAt,
      together: 0,
    });
  const requests = db
    .prepare(`SELECT r.id, r.no, r.issuer, r.topic, r.deadline AS date, r.deleted_at AS deletedAt, (SELECT count(*) FROM request_targets t WHERE t.request_id = r.id) AS n FROM requests r WHERE r.deleted_at IS NOT NULL`)
    .all() as { id: number; no: string; issuer: string; topic: string; date: string; deletedAt: string; n: number }[];
  for (const r of requests)
    out.push({
      kind: 'requests',
      id: r.id,
      date: r.date,
      unitName: `${r.n} 个单位`,
      summary: `${r.no}　${vocab.issuers.names.get(r.issuer) ?? r.issuer}：${r.topic}`,
      deletedAt: r.deletedAt,
      together: 0,
    });
  const events = db
    .prepare(`SELECT e.id, e.date, e.kind, e.quantity, e.note, e.deleted_at AS deletedAt, u.name AS unitName FROM events e JOIN units u ON u.id = e.unit_id WHERE e.deleted_at IS NOT NULL`)
    .all() as { id: number; date: string; kind: string; quantity: number; note: string; deletedAt: string; unitName: string }[];
  for (const r of events)
    out.push({
      kind: 'events',
      id: r.id,
      date: r.date,
      unitName: r.unitName,
      summary: `${vocab.eventKinds.names.get(r.kind) ?? r.kind}${r.quantity > 1 ? ` × ${r.quantity}` : ''}${r.note ? `（${r.note}）` : ''}`,
      deletedAt: r.deletedAt,
      together: 0,
    });
  return out.sort((a, b) => (a.deletedAt < b.deletedAt ? 1 : a.deletedAt > b.deletedAt ? -1 : a.kind.localeCompare(b.kind) || b.id - a.id));
}


function deletedRow(db: Db, kind: RecycleKind, id: number): { date: string; deletedAt: string; itemId?: number } {
  const dateCol = kind === 'items' ? 'submitted' : kind === 'requests' ? 'deadline' : 'date';
  const extra = kind === 'adoptions' || kind === 'instructions' ? ', item_id AS itemId' : '';
  const row = db.prepare(`SELECT ${dateCol} AS date, deleted_at AS deletedAt${extra} FROM ${kind} WHERE id = ?`).get(id) as
    | { date: string; deletedAt: string | null; itemId?: number }
    | undefined;
  if (!row || row.deletedAt === null) throw new UserError('回收站中已没有这条记录（可能已恢复），请刷新后重试。');
  return { ...row, deletedAt: row.deletedAt };
}

/** Puts a deleted record back; returns how many records came back (an item brings its adoptions and instructions). */
export function restoreDeleted(db: Db, kind: RecycleKind, id: number, source: string): { restored: number } {
  const row = deletedRow(db, kind, id);
  if (kind === 'items') {
    const together = db
      .prepare(`SELECT date FROM adoptions WHERE item_id = ? AND deleted_at = ? UNION ALL SELECT date FROM instructions WHERE item_id = ? AND deleted_at = ?`)
      .all(id, row.deletedAt, id, row.deletedAt) as { date: string }[];
    assertUnlocked(db, row.date, ...together.map((t) => t.date));
    return withSource(db, source, () => {
      const t = now();
      let n = db.prepare('UPDATE items SET deleted_at = NULL, updated_at = ? WHERE id = ?').run(t, id).changes;
      n += db.prepare('UPDATE adoptions SET deleted_at = NULL, updated_at = ? WHERE item_id = ? AND deleted_at = ?').run(t, id, row.deletedAt).changes;
      n += db.prepare('UPDATE instructions SET deleted_at = NULL, updated_at = ? WHERE item_id = ? AND deleted_at = ?').run(t, id, row.deletedAt).changes;
      return { restored: n };
    });
  }
  if (row.itemId !== undefined) {
    const item = db.prepare('SELECT deleted_at AS d FROM items WHERE id = ?').get(row.itemId) as { d: string | null };
    if (item.d !== null) throw new UserError('这条记录所属的信息也在回收站中，请先恢复那条信息。');
    if (kind === 'adoptions') {
      const a = db.prepare('SELECT publication, form, date FROM adoptions WHERE id = ?').get(id) as { publication: string; form: string; date: string };
      if (db.prepare('SELECT 1 FROM adoptions WHERE item_id = ? AND publication = ? AND form = ? AND date = ? AND deleted_at IS NULL').get(row.itemId, a.publication, a.form, a.date))
        throw new UserError('这条信息在同一天已有同一刊物、同一形式的采用记录（删除后又重新登记过），不能恢复成重复记录。');
    }
  }
  assertUnlocked(db, row.date);
  return withSource(db, source, () => ({ restored: db.prepare(`UPDATE ${kind} SET deleted_at = NULL, updated_at = ? WHERE id = ?`).run(now(), id).changes }));
}
