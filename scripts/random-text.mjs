// Random Chinese text with digits, commas, tabs and the character 表 (which makes lines look like
// table titles): the huge bad input of tests/bad-input.test.ts and of `npm run bench`.

/** A small seeded generator (mulberry32): the same text on every machine. */
export function rng(seed) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** About `size` characters of random lines. */
export function randomChineseText(size, seed = 42) {
  const r = rng(seed);
  const parts = [];
  let n = 0;
  while (n < size) {
    const len = 5 + Math.floor(r() * 60);
    let line = '';
    for (let i = 0; i < len; i++) {
      const x = r();
      line += x < 0.8 ? String.fromCharCode(0x4e00 + Math.floor(r() * 0x5000)) : x < 0.88 ? String(Math.floor(r() * 10)) : x < 0.92 ? '，' : x < 0.94 ? '表' : x < 0.96 ? '\t' : x < 0.98 ? '.' : ' ';
    }
    parts.push(line);
    n += line.length + 1;
  }
  return parts.join('\n');
}
