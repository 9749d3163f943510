// Which automatic backups to keep (Actual's backups.ts is the model): the newest of each of the last 7 days, of each
// of the last 4 weeks and of each of the last 12 months. Pure: (backups, now) → the ones to delete.

export interface BackupEntry {
  name: string;
  /** when it was taken, ISO date-time */
  at: string;
}

const DAY = 86_400_000;

const pad = (n: number): string => String(n).padStart(2, '0');
/** the office's calendar day and month (the computer's local time), not UTC's */
const localDay = (d: Date): string => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const localMonth = (d: Date): string => localDay(d).slice(0, 7);

function isoWeekKey(d: Date): string {
  const t = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  return `${t.getUTCFullYear()}W${Math.ceil(((t.getTime() - yearStart) / DAY + 1) / 7)}`;
}

export function backupsToDelete(backups: readonly BackupEntry[], now: Date, keep = { daily: 7, weekly: 4, monthly: 12 }): BackupEntry[] {
  const newestFirst = [...backups].sort((a, b) => b.at.localeCompare(a.at));
  const kept = new Set<string>();
  const rule = (bucketOf: (d: Date) => string, count: number, horizonDays: number): void => {
    const seen = new Set<string>();
    for (const b of newestFirst) {
      const d = new Date(b.at);
      if (now.getTime() - d.getTime() > horizonDays * DAY) continue;
      const bucket = bucketOf(d);
      if (seen.has(bucket) || seen.size >= count) continue;
      seen.add(bucket);
      kept.add(b.name);
    }
  };
  rule(localDay, keep.daily, keep.daily);
  rule(isoWeekKey, keep.weekly, keep.weekly * 7);
  rule(localMonth, keep.monthly, keep.monthly * 31);
  if (newestFirst[0]) kept.add(newestFirst[0].name); // never delete the newest backup
  return newestFirst.filter((b) => !kept.has(b.name));
}
