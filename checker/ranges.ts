/**
 * The range that holds `v` among consecutive ranges given by their starts:
 * the last i in 0 .. count - 1 with startOf(i) <= v (0 if none), by binary
 * search; startOf must not decrease. States by edge (a CSR's starts), nodes
 * by representative, states by BFS level.
 */
export function rangeContaining(startOf: (i: number) => number, count: number, v: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (startOf(mid) <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
