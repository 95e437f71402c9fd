/**
 * Main storage 112 ([0034], [0044]-[0045]) as P abstract pages, each holding a
 * value in 0..V-1. Writes, copies and comparisons are real operations on these
 * values, so "memory equal" means equal contents, not a flag.
 */

/** Where pages live: field k of a packed state (the model's layout implements it). */
export interface PageStore {
  rd(words: Uint32Array, k: number): number;
  wr(words: Uint32Array, k: number, v: number): void;
}

/** A system's pages as they appear in reports. */
export type Pages = readonly number[];

/** [0044] DMA copies page `page` of the system whose pages start at field `fromBase` into the one at `toBase`. */
export function copyPage(store: PageStore, words: Uint32Array, fromBase: number, toBase: number, page: number): void {
  store.wr(words, toBase + page, store.rd(words, fromBase + page));
}

/** [0064] memory check: do two systems hold the same contents in every page? */
export function pagesEqual(store: PageStore, words: Uint32Array, aBase: number, bBase: number, pages: number): boolean {
  for (let p = 0; p < pages; p++) if (store.rd(words, aBase + p) !== store.rd(words, bBase + p)) return false;
  return true;
}
