import type { EdgeGraph } from '../edge-graph.js';
import { REMOVED, UNSEEN } from './marks.js';

const ROOT = 0x80000000;
const CURSOR = 0x7fffffff;

/**
 * Strongly connected components of a marked subset of the graph, without
 * recursion: Pearce's variant of Tarjan ("A space-efficient algorithm for
 * finding strongly connected components", 2016), one uint32 per state where
 * Tarjan needs two.
 *
 * The states to decompose are those whose `mark` is UNSEEN and, if
 * `inside` is given, where it is 1 (a state outside it is marked REMOVED
 * when an edge to it is first met, so that the caller need not write a mark
 * per state of the graph up front); edges are followed only between them
 * (and, if `level` is given, only between states
 * of one level: checked on the edges to UNSEEN states, since every visited
 * state of the current tree has its root's level). During a split a visited
 * state's mark is its rindex, at most stateCount; a finished component gets
 * a fresh id above stateCount, so every mark outside the subset (completed
 * ids, REMOVED) compares greater than every rindex and never lowers one. Ids
 * are unique over the life of the splitter: the sets split form a laminar
 * family (each split works inside one component and drops at least one
 * state), at most 2 * stateCount of them.
 *
 * `stack` (2 * stateCount words) holds the call stack growing up from 0, two
 * words per frame (the state; its next out-edge, with Pearce's root flag in
 * the top bit), and Pearce's component stack growing down from the end, one
 * word per state: a state is on at most one of them. Keeping the cursor in
 * the frame, not in a per-state array, matters: the DFS of a BFS-numbered
 * graph jumps all over memory and every per-state read on the way back up
 * would be one more cache miss; the frames are read in order.
 */
export class SccSplitter {
  private nextId: number;

  constructor(
    private readonly graph: EdgeGraph,
    private readonly level: Uint32Array | null,
    readonly mark: Uint32Array,
    private readonly stack: Uint32Array,
    private readonly inside: Uint8Array | null = null,
  ) {
    this.nextId = graph.stateCount + 1;
  }

  /**
   * Splits the UNSEEN states `roots[from .. to)` (all of them: any UNSEEN
   * state a root reaches must be a root too) into components, each marked
   * with its id, and writes them to `out` from `outStart`: one component
   * after the other, each only after every component it has an edge into,
   * the states of a component in their order in `roots`. Returns the end
   * position (outStart + to - from). Uses `stack` as scratch afterwards too.
   */
  split(roots: Uint32Array, from: number, to: number, out: Uint32Array, outStart: number): number {
    const firstId = this.nextId;
    this.decompose(roots, from, to, null, 0);
    return this.sortByComponent(roots, from, to, out, outStart, firstId, this.nextId - firstId);
  }

  /**
   * Splits every UNSEEN state that the UNSEEN states `roots[from .. to)`
   * reach (through UNSEEN states, keeping their level if `level` is given)
   * into components, each marked with its id, and writes them to `out` from
   * `outStart` as they complete: the components in split's order, the
   * states of one in no particular order. A component of one state without
   * a self-loop, which no cycle passes, is marked REMOVED instead (most
   * components of a region of an exploration are such). Returns the end
   * position. `out` may not be `roots` or the splitter's stack.
   */
  splitReachable(roots: Uint32Array, from: number, to: number, out: Uint32Array, outStart: number): number {
    return this.decompose(roots, from, to, out, outStart);
  }

  /** The DFS of split and splitReachable: writes completed components to `out` (if given) from `pos`; returns the end position. */
  private decompose(roots: Uint32Array, from: number, to: number, out: Uint32Array | null, pos: number): number {
    const { graph, level, mark, stack, inside } = this;
    const cap = stack.length;
    let nextId = this.nextId;
    let index = 0;
    let sp = 0;
    let sTop = cap;
    for (let i = from; i < to; i++) {
      const r = roots[i];
      if (mark[r] !== UNSEEN) continue;
      mark[r] = ++index;
      stack[sp] = r;
      stack[sp + 1] = (graph.firstEdge(r) | ROOT) >>> 0;
      sp += 2;
      while (sp > 0) {
        const v = stack[sp - 2];
        const frame = stack[sp - 1];
        let k = frame & CURSOR;
        let isRoot = frame >>> 31;
        let mv = mark[v];
        const end = graph.firstEdge(v + 1);
        let child = -1;
        while (k < end) {
          const w = graph.target(k++);
          const mw = mark[w];
          if (mw === UNSEEN) {
            if (inside !== null && inside[w] === 0) {
              mark[w] = REMOVED;
              continue;
            }
            if (level !== null && level[w] !== level[v]) continue;
            child = w;
            break;
          }
          // active states share the level of the root they were reached from;
          // the others have marks above every rindex
          if (mw < mv) {
            mv = mw;
            isRoot = 0;
          }
        }
        mark[v] = mv;
        if (child >= 0) {
          stack[sp - 1] = (k | (isRoot << 31)) >>> 0;
          mark[child] = ++index;
          stack[sp] = child;
          stack[sp + 1] = (graph.firstEdge(child) | ROOT) >>> 0;
          sp += 2;
          continue;
        }
        sp -= 2;
        if (isRoot === 1) {
          const id = nextId++;
          mark[v] = id;
          if (out === null) {
            while (sTop < cap && mark[stack[sTop]] >= mv) mark[stack[sTop++]] = id;
          } else {
            out[pos++] = v;
            if ((sTop === cap || mark[stack[sTop]] < mv) && !selfLoop(graph, v)) mark[v] = REMOVED;
            while (sTop < cap && mark[stack[sTop]] >= mv) mark[(out[pos++] = stack[sTop++])] = id;
          }
        } else {
          stack[--sTop] = v;
          const u = stack[sp - 2];
          if (mv < mark[u]) {
            mark[u] = mv;
            stack[sp - 1] &= CURSOR;
          }
        }
      }
    }
    this.nextId = nextId;
    return pos;
  }

  /** Counting sort of roots[from .. to) by component (ids firstId ..), into out. */
  private sortByComponent(roots: Uint32Array, from: number, to: number, out: Uint32Array, outStart: number, firstId: number, count: number): number {
    const { mark } = this;
    const at = this.stack;
    at.fill(0, 0, count + 1);
    for (let i = from; i < to; i++) at[mark[roots[i]] - firstId + 1]++;
    at[0] = outStart;
    for (let c = 0; c < count; c++) at[c + 1] += at[c];
    for (let i = from; i < to; i++) {
      const v = roots[i];
      out[at[mark[v] - firstId]++] = v;
    }
    return outStart + to - from;
  }
}

function selfLoop(graph: EdgeGraph, v: number): boolean {
  const end = graph.firstEdge(v + 1);
  for (let k = graph.firstEdge(v); k < end; k++) if (graph.target(k) === v) return true;
  return false;
}
