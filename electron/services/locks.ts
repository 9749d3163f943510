// Locking a published quarter (docs/计分规则说明.md §9.4): refused while it has overdue 约稿; both acts are logged.
// Quarters lock in order — a locked quarter's 全年累计 and 连续两个月未报送 read the quarters before it — so locking
// one locks the open ones before it, and unlocking one unlocks the ones after it. At lock time the ledger keeps what
// the quarter was circulated with: the roster (groups, names, order, active months), the rule set's text and the
// 通报设置; later edits of these apply to open quarters only.
import { periodLabel, quarterOf, quarterPeriod, quartersText, type Period } from '../../shared/periods';
import { overdueTargetsIn } from '../../shared/scoring';
import { nowIso, today } from '../clock';
import type { Db } from '../db/database';
import { UserError } from '../db/errors';
import { loadFacts, loadUnits } from '../store/facts';
import { deleteLocks, firstRecordDate, insertLock, lockRows, ruleSetTexts } from '../store/locks';
import { readSettings } from '../store/settings';
import { replaceKeptDocuments, type KeptDocument } from '../store/circulars';
import { ruleSets } from '../store/rulesets';
import { write } from './write-gate';

function assertQuarter(p: Period): void {
  if (p.kind !== 'quarter') throw new UserError(`只能锁定季度，请写成 2019Q2 这样的季度。`);
}

const qIndex = (p: Period): number => p.year * 4 + p.index - 1;

/** The quarters locking `p` locks: the open ones from the ledger's first record (or the last locked one) to `p`. */
function quartersToLock(db: Db, p: Period): Period[] {
  const rows = lockRows(db);
  const code = (c: string): number => Number(c.slice(0, 4)) * 4 + Number(c.slice(5)) - 1;
  const first = firstRecordDate(db);
  let from = rows.length > 0 ? code(rows[rows.length - 1]!.period) + 1 : first ? qIndex(quarterOf(first)) : qIndex(p);
  if (from > qIndex(p)) from = qIndex(p);
  const locked = new Set(rows.map((r) => r.period));
  const out: Period[] = [];
  for (let i = from; i <= qIndex(p); i++) {
    const q = quarterPeriod(Math.floor(i / 4), (i % 4) + 1);
    if (!locked.has(q.code)) out.push(q);
  }
  return out;
}

/**
 * Locks `p` and the open quarters before it; returns the quarters locked. `keep`: the documents `p` goes out with,
 * stored in the same transaction as the lock.
 */
export function lockQuarter(db: Db, p: Period, source: string, asOf = today(), keep: readonly KeptDocument[] = []): string[] {
  assertQuarter(p);
  return write(db, source, () => {
    if (lockRows(db).some((r) => r.period === p.code)) throw new UserError(`${periodLabel(p)}已经锁定。`);
    const quarters = quartersToLock(db, p);
    const rules = ruleSets(db);
    for (const q of quarters) {
      const overdue = overdueTargetsIn(loadFacts(db, rules, q), q, asOf);
      if (overdue.length > 0)
        throw new UserError(
          `${periodLabel(q)}还有 ${overdue.length} 个约稿已过截止日期仍为“待报”，请先登记完成情况（已完成/已说明/未完成）再锁定${quarters.length > 1 ? `（锁定${periodLabel(p)}会一并锁定${quartersText(quarters.map((x) => x.code))}）` : ''}。`,
        );
    }
    const units = JSON.stringify(loadUnits(db));
    const texts = ruleSetTexts(db);
    // the settings in force, defaults included: a later change of a default must not rewrite the circular either
    const settings = JSON.stringify(readSettings(db));
    const at = nowIso();
    for (const q of quarters) {
      let ruleSet = texts[0]?.body ?? null;
      for (const t of texts) if (t.effectiveFrom <= q.start) ruleSet = t.body;
      insertLock(db, { period: q.code, units, ruleSet, settings }, at);
    }
    if (keep.length > 0) replaceKeptDocuments(db, p.code, 'generated', keep);
    return quarters.map((q) => q.code);
  });
}

/** Unlocks `p` and every locked quarter after it; returns the quarters unlocked. */
export function unlockQuarter(db: Db, p: Period, source: string): string[] {
  assertQuarter(p);
  return write(db, source, () => {
    const later = lockRows(db)
      .map((r) => r.period)
      .filter((c) => c >= p.code);
    if (!later.includes(p.code)) throw new UserError(`${periodLabel(p)}没有锁定，无需解锁。`);
    deleteLocks(db, later);
    return later;
  });
}
