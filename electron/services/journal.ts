// 编刊: draft issues of a district publication, 定版 (期号 + the adoptions it records, in one transaction) and 撤版.
// The issue is the record of its adoptions: 定版 writes them, 撤版 removes exactly those, nothing else changes.
import { ADOPTION_FORM_LABEL, publicationTitle } from '../../shared/labels';
import type { AdoptionForm } from '../../shared/domain';
import type {
  Args,
  JournalCandidatesView,
  JournalEntryView,
  JournalIssueDetail,
  JournalIssueView,
  JournalPublishPreview,
} from '../../shared/ipc/contract';
import { issueLabel, issueNoText, placeByForm, wordCount, wordLimitOf } from '../../shared/journal';
import { addDays, chineseDate, periodLabel, quarterOf } from '../../shared/periods';
import { ruleSetForQuarterOf } from '../../shared/scoring/rulesets';
import { Vocabulary } from '../../shared/vocabulary';
import { fill, type Settings } from '../../shared/settings';
import { nowIso } from '../clock';
import { writeJournal } from '../outputs/journal-docx';
import type { Db } from '../db/database';
import { UserError } from '../db/errors';
import * as store from '../store/journal';
import { lockedQuarters } from '../store/locks';
import { ruleSets } from '../store/rulesets';
import { readSettings } from '../store/settings';
import { write } from './write-gate';

export type JournalDraft = Args<'journal:save'>['draft'];

/** The publication key for a key, a name or an alias, among the publications of the rule set in force on `date`. */
export function publicationKey(db: Db, text: string, date: string): string {
  const all = ruleSets(db);
  if (all.length === 0) throw new UserError('还没有计分规则，请先在“规则设置”中建立规则集。');
  const rules = ruleSetForQuarterOf(all, date);
  const vocab = new Vocabulary([rules]);
  const key = rules.publications.some((p) => p.key === text) ? text : vocab.publications.find(text);
  if (!key)
    throw new UserError(`${date} 适用的规则“${rules.name}”中没有刊物“${text}”，请写成其中一个刊物的名称：${rules.publications.map((p) => p.name).join('、')}。`);
  return key;
}

function publicationName(db: Db, key: string): string {
  return new Vocabulary(ruleSets(db)).publications.names.get(key) ?? key;
}

/** Refuses a write dated in a locked quarter, naming the quarter and what to do. */
function assertOpen(db: Db, what: string, ...dates: string[]): void {
  const locks = lockedQuarters(db);
  for (const d of dates) {
    const q = quarterOf(d);
    if (locks.has(q.code))
      throw new UserError(`${periodLabel(q)}已通报并锁定，不能${what}。确需${what}，请先在“通报”页解锁该季度。`);
  }
}

function issueOrFail(db: Db, id: number): store.IssueRow {
  const row = store.issueRow(db, id);
  if (!row) throw new UserError('这一期已不存在（可能已删除），请刷新后重试。');
  return row;
}

function checkDraft(db: Db, d: JournalDraft): void {
  publicationKey(db, d.publication, d.date);
  const ids = d.sections.flatMap((s) => s.entries.flatMap((e) => e.itemIds));
  const live = store.liveItems(db, ids);
  const seen = new Set<number>();
  d.sections.forEach((s, si) => {
    s.entries.forEach((e, ei) => {
      const where = `“${s.name}”栏目第 ${ei + 1} 篇`;
      if (e.form === 'combined' && e.itemIds.length < 2) throw new UserError(`${where}是综合，应至少合并两条信息；只有一条请改为单篇。`);
      if (e.form !== 'combined' && e.itemIds.length !== 1)
        throw new UserError(`${where}是${ADOPTION_FORM_LABEL[e.form]}，只能有一条信息；多条合成一篇请改为综合。`);
      if (e.form === 'combined' && e.title.trim() === '') throw new UserError(`${where}是综合，请给它起一个新标题。`);
      for (const id of e.itemIds) {
        if (!live.has(id)) throw new UserError(`${where}中有一条信息已不存在（可能已删除），请从候选稿件中重新选择。`);
        if (seen.has(id)) throw new UserError(`信息 ${live.get(id)!.no}“${live.get(id)!.title}”在本期出现了两次，请只留一处。`);
        seen.add(id);
      }
    });
    if (d.sections.findIndex((x) => x.name === s.name) !== si) throw new UserError(`栏目“${s.name}”重复了，请合并为一个栏目。`);
  });
}

