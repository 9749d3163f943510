// npm run bench:journal — 编刊 figures on a fresh ledger: saving a 30-entry draft, 定版 and 撤版 (one transaction each),
// writing the .docx, and reading 50 received .docx files into a preview. Prints one line per figure and, as its last
// line, one JSON object in milliseconds (median of 5 runs).
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, openDatabase } from '../electron/db/database';
import { createItems, saveUnit } from '../electron/services/ledger';
import { exportIssue, publishIssue, saveDraft, withdrawIssue, type JournalDraft } from '../electron/services/journal';
import { preview } from '../electron/services/receiving';

const RUNS = 5;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function time(fn: () => unknown): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return Math.round(median(xs) * 10) / 10;
}

const dir = mkdtempSync(join(tmpdir(), 'zwxx-bench-journal-'));
const db = openDatabase(join(dir, 'zwxx.db'));
const units = Array.from({ length: 20 }, (_, i) =>
  saveUnit(db, { name: `测试单位${i + 1}`, group: i < 10 ? 'town' : 'dept1', aliases: [], contact: '', phone: '', activeFrom: null, activeUntil: null, note: '' }, '测试').id,
);
const para = '今年以来，我单位坚持问题导向，聚焦群众关切，推出一批便民举措，取得明显成效。'.repeat(12);
const ids = createItems(
  db,
  Array.from({ length: 2000 }, (_, i) => ({ unitId: units[i % 20]!, date: `2019-06-${String((i % 28) + 1).padStart(2, '0')}`, title: `第${i + 1}条信息的标题`, kinds: [], authors: [], note: '', body: `${para}\n${para}` })),
  '测试',
);
const draft: JournalDraft = {
  publication: 'district',
  date: '2019-06-29',
  editorNote: '编者按。',
  sections: [
    { name: '工作动态', entries: ids.slice(0, 24).map((id) => ({ itemIds: [id], form: 'single' as const, title: '', body: '', editorNote: '' })) },
    { name: '简讯', entries: ids.slice(24, 30).map((id) => ({ itemIds: [id], form: 'brief' as const, title: '', body: '', editorNote: '' })) },
  ],
};
const issue = saveDraft(db, undefined, draft, '测试');
const figures: Record<string, number> = {};
figures.save_draft_30 = await time(() => saveDraft(db, issue, draft, '测试'));
figures.publish_withdraw_30 = await time(() => {
  publishIssue(db, issue, '测试');
  withdrawIssue(db, issue, '测试');
});
figures.export_docx_30 = await time(() => exportIssue(db, issue, join(dir, 'issue.docx')));
const inbox = join(dir, 'inbox');
mkdirSync(inbox);
for (let i = 0; i < 50; i++) {
  const doc = new Document({
    sections: [{ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: `测试单位${(i % 20) + 1}的第${i}篇稿件`, bold: true })] }), ...Array.from({ length: 10 }, () => new Paragraph(para))] }],
  });
  writeFileSync(join(inbox, `测试单位${(i % 20) + 1}-${i}.docx`), await Packer.toBuffer(doc));
}
figures.receive_preview_50_docx = await time(() => preview(db, inbox));
closeDatabase(db);
for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(26)} ${v} ms`);
console.log(JSON.stringify(figures));
