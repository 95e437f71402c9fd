import type { ByteBudget } from './budget.js';
import { ChunkedColumn } from './chunked.js';
import type { EdgeGraph } from './edge-graph.js';
import type { LabelId, StateIndex } from './transition-system.js';
import { rangeContaining } from './ranges.js';

/** Callback of `RecordedEdges.forEachEdge`; `k` is the edge's id (its position in recording order). */
export type EdgeVisitor = (src: StateIndex, label: LabelId, dst: StateIndex, k: number) => void;

/**
 * A read-only column of unsigned integers, by position: what RecordedEdges
 * reads its targets, labels and starts from (a ChunkedColumn in the
 * sequential run, a flat shared array in the parallel one).
 */
export interface ReadColumn {
  get(k: number): number;
}

/** Which edges a run keeps: none, targets only (enough for AG EF), or targets with labels (liveness, diagrams). */
export type EdgeMode = 'none' | 'targets' | 'labelled';

/**
 * Records the transitions of a BFS run in compressed sparse row form as they
 * fire. The explorer expands states in index order, so the out-edges of state
 * i are contiguous: `beginState(i)` notes where they start, `add` appends one.
 * Per edge: 4 bytes of target, plus the label in 1, 2 or 4 bytes when
 * labelled; per expanded state 4 bytes. Columns are chunked (ChunkedColumn):
 * growth never copies a big array, and `false` means the budget refused.
 */
export class EdgeRecorder {
  private readonly targets: ChunkedColumn;
  private readonly labels: ChunkedColumn | null;
  private readonly starts: ChunkedColumn;
  /** Edges recorded. */
  count = 0;
  /** States begun so far (expanded states, in index order). */
  expanded = 0;

  constructor(
    private readonly labelCount: number,
    labelled: boolean,
    budget: ByteBudget,
  ) {
    this.targets = new ChunkedColumn(20, 0xffffffff, budget);
    this.labels = labelled ? new ChunkedColumn(20, labelCount, budget) : null;
    this.starts = new ChunkedColumn(16, 0xffffffff, budget);
  }

  get bytes(): number {
    return this.targets.bytes + (this.labels?.bytes ?? 0) + this.starts.bytes;
  }

  /** Notes that the out-edges of state `index` (which must be the next in order) start here. */
  beginState(index: number): boolean {
    if (index !== this.expanded) throw new Error(`edge recorder: states must be begun in order (expected ${this.expanded}, got ${index})`);
    if (!this.starts.ensure(index)) return false;
    this.starts.set(index, this.count);
    this.expanded = index + 1;
    return true;
  }

  /** Appends an out-edge of the state begun last; false if the budget refused room for it. */
  add(target: number, label: number): boolean {
    const k = this.count;
    if (k >= this.targets.capacity && !(this.targets.ensure(k) && (this.labels === null || this.labels.ensure(k)))) return false;
    this.targets.set(k, target);
    if (this.labels !== null) this.labels.set(k, label);
    this.count = k + 1;
    return true;
  }

  /** The recorded graph over `stateCount` states; states never begun (not expanded) have no out-edges. */
  finish(stateCount: number): RecordedEdges {
    return new RecordedEdges(this.targets, this.labels, this.starts, this.expanded, this.count, stateCount, this.labelCount, this.bytes);
  }
}

/**
 * Every transition fired during an exploration run with `recordEdges`, as an
 * EdgeGraph: the out-edges of state s are firstEdge(s) .. firstEdge(s+1)-1 in
 * the order the system emitted them. Duplicate emissions are kept, so `count`
 * equals the run's transition count. Read-only.
 */
export class RecordedEdges implements EdgeGraph {
  /**
   * @param starts   first edge of each state below `expanded`
   * @param expanded states whose out-edges were recorded (every state from
   *   `expanded` on has none)
   */
  constructor(
    private readonly targets: ReadColumn,
    private readonly labels: ReadColumn | null,
    private readonly starts: ReadColumn,
    private readonly expanded: number,
    readonly count: number,
    readonly stateCount: number,
    readonly labelCount: number,
    /** Bytes held by the edge columns (capacity). */
    readonly bytes: number,
  ) {}

  get edgeCount(): number {
    return this.count;
  }

  /** The columns behind the graph (for handing a graph in shared memory to another thread). */
  columns(): { readonly targets: ReadColumn; readonly labels: ReadColumn | null; readonly starts: ReadColumn; readonly expanded: number } {
    return { targets: this.targets, labels: this.labels, starts: this.starts, expanded: this.expanded };
  }

  /** False when the run kept targets only (`label` then throws). */
  get labelled(): boolean {
    return this.labels !== null;
  }

  firstEdge(s: number): number {
    return s < this.expanded ? this.starts.get(s) : this.count;
  }

  target(k: number): number {
    return this.targets.get(k);
  }

  label(k: number): number {
    if (this.labels === null) throw new Error('edges were recorded without labels');
    return this.labels.get(k);
  }

  /** The source of edge k (binary search over the starts). */
  srcOf(k: number): StateIndex {
    return rangeContaining((s) => this.firstEdge(s), this.stateCount, k) as StateIndex;
  }

  /** Calls `fn` once per edge, by source state, in recording order (label 0 when unlabelled). */
  forEachEdge(fn: EdgeVisitor): void {
    for (let s = 0; s < this.stateCount; s++) {
      const end = this.firstEdge(s + 1);
      for (let k = this.firstEdge(s); k < end; k++) {
        fn(s as StateIndex, (this.labels === null ? 0 : this.labels.get(k)) as LabelId, this.targets.get(k) as StateIndex, k);
      }
    }
  }
}
