// The importer's limits on what one file may hold (zip bombs, monstrous sheets), in one place.
export const LIMITS = {
  /** bytes of the .xlsx file */
  fileBytes: 50 * 1024 * 1024,
  /** data rows in one sheet */
  rows: 200_000,
  /** characters in one cell */
  cellChars: 2_000,
  /** characters in a 正文 cell (Excel holds 32,767) */
  bodyChars: 32_000,
  /** files inside the .xlsx (a workbook has a few dozen) */
  zipEntries: 2_000,
  /** bytes one file inside the .xlsx may expand to, and all of them together (zip bombs) */
  entryBytes: 256 * 1024 * 1024,
  totalBytes: 512 * 1024 * 1024,
};

/** The extensions the importer reads (the app's file dialog offers these). */
export const IMPORT_EXTENSIONS = ['xlsx', 'xlsm', 'xls', 'et', 'ods', 'xlsb', 'csv'];
