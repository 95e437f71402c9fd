import { RecordedEdges } from '../edges.js';
import { ExploredGraph } from '../graph.js';
import type { ExploreResult, StopReason, TriggerCount, Violation } from '../result.js';
import { makeStats } from '../stats.js';
import type { StateIndex } from '../transition-system.js';
import { CAP, COUNT, ECAP, EDGE_BASE, EXPANDED_LIMIT, HALT, HALT_REASONS, LEVEL_END, LEVELS_PER_CHARGE, NLEVELS, NONE, RCAP, SCAP, TABLE_LOG } from './control.js';
import type { Geometry, SharedViews } from './memory.js';
import { ArrayColumn, SharedStates } from './shared-states.js';
import { SharedTable } from './table.js';
import type { WorkerTally } from './tally.js';

/** What the main thread knows of the run besides the shared buffers. */
export interface RunFacts {
  readonly labelNames: readonly string[];
  readonly invariantNames: readonly string[];
  readonly seconds: number;
  /** The workers' tallies, merged (tally.ts). */
  readonly total: WorkerTally;
}

/**
 * Bytes a run holds, from its commits (what it may have touched; see
 * memory.ts): store = state columns, table, levels and the renumbering
 * scratch; edges = CSR arrays, scratch area and per-state starts.
 */
export function heldBytes(v: SharedViews, g: Geometry): { store: number; edges: number } {
  const cap = Atomics.load(v.cu, CAP);
  const edgeStateBytes = g.edgeStateBytes;
  const table = Atomics.load(v.ci, TABLE_LOG);
  // TABLE_LOG 0: the budget refused the first table, nothing was charged
  const levels = table === 0 ? 0 : Math.ceil(Math.max(1, Atomics.load(v.cu, NLEVELS)) / LEVELS_PER_CHARGE) * LEVELS_PER_CHARGE * 4;
  return {
    store: cap * (g.stateBytes - edgeStateBytes) + (table === 0 ? 0 : 2 ** table * 4) + levels + Atomics.load(v.cu, RCAP) * g.rankBytes,
    edges: cap * edgeStateBytes + (Atomics.load(v.cu, ECAP) + Atomics.load(v.cu, SCAP)) * g.edgeBytes,
  };
}

/**
 * The ExploreResult of a finished parallel run (every worker done): the
 * shared counters and verdicts, the merged tallies, and a graph over the
 * shared buffers. Levels: those expanded, plus the states found while the
 * last one was expanded (a halted run's partial next level).
 */
export function assembleResult(v: SharedViews, g: Geometry, facts: RunFacts): ExploreResult {
  const { ci, cu } = v;
  const count = Atomics.load(cu, COUNT);
  const recorded = Atomics.load(cu, NLEVELS);
  const levelStarts = new Uint32Array(recorded + 1);
  levelStarts.set(v.levels.subarray(0, recorded));
  let levelCount = recorded;
  const lastEnd = Atomics.load(cu, LEVEL_END);
  if (count > lastEnd) levelStarts[levelCount++] = lastEnd;
  const halt = Atomics.load(ci, HALT);
  const stopReason: StopReason = halt === 0 ? 'exhausted' : (HALT_REASONS[halt] as StopReason);
  const bytes = heldBytes(v, g);
  const edges =
    g.recordEdges === 'none'
      ? undefined
      : new RecordedEdges(
          new ArrayColumn(v.edgeTargets!),
          v.edgeLabels === null ? null : new ArrayColumn(v.edgeLabels),
          new ArrayColumn(v.starts!),
          Atomics.load(cu, EXPANDED_LIMIT),
          Atomics.load(cu, EDGE_BASE),
          count,
          g.labelCount,
          bytes.edges,
        );
  const store = new SharedStates(count, g.words, v.states, v.parents, v.labels, new SharedTable(v, g));
  const graph = new ExploredGraph(store, levelStarts, levelCount, facts.labelNames, edges);
  const violations: Violation[] = [];
  const triggers: TriggerCount[] = [];
  facts.invariantNames.forEach((invariant, k) => {
    const state = v.violState[k];
    if (state !== NONE) violations.push({ invariant, invariantIndex: k, state: state as StateIndex, depth: v.violDepth[k] });
    const first = v.firstTrigger[k];
    triggers.push({ invariant, count: facts.total.triggerCounts[k], first: first === NONE ? null : (first as StateIndex) });
  });
  violations.sort((a, b) => a.state - b.state || a.invariantIndex - b.invariantIndex);
  const t = facts.total;
  return {
    complete: stopReason === 'exhausted',
    stopReason,
    stats: makeStats({
      states: count,
      expanded: t.expanded,
      transitions: t.transitions,
      depth: Math.max(0, levelCount - 1),
      seconds: facts.seconds,
      storeBytes: bytes.store,
      edgeBytes: bytes.edges,
    }),
    violations,
    deadlockCount: t.deadlockCount,
    deadlocks: t.deadlocks as StateIndex[],
    coverage: { labelNames: facts.labelNames, firings: t.firings, discovered: t.discovered },
    triggers,
    counters: t.counters,
    graph,
  };
}
