import { describe, expect, it } from 'vitest';
import { parseFormulas } from './note-formula.ts';

describe('parseFormulas', () => {
  it('should expand ranges and keep signs, in full-width and ASCII forms', () => {
    const [a, b] = parseFormulas('27 行＝（1＋2＋3＋4＋5＋6+7+8）行；31 行＝（27＋28＋29）行；');
    expect(a).toMatchObject({ axis: 'row', stated: 27 });
    expect(a?.terms.map((t) => t.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(b?.terms.map((t) => t.n)).toEqual([27, 28, 29]);
    const [c] = parseFormulas('58行 = (32+33+...+57) 行');
    expect(c?.terms).toHaveLength(26);
    const [d] = parseFormulas('59行＝（33＋34＋…＋58）行');
    expect(d?.terms.map((t) => t.n)).toEqual(Array.from({ length: 26 }, (_, i) => 33 + i));
    const [e, f] = parseFormulas('6 栏各行＝（1＋2－3）栏各行；3栏各行＝（4＋5）栏各行。');
    expect(e).toMatchObject({ axis: 'col', stated: 6 });
    expect(e?.terms).toEqual([{ n: 1, sign: 1 }, { n: 2, sign: 1 }, { n: 3, sign: -1 }]);
    expect(f?.terms.map((t) => t.n)).toEqual([4, 5]);
    expect(parseFormulas('1栏=（2+3+6）栏；3栏=（4+5）栏；7栏=（8+9+12）栏；9栏=（10+11）栏。')).toHaveLength(4);
  });
  it('should find nothing in prose', () => {
    expect(parseFormulas('注：本表反映部门本年度各项支出情况。')).toEqual([]);
  });
});
