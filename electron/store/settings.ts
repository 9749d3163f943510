import { settingsSchema, type Settings } from '../../shared/settings';
import { withSource, type Db } from '../db/database';
import { UserError } from '../db/errors';

const KEY = 'office';

/** The office's settings, with defaults for anything not yet set. */
export function readSettings(db: Db): Settings {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  return settingsOf(row?.value ?? null);
}

/** Settings from their stored text (today's, or those a locked quarter was circulated with). */
export function settingsOf(text: string | null): Settings {
  const parsed = settingsSchema.safeParse(text !== null ? JSON.parse(text) : {});
  if (!parsed.success) throw new UserError('保存的设置无效，请在“设置”中检查后重新保存。');
  return parsed.data;
}

export function writeSettings(db: Db, input: unknown, source: string): Settings {
  const parsed = settingsSchema.safeParse(input);
  if (!parsed.success)
    throw new UserError(`设置有误：${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`);
  withSource(db, source, () =>
    db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(KEY, JSON.stringify(parsed.data)),
  );
  return parsed.data;
}
