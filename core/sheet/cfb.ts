/**
 * Compound File Binary (the container of .xls and .doc): one named stream read out of it,
 * following the sector allocation table (and the mini stream for small streams).
 */

export class CfbError extends Error {}

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END = 0xfffffffe;
const FREE = 0xffffffff;

export function isCfb(bytes: Uint8Array): boolean {
  return SIGNATURE.every((b, i) => bytes[i] === b);
}

export interface CfbFile {
  names: string[];
  stream(name: string): Uint8Array | undefined;
}

export function readCfb(bytes: Uint8Array): CfbFile {
  if (bytes.length < 512 || !isCfb(bytes)) throw new CfbError('not an Office 97–2003 file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const shift = u16(0x1e);
  if (shift !== 9 && shift !== 12) throw new CfbError('unknown sector size');
  const size = 1 << shift;
  const miniSize = 1 << u16(0x20);
  const cutoff = u32(0x38);
  const sectorAt = (s: number) => 512 + s * size;
  const maxSectors = Math.ceil((bytes.length - 512) / size);

  // The sector allocation table: its sectors listed in the header, then in DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = u32(0x4c + i * 4);
    if (s !== FREE && s !== END) fatSectors.push(s);
  }
  let difat = u32(0x44);
  for (let guard = 0; difat !== END && difat !== FREE && guard < maxSectors; guard++) {
    if (difat >= maxSectors) throw new CfbError('damaged (sector table out of range)');
    const at = sectorAt(difat);
    for (let i = 0; i < size / 4 - 1; i++) {
      const s = u32(at + i * 4);
      if (s !== FREE && s !== END) fatSectors.push(s);
    }
    difat = u32(at + size - 4);
  }
  const fat = new Uint32Array(fatSectors.length * (size / 4));
  fatSectors.forEach((s, k) => {
    if (s >= maxSectors) throw new CfbError('damaged (sector table out of range)');
    const at = sectorAt(s);
    for (let i = 0; i < size / 4; i++) fat[k * (size / 4) + i] = u32(at + i * 4);
  });
  const chain = (start: number, table: Uint32Array, limit: number): number[] => {
    const out: number[] = [];
    for (let s = start; s !== END && s !== FREE; s = table[s] ?? END) {
      if (s >= limit || out.length > limit) throw new CfbError('damaged (broken sector chain)');
      out.push(s);
    }
    return out;
  };
  const readChain = (start: number, length: number): Uint8Array => {
    const out = new Uint8Array(length);
    let off = 0;
    for (const s of chain(start, fat, maxSectors)) {
      if (off >= length) break;
      const at = sectorAt(s);
      const n = Math.min(size, length - off, bytes.length - at);
      if (n <= 0) break;
      out.set(bytes.subarray(at, at + n), off);
      off += n;
    }
    if (off < length) throw new CfbError('cut short');
    return out;
  };

  // The directory: 128-byte entries in the directory sectors' chain.
  const dirSectors = chain(u32(0x30), fat, maxSectors);
  const entries: { name: string; type: number; start: number; size: number }[] = [];
  for (const s of dirSectors) {
    const at = sectorAt(s);
    for (let i = 0; i < size / 128; i++) {
      const e = at + i * 128;
      if (e + 128 > bytes.length) break;
      const nameLen = Math.min(u16(e + 0x40), 64);
      let name = '';
      for (let k = 0; k + 2 < nameLen; k += 2) name += String.fromCharCode(u16(e + k));
      entries.push({ name, type: bytes[e + 0x42] ?? 0, start: u32(e + 0x74), size: u32(e + 0x78) });
    }
  }
  const root = entries[0];
  if (!root || root.type !== 5) throw new CfbError('damaged (no root entry)');
  let mini: { data: Uint8Array; fat: Uint32Array } | undefined;
  const miniStream = () => {
    if (mini) return mini;
    const data = readChain(root.start, root.size);
    const sectors = chain(u32(0x3c), fat, maxSectors);
    const table = new Uint32Array(sectors.length * (size / 4));
    sectors.forEach((s, k) => {
      for (let i = 0; i < size / 4; i++) table[k * (size / 4) + i] = u32(sectorAt(s) + i * 4);
    });
    return (mini = { data, fat: table });
  };
  return {
    names: entries.filter((e) => e.type === 2).map((e) => e.name),
    stream(name: string) {
      const e = entries.find((x) => x.type === 2 && x.name === name);
      if (!e) return undefined;
      if (e.size >= cutoff) return readChain(e.start, e.size);
      const m = miniStream();
      const out = new Uint8Array(e.size);
      let off = 0;
      for (const s of chain(e.start, m.fat, m.data.length / miniSize)) {
        const n = Math.min(miniSize, e.size - off);
        out.set(m.data.subarray(s * miniSize, s * miniSize + n), off);
        off += n;
      }
      return out;
    },
  };
}
