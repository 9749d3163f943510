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
