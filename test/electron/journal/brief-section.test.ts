// 简讯 stand under 【简讯】 wherever the draft put them: what is saved, what the 刊物 page reads and what the Word file
// prints agree. A draft saved before this rule (a 简讯 left under 工作动态) reads and prints the same way.
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Db } from '../../../electron/db/database';
import { exportIssue, journalDetail, saveDraft } from '../../../electron/services/journal';
import { draftOfIssue } from '../../../shared/journal';
import { createItem, saveUnit } from '../../../electron/services/ledger';
import { writeDraft } from '../../../electron/store/journal';
import { tempDir } from '../../helpers/cli';

const dir = tempDir();
let db: Db;
const ids: number[] = [];

beforeAll(() => {
  db = openDatabase(join(dir, 'zwxx.db'));
  const unitId = saveUnit(db, { name: '凤城街道', group: 'town', aliases: [], contact: '', phone: '', activeFrom: null, activeUntil: null, note: '' }, '测试').id;
  for (const title of ['凤城街道推进老旧小区改造', '凤城街道开展安全生产大检查', '凤城街道举办招聘会'])
    ids.push(createItem(db, { unitId, date: '2019-06-10', title, kinds: [], authors: [], note: '', body: `${title}。正文。` }, '测试'));
});
afterAll(() => closeDatabase(db));

const entry = (itemId: number, form: 'single' | 'brief') => ({ itemIds: [itemId], form, title: '', body: '', editorNote: '' });
const layout = (id: number) => journalDetail(db, id).sections.map((s) => `${s.name}:${s.entries.map((e) => `${e.items[0]!.id}${e.form === 'brief' ? '简讯' : '单篇'}`).join(',')}`);

describe('简讯 under 【简讯】', () => {
  it('a 简讯 saved under 工作动态 is kept at the end of 【简讯】; a 单篇 saved under 简讯 goes to 工作动态', () => {
    const id = saveDraft(
      db,
      undefined,
      {
        publication: '莱芜政务信息',
        date: '2019-06-20',
        editorNote: '',
        sections: [
          { name: '工作动态', entries: [entry(ids[0]!, 'single'), entry(ids[1]!, 'brief')] },
          { name: '简讯', entries: [entry(ids[2]!, 'single')] },
        ],
      },
      '测试',
    );
    expect(layout(id)).toEqual([`工作动态:${ids[0]}单篇,${ids[2]}单篇`, `简讯:${ids[1]}简讯`]);
  });

  it('a draft with a 简讯 left under 工作动态 by an earlier version reads, re-saves and prints it under 【简讯】', async () => {
    const sections = [{ name: '工作动态', entries: [entry(ids[1]!, 'brief'), entry(ids[0]!, 'single')] }];
    const id = db.transaction(() => writeDraft(db, undefined, { publication: 'district', date: '2019-06-21', editorNote: '', sections }, new Date().toISOString()))();
    expect(layout(id)).toEqual([`工作动态:${ids[0]}单篇`, `简讯:${ids[1]}简讯`]);
    // saved again as read (the page saves what it shows), nothing changes
    saveDraft(db, id, draftOfIssue(journalDetail(db, id)), '测试');
    expect(layout(id)).toEqual([`工作动态:${ids[0]}单篇`, `简讯:${ids[1]}简讯`]);
    const file = join(dir, 'brief.docx');
    await exportIssue(db, id, file);
    const xml = await (await JSZip.loadAsync(readFileSync(file))).file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    const at = (s: string) => text.indexOf(s);
    expect(at('【工作动态】')).toBeGreaterThan(0);
    expect(at('【工作动态】')).toBeLessThan(at('凤城街道推进老旧小区改造'));
    expect(at('凤城街道推进老旧小区改造')).toBeLessThan(at('【简讯】'));
    expect(at('【简讯】')).toBeLessThan(at('凤城街道开展安全生产大检查。'));
  });
});
