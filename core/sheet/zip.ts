/**
 * The entries of a ZIP archive (the container of .xlsx), read from its central directory.
 * Stored entries are returned as they are; deflated ones go through the `inflate` the caller
 * gives (Node: zlib.inflateRawSync; a browser: DecompressionStream('deflate-raw')), so this
 * module stays free of platform APIs.
 */

export type Inflate = (data: Uint8Array) => Uint8Array | Promise<Uint8Array>;

export class ZipError extends Error {}

export interface ZipEntry {
  name: string;
  read(): Promise<Uint8Array>;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** A workbook part larger than this is not read (a zip bomb, or no budget table). */
export const MAX_ENTRY_BYTES = 64 * 1024 * 1024;

export function zipEntries(bytes: Uint8Array, inflate: Inflate): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  // The end-of-central-directory record: within the last 64 KB (its comment is at most that long).
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('not a ZIP archive (no central directory): the file is cut short or damaged');
  const count = u16(eocd + 10);
  let at = u32(eocd + 16);
  if (at === 0xffffffff || count === 0xffff) throw new ZipError('ZIP64 archives are not supported');
  const entries = new Map<string, ZipEntry>();
  const decoder = new TextDecoder('utf-8');
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || u32(at) !== CENTRAL) throw new ZipError('the ZIP central directory is damaged');
    const method = u16(at + 10);
    const compressed = u32(at + 20);
    const size = u32(at + 24);
    const nameLen = u16(at + 28);
    const extraLen = u16(at + 30);
    const commentLen = u16(at + 32);
    const local = u32(at + 42);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLen));
    at += 46 + nameLen + extraLen + commentLen;
    entries.set(name.replace(/^\/+/, ''), {
      name,
      async read() {
        if (local + 30 > bytes.length || u32(local) !== LOCAL) throw new ZipError(`ZIP entry ${name}: damaged`);
        if (u16(local + 6) & 1) throw new ZipError('the workbook is encrypted');
        const start = local + 30 + u16(local + 26) + u16(local + 28);
        if (start + compressed > bytes.length) throw new ZipError(`ZIP entry ${name}: cut short`);
        if (size > MAX_ENTRY_BYTES) throw new ZipError(`ZIP entry ${name}: too large (${size} bytes)`);
        const data = bytes.subarray(start, start + compressed);
        if (method === 0) return data;
        if (method !== 8) throw new ZipError(`ZIP entry ${name}: compression method ${method} is not supported`);
        return await inflate(data);
      },
    });
  }
  return entries;
}
