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
      const first = await dailyBackup(db, file, new Date('2019-12-01T08:00:00Z'));
      expect(first).toMatch(/自动备份-20191201-080000\.db$/);
      expect(await dailyBackup(db, file, new Date('2019-12-01T17:00:00Z'))).toBeNull(); // same day: none
      const copy = new Database(first!, { readonly: true });
      expect(copy.prepare('SELECT count(*) AS n FROM rule_sets').get()).toEqual({ n: 1 });
      copy.close();
      for (let d = 2; d <= 40; d++) {
        const day = new Date(Date.UTC(2019, 11, 1) + (d - 1) * 86_400_000 + 8 * 3_600_000);
        await dailyBackup(db, file, day);
      }
      const kept = readdirSync(join(dir, 'backups')).filter((f) => f.startsWith('自动备份-'));
      expect(kept.length).toBeLessThanOrEqual(7 + 4 + 12);
      expect(kept.length).toBeGreaterThan(7);
      expect(kept).toContain('自动备份-20200109-080000.db'); // the newest
    } finally {
      closeDatabase(db);
    }
  });
});
