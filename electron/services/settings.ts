// The 通报设置 (the circular's issuing office, contact, recipients …): read, and saved after validation by the store.
// Saving goes through the write gate like every write; locked quarters keep the settings they were circulated with.
import type { Settings } from '../../shared/settings';
import type { Db } from '../db/database';
import { readSettings, writeSettings as storeSettings } from '../store/settings';
import { write } from './write-gate';

export { readSettings };

export function writeSettings(db: Db, input: unknown, source: string): Settings {
  return write(db, source, () => storeSettings(db, input, source));
}
