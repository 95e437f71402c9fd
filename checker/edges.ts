import type { LabelId, StateIndex } from './transition-system.js';
import type { U32List } from './u32-list.js';

/** Callback of `RecordedEdges.forEachEdge`; `k` is the edge's position in recording order. */
export type EdgeVisitor = (src: StateIndex, label: LabelId, dst: StateIndex, k: number) => void;

/**
 * Every transition fired during an exploration run with `recordEdges: true`,
 * in firing order (source states in BFS order, then the order the system
 * emitted its successors). Duplicate emissions are kept, so `count` equals
 * the run's transition count. Stored as (src, label, dst) triples in one
 * Uint32Array: 12 bytes per edge.
 */
export class RecordedEdges {
  constructor(private readonly list: U32List) {}

  /** Number of recorded edges. */
  get count(): number {
    return this.list.length / 3;
  }

  /** Bytes held by the edge array (capacity). */
  get bytes(): number {
    return this.list.bytes;
  }

  /** The raw triples (src, label, dst) in recording order; entries past `3 * count` are garbage. Do not modify. */
  get triples(): Uint32Array {
    return this.list.data;
  }

  srcOf(k: number): StateIndex {
    return this.list.data[k * 3] as StateIndex;
  }

  labelOf(k: number): LabelId {
    return this.list.data[k * 3 + 1] as LabelId;
  }

  dstOf(k: number): StateIndex {
    return this.list.data[k * 3 + 2] as StateIndex;
  }

  /** Calls `fn` once per edge, in recording order. */
  forEachEdge(fn: EdgeVisitor): void {
    const d = this.list.data;
    const n = this.list.length;
    for (let i = 0, k = 0; i < n; i += 3, k++) fn(d[i] as StateIndex, d[i + 1] as LabelId, d[i + 2] as StateIndex, k);
  }
}
