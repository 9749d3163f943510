// 收稿: files units sent (one, or a folder at once) → a preview with title, unit, date and first lines → on the
// clerk's confirmation, items with their 正文 and the original file kept. Reading writes nothing.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Args, ReceivePreviewView } from '../../shared/ipc/contract';
import { ITEM_FILE_MAX_BYTES, ITEM_FILE_MAX_LABEL } from '../../shared/journal';
import { isoFromUTC } from '../../shared/periods';
import { FIELD_LIMITS, fitFileName } from '../../shared/field-limits';
import { unitNameKey } from '../../shared/text';
import { nowIso, today } from '../clock';
import type { Db } from '../db/database';
import { messageOf, UserError } from '../db/errors';
import { readSubmission, type ReadParagraph } from '../readers/submission';
import { keepItemFile } from '../store/journal';
import { listUnits, UnitMatcher } from '../store/units';
import { createItems } from './ledger';
import { write } from './write-gate';

const EXTENSIONS = new Set(['.docx', '.doc', '.wps', '.txt']);
/** A folder from a USB stick holds a month's submissions at most. */
const MAX_FILES = 300;

/** Files previewed in this session: a confirmation may name only these (a token, never a path from the page). */
const previewed = new Map<string, string>();

/** The files to read: the chosen file, or the submissions directly inside a chosen folder. */
function filesOf(chosen: string): string[] {
  if (!statSync(chosen).isDirectory()) return [chosen];
  const files = readdirSync(chosen)
    .filter((n) => EXTENSIONS.has(extname(n).toLowerCase()) && !n.startsWith('~$') && !n.startsWith('.'))
    .sort((a, b) => a.localeCompare(b, 'zh-CN'))
    .map((n) => join(chosen, n))
    .filter((f) => statSync(f).isFile());
  if (files.length === 0) throw new UserError('这个文件夹里没有 .docx、.doc、.wps 或 .txt 稿件，请换一个文件夹。');
  if (files.length > MAX_FILES) throw new UserError(`这个文件夹里有 ${files.length} 个稿件，一次最多收 ${MAX_FILES} 个，请分几次收稿。`);
  return files;
}

const LABELED = /^(?:报送单位|来源|供稿单位|供稿|报送|单位)\s*[:：]\s*(.+)$/;
const DATE = /((?:19|20)\d{2})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?/;

/** The title: the first heading-like paragraph among the first few, else the first line that is not a label. */
export function guessTitle(paras: ReadParagraph[]): string {
  const early = paras.slice(0, 6).filter((p) => !LABELED.test(p.text) && p.text.length <= 80);
  return (early.find((p) => p.heading) ?? early[0] ?? paras[0])?.text.slice(0, 300) ?? '';
}

/** The unit: a 报送单位/来源 line, else the longest unit name or alias inside the file name. */
export function guessUnit(units: { id: number; name: string; aliases: readonly string[] }[], fileName: string, paras: ReadParagraph[]): { unitId: number | null; text: string } {
  const matcher = new UnitMatcher(units);
  for (const p of paras.slice(0, 30)) {
    const m = LABELED.exec(p.text.replace(/\s+/g, ''));
    if (!m) continue;
    const r = matcher.match(m[1]!);
    if (r.ok) return { unitId: r.unitId, text: m[1]! };
  }
  const key = unitNameKey(basename(fileName, extname(fileName)));
  let best: { id: number; len: number } | null = null;
  for (const u of units)
    for (const n of [u.name, ...u.aliases]) {
      const k = unitNameKey(n);
      if (k.length >= 2 && key.includes(k) && (!best || k.length > best.len)) best = { id: u.id, len: k.length };
    }
  return best ? { unitId: best.id, text: units.find((u) => u.id === best.id)!.name } : { unitId: null, text: '' };
}

function validDate(y: string, m: string, d: string): string | null {
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const t = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(t.getTime()) || isoFromUTC(t) !== iso ? null : iso;
}

/** The date: the first date written in the text (a 报送日期 or the date under the signature), else the file's. */
export function guessDate(paras: ReadParagraph[], fileTime: Date): string {
  for (const p of [...paras.slice(-8).reverse(), ...paras.slice(0, 8)]) {
    const m = DATE.exec(p.text);
    const d = m && validDate(m[1]!, m[2]!, m[3]!);
    if (d) return d;
  }
  const local = new Date(fileTime.getTime() - fileTime.getTimezoneOffset() * 60_000);
  return isoFromUTC(local) || today();
}

export async function preview(db: Db, chosen: string): Promise<ReceivePreviewView> {
  const units = listUnits(db);
  const rows: ReceivePreviewView['rows'] = [];
  for (const file of filesOf(chosen)) {
    const st = statSync(file);
    const base = { file: basename(file), bytes: st.size, title: '', unitId: null, unitGuess: '', date: '', body: '', firstLines: [] };
    if (st.size > ITEM_FILE_MAX_BYTES) {
      rows.push({ ...base, token: '', problem: `文件有 ${(st.size / 1024 / 1024).toFixed(1)} MB，超过稿件文件上限 ${ITEM_FILE_MAX_LABEL}，未导入。请删去其中的大图片后另存再收稿。` });
      continue;
    }
    try {
      const read = await readSubmission(readFileSync(file), file);
      const title = guessTitle(read.paragraphs);
      const unit = guessUnit(units, file, read.paragraphs);
      const bodyParas = read.paragraphs.filter((p) => p.text !== title && !LABELED.test(p.text.replace(/\s+/g, '')));
      const token = randomUUID();
      previewed.set(token, file);
      rows.push({
        ...base,
        token,
        title,
        unitId: unit.unitId,
        unitGuess: unit.text,
        date: guessDate(read.paragraphs, st.mtime),
        body: bodyParas.map((p) => p.text).join('\n'),
        firstLines: bodyParas.slice(0, 3).map((p) => p.text.slice(0, 120)),
        problem: unit.unitId === null ? null : null,
      });
    } catch (e) {
      rows.push({ ...base, token: '', problem: messageOf(e) });
    }
  }
  return { rows };
}

/** Creates the confirmed items with their text and keeps each original file: all or none. */
export function confirm(db: Db, rows: Args<'receive:confirm'>['rows'], source: string): { created: number; itemIds: number[] } {
  const files = rows.map((r) => {
    const file = previewed.get(r.token);
    if (!file) throw new UserError('收稿预览已过期，请重新选择稿件文件。');
    let data: Buffer;
    try {
      data = readFileSync(file);
    } catch {
      throw new UserError(`“${basename(file)}”已被移走或删除，请重新选择稿件文件。`);
    }
    if (data.length > ITEM_FILE_MAX_BYTES) throw new UserError(`“${basename(file)}”超过稿件文件上限 ${ITEM_FILE_MAX_LABEL}，未导入。`);
    return { name: fitFileName(basename(file), FIELD_LIMITS.receivedFileName), data };
  });
  const itemIds = write(db, source, () => {
    const ids = createItems(
      db,
      rows.map((r) => ({ unitId: r.unitId, date: r.date, title: r.title, kinds: [], authors: [], note: '', body: r.body })),
      source,
    );
    const now = nowIso();
    ids.forEach((id, i) => keepItemFile(db, id, files[i]!.name, files[i]!.data, now));
    return ids;
  });
  for (const r of rows) previewed.delete(r.token);
  return { created: itemIds.length, itemIds };
}
