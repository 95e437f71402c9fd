import type { PackedSystem } from '../checker/index.js';

/** The same system as plain objects, for the naive explorer. */
export interface NaiveSystem<S> {
  initial(): S[];
  /** Successors as fresh objects, with the label name. */
  successors(state: S): Array<[string, S]>;
}

/**
 * One benchmark: a system built twice, as a PackedSystem for the engine and
 * as objects for the naive explorer. Both must have the same reachable
 * states and transitions (the bench checks the counts agree).
 */
export interface BenchCase {
  readonly name: string;
  /** One line: what the system is and its size. */
  describe(quick: boolean): string;
  packed(quick: boolean): PackedSystem;
  naive(quick: boolean): NaiveSystem<unknown>;
  /** The 10x targets apply to the synthetic cases only; a model case prints its reference figures instead. */
  readonly reference?: string;
}
