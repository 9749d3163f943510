// Arguments from outside (a page over IPC, the test bridge, a command line) are parsed with the contract's zod
// schema before any service sees them; a refusal is a Chinese message the clerk can act on.
import { METHODS, type Args, type Method } from '../../shared/ipc/contract';
import { UserError } from '../db/errors';

export function contractArgs<M extends Method>(method: M, raw: unknown): Args<M> {
  const parsed = METHODS[method].safeParse(raw);
  if (parsed.success) return parsed.data as Args<M>;
  const issue = parsed.error.issues[0]!;
  const where = issue.path.length > 0 ? `（${issue.path.join('.')}）` : '';
  throw new UserError(`参数有误${where}：${issue.code === 'unrecognized_keys' ? '含有不认识的字段' : issue.message}`);
}
