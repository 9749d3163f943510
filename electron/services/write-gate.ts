// The one write path (docs/架构.md §7). Every change to the ledger — from the pages, the command line, the test
// bridge, the import worker or a restore — runs through `write`: one transaction opened with BEGIN IMMEDIATE (so a
// second process waits for it instead of interleaving), the audit source set, the change, then the lock invariant
// checked on the resulting state before COMMIT; a refusal rolls everything back with a message naming the quarter.
// `queued` puts asynchronous writes (imports, restore, anything that awaits between its steps) in one line, so two
// never interleave across an `await` and nothing is written to a connection a restore is about to replace.
import { periodLabel, quarterOf, quarterPeriod, quartersText, chineseDate, type Period } from '../../shared/periods';
import { asSource, type Db } from '../db/database';
import { markRolledBack, UserError } from '../db/errors';
import { lockedPeriods, lockedRuleTexts, ruleSetTexts } from '../store/locks';
import { startWatch, touched } from '../store/write-watch';

const depth = new WeakMap<Db, number>();

export interface WriteOptions {
  /** restore replaces the whole ledger by design and is the one write exempt from the lock invariant */
  exemptFromLocks?: boolean;
}

/** Runs `change` as one checked transaction with audit source `source`; a write inside a write joins the outer one. */
export function write<T>(db: Db, source: string, change: () => T, opts: WriteOptions = {}): T {
  if ((depth.get(db) ?? 0) > 0) return change();
  const tx = db.transaction(() => {
    startWatch(db);
    return asSource(db, source, () => {
      const result = change();
      if (!opts.exemptFromLocks) checkLockInvariant(db);
      return result;
    });
  });
  depth.set(db, 1);
  try {
    return tx.immediate();
  } catch (e) {
    // better-sqlite3 rolled the transaction back before rethrowing: the message may say nothing was changed
    markRolledBack(e);
    throw e;
  } finally {
    depth.delete(db);
  }
}

/** Whether a checked write is running on this connection (a service that must not run inside one asks). */
export const inWrite = (db: Db): boolean => (depth.get(db) ?? 0) > 0;

let tail: Promise<unknown> = Promise.resolve();

/** Runs `task` after every task queued before it has settled; one at a time, in the order asked. */
export function queued<T>(task: () => T | Promise<T>): Promise<T> {
  const run = tail.then(task, task);
  tail = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}

// ------------------------------------------------------------------------------------ the lock invariant

const qIndex = (code: string): number => Number(code.slice(0, 4)) * 4 + Number(code.slice(5)) - 1;
const qOfIndex = (i: number): Period => quarterPeriod(Math.floor(i / 4), (i % 4) + 1);

/** The stored text of the rule set that scores the quarter starting on `start` (as `ruleSetForQuarterOf` chooses). */
function ruleTextFor(texts: { effectiveFrom: string; body: string }[], start: string): string | undefined {
  let chosen = texts[0];
  for (const t of texts) if (t.effectiveFrom <= start) chosen = t;
  return chosen?.body;
}

/**
 * A locked quarter was circulated: nothing dated in it (or in an earlier quarter, which its 全年累计 and
 * 连续两个月未报送 read) may change, the rule set that scored it stays the one that scores it, and quarters lock in
 * order. Units and settings may change: locked quarters are scored and written with the roster and settings kept
 * when they were locked. Cheap: only what this write touched is looked at.
 */
export function checkLockInvariant(db: Db): void {
  const t = touched(db);
  if (t.dates.length === 0 && t.tables.size === 0) return;
  const periods = lockedPeriods(db);
  if (periods.length === 0) return;
  const last = periods[periods.length - 1]!;
  const locked = new Set(periods);
  if (t.tables.has('period_locks')) assertInOrder(periods);
  if (t.dates.length > 0) {
    const hit = new Set<string>();
    for (const d of t.dates) {
      const q = quarterOf(d).code;
      if (qIndex(q) <= qIndex(last)) hit.add(q);
    }
    if (hit.size > 0) {
      const codes = [...hit].sort();
      const inLocked = codes.filter((c) => locked.has(c));
      if (inLocked.length > 0)
        throw new UserError(
          `${quartersText(inLocked)}已通报并锁定，不能新增、修改或删除日期在该季度的记录，数据未改动。确需修改，请先在“通报”页解锁该季度。`,
        );
      throw new UserError(
        `${quartersText(codes)}早于已通报并锁定的${quartersText([last])}，其记录计入已通报的全年累计，不能新增、修改或删除，数据未改动。确需修改，请先在“通报”页解锁${quartersText([last])}。`,
      );
    }
  }
  if (t.tables.has('rule_sets')) assertRulesKept(db, lockedRuleTexts(db), last);
}

function assertInOrder(periods: string[]): void {
  for (let i = 1; i < periods.length; i++) {
    const gap = qIndex(periods[i]!) - qIndex(periods[i - 1]!);
    if (gap > 1) {
      const missing = Array.from({ length: gap - 1 }, (_, k) => qOfIndex(qIndex(periods[i - 1]!) + k + 1).code);
      throw new UserError(
        `季度须按先后锁定：${quartersText(missing)}还没有锁定，不能锁定${quartersText([periods[i]!])}。请先锁定前面的季度。`,
      );
    }
  }
}

function assertRulesKept(db: Db, rows: { period: string; ruleSet: string | null }[], last: string): void {
  const texts = ruleSetTexts(db);
  if (texts.length === 0) throw new UserError('至少要保留一个规则集。');
  const changed = rows.filter((r) => r.ruleSet !== null && ruleTextFor(texts, quarterPeriod(Number(r.period.slice(0, 4)), Number(r.period.slice(5))).start) !== r.ruleSet);
  if (changed.length === 0) return;
  const next = qOfIndex(qIndex(last) + 1);
  throw new UserError(
    `这样保存会改变已通报并锁定的${quartersText(changed.map((r) => r.period))}所用的计分规则，数据未改动。` +
      `新规则集的生效日期最早为${chineseDate(next.start)}（${periodLabel(next)}起）；已用于锁定季度的规则集不能修改，请另存为新版本。`,
  );
}
