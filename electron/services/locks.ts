// Locking a published quarter (docs/计分规则说明.md §9.4): refused while it has overdue 约稿; both acts are logged.
import { periodLabel, type Period } from '../../shared/periods';
import { overdueTargetsIn } from '../../shared/scoring';
import { nowIso, today } from '../clock';
import { withSource, type Db } from '../db/database';
import { UserError } from '../db/errors';
import { loadFacts } from '../store/facts';
import { deleteLock, insertLock, isLocked } from '../store/locks';
import { ruleSets } from '../store/rulesets';
import { replaceKeptDocuments, type KeptDocument } from '../store/circulars';

function assertQuarter(p: Period): void {
  if (p.kind !== 'quarter') throw new UserError(`只能锁定季度，请写成 2019Q2 这样的季度。`);
}

/** `keep`: the documents the quarter goes out with, stored in the same transaction as the lock. */
export function lockQuarter(db: Db, p: Period, source: string, asOf = today(), keep: readonly KeptDocument[] = []): void {
  assertQuarter(p);
  const overdue = overdueTargetsIn(loadFacts(db, ruleSets(db), p), p, asOf);
  if (overdue.length > 0)
    throw new UserError(
      `${periodLabel(p)}还有 ${overdue.length} 个约稿已过截止日期仍为“待报”，请先登记完成情况（已完成/已说明/未完成）再锁定。`,
    );
  if (isLocked(db, p.code)) throw new UserError(`${periodLabel(p)}已经锁定。`);
  withSource(db, source, () => {
    insertLock(db, p.code, nowIso());
    if (keep.length > 0) replaceKeptDocuments(db, p.code, 'generated', keep);
  });
}

export function unlockQuarter(db: Db, p: Period, source: string): void {
  assertQuarter(p);
  const changed = withSource(db, source, () => deleteLock(db, p.code));
  if (!changed) throw new UserError(`${periodLabel(p)}没有锁定，无需解锁。`);
}
