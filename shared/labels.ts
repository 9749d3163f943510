// Chinese names of the fixed vocabularies (the rule set names its own publications, levels and events).
import type { AdoptionForm, InstructionForm, ItemKind, RequestOutcome } from './domain';

export const ITEM_KIND_LABEL: Record<ItemKind, string> = { research: '调研', special: '专报' };
export const ADOPTION_FORM_LABEL: Record<AdoptionForm, string> = { single: '单篇', combined: '综合', brief: '简讯' };
export const INSTRUCTION_FORM_LABEL: Record<InstructionForm, string> = { single: '单篇', combined: '综合' };
export const REQUEST_OUTCOME_LABEL: Record<RequestOutcome, string> = {
  done: '已完成',
  explained: '已说明',
  missed: '未完成',
  pending: '待报',
};
export const UNSCORED_GROUP_NAME = '不计分';

// The rule model's fixed choices in the words of the 规则设置 page; 操作记录, the rule file's messages and the score
// workbook use the same words.
export const RULE_WINDOW_LABEL = { week: '每周', month: '每月', quarter: '每季度', year: '每年' } as const;
export const PUBLICATION_LEVEL_LABEL = { district: '区级', city: '市级', province: '省级', state: '国家级' } as const;
export const AWARD_LABEL = { each_month: '每月各得一次', once: '周期内得一次' } as const;
/** How several adoptions, or several instructions, of one item count: the 规则设置 choices in the regulations' words. */
export const ADOPTION_COMBINE_LABEL = { highest: '就高不就低（只计最高）', sum: '累计' } as const;
export const INSTRUCTION_COMBINE_LABEL = {
  highest: '就高不就低（只计最高）',
  sum: '累计',
  per_level: '同级只计一次、不同级别累加',
} as const;
export const JOINT_SPLIT_NAME = { even: '平分', full: '各得全分', lead: '只计牵头单位' } as const;

/** A label table as Select/Radio options, all of its keys or the ones given, in that order. */
export function labelOptions<K extends string>(labels: Readonly<Record<K, string>>, keys: readonly K[] = Object.keys(labels) as K[]): { value: K; label: string }[] {
  return keys.map((k) => ({ value: k, label: labels[k] }));
}
/** How a rule set scores a 合报 item, in the words shown beside the 合报单位 field and in the item's detail. */
export const JOINT_SPLIT_LABEL: Record<'even' | 'full' | 'lead', string> = {
  even: '合报信息得分由各单位平分',
  full: '合报信息各单位均计全分',
  lead: '合报信息只计报送（牵头）单位',
};

export function invert<K extends string>(labels: Record<K, string>): Map<string, K> {
  return new Map(Object.entries(labels).map(([k, v]) => [v as string, k as K]));
}

export const stars = (n: number): string => '★'.repeat(n);

/** A publication's name as the office writes it: 《莱芜政务信息》, but an action (报送市政府办公厅, 国务院办公厅采用)
 *  carries no book-title marks. */
export function publicationTitle(name: string): string {
  return /^(报送|经|报至)|采用$/.test(name) ? name : `《${name}》`;
}
