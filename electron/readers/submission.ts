// Reading a submitted file into paragraphs (docs/编刊.md §1): .docx through mammoth (paragraph alignment, bold and
// run size tell the title), .doc and WPS's .wps through word-extractor, .txt as UTF-8 or GB18030. The first bytes
// decide what a file is, not its name; the limits apply before any reader sees it; nothing in the file runs.
import mammoth from 'mammoth';
import WordExtractor from 'word-extractor';
import { basename } from 'node:path';
import { ITEM_BODY_MAX, ITEM_FILE_MAX_BYTES, ITEM_FILE_MAX_LABEL } from '../../shared/journal';
import { UserError } from '../db/errors';
import { inspectZip } from '../exchange/workbook-file';

/** A submission has tens of paragraphs; 5,000 is a book, not an item. */
export const MAX_PARAGRAPHS = 5_000;

export interface ReadParagraph {
  text: string;
  /** centred, bold or larger than the body: a title candidate */
  heading: boolean;
}

export interface ReadSubmission {
  format: 'docx' | 'doc' | 'txt';
  paragraphs: ReadParagraph[];
}

interface MammothNode {
  type: string;
  value?: string;
  alignment?: string | null;
  styleName?: string | null;
  isBold?: boolean;
  fontSize?: number | null;
  children?: MammothNode[];
}

function textOf(n: MammothNode): string {
  if (n.type === 'text') return n.value ?? '';
  if (n.type === 'tab') return ' ';
  return (n.children ?? []).map(textOf).join('');
}

function runsOf(n: MammothNode): MammothNode[] {
  if (n.type === 'run') return [n];
  return (n.children ?? []).flatMap(runsOf);
}

function paragraphsOf(n: MammothNode): MammothNode[] {
  if (n.type === 'paragraph') return [n];
  return (n.children ?? []).flatMap(paragraphsOf);
}

async function readDocx(buf: Buffer, name: string): Promise<ReadParagraph[]> {
  try {
    inspectZip(buf, name);
  } catch {
    throw new UserError(`“${name}”不像正常的 Word 文档（已损坏，或解压后过大），未导入。请在 WPS 或 Word 中打开后另存为 .docx 再收稿。`);
  }
  let root: MammothNode | null = null;
  try {
    await mammoth.convertToHtml(
      { buffer: buf },
      {
        externalFileAccess: false,
        // images are not needed for the text; an empty converter keeps them out of memory
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        transformDocument: (doc: MammothNode) => ((root = doc), doc),
      },
    );
  } catch {
    throw new UserError(`“${name}”无法作为 Word 文档读取（可能已损坏或受密码保护），未导入。请在 WPS 或 Word 中打开，另存为 .docx 再收稿。`);
  }
  const paras = root ? paragraphsOf(root) : [];
  const sizes = paras.flatMap((p) => runsOf(p).map((r) => r.fontSize ?? 0)).filter((s) => s > 0);
  const body = sizes.length ? sizes.sort((a, b) => a - b)[Math.floor(sizes.length / 2)]! : 0;
  return paras.map((p) => {
    const runs = runsOf(p).filter((r) => textOf(r).trim() !== '');
    const big = runs.length > 0 && body > 0 && runs.every((r) => (r.fontSize ?? body) > body);
    const bold = runs.length > 0 && runs.every((r) => r.isBold);
    const styled = /^(heading|title|标题)/i.test(p.styleName ?? '');
    return { text: textOf(p).trim(), heading: p.alignment === 'center' || big || bold || styled };
  });
}

async function readDoc(buf: Buffer, name: string): Promise<ReadParagraph[]> {
  try {
    const doc = await new WordExtractor().extract(buf);
    return doc.getBody().split(/\r?\n/).map((t) => ({ text: t.trim(), heading: false }));
  } catch {
    throw new UserError(
      `“${name}”无法读取：它是 Word/WPS 的旧格式文件，但内部结构不是本程序能读的 Word 97–2003 格式（早期 WPS 的 .wps 常是这样），未导入。请在 WPS 中打开，另存为 .docx 再收稿。`,
    );
  }
}

function readTxt(buf: Buffer): ReadParagraph[] {
  let text: string;
  if (buf[0] === 0xff && buf[1] === 0xfe) text = new TextDecoder('utf-16le').decode(buf.subarray(2));
  else if (buf[0] === 0xfe && buf[1] === 0xff) text = new TextDecoder('utf-16be').decode(buf.subarray(2));
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
    } catch {
      // Windows Notepad in a Chinese locale saved ANSI, that is GBK
      text = new TextDecoder('gb18030').decode(buf);
    }
  }
  return text.split(/\r?\n/).map((t) => ({ text: t.trim(), heading: false }));
}

/** Reads one submitted file; a problem is a UserError naming the file and what to do. */
export async function readSubmission(buf: Buffer, file: string): Promise<ReadSubmission> {
  const name = basename(file);
  if (buf.length === 0) throw new UserError(`“${name}”是空文件，未导入。`);
  if (buf.length > ITEM_FILE_MAX_BYTES)
    throw new UserError(`“${name}”有 ${(buf.length / 1024 / 1024).toFixed(1)} MB，超过稿件文件上限 ${ITEM_FILE_MAX_LABEL}，未导入。请删去其中的大图片后另存再收稿。`);
  const utf16 = (buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff);
  const format: ReadSubmission['format'] | null =
    buf.length >= 4 && buf.readUInt32BE(0) === 0x504b0304
      ? 'docx'
      : buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0
        ? 'doc'
        : /\.txt$/i.test(name) && (utf16 || !buf.subarray(0, 4096).includes(0))
          ? 'txt'
          : null;
  if (format === null) throw new UserError(`“${name}”不是 Word（.docx/.doc）、WPS（.wps）或文本（.txt）文件，未导入。请在 WPS 中打开后另存为 .docx 再收稿。`);
  const paragraphs = format === 'docx' ? await readDocx(buf, name) : format === 'doc' ? await readDoc(buf, name) : readTxt(buf);
  if (paragraphs.length > MAX_PARAGRAPHS) throw new UserError(`“${name}”有 ${paragraphs.length} 段，超过上限 ${MAX_PARAGRAPHS} 段，不像一篇信息，未导入。`);
  const chars = paragraphs.reduce((n, p) => n + p.text.length + 1, 0);
  if (chars > ITEM_BODY_MAX) throw new UserError(`“${name}”有 ${chars} 字，超过正文上限 ${ITEM_BODY_MAX} 字，未导入。`);
  return { format, paragraphs: paragraphs.filter((p) => p.text !== '') };
}