/** Creates a draft issue (id absent) or replaces a draft's content; a published issue is frozen. */
export function saveDraft(db: Db, id: number | undefined, draft: JournalDraft, source: string): number {
  // checked as written (the messages name the 栏目 the clerk put an entry in), then each entry in the 栏目 of its form
  checkDraft(db, draft);
  const d = { ...draft, publication: publicationKey(db, draft.publication, draft.date), sections: placeByForm(draft.sections) };
  if (id !== undefined && issueOrFail(db, id).state !== 'draft') throw new UserError('这一期已定版，不能再修改；确需修改请先撤版。');
  return write(db, source, () => store.writeDraft(db, id, d, nowIso()));
}

export function deleteDraft(db: Db, id: number, source: string): void {
  if (issueOrFail(db, id).state !== 'draft') throw new UserError('已定版的一期不能删除；确需删除请先撤版。');
  write(db, source, () => store.deleteIssue(db, id));
}

function issueView(db: Db, r: store.IssueRow, names = new Vocabulary(ruleSets(db)).publications.names): JournalIssueView {
  return {
    ...r,
    publicationName: names.get(r.publication) ?? r.publication,
    label: r.state === 'published' && r.yearNo !== null && r.totalNo !== null ? issueLabel(r.yearNo, r.totalNo) : '草稿',
  };
}

export function listJournal(db: Db, filter: { year?: number; publication?: string }): JournalIssueView[] {
  const names = new Vocabulary(ruleSets(db)).publications.names;
  return store.listIssueRows(db, filter).map((r) => issueView(db, r, names));
}

/** The printed credit of an entry: （区财政局供稿）, all units of a 综合 joined by 、. */
export function creditLine(units: string[], settings: Settings): string {
  return units.length === 0 ? '' : fill(settings.journal.credit, { 单位: units.join('、') });
}

export function journalDetail(db: Db, id: number): JournalIssueDetail {
  const row = issueOrFail(db, id);
  const settings = readSettings(db);
  const content = store.issueContent(db, id);
  const itemsOf = new Map<number, store.EntryItemRow[]>();
  for (const it of content.items) itemsOf.set(it.entryId, [...(itemsOf.get(it.entryId) ?? []), it]);
  const entry = (e: store.EntryRow): JournalEntryView => {
    const items = itemsOf.get(e.id) ?? [];
    const printedTitle = e.title.trim() || (items[0]?.title ?? '');
    const printedBody = e.body.trim() ? e.body : items.map((i) => i.body).filter(Boolean).join('\n');
    const units = [...new Set(items.map((i) => i.unitName))];
    return {
      id: e.id,
      form: e.form,
      title: e.title,
      body: e.body,
      printedTitle,
      printedBody,
      editorNote: e.editorNote,
      items: items.map((i) => ({ id: i.itemId, no: i.no, title: i.title, unitName: i.unitName, date: i.date, body: i.body })),
      units,
      words: wordCount(printedBody),
      limit: wordLimitOf(e.form, settings.journal),
    };
  };
  const allItemIds = content.items.map((i) => i.itemId);
  return {
    ...issueView(db, row),
    // a draft saved before 简讯 went to their 栏目 reads as it prints
    sections: placeByForm(content.sections.map((s) => ({ name: s.name, entries: content.entries.filter((e) => e.sectionId === s.id).map(entry) }))),
    adoptions: store
      .issueAdoptions(db, id)
      .filter((a) => !a.deleted)
      .map((a) => ({ adoptionId: a.id, itemNo: a.no, title: a.title, unitName: a.unitName, form: a.form, role: a.role })),
    requests: store.requestsAnsweredBy(db, allItemIds),
  };
}

