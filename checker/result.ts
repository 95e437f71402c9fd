import type { Coverage } from './coverage.js';
import type { ExploredGraph } from './graph.js';
import type { ExploreStats } from './stats.js';
import type { StateIndex } from './transition-system.js';

/**
 * Why a run ended. Only 'exhausted' means every reachable state was
 * expanded; every other reason comes with `complete: false`.
 */
export type StopReason = 'exhausted' | 'violation' | 'max-states' | 'max-seconds' | 'out-of-memory' | 'interrupted';

/** An invariant that fails in `state`, the first such state in BFS order. */
export interface Violation {
  readonly invariant: string;
  /** Position of the invariant: in `options.invariants`, then continuing through `options.invariantSets`. */
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
  /** Per invariant (same order as Violation.invariantIndex): where its trigger held. */
  readonly triggers: readonly TriggerCount[];
  /** The system's own counters (PackedSystem.counters) after the run, or an empty array. */
  readonly counters: Float64Array;
  readonly graph: ExploredGraph;
}

/** How often an invariant's trigger held on the stored states, and the first such state in BFS order (its witness). */
export interface TriggerCount {
  readonly invariant: string;
  readonly count: number;
  /** The first stored state where the trigger held (a shortest witness), or null if none. */
  readonly first: StateIndex | null;
}
