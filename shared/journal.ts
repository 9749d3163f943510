// The district periodical (编刊): limits, the 期号 as printed, and the word count an editor sees.
import type { AdoptionForm } from './domain';
import type { Args, JournalIssueDetail } from './ipc/contract';

/** An item's 正文: a long report is some 10,000 characters; 200,000 leaves room without letting a stray file in. */
export const ITEM_BODY_MAX = 200_000;
/** A kept original file: 20 MB (a .doc with photographs); a larger one is refused naming this limit. */
export const ITEM_FILE_MAX_BYTES = 20 * 1024 * 1024;
export const ITEM_FILE_MAX_LABEL = '20 MB';

export type JournalState = 'draft' | 'published';
export const JOURNAL_STATE_LABEL: Record<JournalState, string> = { draft: '草稿', published: '已定版' };

/** 第12期（总第345期）, as the masthead and the adoption rows print it. */
export function issueLabel(yearNo: number, totalNo: number): string {
  return `第${yearNo}期（总第${totalNo}期）`;
}

/** The short 期号 stored on an adoption (the form the clerks already type by hand). */
export function issueNoText(yearNo: number): string {
  return `第${yearNo}期`;
}

/**
 * 字数 as an editor counts it (Word's 字数统计 without spaces): every CJK character and punctuation mark is one, a run
 * of Latin letters or digits is one word.
 */
export function wordCount(text: string): number {
  const cjk = text.match(/[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/g)?.length ?? 0;
  const words = text.replace(/[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/g, ' ').match(/[A-Za-z0-9]+(?:[.,'’-][A-Za-z0-9]+)*/g)?.length ?? 0;
  return cjk + words;
}

/** The limit an entry's text is measured against. */
export function wordLimitOf(form: AdoptionForm, limits: { singleLimit: number; briefLimit: number }): number {
  return form === 'brief' ? limits.briefLimit : limits.singleLimit;
}

/** The 栏目 that holds the 简讯 (the default 栏目 are 工作动态、经验交流、问题反映、简讯). */
export const BRIEF_SECTION = '简讯';
export const isBriefSection = (name: string): boolean => name.includes(BRIEF_SECTION);

/**
 * 简讯 are printed under 【简讯】, and articles (单篇, 综合) under the other 栏目 — on the 刊物 page, in the Word file
 * and in what is saved alike. An entry whose form and 栏目 disagree goes, keeping its order, to the end of the 栏目 its
 * form belongs to: a 简讯 to 【简讯】 (added last when the issue has none), an article to the first other 栏目 (工作动态
 * added first when there is none). Entries already in place do not move.
 */
export function placeByForm<E extends { form: AdoptionForm }>(sections: readonly { name: string; entries: readonly E[] }[]): { name: string; entries: E[] }[] {
  const out = sections.map((s) => ({ name: s.name, entries: [...s.entries] }));
  const strays = out.flatMap((s) => {
    const brief = isBriefSection(s.name);
    const away = s.entries.filter((e) => (e.form === 'brief') !== brief);
    s.entries = s.entries.filter((e) => (e.form === 'brief') === brief);
    return away;
  });
  if (strays.length === 0) return out;
  const home = (brief: boolean) => {
    let s = out.find((x) => isBriefSection(x.name) === brief);
    if (!s) {
      s = { name: brief ? BRIEF_SECTION : '工作动态', entries: [] };
      if (brief) out.push(s);
      else out.unshift(s);
    }
    return s;
  };
  for (const e of strays) home(e.form === 'brief').entries.push(e);
  return out;
}

/** An issue as read, in the shape that saves it: the page re-saves it after each change. */
export function draftOfIssue(d: JournalIssueDetail): Args<'journal:save'>['draft'] {
  return {
    publication: d.publication,
    date: d.date,
    editorNote: d.editorNote,
    sections: d.sections.map((s) => ({
      name: s.name,
      entries: s.entries.map((e) => ({ itemIds: e.items.map((i) => i.id), form: e.form, title: e.title, body: e.body, editorNote: e.editorNote })),
    })),
  };
}
