// Writes into a locked quarter are refused with a message naming the quarter (docs/计分规则说明.md §9.4).
import { quarterOf } from '../../shared/periods';
import type { Db } from '../db/database';
import { UserError } from '../db/errors';
import { lockedQuarters } from '../store/locks';

export function assertUnlocked(db: Db, ...dates: (string | null | undefined)[]): void {
  const locks = lockedQuarters(db);
  for (const d of dates) {
    if (!d) continue;
    const q = quarterOf(d);
    if (locks.has(q.code))
      throw new UserError(
        `${q.year}年第${'一二三四'[q.index - 1]}季度已锁定（通报已定稿），不能新增、修改或删除该季度的记录。确需修改，请先在“通报”页解锁该季度。`,
      );
  }
}
