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
      return `应为以下之一：${issue.values.map(String).join('、')}`;
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
  const path = issue.path.map(String).join('.');
  const where = path === '' ? '' : opts.flags ? `（--${path}）` : `（${path}）`;
  throw new UserError(`参数有误${where}：${issueText(issue)}。请改正后重试。`);
}
