import type { EdgeGraph } from '../edge-graph.js';
import type { FairnessBits } from './fairness-bits.js';

/** The component holds no fair accepting cycle, nor does any part of it. */
export const DISCARD = 0;
/** Every fairness constraint is met inside the component and it has an accept state. */
export const FAIR = 1;
/** Strong constraints `failing` are enabled in the component but never taken inside it. */
export const REFINE = 2;
export type Verdict = typeof DISCARD | typeof FAIR | typeof REFINE;

/**
 * Judges one strongly connected component C (the states of
 * `members[start .. end)`, all marked `id`; an edge is inside C iff its
 * target is marked `id`):
 * - trivial (one state, no self-loop) or no accept state: DISCARD;
 * - a weak constraint enabled at every state of C and taken on no edge
 *   inside C: DISCARD (every cycle in C has it enabled throughout, never taken);
 * - a strong constraint enabled at some state of C, taken on no edge inside
 *   C: REFINE, with those constraints in `failing` (a fair cycle in C must
 *   avoid every state where one is enabled);
 * - otherwise FAIR: a cycle through every edge and state of C is fair.
 * One pass over the states of C and their out-edges.
 */
export class ComponentJudge {
  /** After REFINE: the failing strong constraints. */
  readonly failing: Uint32Array;
  /** After the edge pass (FAIR, REFINE, weak DISCARD): constraints enabled somewhere in C. */
  readonly anyEnabled: Uint32Array;
  private readonly allEnabled: Uint32Array;
  private readonly taken: Uint32Array;

  constructor(
    private readonly graph: EdgeGraph,
    private readonly bits: FairnessBits,
    private readonly accept: Uint8Array,
    private readonly mark: Uint32Array,
  ) {
    const w = bits.words;
    this.failing = new Uint32Array(w);
    this.anyEnabled = new Uint32Array(w);
    this.allEnabled = new Uint32Array(w);
    this.taken = new Uint32Array(w);
  }

  judge(members: Uint32Array, start: number, end: number, id: number): Verdict {
    const { graph, accept, mark, anyEnabled, allEnabled, taken } = this;
    const { words, byLabel, weak, strong } = this.bits;
    if (end - start === 1) {
      // most components of an exploration are single states without a
      // self-loop: rejected here without touching any other state
      const v = members[start];
      if (accept[v] === 0) return DISCARD;
      let loop = false;
      const last = graph.firstEdge(v + 1);
      for (let k = graph.firstEdge(v); k < last && !loop; k++) loop = graph.target(k) === v;
      if (!loop) return DISCARD;
    }
    let accepting = false;
    for (let p = start; p < end && !accepting; p++) accepting = accept[members[p]] !== 0;
    if (!accepting) return DISCARD;
    anyEnabled.fill(0);
    allEnabled.fill(0xffffffff);
    taken.fill(0);
    let inside = end - start > 1;
    for (let p = start; p < end; p++) {
      const v = members[p];
      const first = graph.firstEdge(v);
      const last = graph.firstEdge(v + 1);
      // one pass over v's edges per word, in registers: after the first,
      // the edges and their targets' marks are in cache
      for (let w = 0; w < words; w++) {
        let en = 0;
        let took = 0;
        for (let k = first; k < last; k++) {
          const b = byLabel[graph.label(k) * words + w];
          en |= b;
          if (mark[graph.target(k)] === id) {
            inside = true;
            took |= b;
          }
        }
        anyEnabled[w] |= en;
        allEnabled[w] &= en;
        taken[w] |= took;
      }
    }
    if (!inside) return DISCARD;
    let refine = false;
    for (let w = 0; w < words; w++) {
      if ((weak[w] & allEnabled[w] & ~taken[w]) !== 0) return DISCARD;
      this.failing[w] = strong[w] & anyEnabled[w] & ~taken[w];
      if (this.failing[w] !== 0) refine = true;
    }
    return refine ? REFINE : FAIR;
  }
}