export function journalCandidates(db: Db, a: Args<'journal:candidates'>, publication = 'district'): JournalCandidatesView {
  const names = new Vocabulary(ruleSets(db)).publications.names;
  const rows = store.candidateRows(db, publication, a.date, addDays(a.date, -60), a.q ?? '', a.limit ?? 200);
  return {
    items: rows.map((r) => ({
      id: r.id,
      no: r.no,
      title: r.title,
      unitName: r.unitName,
      date: r.date,
      words: wordCount(r.body),
      adoptedElsewhere: (r.adopted ? r.adopted.split(',') : []).map((p) => {
        const [pub, form] = p.split('|') as [string, AdoptionForm];
        return `${publicationTitle(names.get(pub) ?? pub)}${ADOPTION_FORM_LABEL[form] ?? ''}`;
      }),
    })),
    silentUnits: store.silentUnits(db, a.date.slice(0, 7)),
  };
}

interface Plan {
  issue: store.IssueRow;
  yearNo: number;
  totalNo: number;
  create: { itemId: number; form: AdoptionForm }[];
  link: { adoption: store.HandAdoption; form: AdoptionForm }[];
}

/** The 期号 the issue would get now: the next of its year and overall, or the starting numbers in the settings. */
function nextNumbers(db: Db, issue: store.IssueRow, settings: Settings): { yearNo: number; totalNo: number } {
  const year = issue.date.slice(0, 4);
  const last = store.lastNumbers(db, issue.publication, year);
  const start = settings.journal;
  const yearNo = last.yearNo !== null ? last.yearNo + 1 : start.startYear === Number(year) ? start.startNo : 1;
  const totalNo = last.totalNo !== null ? last.totalNo + 1 : start.startTotalNo;
  return { yearNo, totalNo };
}

function plan(db: Db, id: number): Plan {
  const issue = issueOrFail(db, id);
  const content = store.issueContent(db, id);
  const { yearNo, totalNo } = nextNumbers(db, issue, readSettings(db));
  const create: Plan['create'] = [];
  const link: Plan['link'] = [];
  for (const e of content.entries)
    for (const it of content.items.filter((i) => i.entryId === e.id)) {
      const hand = store.handAdoption(db, it.itemId, issue.publication, e.form, issue.date);
      if (hand) link.push({ adoption: hand, form: e.form });
      else create.push({ itemId: it.itemId, form: e.form });
    }
  return { issue, yearNo, totalNo, create, link };
}

function problemsOf(db: Db, p: Plan): string[] {
  const problems: string[] = [];
  if (p.issue.state !== 'draft') problems.push('这一期已经定版。');
  if (p.create.length + p.link.length === 0) problems.push('这一期还没有稿件，请先从候选稿件中加入。');
  const locks = lockedQuarters(db);
  for (const d of [p.issue.date, ...p.link.map((l) => l.adoption.date)]) {
    const q = quarterOf(d);
    if (locks.has(q.code)) problems.push(`${periodLabel(q)}已通报并锁定，不能定版。确需定版，请先在“通报”页解锁该季度。`);
  }
  const content = store.issueContent(db, p.issue.id);
  if (content.items.some((i) => i.deleted)) problems.push('本期有信息已被删除，请把它从稿件中移除后再定版。');
  return [...new Set(problems)];
}

