/**
 * What the read side of an exploration (ExploredGraph, traces) needs of a
 * state store, so that the sequential store (`StateStore`) and the parallel
 * one (`parallel/shared-states.ts`) fit the same graph. States are indices
 * 0 .. count-1 in BFS order (levels contiguous); every non-initial state's
 * parent is in the level before its own.
 *
 * Read-only, after the run: the explorer's hot loop keeps using the concrete
 * store class, so this indirection costs it nothing.
 */
export interface StoredStates {
  /** Number of stored states. */
  readonly count: number;
  /** Words per packed state. */
  readonly words: number;
  /** Copies the words of state `index` into `out` (which must hold `words` words) and returns `out`. */
  read(index: number, out: Uint32Array): Uint32Array;
  /** Index of the stored state with these words (the first `words` of `state`), or -1. */
  indexOf(state: Uint32Array): number;
  /** Parent index of `index` (NO_PARENT, 0xffffffff, for initial states). */
  parentOf(index: number): number;
  /** Incoming label of `index` (meaningless for initial states). */
  labelOf(index: number): number;
}
