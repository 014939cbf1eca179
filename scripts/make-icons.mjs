// Writes public/icon/{16,32,48,128}.png: a magnifying lens over a small bar chart, drawn
// pixel by pixel (no image tools needed). Run `node scripts/make-icons.mjs` after a change.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
function crc32(buf) {
  let c = -1;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x + 0.5, y + 0.5, size);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
const RED = [185, 28, 28, 255];
const INK = [30, 41, 59, 255];
const GLASS = [224, 242, 254, 255];
function pixel(px, py, size) {
  const x = px / size;
  const y = py / size;
  const cx = 0.42;
  const cy = 0.42;
  const d = Math.hypot(x - cx, y - cy);
  // Handle: a thick line from the rim to the lower right.
  const t = Math.max(0, Math.min(1, ((x - 0.62) + (y - 0.62)) / (2 * 0.3)));
  const hx = 0.62 + t * 0.3;
  const hy = 0.62 + t * 0.3;
  if (Math.hypot(x - hx, y - hy) < 0.07 && x > 0.6 && y > 0.6) return INK;
  if (d > 0.27 && d < 0.36) return INK;
  if (d <= 0.27) {
    // Bars inside the lens; the last one red (the figure that does not add up).
    const bars = [[0.27, 0.5], [0.38, 0.36], [0.49, 0.44]];
    for (const [bx, top] of bars) if (x >= bx - 0.04 && x <= bx + 0.04 && y >= top && y <= 0.6) return bx > 0.45 ? RED : INK;
    return GLASS;
  }
  return [0, 0, 0, 0];
}
for (const size of [16, 32, 48, 128]) writeFileSync(`public/icon/${size}.png`, png(size, pixel));
console.log('icons written to public/icon/');
