// The recycle bin, so no deletion is final: deleted items, adoptions, instructions, requests and 加减分 stay in their tables with
// deleted_at set; this lists them and puts them back. An item comes back with the adoptions and instructions that were
// deleted with it. Restoring into a locked quarter is refused like any other write.
import { ADOPTION_FORM_LABEL, INSTRUCTION_FORM_LABEL, publicationTitle, stars } from '../../shared/labels';
import { Vocabulary } from '../../shared/vocabulary';
import { nowIso as now } from '../clock';
import type { Db } from '../db/database';
import { write } from './write-gate';
import { UserError } from '../db/errors';
import { adoptionExists } from '../store/adoptions';
import {
  adoptionKey,
  deletedAdoptions,
  deletedEvents,
  deletedInstructions,
  deletedItems,
  deletedRequests,
  itemDeletedAt,
  recordState,
  undeleteItem,
  undeleteRecord,
} from '../store/recycle-bin';
import { ruleSets } from '../store/rulesets';

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
  const items = deletedItems(db);
  for (const r of items) out.push({ kind: 'items', id: r.id, date: r.date, unitName: r.unitName, summary: `${r.no}　${r.title}`, deletedAt: r.deletedAt, together: r.together });

  // adoptions and instructions deleted on their own (not together with their item, which lists them)
  const adoptions = deletedAdoptions(db);
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
  const instructions = deletedInstructions(db);
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
  const requests = deletedRequests(db);
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
  const events = deletedEvents(db);
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
  const row = recordState(db, kind, id);
  if (!row || row.deletedAt === null) throw new UserError('回收站中已没有这条记录（可能已恢复），请刷新后重试。');
  return { ...row, deletedAt: row.deletedAt };
}

/** Puts a deleted record back; returns how many records came back (an item brings its adoptions and instructions). */
export function restoreDeleted(db: Db, kind: RecycleKind, id: number, source: string): { restored: number } {
  const row = deletedRow(db, kind, id);
  if (kind === 'items') {
    return write(db, source, () => ({ restored: undeleteItem(db, id, row.deletedAt, now()) }));
  }
  if (row.itemId !== undefined) {
    if (itemDeletedAt(db, row.itemId) !== null) throw new UserError('这条记录所属的信息也在回收站中，请先恢复那条信息。');
    if (kind === 'adoptions') {
      if (adoptionExists(db, { itemId: row.itemId, ...adoptionKey(db, id) }))
        throw new UserError('这条信息在同一天已有同一刊物、同一形式的采用记录（删除后又重新登记过），不能恢复成重复记录。');
    }
  }
  return write(db, source, () => ({ restored: undeleteRecord(db, kind, id, now()) }));
}
