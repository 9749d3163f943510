// How long the ledger lets a text column be: the one list of the schema's length CHECK constraints (migrations are
// frozen text, so a test holds every CHECK of a new ledger to this list), and the import's row check reads the same
// numbers, so a row the ledger would refuse is told to the clerk by column and row instead of ending in a database
// error.
export const FIELD_LIMITS = {
  /** units.name */
  unitName: 100,
  /** items.category (a rule set's category key) */
  categoryKey: 40,
} as const;

/** The years a ledger date can be in (the date checks of import and entry alike). */
export const LEDGER_YEARS = { first: 1900, last: 2100 } as const;
