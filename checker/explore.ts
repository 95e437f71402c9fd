import { BfsRun } from './bfs-run.js';
import { ByteBudget } from './budget.js';
import { RecordedEdges } from './edges.js';
import { ExploredGraph } from './graph.js';
import { resolveOptions, type ExploreOptions, type ResolvedOptions } from './options.js';
import type { ExploreResult, StopReason } from './result.js';
import { makeStats } from './stats.js';
import { NO_PARENT, StateStore } from './store.js';
import type { PackedSystem, StateIndex } from './transition-system.js';
import { U32List } from './u32-list.js';

/** Expansions between two looks at the clock (time bound, progress). */
const CLOCK_EVERY = 256;

/**
 * Breadth-first exploration of every state reachable from `system.initial`.
 *
 * Contract:
 * - States are stored in discovery order; state i's parent link gives a
 *   shortest path from an initial state (`result.graph.traceTo(i)`).
 * - Invariants are evaluated on every stored state when it is first
 *   discovered, initial states included; the first violating state found is
 *   the first in BFS order, so its trace is a shortest counterexample.
 * - A state is a deadlock if, once expanded, it emitted no successor and
 *   `system.isTerminal` is absent or false for it.
 * - The run never throws for lack of memory: a refused allocation or the
 *   `maxBytes` budget ends it with stopReason 'out-of-memory' and everything
 *   stored so far stays readable. It does throw if the system or an
 *   invariant throws, or if the system emits a label outside labelNames.
 * - `complete` is true only when every reachable state was expanded.
 */
export function explore(system: PackedSystem, options: ExploreOptions = {}): ExploreResult {
  const opts = resolveOptions(options);
  const words = system.stateWords;
  if (!(Number.isInteger(words) && words >= 1)) throw new RangeError(`stateWords must be an integer >= 1, got ${words}`);
  const start = performance.now();
  const budget = new ByteBudget(opts.maxBytes);
  const store = StateStore.create(words, system.labelNames.length, opts.initialCapacity, opts.recordEdges, budget);
  const levels = U32List.create(64, budget);
  const edges = opts.recordEdges ? U32List.create(opts.initialCapacity * 3, budget) : null;
  if (store === null || levels === null || (opts.recordEdges && edges === null)) {
    return outOfMemoryAtStart(system, opts, start);
  }
  const run = new BfsRun(system, store, edges, levels, budget, opts);
  levels.push(0);
  run.parent = NO_PARENT;
  system.initial(run);
  run.flush();
  if (run.halted === null && store.count > 0 && !levels.push(store.count)) run.halt('out-of-memory');
  const { expanded, deadlockCount, deadlocks } = expandAll(run, start);
  return finish(run, start, expanded, deadlockCount, deadlocks);
}

/** The BFS loop proper: expands stored states in index order until none is left or the run halts. */
function expandAll(run: BfsRun, start: number): { expanded: number; deadlockCount: number; deadlocks: StateIndex[] } {
  const { system, store, levels, options } = run;
  const current = new Uint32Array(system.stateWords);
  const deadlocks: StateIndex[] = [];
  let deadlockCount = 0;
  let levelEnd = store.count;
  let nextProgress = start + options.progressIntervalMs;
  const deadline = start + options.maxSeconds * 1000;
  const clocked = options.onProgress !== null || options.maxSeconds !== Infinity;
  run.expanding = true;
  let i = 0;
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
      if (now >= deadline) {
        run.halt('max-seconds');
        break;
      }
      if (options.onProgress !== null && now >= nextProgress) {
        nextProgress = now + options.progressIntervalMs;
        options.onProgress({
          states: store.count,
          transitions: run.transitions,
          depth: levels.length - 1,
          queue: store.count - i,
          seconds: (now - start) / 1000,
        });
      }
    }
    store.read(i, current);
    run.parent = i;
    system.successors(current, run);
    run.flush();
    if (run.halted !== null) break;
    if (run.emitted === 0 && !(system.isTerminal !== undefined && system.isTerminal(store.read(i, current)))) {
      deadlockCount++;
      if (deadlocks.length < options.maxDeadlocksListed) deadlocks.push(i as StateIndex);
    }
  }
  return { expanded: i, deadlockCount, deadlocks };
}

function finish(run: BfsRun, start: number, expanded: number, deadlockCount: number, deadlocks: StateIndex[]): ExploreResult {
  const { store, levels, system } = run;
  let levelCount = levels.length;
  while (levelCount > 0 && levels.data[levelCount - 1] >= store.count) levelCount--;
  const edges = run.edges === null ? undefined : new RecordedEdges(run.edges);
  const graph = new ExploredGraph(store, levels.data, levelCount, system.labelNames, edges);
  const stopReason: StopReason = run.halted ?? 'exhausted';
  return {
    complete: stopReason === 'exhausted',
    stopReason,
    stats: makeStats({
      states: store.count,
      expanded,
      transitions: run.transitions,
      depth: Math.max(0, levelCount - 1),
      seconds: (performance.now() - start) / 1000,
      storeBytes: store.bytes + levels.bytes,
      edgeBytes: run.edges === null ? 0 : run.edges.bytes,
    }),
    violations: run.violations.slice().sort((a, b) => a.state - b.state || a.invariantIndex - b.invariantIndex),
    deadlockCount,
    deadlocks,
    coverage: { labelNames: system.labelNames, firings: run.firings, discovered: run.discovered },
    graph,
  };
}

/** Result of a run whose very first allocation was refused: nothing stored. */
function outOfMemoryAtStart(system: PackedSystem, opts: ResolvedOptions, start: number): ExploreResult {
  const budget = new ByteBudget(0);
  const store = StateStore.empty(system.stateWords, system.labelNames.length);
  const edges = opts.recordEdges ? U32List.empty(budget) : null;
  const run = new BfsRun(system, store, edges, U32List.empty(budget), budget, opts);
  run.halt('out-of-memory');
  return finish(run, start, 0, 0, []);
}
