/**
 * A finite directed graph with labelled edges, read-only: what the graph
 * algorithms (AG EF, liveness) see of an exploration. States are
 * 0 .. stateCount-1 (for an exploration: BFS order, initial states first);
 * the out-edges of state s are the edge ids firstEdge(s) .. firstEdge(s+1)-1,
 * with firstEdge(stateCount) === edgeCount. Every edge has a target state and
 * a label in 0 .. labelCount-1. Duplicate edges and self-loops are allowed; a
 * state without out-edges is a dead end.
 *
 * Implementations are typed arrays behind small monomorphic methods, so that
 * loops over millions of edges stay allocation-free.
 */
export interface EdgeGraph {
  readonly stateCount: number;
  readonly edgeCount: number;
  readonly labelCount: number;
  firstEdge(s: number): number;
  target(k: number): number;
  label(k: number): number;
}

/** An EdgeGraph over flat arrays (tests, small graphs). */
export class FlatEdgeGraph implements EdgeGraph {
  readonly stateCount: number;
  readonly edgeCount: number;

  /**
   * @param start  length stateCount + 1, non-decreasing, start[0] = 0
   * @param targets length start[stateCount]
   * @param labels  same length as targets
   */
  constructor(
    private readonly start: Uint32Array,
    private readonly targets: Uint32Array,
    private readonly labels: Uint8Array | Uint16Array | Uint32Array,
    readonly labelCount: number,
  ) {
    this.stateCount = start.length - 1;
    this.edgeCount = start[this.stateCount];
  }

  /** From (src, label, dst) triples in any order; edges keep their relative order per source. */
  static fromTriples(stateCount: number, labelCount: number, edges: ReadonlyArray<readonly [number, number, number]>): FlatEdgeGraph {
    const start = new Uint32Array(stateCount + 1);
    for (const [s] of edges) start[s + 1]++;
    for (let s = 0; s < stateCount; s++) start[s + 1] += start[s];
    const fill = start.slice(0, stateCount);
    const targets = new Uint32Array(edges.length);
    const labels = new Uint32Array(edges.length);
    for (const [s, l, d] of edges) {
      const at = fill[s]++;
      targets[at] = d;
      labels[at] = l;
    }
    return new FlatEdgeGraph(start, targets, labels, labelCount);
  }

  firstEdge(s: number): number {
    return this.start[s];
  }

  target(k: number): number {
    return this.targets[k];
  }

  label(k: number): number {
    return this.labels[k];
  }
}