export function publishPreview(db: Db, id: number): JournalPublishPreview {
  const p = plan(db, id);
  const content = store.issueContent(db, id);
  const byItem = new Map(content.items.map((i) => [i.itemId, i]));
  const elsewhere = store.printedElsewhere(db, id, p.issue.publication, [...byItem.keys()]);
  return {
    yearNo: p.yearNo,
    totalNo: p.totalNo,
    label: issueLabel(p.yearNo, p.totalNo),
    create: p.create.map((c) => {
      const i = byItem.get(c.itemId)!;
      return { itemId: c.itemId, no: i.no, title: i.title, unitName: i.unitName, form: c.form };
    }),
    link: p.link.map((l) => {
      const i = byItem.get(l.adoption.itemId)!;
      return { adoptionId: l.adoption.id, no: i.no, title: i.title, unitName: i.unitName, form: l.form, date: l.adoption.date, issueNo: l.adoption.issueNo };
    }),
    requests: store.requestsAnsweredBy(db, [...byItem.keys()]),
    problems: problemsOf(db, p),
    warnings: elsewhere.map((e) => `${byItem.get(e.itemId)!.no}“${byItem.get(e.itemId)!.title}”已在${e.date.slice(0, 4)}年${issueLabel(e.yearNo, e.totalNo)}刊用过。`),
  };
}

/**
 * 定版: in one transaction, the 期号 and, for every item of the issue, an adoption by the publication in the entry's
 * form dated the issue date — or the link to the same adoption logged by hand, so nothing counts twice.
 */
export function publishIssue(db: Db, id: number, source: string): { yearNo: number; totalNo: number; label: string; created: number; linked: number } {
  return write(db, source, () => {
    const p = plan(db, id);
    const problems = problemsOf(db, p);
    if (problems.length > 0) throw new UserError(problems.join(''));
    assertOpen(db, '定版', p.issue.date);
    const now = nowIso();
    store.setPublished(db, id, p.yearNo, p.totalNo, now);
    const issueNo = issueNoText(p.yearNo);
    for (const c of p.create)
      store.insertIssueAdoption(db, { itemId: c.itemId, publication: p.issue.publication, form: c.form, date: p.issue.date, issueNo, issueId: id }, now);
    for (const l of p.link) store.linkAdoption(db, l.adoption.id, id, now);
    return { yearNo: p.yearNo, totalNo: p.totalNo, label: issueLabel(p.yearNo, p.totalNo), created: p.create.length, linked: p.link.length };
  });
}

/** 撤版: back to a draft; the adoptions 定版 recorded are removed, the hand-logged ones it linked stay. */
export function withdrawIssue(db: Db, id: number, source: string): { removed: number; unlinked: number } {
  return write(db, source, () => {
    const issue = issueOrFail(db, id);
    if (issue.state !== 'published') throw new UserError('这一期还是草稿，不需要撤版。');
    assertOpen(db, '撤版', issue.date, ...store.issueAdoptions(db, id).map((a) => a.date));
    const now = nowIso();
    const r = store.unwindAdoptions(db, id, now);
    store.setDraft(db, id, now);
    return r;
  });
}

/**
 * 出样: the issue as .docx. A published issue prints its 期号; a draft prints the 期号 定版 would give it now, so the
 * proof looks like the issue (the number may still move if another issue is finalised first).
 */
export async function exportIssue(db: Db, id: number, file: string): Promise<void> {
  const d = journalDetail(db, id);
  const settings = readSettings(db);
  const numbers = d.state === 'published' && d.yearNo !== null && d.totalNo !== null ? { yearNo: d.yearNo, totalNo: d.totalNo } : nextNumbers(db, issueOrFail(db, id), settings);
  await writeJournal(
    {
      name: publicationName(db, d.publication),
      numberLine: issueLabel(numbers.yearNo, numbers.totalNo),
      date: chineseDate(d.date),
      editorNote: d.editorNote,
      contents: d.sections.flatMap((s) => s.entries.map((e) => e.printedTitle)),
      sections: d.sections.map((s) => ({
        name: s.name,
        entries: s.entries.map((e) => ({ form: e.form, title: e.printedTitle, body: e.printedBody, editorNote: e.editorNote, credit: creditLine(e.units, settings) })),
      })),
      settings,
    },
    file,
  );
}

/** Live item ids by 编号, for a description that names items the way the ledger does. */
export function itemIdsByNo(db: Db, nos: string[]): Map<string, number> {
  return new Map([...store.itemsByNo(db, nos)].map(([no, r]) => [no, r.id]));
}
