import type { RecordedEdges } from './edges.js';
import { NO_PARENT } from './store.js';
import type { StoredStates } from './stored-states.js';
import { buildTrace, type TraceStep } from './trace.js';
import type { LabelId, StateIndex } from './transition-system.js';
import { rangeContaining } from './ranges.js';

/**
 * Read-only view of the states an exploration stored, in BFS order
 * (index 0 = first initial state). Every stored state has a shortest path
 * from an initial state through `parentOf`, so `traceTo(i)` is minimal.
 * Works over any StoredStates: the sequential store or the parallel run's
 * shared one.
 */
export class ExploredGraph {
  /**
   * @param levelStarts `levelStarts[d]` is the index of the first state of BFS
   *   level d; `levelCount` entries are valid, all levels non-empty.
   */
  constructor(
    private readonly store: StoredStates,
    private readonly levelStarts: Uint32Array,
    private readonly levelCount: number,
    readonly labelNames: readonly string[],
    /** Present iff the run was made with `recordEdges: true`. */
    readonly edges: RecordedEdges | undefined,
    /** Turns a stored path into the trace handed out (symmetry: a path of the unreduced system). */
    private readonly traceMap: ((trace: TraceStep[]) => TraceStep[]) | null = null,
  ) {}

  /**
   * The same graph whose traces go through `map` (e.g. concretizeTrace after
   * a symmetry-reduced run); the states, indices and edges are shared.
   */
  withTraceMap(map: (trace: TraceStep[]) => TraceStep[]): ExploredGraph {
    return new ExploredGraph(this.store, this.levelStarts, this.levelCount, this.labelNames, this.edges, map);
  }

  /**
   * The same graph with other label names and edges, the stored incoming
   * labels read modulo `fold` (splitTags: the labels of a tagged quotient
   * folded back to the system's own).
   */
  withLabels(labelNames: readonly string[], edges: RecordedEdges | undefined, fold: number): ExploredGraph {
    const store = this.store;
    const folded: StoredStates = {
      count: store.count,
      words: store.words,
      read: (index, out) => store.read(index, out),
      indexOf: (state) => store.indexOf(state),
      parentOf: (index) => store.parentOf(index),
      labelOf: (index) => store.labelOf(index) % fold,
    };
    return new ExploredGraph(folded, this.levelStarts, this.levelCount, labelNames, edges, this.traceMap);
  }

  /** Number of stored states; valid indices are 0 .. stateCount-1. */
  get stateCount(): number {
    return this.store.count;
  }

  /** Words per packed state. */
  get stateWords(): number {
    return this.store.words;
  }

  /** Copies the words of state `i` into `out` (allocated if absent) and returns it. */
  readState(i: StateIndex, out: Uint32Array = new Uint32Array(this.store.words)): Uint32Array {
    this.check(i);
    return this.store.read(i, out);
  }

  /** Index of the stored state with these words, or null if it was not reached. */
  indexOf(words: Uint32Array): StateIndex | null {
    if (words.length < this.store.words) throw new RangeError(`need ${this.store.words} words, got ${words.length}`);
    const i = this.store.indexOf(words);
    return i < 0 ? null : (i as StateIndex);
  }

  /** The state whose expansion discovered `i`, or null for an initial state. */
  parentOf(i: StateIndex): StateIndex | null {
    this.check(i);
    const p = this.store.parentOf(i);
    return p === NO_PARENT ? null : (p as StateIndex);
  }

  /** The label of the edge parentOf(i) -> i, or null for an initial state. */
  labelInto(i: StateIndex): LabelId | null {
    this.check(i);
    return this.store.parentOf(i) === NO_PARENT ? null : (this.store.labelOf(i) as LabelId);
  }

  /**
   * The deepest BFS level D such that every reachable state of depth <= D
   * is stored (so it was checked), given that the first `expanded` states
   * were expanded: a level is complete once every state of the level before
   * it was expanded. Equals the depth of the graph on a complete run.
   */
  completeDepth(expanded: number): number {
    let d = 0;
    while (d + 1 < this.levelCount && this.levelStarts[d + 1] <= expanded) d++;
    return d;
  }

  /** Where each BFS level starts, then the number of states: level d is the states levels()[d] .. levels()[d + 1] - 1. */
  levels(): Uint32Array {
    const out = new Uint32Array(this.levelCount + 1);
    out.set(this.levelStarts.subarray(0, this.levelCount));
    out[this.levelCount] = this.store.count;
    return out;
  }

  /** BFS level of `i`: length of a shortest path from an initial state. */
  depthOf(i: StateIndex): number {
    this.check(i);
    return rangeContaining((d) => this.levelStarts[d], this.levelCount, i);
  }

  /** A shortest trace from an initial state to `i` (see buildTrace). */
  traceTo(i: StateIndex): TraceStep[] {
    this.check(i);
    const trace = buildTrace(this.store, i);
    return this.traceMap === null ? trace : this.traceMap(trace);
  }

  private check(i: number): void {
    if (!(Number.isInteger(i) && i >= 0 && i < this.store.count)) {
      throw new RangeError(`state index ${i} out of range 0..${this.store.count - 1}`);
    }
  }
}
