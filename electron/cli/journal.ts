// `journal …`: drafts from a JSON description, 出样, 定版, 撤版 and the list of issues (docs/命令行.md §6).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { AdoptionForm } from '../../shared/domain';
import { invert, ADOPTION_FORM_LABEL } from '../../shared/labels';
import { JOURNAL_STATE_LABEL } from '../../shared/journal';
import type { Db } from '../db/database';
import { UserError } from '../db/errors';
import { contractArgs } from '../services/arguments';
import { exportIssue, itemIdsByNo, listJournal, publishIssue, saveDraft, withdrawIssue, type JournalDraft } from '../services/journal';
import type { CliArgs } from './args';
import { lineOf, parseJsonWithLines } from './json-lines';

export const JOURNAL_USAGE = `
编刊
  journal draft 文件.json [--out 文件.docx]
                                      按 JSON 说明建一期草稿，第一行输出草稿编号（--out 同时生成 Word 样稿）
  journal export 编号 文件.docx        生成这一期的 Word 文件（草稿为样稿）
  journal publish 编号                 定版：给出期号，并为每条刊用的信息登记采用，输出期号
  journal withdraw 编号                撤版：删除定版登记的采用，这一期回到草稿
  journal list [--year 2019] [--json]  各期列表`;

const FORMS = invert(ADOPTION_FORM_LABEL);

const text = (max: number) => z.string({ error: '应为文字（用双引号括起）' }).max(max, `不能超过 ${max} 个字`);

/** The description's own shape: items by 编号, forms in the office's words. */
const fileSchema = z
  .object({
    publication: z.string({ error: '缺少刊物名称，例如 "publication": "莱芜政务信息"' }).trim().min(1, '刊物名称不能为空'),
    date: z.string({ error: '缺少期的日期，例如 "date": "2019-06-20"' }).regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写成 2019-06-20 这样的格式'),
    editorNote: text(4000).optional(),
    sections: z
      .array(
        z
          .object({
            name: z.string({ error: '缺少栏目名称，例如 "name": "工作动态"' }).trim().min(1, '栏目名称不能为空').max(40, '栏目名称不能超过 40 个字'),
            entries: z
              .array(
                z
                  .object({
                    items: z
                      .array(z.string({ error: '信息编号应为文字，例如 "XX2019060123"' }).trim().min(1, '信息编号不能为空'), { error: '应为信息编号的列表，例如 ["XX2019060123"]' })
                      .min(1, '至少要有一条信息'),
                    form: z.enum(['单篇', '综合', '简讯'], { error: '形式应为 单篇、综合 或 简讯' }),
                    title: text(300).optional(),
                    text: text(200_000).optional(),
                    editorNote: text(2000).optional(),
                  })
                  .strict(),
                { error: '应为稿件的列表 [ … ]' },
              )
              .max(200, '一个栏目最多 200 篇'),
          })
          .strict(),
        { error: '缺少栏目列表，例如 "sections": [ … ]' },
      )
      .min(1, '至少要有一个栏目')
      .max(30, '栏目最多 30 个'),
  })
  .strict();

/** Reads a draft description; a problem names the file, the line and the field. */
export function readDraftFile(db: Db, file: string): JournalDraft {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    throw new UserError(`无法读取“${file}”，请检查文件名和路径。`);
  }
  const what = `草稿说明文件“${file}”`;
  const { value, lines } = parseJsonWithLines(raw, what);
  const parsed = fileSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
    const field = path.length > 0 ? path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : '（整个文件）';
    const msg = issue.code === 'unrecognized_keys' ? `不认识的字段“${issue.keys[0]}”，可用的字段见 docs/命令行.md` : issue.message;
    throw new UserError(`${what}第 ${lineOf(lines, path as (string | number)[])} 行，字段 ${field}：${msg}。`);
  }
  const d = parsed.data;
  const ids = itemIdsByNo(db, d.sections.flatMap((s) => s.entries.flatMap((e) => e.items)));
  const draft = {
    publication: d.publication,
    date: d.date,
    editorNote: d.editorNote ?? '',
    sections: d.sections.map((s, si) => ({
      name: s.name,
      entries: s.entries.map((e, ei) => ({
        itemIds: e.items.map((no, k) => {
          const id = ids.get(no);
          if (id === undefined)
            throw new UserError(
              `${what}第 ${lineOf(lines, ['sections', si, 'entries', ei, 'items', k])} 行，字段 sections[${si}].entries[${ei}].items[${k}]：台账中没有编号为“${no}”的信息（或已删除），请核对编号。`,
            );
          return id;
        }),
        form: FORMS.get(e.form) as AdoptionForm,
        title: e.title ?? '',
        body: e.text ?? '',
        editorNote: e.editorNote ?? '',
      })),
    })),
  };
  return contractArgs('journal:save', { draft }).draft;
}

function issueId(args: CliArgs, at: number): number {
  const v = args.positional[at];
  if (!v || !/^\d+$/.test(v)) throw new UserError('缺少这一期的编号（journal list 可查），例如 journal publish 3');
  return Number(v);
}

export async function runJournal(db: Db, args: CliArgs, out: (s: string) => void, source: string): Promise<number> {
  const [sub] = args.positional;
  switch (sub) {
    case 'draft': {
      const file = args.positional[1];
      if (!file) throw new UserError('缺少草稿说明文件（JSON），例如 journal draft 第12期.json');
      const id = saveDraft(db, undefined, readDraftFile(db, resolve(file)), source);
      out(String(id));
      const docx = args.flags.get('out');
      if (typeof docx === 'string') {
        await exportIssue(db, id, resolve(docx));
        out(`已生成样稿：${resolve(docx)}`);
      }
      return 0;
    }
    case 'export': {
      const id = issueId(args, 1);
      const file = args.positional[2];
      if (!file) throw new UserError('缺少 Word 文件名，例如 journal export 3 第12期.docx');
      await exportIssue(db, id, resolve(file));
      out(`已生成：${resolve(file)}`);
      return 0;
    }
    case 'publish': {
      const r = publishIssue(db, issueId(args, 1), source);
      out(r.label);
      out(`已定版：登记采用 ${r.created} 条${r.linked > 0 ? `，关联已手工登记的采用 ${r.linked} 条（不重复计分）` : ''}。`);
      return 0;
    }
    case 'withdraw': {
      const r = withdrawIssue(db, issueId(args, 1), source);
      out(`已撤版：删除定版登记的采用 ${r.removed} 条${r.unlinked > 0 ? `，手工登记的 ${r.unlinked} 条保留` : ''}，这一期回到草稿。`);
      return 0;
    }
    case 'list':
    case undefined: {
      const y = args.flags.get('year');
      if (y !== undefined && (typeof y !== 'string' || !/^\d{4}$/.test(y))) throw new UserError('--year 应为四位年份，例如 --year 2019');
      const list = listJournal(db, { year: typeof y === 'string' ? Number(y) : undefined });
      if (args.flags.has('json')) out(JSON.stringify(list, null, 2));
      else if (list.length === 0) out('还没有刊物的期。');
      else
        for (const i of list)
          out([String(i.id).padStart(4), i.date, `《${i.publicationName}》`, i.state === 'published' ? i.label : JOURNAL_STATE_LABEL[i.state], `${i.entries} 篇`].join('  '));
      return 0;
    }
    default:
      throw new UserError(`journal 没有“${sub}”这个子命令，可用：draft、export、publish、withdraw、list。`);
  }
}
