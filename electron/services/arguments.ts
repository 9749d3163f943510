// Arguments from outside (a page over IPC, the test bridge, a command line) are parsed with the contract's zod
// schema before any service sees them; a refusal is a Chinese message the clerk can act on (zod's own English never
// reaches one).
import type { z } from 'zod';
import { METHODS, type Args, type Method } from '../../shared/ipc/contract';
import { UserError } from '../db/errors';

const TYPE: Record<string, string> = {
  number: '数字',
  int: '整数',
  string: '文字',
  boolean: '是或否',
  object: '一组字段',
  array: '列表',
  date: '日期',
};
const CJK = /[\u4e00-\u9fff]/;

/** The fields of the contract as a clerk names them; a field without a name here is left out of the message. */
const FIELD: Record<string, string> = {
  id: '编号',
  file: '文件',
  name: '名称',
  period: '期间',
  month: '月份',
  year: '年份',
  from: '起始日期',
  to: '截止日期',
  date: '日期',
  deadline: '截止日期',
  issued: '下发日期',
  limit: '每页条数',
  offset: '起始位置',
  unitId: '单位',
  unitIds: '受约单位',
  itemId: '信息',
  targetId: '约稿对象',
  title: '标题',
  topic: '主题',
  rows: '信息',
  list: '列表',
  rules: '规则集',
  settings: '设置',
  kind: '类别',
  kinds: '类型',
  direction: '方向',
  dryRun: '试导入',
  group: '分组',
  aliases: '别名',
  authors: '作者',
  note: '备注',
  quantity: '数量',
  level: '批示级别',
  form: '形式',
  publication: '刊物',
  outcome: '完成情况',
  item: '信息',
  adoption: '采用',
  instruction: '批示',
  request: '约稿',
  event: '加减分事项',
  docNo: '文号',
};

function fieldText(path: readonly PropertyKey[]): string {
  return path
    .map((k) => (typeof k === 'number' ? `第${k + 1}项` : (FIELD[String(k)] ?? '')))
    .filter((t) => t !== '')
    .join('·');
}

/** One zod issue in the office's words. */
export function issueText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return '含有不认识的字段';
    case 'too_big': {
      const n = String(issue.maximum);
      if (issue.origin === 'string') return `不能超过 ${n} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `最多 ${n} 项`;
      return `不能大于 ${n}`;
    }
    case 'too_small': {
      const n = String(issue.minimum);
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? '不能为空' : `至少 ${n} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `至少 ${n} 项`;
      return `不能小于 ${n}`;
    }
    case 'invalid_type':
      return issue.input === undefined ? '缺少这一项' : `应为${TYPE[issue.expected] ?? '正确的类型'}`;
    case 'invalid_value':
      // internal keys (items, adoptions …) are no clerk's words: only numbers and Chinese choices are listed
      return issue.values.every((v) => typeof v === 'number' || CJK.test(String(v)))
        ? `应为以下之一：${issue.values.map(String).join('、')}`
        : '不是可以选择的值';
    default:
      // the contract's own messages (日期格式应为 YYYY-MM-DD …) are Chinese; anything else is told plainly
      return CJK.test(issue.message) ? issue.message : '格式不对';
  }
}

/**
 * `flags`: the arguments came from the command line, so a field is named as the flag the clerk typed (--limit).
 */
export function contractArgs<M extends Method>(method: M, raw: unknown, opts: { flags?: boolean } = {}): Args<M> {
  const parsed = METHODS[method].safeParse(raw);
  if (parsed.success) return parsed.data as Args<M>;
  const issue = parsed.error.issues[0]!;
  const path = opts.flags ? issue.path.map(String).join('.') : fieldText(issue.path);
  const where = path === '' ? '' : opts.flags ? `（--${path}）` : `（${path}）`;
  throw new UserError(`参数有误${where}：${issueText(issue)}。请改正后重试。`);
}
