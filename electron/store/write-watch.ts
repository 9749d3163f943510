// What one write touched, recorded by SQLite itself while the write runs: the dates of every dated record it
// inserted, changed or deleted (before and after), and whether it touched the rule sets, the locks or the settings.
// The write gate reads this before COMMIT to check the locked quarters without rescoring them. Temporary triggers
// live on this connection only and cost a row in a temporary table per touched record.
import type { Db } from '../db/database';

/** Each watched table: the date(s) a row stands for, as SQL over the row (`R`). */
const DATED: { table: string; date: string }[] = [
  { table: 'items', date: 'R.submitted' },
  { table: 'adoptions', date: 'R.date' },
  { table: 'instructions', date: 'R.date' },
  { table: 'events', date: 'R.date' },
  { table: 'requests', date: 'R.deadline' },
  { table: 'request_targets', date: '(SELECT deadline FROM main.requests WHERE id = R.request_id)' },
  { table: 'item_authors', date: '(SELECT submitted FROM main.items WHERE id = R.item_id)' },
  { table: 'item_joint_units', date: '(SELECT submitted FROM main.items WHERE id = R.item_id)' },
];
/** Tables whose every change matters to locked quarters as a whole. */
const FLAGGED = ['rule_sets', 'period_locks', 'settings'];

const installed = new WeakSet<Db>();

function triggersSql(): string {
  const out = ['CREATE TEMP TABLE IF NOT EXISTS write_watch (what TEXT NOT NULL, d TEXT);'];
  const row = (what: string, d: string): string => `INSERT INTO temp.write_watch (what, d) VALUES ('${what}', ${d});`;
  for (const t of DATED) {
    const n = t.date.replaceAll('R.', 'NEW.');
    const o = t.date.replaceAll('R.', 'OLD.');
    out.push(
      `CREATE TEMP TRIGGER IF NOT EXISTS watch_${t.table}_i AFTER INSERT ON main.${t.table} BEGIN ${row('date', n)} END;`,
      `CREATE TEMP TRIGGER IF NOT EXISTS watch_${t.table}_u AFTER UPDATE ON main.${t.table} BEGIN ${row('date', o)} ${row('date', n)} END;`,
      // a cascade may delete the parent first: the row's own date is then unknown, and the parent's was recorded
      `CREATE TEMP TRIGGER IF NOT EXISTS watch_${t.table}_d BEFORE DELETE ON main.${t.table} BEGIN ${row('date', o)} END;`,
    );
  }
  for (const t of FLAGGED)
    for (const [k, ev] of [['i', 'INSERT'], ['u', 'UPDATE'], ['d', 'DELETE']] as const)
      out.push(`CREATE TEMP TRIGGER IF NOT EXISTS watch_${t}_${k} AFTER ${ev} ON main.${t} BEGIN ${row(t, 'NULL')} END;`);
  return out.join('\n');
}

/** Starts watching on this connection (once per connection) and forgets what earlier writes touched. */
export function startWatch(db: Db): void {
  if (!installed.has(db)) {
    db.exec(triggersSql());
    installed.add(db);
  }
  db.prepare('DELETE FROM temp.write_watch').run();
}

export interface Touched {
  /** distinct dates of the dated records touched */
  dates: string[];
  /** the whole-ledger tables touched: rule_sets, period_locks, settings */
  tables: Set<string>;
}

export function touched(db: Db): Touched {
  const rows = db.prepare('SELECT DISTINCT what, d FROM temp.write_watch').all() as { what: string; d: string | null }[];
  const dates: string[] = [];
  const tables = new Set<string>();
  for (const r of rows) {
    if (r.what === 'date') {
      if (r.d !== null) dates.push(r.d);
    } else tables.add(r.what);
  }
  return { dates, tables };
}
