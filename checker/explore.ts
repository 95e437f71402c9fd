import { BfsRun } from './bfs-run.js';
import { ByteBudget } from './budget.js';
import { EdgeRecorder } from './edges.js';
import { ExploredGraph } from './graph.js';
import { resolveOptions, type ExploreOptions, type ResolvedOptions } from './options.js';
import type { ExploreResult, StopReason, TriggerCount } from './result.js';
import { makeStats } from './stats.js';
import { CHUNK_MASK } from './columns.js';
import { FingerprintStore } from './fingerprint-store.js';
import { NO_PARENT, StateStore, type ExplorerStore } from './store.js';
import type { PackedSystem, StateIndex } from './transition-system.js';
import { U32List } from './u32-list.js';

/** Expansions between two looks at the clock (time bound, progress, slices). */
const CLOCK_EVERY = 256;


/**
 * Breadth-first exploration of every state reachable from `system.initial`.
 *
 * Contract:
 * - States are stored in discovery order; state i's parent link gives a
 *   shortest path from an initial state (`result.graph.traceTo(i)`).
 * - Invariants (and their triggers) are evaluated on every stored state when
 *   it is first discovered, initial states included; the first violating
 *   state found is the first in BFS order, so its trace is a shortest
 *   counterexample, and likewise the first trigger state is a shortest witness.
 * - A state is a deadlock if, once expanded, it emitted no successor and
 *   `system.isTerminal` is absent or false for it.
 * - The run never throws for lack of memory: a refused allocation or the
 *   `maxBytes` budget ends it with stopReason 'out-of-memory' and everything
 *   stored so far stays readable. It does throw if the system or an
 *   invariant throws, or if the system emits a label outside labelNames.
 * - `complete` is true only when every reachable state was expanded.
 */
export function explore(system: PackedSystem, options: ExploreOptions = {}): ExploreResult {
  const run = new Exploration(system, options);
  run.runFor(Infinity);
  return run.result();
}

/**
 * The same exploration, run in slices of about `sliceMs` that yield to the
 * event loop in between, so that signal handlers (Ctrl-C) and timers run
 * during a long exploration. `onStart` receives the Exploration (e.g. to call
 * `interrupt()` from a signal handler).
 */
export async function exploreAsync(
  system: PackedSystem,
  options: ExploreOptions = {},
  onStart?: (run: Exploration) => void,
  sliceMs = 50,
): Promise<ExploreResult> {
  const run = new Exploration(system, options);
  onStart?.(run);
  while (!run.runFor(sliceMs)) await new Promise<void>((resolve) => setImmediate(resolve));
  return run.result();
}

/**
 * One exploration that can be advanced in slices: `runFor(ms)` expands states
 * until the run ends (returns true) or about `ms` have passed (returns false);
 * `interrupt()` ends it at the next state with stopReason 'interrupted';
 * `result()` (once ended) gives the result.
 */
export class Exploration {
  private readonly opts: ResolvedOptions;
  private readonly start = performance.now();
  private readonly run: BfsRun;
  private readonly current: Uint32Array;
  private readonly deadlocks: StateIndex[] = [];
  private deadlockCount = 0;
  private expanded = 0;
  private levelEnd = 0;
  private nextProgress: number;
  private readonly deadline: number;
  private done = false;

  constructor(readonly system: PackedSystem, options: ExploreOptions = {}) {
    this.opts = resolveOptions(options);
    const words = system.stateWords;
    if (!(Number.isInteger(words) && words >= 1)) throw new RangeError(`stateWords must be an integer >= 1, got ${words}`);
    const opts = this.opts;
    const budget = new ByteBudget(opts.maxBytes);
    if (opts.fingerprint && opts.recordEdges !== 'none') throw new RangeError('fingerprint mode keeps no edges: recordEdges must be none');
    const store: ExplorerStore | null = opts.fingerprint
      ? FingerprintStore.create(system, opts.initialCapacity, budget)
      : StateStore.create(words, system.labelNames.length, opts.initialCapacity, opts.recordEdges !== 'none', budget);
    const levels = U32List.create(64, budget);
    const edges = opts.recordEdges === 'none' ? null : new EdgeRecorder(system.labelNames.length, opts.recordEdges === 'labelled', budget);
    this.current = new Uint32Array(words);
    this.nextProgress = this.start + opts.progressIntervalMs;
    this.deadline = this.start + opts.maxSeconds * 1000;
    if (store === null || levels === null) {
      const empty = new ByteBudget(0);
      this.run = new BfsRun(system, StateStore.empty(words, system.labelNames.length), edges, U32List.empty(empty), empty, opts);
      this.run.halt('out-of-memory');
      this.done = true;
      return;
    }
    const run = new BfsRun(system, store, edges, levels, budget, opts);
    this.run = run;
    levels.push(0);
    run.parent = NO_PARENT;
    system.initial(run);
    run.flush();
    if (run.halted === null && store.count > 0 && !levels.push(store.count)) run.halt('out-of-memory');
    this.levelEnd = store.count;
    run.expanding = true;
  }

