import type { Coverage } from './coverage.js';
import type { ExploredGraph } from './graph.js';
import type { ExploreStats } from './stats.js';
import type { StateIndex } from './transition-system.js';

/**
 * Why a run ended. Only 'exhausted' means every reachable state was
 * expanded; every other reason comes with `complete: false`.
 */
export type StopReason = 'exhausted' | 'violation' | 'max-states' | 'max-seconds' | 'out-of-memory';

/** An invariant that fails in `state`, the first such state in BFS order. */
export interface Violation {
  readonly invariant: string;
  /** Position of the invariant in `options.invariants`. */
  readonly invariantIndex: number;
  readonly state: StateIndex;
  /** BFS depth of `state` = number of steps of its (shortest) trace. */
  readonly depth: number;
}

export interface ExploreResult {
  /**
   * True iff every reachable state was stored and expanded: only then are
   * "no violation", deadlock counts and dead labels proofs.
   */
  readonly complete: boolean;
  readonly stopReason: StopReason;
  readonly stats: ExploreStats;
  /** At most one entry per invariant, ordered by state index (BFS order). */
  readonly violations: readonly Violation[];
  /** Expanded states with no successor that are not terminal. */
  readonly deadlockCount: number;
  /** The first `maxDeadlocksListed` deadlocks in BFS order (so each has a shortest trace). */
  readonly deadlocks: readonly StateIndex[];
  readonly coverage: Coverage;
  readonly graph: ExploredGraph;
}
