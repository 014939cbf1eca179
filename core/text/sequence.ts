/** Sequence helpers shared by the readers and checks. Pure. */

/**
 * Longest common subsequence of two key lists, as index pairs in order: items matched by
 * equality and by order, so a name printed twice (`其他社会保障和就业支出` as 款 and as 项) pairs
 * with its own counterpart.
 */
export function commonSubsequence(a: readonly string[], b: readonly string[]): [number, number][] {
  const dp: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) dp[i]![j] = a[i] === b[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push([i, j]);
      i++;
      j++;
    } else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) i++;
    else j++;
  }
  return out;
}