  /** Ends the run before the next state is expanded, with stopReason 'interrupted' (unless it already ended). */
  interrupt(): void {
    this.run.halt('interrupted');
  }

  /** True once the run has ended (exhausted or halted). */
  get ended(): boolean {
    return this.done || this.run.halted !== null || this.expanded >= this.run.store.count;
  }

  /** Expands states for about `ms` milliseconds; true once the run has ended. */
  runFor(ms: number): boolean {
    if (this.done) return true;
    const { system, store, levels, edges } = this.run;
    const run = this.run;
    const options = this.opts;
    const current = this.current;
    const sliceEnd = ms === Infinity ? Infinity : performance.now() + ms;
    const clocked = options.onProgress !== null || options.maxSeconds !== Infinity || sliceEnd !== Infinity;
    let i = this.expanded;
    let levelEnd = this.levelEnd;
    let paused = false;
    for (; i < store.count && run.halted === null; i++) {
      if (i === levelEnd) {
        levelEnd = store.count;
        if (!levels.push(levelEnd)) {
          run.halt('out-of-memory');
          break;
        }
      }
      if (clocked && i % CLOCK_EVERY === 0) {
        const now = performance.now();
        if (now >= this.deadline) {
          run.halt('max-seconds');
          break;
        }
        if (options.onProgress !== null && now >= this.nextProgress) {
          this.nextProgress = now + options.progressIntervalMs;
          options.onProgress({
            states: store.count,
            transitions: run.transitions,
            depth: levels.length - 1,
            queue: store.count - i,
            seconds: (now - this.start) / 1000,
            bytes: this.run.budget.used,
          });
        }
        if (now >= sliceEnd && i > this.expanded) {
          paused = true;
          break;
        }
      }
      if ((i & CHUNK_MASK) === 0) store.retire(i); // at each chunk boundary the store may drop the words of expanded chunks
      if (edges !== null && !edges.beginState(i)) {
        run.halt('out-of-memory');
        break;
      }
      store.read(i, current);
      run.parent = i;
      system.successors(current, run);
      run.flush();
      if (run.halted !== null) break;
      if (run.emitted === 0 && !(system.isTerminal !== undefined && system.isTerminal(store.read(i, current)))) {
        this.deadlockCount++;
        if (this.deadlocks.length < options.maxDeadlocksListed) this.deadlocks.push(i as StateIndex);
      }
    }
    this.expanded = i;
    this.levelEnd = levelEnd;
    if (paused && run.halted === null) return false;
    this.done = true;
    return true;
  }

  /** The result of the ended run (throws while it is still running). */
  result(): ExploreResult {
    if (!this.done) throw new Error('Exploration.result() called before the run ended');
    const { store, levels, system } = this.run;
    const run = this.run;
    let levelCount = levels.length;
    while (levelCount > 0 && levels.data[levelCount - 1] >= store.count) levelCount--;
    const edges = run.edges === null ? undefined : run.edges.finish(store.count);
    const graph = new ExploredGraph(store, levels.data, levelCount, system.labelNames, edges);
    const stopReason: StopReason = run.halted ?? 'exhausted';
    const triggers: TriggerCount[] = run.invariantNames.map((invariant, k) => ({
      invariant,
      count: run.triggerCounts[k],
      first: run.firstTrigger[k] < 0 ? null : (run.firstTrigger[k] as StateIndex),
    }));
    return {
      complete: stopReason === 'exhausted',
      stopReason,
      stats: makeStats({
        states: store.count,
        expanded: this.expanded,
        transitions: run.transitions,
        depth: Math.max(0, levelCount - 1),
        seconds: (performance.now() - this.start) / 1000,
        storeBytes: store.bytes + levels.bytes,
        edgeBytes: run.edges === null ? 0 : run.edges.bytes,
      }),
      violations: run.violations.slice().sort((a, b) => a.state - b.state || a.invariantIndex - b.invariantIndex),
      deadlockCount: this.deadlockCount,
      deadlocks: this.deadlocks,
      coverage: { labelNames: system.labelNames, firings: run.firings, discovered: run.discovered },
      triggers,
      counters: system.counters ? Float64Array.from(system.counters) : new Float64Array(0),
      graph,
    };
  }
}
