import type { EdgeGraph } from '../edge-graph.js';
import type { FairnessConstraint } from './types.js';

/**
 * Fairness constraints as bitsets of `words` uint32 words: bit j stands for
 * constraint j. `byLabel[l * words + w]` is word w of the set of constraints
 * that contain label l, so the constraints enabled at a state are the OR of
 * its out-edges' rows. With no constraints, `words` is still 1 (all zero), so
 * loops need no special case.
 */
export class FairnessBits {
  readonly words: number;
  readonly byLabel: Uint32Array;
  readonly weak: Uint32Array;
  readonly strong: Uint32Array;

  constructor(readonly constraints: readonly FairnessConstraint[], labelCount: number) {
    const words = Math.max(1, Math.ceil(constraints.length / 32));
    this.words = words;
    this.byLabel = new Uint32Array(labelCount * words);
    this.weak = new Uint32Array(words);
    this.strong = new Uint32Array(words);
    constraints.forEach((c, j) => {
      if (c.labels.length !== labelCount) {
        throw new Error(`fairness constraint ${c.name}: labels has length ${c.labels.length}, the graph has ${labelCount} labels`);
      }
      const w = j >>> 5;
      const bit = 1 << (j & 31);
      (c.kind === 'weak' ? this.weak : this.strong)[w] |= bit;
      for (let l = 0; l < labelCount; l++) if (c.labels[l] !== 0) this.byLabel[l * words + w] |= bit;
    });
  }

  /** True iff `a & b` has a bit set (both of length `words`). */
  intersects(a: Uint32Array, b: Uint32Array): boolean {
    for (let w = 0; w < this.words; w++) if ((a[w] & b[w]) !== 0) return true;
    return false;
  }

  /** Writes into `out` the set of constraints enabled at state v (in the whole graph). */
  enabledAt(graph: EdgeGraph, v: number, out: Uint32Array): void {
    const words = this.words;
    const byLabel = this.byLabel;
    const first = graph.firstEdge(v);
    const end = graph.firstEdge(v + 1);
    for (let w = 0; w < words; w++) {
      let en = 0;
      for (let k = first; k < end; k++) en |= byLabel[graph.label(k) * words + w];
      out[w] = en;
    }
  }
}
