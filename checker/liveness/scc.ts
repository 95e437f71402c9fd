import type { EdgeGraph } from '../edge-graph.js';
import { UNSEEN } from './marks.js';

/**
 * Strongly connected components of a marked subset of the graph, without
 * recursion: Pearce's variant of Tarjan ("A space-efficient algorithm for
 * finding strongly connected components", 2016), one uint32 per state where
 * Tarjan needs two.
 *
 * The states to decompose are those whose `mark` is UNSEEN; edges are
 * followed only between them (and, if `level` is given, only between states
 * of one level). During a split a visited state's mark is its rindex, at
 * most the number of states visited, so at most stateCount; a finished
 * component gets a fresh id above stateCount, so every mark outside the
 * subset (completed ids, REMOVED) compares greater than every rindex and
 * never lowers one. Ids are unique over the life of the splitter: the sets
 * split form a laminar family (each split works inside one component and
 * drops at least one state), at most 2 * stateCount of them.
 *
 * `stack` holds the call stack growing up from 0 and Pearce's component
 * stack growing down from the end: a state is on at most one of them, so
 * stateCount slots suffice. `edgeAt[v]` is the next out-edge of v to look at
 * while v is on the call stack; `root[v]` is Pearce's root flag.
 */
export class SccSplitter {
  private nextId: number;

  constructor(
    private readonly graph: EdgeGraph,
    private readonly level: Uint32Array | null,
    readonly mark: Uint32Array,
    private readonly edgeAt: Uint32Array,
    private readonly stack: Uint32Array,
    private readonly root: Uint8Array,
  ) {
    this.nextId = graph.stateCount + 1;
  }

  /**
   * Splits the UNSEEN states reachable (through UNSEEN states) from
   * `roots[from .. to)` into components; writes each component's states
   * contiguously into `out` from `outStart`, every state of a component
   * marked with the component's id, and returns the end position. A
   * component is written only after every component it has an edge into.
   */
  split(roots: Uint32Array, from: number, to: number, out: Uint32Array, outStart: number): number {
    const { graph, level, mark, edgeAt, stack, root } = this;
    const cap = stack.length;
    let index = 0;
    let sp = 0;
    let sTop = cap;
    let outPos = outStart;
    for (let i = from; i < to; i++) {
      const r = roots[i];
      if (mark[r] !== UNSEEN) continue;
      mark[r] = ++index;
      root[r] = 1;
      edgeAt[r] = graph.firstEdge(r);
      stack[sp++] = r;
      while (sp > 0) {
        const v = stack[sp - 1];
        const end = graph.firstEdge(v + 1);
        let k = edgeAt[v];
        let child = -1;
        while (k < end) {
          const w = graph.target(k++);
          if (level !== null && level[w] !== level[v]) continue;
          const mw = mark[w];
          if (mw === UNSEEN) {
            child = w;
            break;
          }
          if (mw < mark[v]) {
            mark[v] = mw;
            root[v] = 0;
          }
        }
        if (child >= 0) {
          edgeAt[v] = k;
          mark[child] = ++index;
          root[child] = 1;
          edgeAt[child] = graph.firstEdge(child);
          stack[sp++] = child;
          continue;
        }
        sp--;
        if (root[v] === 1) {
          const id = this.nextId++;
          const rv = mark[v];
          out[outPos++] = v;
          mark[v] = id;
          while (sTop < cap && mark[stack[sTop]] >= rv) {
            const w = stack[sTop++];
            out[outPos++] = w;
            mark[w] = id;
          }
        } else {
          stack[--sTop] = v;
        }
        if (sp > 0) {
          const u = stack[sp - 1];
          if (mark[v] < mark[u]) {
            mark[u] = mark[v];
            root[u] = 0;
          }
        }
      }
    }
    return outPos;
  }
}
