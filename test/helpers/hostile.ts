// Spreadsheets shaped like the ones other writers and attackers make, generated here (no third-party test file is
// copied): hand-written OOXML parts with the quirks other programs have, and the hostile shapes — many merges, one
// shared string in thousands of cells, unclosed tags, a million rows, deep nesting, ZIP64 records.
import * as XLSX from '@e965/xlsx';
import JSZip from 'jszip';
import officeCrypto from 'officecrypto-tool';

export interface RawSheet {
  name: string;
  /** the sheetData's inner XML (rows), written as given */
  rows: string;
  /** XML after sheetData (mergeCells, dataValidations …) */
  after?: string;
}

export interface OoxmlOptions {
  /** namespace prefix on every SpreadsheetML element ('x' → <x:worksheet>) */
  prefix?: string;
  /** the folder of the workbook part instead of xl/ */
  folder?: string;
  /** part names in capitals (XL/WORKBOOK.XML …), as some writers store them */
  capitals?: boolean;
  /** shared strings, referenced from cells as t="s" */
  sharedStrings?: string[];
  /** docProps/app.xml as given (absent by default) */
  appXml?: string;
  /** extra parts */
  extra?: Record<string, string>;
  compression?: 'DEFLATE' | 'STORE';
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A row of inline strings (t="inlineStr"), as streaming writers emit them. */
export function inlineRow(r: number, values: (string | number | null)[], withRefs = true): string {
  const cells = values
    .map((v, i) => {
      if (v === null) return '';
      const ref = withRefs ? ` r="${XLSX.utils.encode_col(i)}${r}"` : '';
      return typeof v === 'number' ? `<c${ref}><v>${v}</v></c>` : `<c${ref} t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
    })
    .join('');
  return `<row${withRefs ? ` r="${r}"` : ''}>${cells}</row>`;
}

/** Adds a namespace prefix to every element of a SpreadsheetML fragment. */
const prefixed = (xml: string, p: string | undefined): string =>
  p ? xml.replace(/<(\/?)([a-zA-Z]+)(?=[\s/>])/g, (_m, slash: string, name: string) => `<${slash}${p}:${name}`) : xml;

export async function ooxml(sheets: RawSheet[], o: OoxmlOptions = {}): Promise<Buffer> {
  const folder = o.folder ?? 'xl';
  const name = (s: string): string => (o.capitals ? s.toUpperCase() : s);
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const xmlns = o.prefix ? `xmlns:${o.prefix}="${ns}"` : `xmlns="${ns}"`;
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/${name(`${folder}/workbook.xml`)}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      sheets
        .map((_, i) => `<Override PartName="/${name(`${folder}/worksheets/sheet${i + 1}.xml`)}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
        .join('') +
      (o.sharedStrings ? `<Override PartName="/${name(`${folder}/sharedStrings.xml`)}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` : '') +
      `</Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="${name(`${folder}/workbook.xml`)}"/></Relationships>`,
  );
  zip.file(
    name(`${folder}/workbook.xml`),
    `<?xml version="1.0" encoding="UTF-8"?>` +
      prefixed(`<workbook ${xmlns.replace(/"/g, '\u0001')} xmlns:r="${rel}"><sheets>`, o.prefix).replace(/\u0001/g, '"') +
      sheets.map((s, i) => prefixed(`<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`, o.prefix)).join('') +
      prefixed('</sheets></workbook>', o.prefix),
  );
  zip.file(
    name(`${folder}/_rels/workbook.xml.rels`),
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="${name(`worksheets/sheet${i + 1}.xml`)}"/>`).join('') +
      (o.sharedStrings ? `<Relationship Id="rIdS" Type="${rel}/sharedStrings" Target="${name('sharedStrings.xml')}"/>` : '') +
      `</Relationships>`,
  );
  sheets.forEach((s, i) =>
    zip.file(
      name(`${folder}/worksheets/sheet${i + 1}.xml`),
      `<?xml version="1.0" encoding="UTF-8"?>` +
        prefixed(`<worksheet \u0001><sheetData>`, o.prefix).replace('\u0001', xmlns) +
        prefixed(s.rows, o.prefix) +
        prefixed(`</sheetData>${s.after ?? ''}</worksheet>`, o.prefix),
    ),
  );
  if (o.sharedStrings)
    zip.file(
      name(`${folder}/sharedStrings.xml`),
      `<?xml version="1.0" encoding="UTF-8"?><sst ${xmlns} count="${o.sharedStrings.length}" uniqueCount="${o.sharedStrings.length}">` +
        o.sharedStrings.map((t) => `<si><t>${esc(t)}</t></si>`).join('') +
        `</sst>`,
    );
  if (o.appXml !== undefined) zip.file('docProps/app.xml', o.appXml);
  for (const [p, text] of Object.entries(o.extra ?? {})) zip.file(p, text);
  return zip.generateAsync({ type: 'nodebuffer', compression: o.compression ?? 'DEFLATE' });
}

/** The 信息 sheet's header and rows as inline-string rows. */
export function itemRows(rows: (string | number)[][], withRefs = true): string {
  return [inlineRow(1, ['编号', '报送日期', '报送单位', '信息标题'], withRefs), ...rows.map((r, i) => inlineRow(i + 2, r, withRefs))].join('');
}

/** `count` two-cell merges (A1:B1, A2:B2 …) on an otherwise empty sheet, or after the given rows. */
export const mergesXml = (count: number, firstRow = 1, cols = 'AB'): string =>
  `<mergeCells count="${count}">` +
  Array.from({ length: count }, (_, i) => `<mergeCell ref="${cols[0]}${firstRow + i}:${cols[1]}${firstRow + i}"/>`).join('') +
  `</mergeCells>`;

/** One string of `chars` characters in the shared strings, referenced from `cells` cells. */
export function sharedStringBomb(chars: number, cells: number): Promise<Buffer> {
  const perRow = 10;
  const rows: string[] = [];
  for (let r = 0; r < cells / perRow; r++)
    rows.push(`<row r="${r + 1}">${Array.from({ length: perRow }, (_, c) => `<c r="${XLSX.utils.encode_col(c)}${r + 1}" t="s"><v>0</v></c>`).join('')}</row>`);
  return ooxml([{ name: 'Sheet1', rows: rows.join('') }], { sharedStrings: ['长'.repeat(chars)] });
}

/** `count` dataValidations start tags never closed (after `rows`): a regular expression that looks for the end is quadratic. */
export const unclosedTags = (count: number, rows: (string | number)[][] = []): Promise<Buffer> =>
  ooxml([{ name: '信息', rows: itemRows(rows), after: '<dataValidations count="1">'.repeat(count) }]);

/** A sheet of `rows` rows of one number each (the last row of Excel is 1,048,576). */
export function manyRows(rows: number): Promise<Buffer> {
  const parts: string[] = [];
  for (let r = 1; r <= rows; r++) parts.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
  return ooxml([{ name: '信息', rows: parts.join('') }]);
}

/** A cell whose inline string is nested `depth` levels deep. */
export const deeplyNested = (depth: number): Promise<Buffer> =>
  ooxml([
    {
      name: '信息',
      rows:
        itemRows([['D-1', '2019-07-01', '凤城街道', '嵌套前的一条']]) +
        `<row r="3"><c r="A3" t="inlineStr"><is><t>D-2</t></is></c><c r="B3" t="inlineStr"><is><t>2019-07-02</t></is></c><c r="C3" t="inlineStr"><is><t>凤城街道</t></is></c><c r="D3" t="inlineStr"><is>${'<r>'.repeat(depth)}<t>深</t>${'</r>'.repeat(depth)}</is></c></row>`,
    },
  ]);

/**
 * The same zip with ZIP64 end records (a ZIP64 end of central directory, its locator, and 0xFFFF in the ordinary
 * record), as streaming writers produce for files of any size.
 */
export function withZip64End(zip: Buffer): Buffer {
  let eocd = -1;
  for (let i = zip.length - 22; i >= 0; i--)
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  const count = zip.readUInt16LE(eocd + 10);
  const cdSize = zip.readUInt32LE(eocd + 12);
  const cdOffset = zip.readUInt32LE(eocd + 16);
  const rec = Buffer.alloc(56);
  rec.writeUInt32LE(0x06064b50, 0);
  rec.writeBigUInt64LE(44n, 4);
  rec.writeUInt16LE(45, 12);
  rec.writeUInt16LE(45, 14);
  rec.writeBigUInt64LE(BigInt(count), 24);
  rec.writeBigUInt64LE(BigInt(count), 32);
  rec.writeBigUInt64LE(BigInt(cdSize), 40);
  rec.writeBigUInt64LE(BigInt(cdOffset), 48);
  const loc = Buffer.alloc(20);
  loc.writeUInt32LE(0x07064b50, 0);
  loc.writeBigUInt64LE(BigInt(eocd), 8);
  loc.writeUInt32LE(1, 16);
  const end = Buffer.from(zip.subarray(eocd, eocd + 22));
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([zip.subarray(0, eocd), rec, loc, end]);
}

/** A CFB (.xls) whose streams are renamed as some writers spell them (WORKBOOK, BOOK). */
export function renameCfbStream(xls: Buffer, from: string, to: string): Buffer {
  const cfb = XLSX.CFB.read(xls, { type: 'buffer' });
  const entry = cfb.FileIndex.find((e: { name: string }) => e.name === from)!;
  const content = Buffer.from(entry.content as Uint8Array);
  XLSX.CFB.utils.cfb_del(cfb, `/${from}`);
  XLSX.CFB.utils.cfb_add(cfb, `/${to}`, content);
  return XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer;
}

/** Encrypted with Excel's default key, as Excel does for a workbook with a protected structure but no password. */
export const withDefaultKey = (xlsx: Buffer, type?: 'standard'): Buffer =>
  officeCrypto.encrypt(xlsx, { password: 'VelvetSweatshop', ...(type ? { type } : {}) });

/** A workbook in SheetJS's own writers (BIFF2, flat ODS …). */
export function sheetJsFile(rows: (string | number)[][], bookType: XLSX.BookType | 'biff3' | 'biff4' | 'biff5', sheet = '信息'): Buffer {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), sheet);
  // SheetJS writes BIFF3 and BIFF4 too, though its types name only BIFF2, 5 and 8
  const out = XLSX.write(wb, { type: 'buffer', bookType: bookType as XLSX.BookType }) as Buffer | string;
  return typeof out === 'string' ? Buffer.from(out, 'utf8') : out;
}

/** An .ods whose manifest marks its content encrypted (the manifest itself deflated, like every part). */
export async function encryptedOds(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
  zip.file('content.xml', Buffer.alloc(512, 0x5a));
  zip.file(
    'META-INF/manifest.xml',
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">' +
      '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x">' +
      '<manifest:algorithm manifest:algorithm-name="Blowfish CFB" manifest:initialisation-vector="x"/></manifest:encryption-data></manifest:file-entry></manifest:manifest>',
    { compression: 'DEFLATE' },
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A Numbers document folder zipped as it is (Finder's “压缩”): the bundle's name is the first folder. */
export async function zippedNumbersBundle(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('台账.numbers/Index/Document.iwa', Buffer.alloc(64, 1));
  zip.file('台账.numbers/Metadata/Properties.plist', '<plist/>');
  zip.file('台账.numbers/preview.jpg', Buffer.alloc(16, 2));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
