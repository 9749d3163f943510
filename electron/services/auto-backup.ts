// Automatic backups: the first start of each day, and before every import and restore (restore: see backup.ts).
// Kept by the pure retention rule in shared/backup-retention.ts.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { backupsToDelete } from '../../shared/backup-retention';
import { timestamp, type Db } from '../db/database';
import { backupDirFor, backupTo, uniqueBackupFile } from './backup';

const DAILY = '自动备份-';

/** 自动备份-20191231-083000.db → the instant 2019-12-31 08:30:00 local time (names are in the office's time) */
function takenAt(name: string): string | null {
  const m = /(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-\d+)*\.db$/.exec(name);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  return new Date(y, mo - 1, d, h, mi, s).toISOString();
}

/** Takes today's automatic backup unless there is one, then prunes old ones. Returns the new file, if any. */
export async function dailyBackup(db: Db, dataFile: string, now = new Date()): Promise<string | null> {
  const dir = backupDirFor(dataFile);
  mkdirSync(dir, { recursive: true });
  const today = timestamp(now).slice(0, 8);
  const existing = readdirSync(dir).filter((f) => f.startsWith(DAILY) && f.endsWith('.db'));
  let made: string | null = null;
  if (!existing.some((f) => f.startsWith(`${DAILY}${today}`))) {
    made = join(dir, `${DAILY}${timestamp(now)}.db`);
    await backupTo(db, made);
  }
  const entries = readdirSync(dir)
    .filter((f) => f.startsWith(DAILY))
    .map((name) => ({ name, at: takenAt(name) }))
    .filter((e): e is { name: string; at: string } => e.at !== null);
  for (const e of backupsToDelete(entries, now)) rmSync(join(dir, e.name), { force: true });
  return made;
}

/** A backup before an import writes anything (导入前备份), so a wrong workbook can be undone. */
export async function backupBeforeImport(db: Db, dataFile: string): Promise<string> {
  const file = uniqueBackupFile(backupDirFor(dataFile), '导入前备份-');
  try {
    await backupTo(db, file);
  } catch (e) {
    rmSync(file, { force: true });
    throw e;
  }
  return file;
}

