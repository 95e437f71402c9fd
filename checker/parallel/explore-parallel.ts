import { availableParallelism } from 'node:os';
import { resolveOptions, type ExploreOptions, type ExploreProgress } from '../options.js';
import type { ExploreResult } from '../result.js';
import { assembleResult } from './assemble.js';
import { charge, usedBytes } from './commit.js';
import {
  CLAIM_STATES,
  COUNT,
  CURSOR,
  H_INTERRUPTED,
  H_OUT_OF_MEMORY,
  HALT,
  HARD,
  LEVEL_END,
  LEVEL_START,
  LEVELS_PER_CHARGE,
  NLEVELS,
  NONE,
  P_DONE,
  P_INIT,
  PHASE,
  TABLE_LOG,
  THRESHOLD,
} from './control.js';
import { allocateBuffers, MAX_WORKERS, planGeometry, viewsOf, type Geometry, type SharedBuffers, type SharedViews } from './memory.js';
import { loadSource, type SystemSource } from './source.js';
import { emptyTally, mergeTallies } from './tally.js';
import { WorkerPool } from './pool.js';
import type { WorkerInit } from './worker.js';

/**
 * ExploreOptions for a parallel run. Invariants come from the source module
 * (functions cannot cross threads); `onProgress` is called on the main thread.
 */
export interface ParallelOptions extends Omit<ExploreOptions, 'invariants' | 'invariantSets'> {
  /** Worker threads, 1 .. 64. Default: the number of cores (os.availableParallelism()). */
  readonly workers?: number;
  /** The compiled worker module (file URL or path); default: see worker-script.ts. Ignored with `pool`. */
  readonly workerScript?: string | URL;
  /**
   * Threads to run on, kept between runs (pool.ts); `workers` defaults to its
   * size and may not exceed it. Default: threads started for this run and
   * ended after it.
   */
  readonly pool?: WorkerPool;
  /**
   * States a worker claims at once, 1 .. 65536 (default 64): smaller spreads
   * small levels over more workers, bigger costs fewer claims.
   */
  readonly chunkStates?: number;
  /**
   * Levels that found at most this many states (default 65536) are
   * renumbered, and their edges compacted, by one worker while the others
   * wait: below that, a barrier costs more than the work.
   */
  readonly serialBelow?: number;
}

/**
 * Parallel level-synchronous BFS: `workers` threads expand each BFS level
 * together, sharing one store in SharedArrayBuffers (memory.ts), a lock-free
 * table (table.ts) and barriers between levels (worker-loop.ts, leader.ts).
 * Every worker builds its own system from `source` (source.ts); the
 * invariants are the source's.
 *
 * Contract: a complete run (stopReason 'exhausted') is explore()'s run of
 * the same system with the same options: the same states with the same
 * indices, parents and labels (each level is renumbered into the sequential
 * order, renumber.ts), so the same traces, depths, deadlock lists,
 * violations and triggers (the first in BFS order), coverage, counters
 * (summed over the workers' systems) and edges in the same order. In 'stop'
 * mode the violation reported is the sequential one. Only `stats.seconds`,
 * the rates and the bytes differ. A halted run (max-states, max-seconds,
 * out-of-memory, interrupted, 'stop' at a violation) is a BFS-closed store
 * too (levels contiguous, parents in the level before, shortest traces; all
 * levels but the last complete, max-states stores exactly maxStates states)
 * but not the sequential prefix: the last level holds whichever states the
 * workers found before stopping, within a chunk each. Every stored state is
 * evaluated. It rejects if the source cannot be loaded, if the system
 * throws or emits a label outside labelNames (as explore throws).
 */
export function exploreParallel(
  source: SystemSource,
  options: ParallelOptions = {},
  onStart?: (run: ParallelExploration) => void,
): Promise<ExploreResult> {
  const run = new ParallelExploration(source, options);
  onStart?.(run);
  return run.finished;
}

/** One parallel run: `finished` settles with its result; `interrupt()` stops it (stopReason 'interrupted'). */
export class ParallelExploration {
  readonly finished: Promise<ExploreResult>;
  private ci: Int32Array | null = null;
  private interrupted = false;

  constructor(source: SystemSource, options: ParallelOptions = {}) {
    this.finished = this.start(source, options);
  }

  /**
   * Ends the run at the next state each worker takes, with stopReason
   * 'interrupted' (unless it already ended). Safe from a signal handler; the
   * initial states are stored in any case, as in explore.
   */
  interrupt(): void {
    this.interrupted = true;
    if (this.ci !== null) Atomics.compareExchange(this.ci, HALT, 0, H_INTERRUPTED);
  }

