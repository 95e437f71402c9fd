import { totalmem } from 'node:os';
import type { EdgeMode } from './edges.js';
import { setsOf, type InvariantSet } from './invariants.js';
import type { PackedInvariant } from './transition-system.js';

/** Snapshot passed to `onProgress`. */
export interface ExploreProgress {
  /** Distinct states stored so far. */
  readonly states: number;
  readonly transitions: number;
  /** BFS level being discovered. */
  readonly depth: number;
  /** States stored but not yet expanded. */
  readonly queue: number;
  readonly seconds: number;
  /** Bytes held by the run's arrays (store, level index, edges). */
  readonly bytes: number;
}

export interface ExploreOptions {
  /** Checked on every stored state, initial ones included. Default none. */
  readonly invariants?: readonly PackedInvariant[];
  /**
   * Invariants compiled into sets (one pass per state for each set); checked
   * after `invariants`, their indices continuing after them. Default none.
   */
  readonly invariantSets?: readonly InvariantSet[];
  /**
   * 'stop' (default): end the run at the first state that violates an
   * invariant (stopReason 'violation', all invariants that state violates
   * reported). 'continue': explore everything and report, per invariant, the
   * first violating state in BFS order; a violated invariant is not checked
   * again.
   */
  readonly onViolation?: 'stop' | 'continue';
  /** Store at most this many states; reaching for one more stops with 'max-states'. Default unlimited. */
  readonly maxStates?: number;
  /** Stop with 'max-seconds' after about this many seconds. Default unlimited. */
  readonly maxSeconds?: number;
  /**
   * Byte budget for all typed arrays of the run (store, level index, edges);
   * a growth that would pass it stops the run with 'out-of-memory'.
   * Default: half the machine's physical memory. Pass Infinity to disable.
   */
  readonly maxBytes?: number;
  /**
   * Keep every transition as graph.edges: 'labelled' (true) with its label,
   * 'targets' without (enough for AG EF). Default 'none' (false).
   */
  readonly recordEdges?: boolean | EdgeMode;
  /** How many deadlock indices to list (the count is always exact). Default 10. */
  readonly maxDeadlocksListed?: number;
  /** States the store has room for before its first growth. Default 4096. */
  readonly initialCapacity?: number;
  /** Called about every `progressIntervalMs` during the run (never more often). */
  readonly onProgress?: (progress: ExploreProgress) => void;
  /** Default 250. */
  readonly progressIntervalMs?: number;
  /**
   * Store 64-bit fingerprints instead of states (fingerprint-store.ts): states
   * whose fingerprints collide count as one (collisionProbability). Needs
   * recordEdges 'none'. Default false.
   */
  readonly fingerprint?: boolean;
}

/** ExploreOptions with every default filled in. */
export interface ResolvedOptions {
  /** Every invariant as sets: `invariants` first (32 per set), then `invariantSets`. */
  readonly sets: readonly InvariantSet[];
  readonly stopAtViolation: boolean;
  readonly maxStates: number;
  readonly maxSeconds: number;
  readonly maxBytes: number;
  readonly recordEdges: EdgeMode;
  readonly maxDeadlocksListed: number;
  readonly initialCapacity: number;
  readonly onProgress: ((progress: ExploreProgress) => void) | null;
  readonly progressIntervalMs: number;
  readonly fingerprint: boolean;
}

/** Fills defaults and rejects nonsensical values (negative bounds, NaN). */
export function resolveOptions(o: ExploreOptions): ResolvedOptions {
  const nonNegative = (name: string, v: number | undefined, dflt: number): number => {
    if (v === undefined) return dflt;
    if (!(v >= 0)) throw new RangeError(`${name} must be a non-negative number, got ${v}`);
    return v;
  };
  return {
    sets: [...setsOf(o.invariants ?? []), ...(o.invariantSets ?? [])],
    stopAtViolation: (o.onViolation ?? 'stop') === 'stop',
    maxStates: nonNegative('maxStates', o.maxStates, Infinity),
    maxSeconds: nonNegative('maxSeconds', o.maxSeconds, Infinity),
    maxBytes: nonNegative('maxBytes', o.maxBytes, defaultMaxBytes()),
    recordEdges: o.recordEdges === true ? 'labelled' : o.recordEdges === false || o.recordEdges === undefined ? 'none' : o.recordEdges,
    maxDeadlocksListed: nonNegative('maxDeadlocksListed', o.maxDeadlocksListed, 10),
    initialCapacity: Math.max(1, nonNegative('initialCapacity', o.initialCapacity, 4096)),
    onProgress: o.onProgress ?? null,
    progressIntervalMs: nonNegative('progressIntervalMs', o.progressIntervalMs, 250),
    fingerprint: o.fingerprint === true,
  };
}

/** The default byte budget of a run: half the machine's physical memory. */
export function defaultMaxBytes(): number {
  return Math.floor(totalmem() / 2);
}
