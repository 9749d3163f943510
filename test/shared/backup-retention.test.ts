import { describe, expect, it } from 'vitest';
import { backupsToDelete, type BackupEntry } from '../../shared/backup-retention';

/** One backup a day at 08:00 for `days` days ending `end`. */
function daily(end: string, days: number): BackupEntry[] {
  const out: BackupEntry[] = [];
  const t = new Date(`${end}T08:00:00Z`).getTime();
  for (let i = 0; i < days; i++) {
    const at = new Date(t - i * 86_400_000).toISOString();
    out.push({ name: `b-${at.slice(0, 10)}`, at });
  }
  return out;
}

describe('backup retention (7 daily, 4 weekly, 12 monthly)', () => {
  it('keeps at most 7 + 4 + 12 of a year of daily backups, the newest of each bucket', () => {
    const all = daily('2019-12-31', 400);
    const del = new Set(backupsToDelete(all, new Date('2019-12-31T12:00:00Z')).map((b) => b.name));
    const kept = all.filter((b) => !del.has(b.name)).map((b) => b.name);
    expect(kept.length).toBeLessThanOrEqual(7 + 4 + 12);
    expect(kept.length).toBeGreaterThanOrEqual(12);
    // the last 7 days are all kept
    for (const b of all.slice(0, 7)) expect(kept).toContain(b.name);
    // the newest of each of the last 12 months is kept
    expect(kept).toContain('b-2019-01-31');
    expect(kept).toContain('b-2019-06-30');
    expect(kept).not.toContain('b-2019-06-29');
    // nothing older than a year survives
    expect(kept.some((n) => n < 'b-2018-12-01')).toBe(false);
  });

  it('never deletes the newest backup, even an old one', () => {
    const old = [{ name: 'only', at: '2015-01-01T00:00:00Z' }];
    expect(backupsToDelete(old, new Date('2019-12-31T00:00:00Z'))).toEqual([]);
  });

  it('deletes nothing while there are fewer backups than places', () => {
    expect(backupsToDelete(daily('2019-12-31', 5), new Date('2019-12-31T12:00:00Z'))).toEqual([]);
  });
});
