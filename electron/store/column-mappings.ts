// Column choices a clerk made for sheets whose headers the importer did not recognise, remembered per layout (the
// header signature: column positions and header texts), so the next import of the same ledger needs no questions.
import { z } from 'zod';
import { withSource, type Db } from '../db/database';

const KEY = 'import.columnMappings';
const MAX_REMEMBERED = 50;

const mappingSchema = z.object({
  signature: z.string().max(20_000),
  sheetKey: z.enum(['units', 'items', 'adoptions', 'instructions', 'requests', 'events']),
  columns: z.record(z.string().max(40), z.number().int().min(1).max(16_384)),
});

/** A clerk's column choice for one sheet layout, remembered by its header signature: column key → column number (1 = A). */
export type ColumnMapping = z.infer<typeof mappingSchema>;

export function readColumnMappings(db: Db): ColumnMapping[] {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  if (!row) return [];
  try {
    const parsed = z.array(mappingSchema).safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** Remembers `m` (replacing an older choice for the same layout); the most recent layouts are kept. */
export function rememberColumnMapping(db: Db, m: ColumnMapping, source: string): void {
  const parsed = mappingSchema.parse(m);
  const list = [parsed, ...readColumnMappings(db).filter((x) => x.signature !== parsed.signature)].slice(0, MAX_REMEMBERED);
  withSource(db, source, () =>
    db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(KEY, JSON.stringify(list)),
  );
}