  private async start(source: SystemSource, options: ParallelOptions): Promise<ExploreResult> {
    const began = performance.now();
    const raw = options as ExploreOptions;
    if (raw.invariants !== undefined || raw.invariantSets !== undefined) {
      throw new Error('exploreParallel: invariants come from the source module (createSystem), not from the options');
    }
    const opts = resolveOptions(options);
    const workers = options.workers ?? options.pool?.size ?? Math.min(MAX_WORKERS, availableParallelism());
    if (!(Number.isInteger(workers) && workers >= 1 && workers <= (options.pool?.size ?? MAX_WORKERS))) {
      throw new RangeError(`workers must be an integer from 1 to ${options.pool?.size ?? MAX_WORKERS}, got ${workers}`);
    }
    const claim = options.chunkStates ?? CLAIM_STATES;
    if (!(Number.isInteger(claim) && claim >= 1 && claim <= 65536)) throw new RangeError(`chunkStates must be an integer from 1 to 65536, got ${claim}`);
    const { system, sets } = await loadSource(source);
    const words = system.stateWords;
    if (!(Number.isInteger(words) && words >= 1)) throw new RangeError(`stateWords must be an integer >= 1, got ${words}`);
    for (const set of sets) {
      if (set.names.length > 32) throw new RangeError(`an invariant set holds at most 32 invariants, got ${set.names.length}`);
    }
    const invariantNames = sets.flatMap((s) => s.names);
    const plan = {
      workers,
      words,
      labelCount: system.labelNames.length,
      invariants: invariantNames.length,
      maxStates: opts.maxStates,
      maxBytes: opts.maxBytes,
      initialCapacity: opts.initialCapacity,
      recordEdges: opts.recordEdges,
      claim,
      serialBelow: nonNegative('serialBelow', options.serialBelow, 65536),
    };
    let g = planGeometry(plan);
    let buffers: SharedBuffers;
    let refused = false;
    try {
      buffers = allocateBuffers(g);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      g = planGeometry({ ...plan, maxBytes: 0 });
      buffers = allocateBuffers(g);
      refused = true;
    }
    const v = viewsOf(buffers, g);
    if (!initControl(v, g, refused)) {
      return assembleResult(v, g, { labelNames: system.labelNames, invariantNames, seconds: (performance.now() - began) / 1000, total: emptyTally(g.labelCount, g.invariants) });
    }
    this.ci = v.ci;
    if (this.interrupted) this.interrupt();
    const deadline = opts.maxSeconds === Infinity ? Infinity : performance.timeOrigin + began + opts.maxSeconds * 1000;
    const stopProgress = opts.onProgress === null ? () => {} : startProgress(v, g, began, opts.progressIntervalMs, opts.onProgress);
    const pool = options.pool ?? new WorkerPool(workers, options.workerScript);
    try {
      const inits: WorkerInit[] = [];
      for (let id = 0; id < workers; id++) {
        inits.push({ source, buffers, geometry: g, settings: { id, stopAtViolation: opts.stopAtViolation, maxDeadlocksListed: opts.maxDeadlocksListed, deadline } });
      }
      const tallies = await pool.run(inits, v.ci);
      const total = mergeTallies(tallies, g.labelCount, g.invariants, opts.maxDeadlocksListed);
      if (total.counters.length === 0 && system.counters !== undefined) total.counters = new Float64Array(system.counters.length);
      return assembleResult(v, g, { labelNames: system.labelNames, invariantNames, seconds: (performance.now() - began) / 1000, total });
    } finally {
      stopProgress();
      if (options.pool === undefined) await pool.close();
    }
  }
}

/** `v` if a non-negative number, `dflt` if absent. */
function nonNegative(name: string, v: number | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  if (!(v >= 0)) throw new RangeError(`${name} must be a non-negative number, got ${v}`);
  return v;
}

/** Sets up the control block before the workers start; false (run over: out-of-memory, no state) if the budget refuses the first table. */
function initControl(v: SharedViews, g: Geometry, refused: boolean): boolean {
  const { ci, cu } = v;
  v.violState.fill(NONE);
  v.firstTrigger.fill(NONE);
  const size = 2 ** g.tableLog;
  if (refused || !charge(ci, g, size * 4 + LEVELS_PER_CHARGE * 4)) {
    ci[TABLE_LOG] = 0;
    ci[HALT] = H_OUT_OF_MEMORY;
    ci[PHASE] = P_DONE;
    return false;
  }
  ci[TABLE_LOG] = g.tableLog;
  cu[THRESHOLD] = size / 2;
  cu[HARD] = size - size / 4;
  ci[PHASE] = P_INIT;
  return true;
}

/** Calls onProgress every `intervalMs` from the main thread, from the shared counters; returns the function that stops it. */
function startProgress(v: SharedViews, g: Geometry, began: number, intervalMs: number, onProgress: (p: ExploreProgress) => void): () => void {
  const timer = setInterval(() => {
    const { cu, live } = v;
    let transitions = 0;
    for (let w = 0; w < g.workers; w++) transitions += live[w * 8];
    const states = Atomics.load(cu, COUNT);
    const cursor = Atomics.load(cu, CURSOR);
    // CURSOR counts chunks (small numbers) while a level's edges are compacted
    const next = cursor < Atomics.load(cu, LEVEL_START) ? Atomics.load(cu, LEVEL_END) : Math.min(cursor, Atomics.load(cu, LEVEL_END));
    onProgress({
      states,
      transitions,
      depth: Atomics.load(cu, NLEVELS),
      queue: states - next,
      seconds: (performance.now() - began) / 1000,
      bytes: usedBytes(v.ci),
    });
  }, Math.max(1, intervalMs));
  return () => clearInterval(timer);
}
