// The central directory of a zip (an .xlsx, .ods, .xlsb or a Numbers file) read by hand, ZIP64 records included, so
// the importer can measure what each part really expands to and look inside parts (the manifest of an .ods, the
// relationships of an .xlsx) before any reader library sees the file.
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  compressed: number;
  declared: number;
  /** where the entry's bytes begin */
  start: number;
}

export type ZipProblem = 'damaged' | 'too-big' | 'too-many';

export class ZipRefusal extends Error {
  constructor(readonly problem: ZipProblem) {
    super(problem);
  }
}

/** The 64-bit values of a ZIP64 extra field, in the order the directory needs them. */
function zip64Extra(buf: Buffer, at: number, length: number, need: { declared: boolean; compressed: boolean; offset: boolean }): bigint[] {
  const out: bigint[] = [];
  for (let p = at; p + 4 <= at + length; ) {
    const id = buf.readUInt16LE(p);
    const size = buf.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const take = (): void => {
        if (q + 8 <= p + 4 + size && q + 8 <= buf.length) out.push(buf.readBigUInt64LE(q));
        q += 8;
      };
      if (need.declared) take();
      if (need.compressed) take();
      if (need.offset) take();
      return out;
    }
    p += 4 + size;
  }
  return out;
}

const small = (n: bigint, buf: Buffer): number => {
  if (n > BigInt(buf.length) * 2n ** 20n) throw new ZipRefusal('too-big');
  return Number(n);
};

/**
 * The entries of a zip, from its central directory (the ZIP64 end record when the ordinary one says 0xFFFF). Every
 * offset is checked against the file; nothing is inflated here.
 */
export function zipEntries(buf: Buffer, maxEntries: number): ZipEntry[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--)
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new ZipRefusal('damaged');
  let count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || p === 0xffffffff) {
    // ZIP64: the locator sits just before the ordinary end record and points at the ZIP64 end record
    const locator = eocd - 20;
    if (locator < 0 || buf.readUInt32LE(locator) !== 0x07064b50) throw new ZipRefusal('damaged');
    const at = small(buf.readBigUInt64LE(locator + 8), buf);
    if (at + 56 > buf.length || buf.readUInt32LE(at) !== 0x06064b50) throw new ZipRefusal('damaged');
    const count64 = buf.readBigUInt64LE(at + 32);
    if (count64 > BigInt(maxEntries)) throw new ZipRefusal('too-many');
    count = Number(count64);
    p = small(buf.readBigUInt64LE(at + 48), buf);
  }
  if (count > maxEntries) throw new ZipRefusal('too-many');
  const out: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new ZipRefusal('damaged');
    const method = buf.readUInt16LE(p + 10);
    let compressed = buf.readUInt32LE(p + 20);
    let declared = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    let local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, Math.min(buf.length, p + 46 + nameLen));
    if (compressed === 0xffffffff || declared === 0xffffffff || local === 0xffffffff) {
      const need = { declared: declared === 0xffffffff, compressed: compressed === 0xffffffff, offset: local === 0xffffffff };
      const values = zip64Extra(buf, p + 46 + nameLen, extraLen, need);
      let i = 0;
      if (need.declared) declared = small(values[i++] ?? -1n, buf);
      if (need.compressed) compressed = small(values[i++] ?? -1n, buf);
      if (need.offset) local = small(values[i++] ?? -1n, buf);
      if (declared < 0 || compressed < 0 || local < 0) throw new ZipRefusal('damaged');
    }
    p += 46 + nameLen + extraLen + buf.readUInt16LE(p + 32);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) throw new ZipRefusal('damaged');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + compressed > buf.length) throw new ZipRefusal('damaged');
    out.push({ name, method, compressed, declared, start });
  }
  return out;
}

/** One entry's bytes, inflated with a hard output limit (what the directory claims is not trusted). */
export function entryBytes(buf: Buffer, e: ZipEntry, limit: number): Buffer {
  const data = buf.subarray(e.start, e.start + e.compressed);
  if (e.method === 0) {
    if (data.length > limit) throw new ZipRefusal('too-big');
    return data;
  }
  if (e.method !== 8) throw new ZipRefusal('damaged');
  try {
    return inflateRawSync(data, { maxOutputLength: limit });
  } catch (err) {
    if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipRefusal('too-big');
    throw new ZipRefusal('damaged');
  }
}

/** Measures every entry by inflating it (a zip bomb's headers lie); sizes that disagree with the directory are damage. */
export function measureZip(buf: Buffer, limits: { entries: number; entryBytes: number; totalBytes: number }): { entries: ZipEntry[]; bytes: number } {
  const entries = zipEntries(buf, limits.entries);
  let total = 0;
  for (const e of entries) {
    const size = entryBytes(buf, e, limits.entryBytes).length;
    if (size !== e.declared) throw new ZipRefusal('damaged');
    total += size;
    if (total > limits.totalBytes) throw new ZipRefusal('too-big');
  }
  return { entries, bytes: total };
}

/** Looks entries up by name the way Office does: without regard to case, with or without a leading slash. */
export class ZipIndex {
  private readonly byName = new Map<string, ZipEntry>();
  constructor(
    private readonly buf: Buffer,
    readonly entries: ZipEntry[],
    private readonly limit: number,
  ) {
    for (const e of entries) this.byName.set(e.name.replace(/^\//, '').toLowerCase(), e);
  }
  find(name: string): ZipEntry | undefined {
    return this.byName.get(name.replace(/^\//, '').toLowerCase());
  }
  has(name: string): boolean {
    return this.find(name) !== undefined;
  }
  text(name: string): string | undefined {
    const e = this.find(name);
    return e ? entryBytes(this.buf, e, this.limit).toString('utf8') : undefined;
  }
  names(): string[] {
    return this.entries.map((e) => e.name);
  }
}
