// How long the ledger lets a text column be: the one list of the schema's length CHECK constraints (migrations are
// frozen text, so a test holds every CHECK of a new ledger to this list), and the import's row check reads the same
// numbers, so a row the ledger would refuse is told to the clerk by column and row instead of ending in a database
// error.
export const FIELD_LIMITS = {
  /** units.name */
  unitName: 100,
  /** items.category (a rule set's category key) */
  categoryKey: 40,
  /** kept_documents.name (a file kept with a locked quarter) */
  keptDocumentName: 200,
  /** item_files.name (the file a unit sent) */
  receivedFileName: 255,
  /** journal_sections.name (a 栏目 of an issue) */
  journalSectionName: 40,
} as const;

/**
 * A file name cut to fit a column: Windows allows names longer than the ledger keeps, and a name is only a label, so
 * the stem is shortened and the extension kept rather than refusing the file.
 */
export function fitFileName(name: string, max: number): string {
  const chars = [...name];
  if (chars.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  return [...name.slice(0, name.length - ext.length)].slice(0, max - [...ext].length - 1).join('') + '…' + ext;
}

/** The years a ledger date can be in (the date checks of import and entry alike). */
export const LEDGER_YEARS = { first: 1900, last: 2100 } as const;
