/**
 * Main storage 112 ([0034], [0044]-[0045]) as P abstract pages, each holding a
 * value in 0..V-1. Writes, copies and comparisons are real operations on these
 * values, so "memory equal" means equal contents, not a flag.
 */

/** A system's pages as they appear in reports. */
export type Pages = readonly number[];

/** [0044] DMA copies page `page` of `from` into `to` (both: flat arrays, page offsets given). */
export function copyPage(values: Int32Array, fromBase: number, toBase: number, page: number): void {
  values[toBase + page] = values[fromBase + page];
}

/** [0064] memory check: do two systems hold the same contents in every page? */
export function pagesEqual(values: Int32Array, aBase: number, bBase: number, pages: number): boolean {
  for (let p = 0; p < pages; p++) if (values[aBase + p] !== values[bBase + p]) return false;
  return true;
}
