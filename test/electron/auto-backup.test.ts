import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../electron/db/database';
import { dailyBackup } from '../../electron/services/auto-backup';
import { tempDir } from '../helpers/cli';

describe('automatic daily backups', () => {
  it('one a day, checked, openable, and pruned by the retention rule', async () => {
    const dir = tempDir();
    const file = join(dir, 'zwxx.db');
    const db = openDatabase(file);
    try {
      // the tests run in Asia/Shanghai: names and the day follow local time
      const first = await dailyBackup(db, file, new Date(2019, 11, 1, 8, 0, 0));
      expect(first).toMatch(/自动备份-20191201-080000\.db$/);
      expect(await dailyBackup(db, file, new Date(2019, 11, 1, 23, 59, 0))).toBeNull(); // same day: none
      const copy = new Database(first!, { readonly: true });
      expect(copy.prepare('SELECT count(*) AS n FROM rule_sets').get()).toEqual({ n: 1 });
      copy.close();
      for (let d = 2; d <= 40; d++) {
        const day = new Date(2019, 11, d, 8, 0, 0);
        await dailyBackup(db, file, day);
      }
      const kept = readdirSync(join(dir, 'backups')).filter((f) => f.startsWith('自动备份-'));
      expect(kept.length).toBeLessThanOrEqual(7 + 4 + 12);
      expect(kept.length).toBeGreaterThan(7);
      expect(kept).toContain('自动备份-20200109-080000.db'); // the newest
      // no temporary or -wal/-shm file is left beside the backups
      expect(readdirSync(join(dir, 'backups')).filter((f) => !/^自动备份-\d{8}-\d{6}\.db$/.test(f))).toEqual([]);
    } finally {
      closeDatabase(db);
    }
  });

  it('05:58 Beijing time on 12-05 is named 20261205 and is that day\'s backup; the day rolls at local midnight', async () => {
    const dir = tempDir();
    const file = join(dir, 'zwxx.db');
    const db = openDatabase(file);
    try {
      // 2026-12-04T21:58:23Z is 05:58:23 on 12-05 in Beijing
      const early = await dailyBackup(db, file, new Date('2026-12-04T21:58:23Z'));
      expect(early).toMatch(/自动备份-20261205-055823\.db$/);
      // 23:59 the same local day: no second backup; 00:01 the next local day: a new one
      expect(await dailyBackup(db, file, new Date(2026, 11, 5, 23, 59, 0))).toBeNull();
      expect(await dailyBackup(db, file, new Date(2026, 11, 6, 0, 1, 0))).toMatch(/自动备份-20261206-000100\.db$/);
    } finally {
      closeDatabase(db);
    }
  });
});
