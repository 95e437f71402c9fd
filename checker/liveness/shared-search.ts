import type { EdgeGraph } from '../edge-graph.js';
import { bfsDepths } from './depths.js';
import type { FairnessBits } from './fairness-bits.js';
import { UNSEEN } from './marks.js';
import { checkQuotient, type GraphQuotient } from './quotient.js';

/**
 * Bytes per state one thread's searches allocate at most when run by a
 * SearchRunner on a SharedSearch given the BFS levels (as the check runs
 * them): dist, via, queue and mark (4 each), the two-word stack (8), the
 * fair-enabled states (1), the runner's two masks (1 each) and the SCC
 * members of a search (4). Without the levels, the depths and the BFS order
 * take 8 more; leadsTo and the others called directly, 2 for their masks.
 */
export const SEARCH_BYTES_PER_STATE = 4 * 4 + 8 + 1 + 2 + 4;

/**
 * What the liveness searches on one graph from one set of initial states
 * have in common, computed once and shared by every search given it: the
 * breadth-first depths from the initial states and the order they were
 * reached in, the states where some fairness family is enabled (per set of
 * fair labels), and the per-state scratch arrays (allocated once, not per
 * property and system). Searches run one after the other, never at once.
 *
 * `bfsLevels`, for a graph whose states are numbered in BFS order from
 * `initial` (as an exploration stores them, or an unfolding of one):
 * level d is the states bfsLevels[d] .. bfsLevels[d + 1] - 1, the last
 * entry the number of reachable states. The depths are then read from it
 * and the order is the numbering itself: no BFS, no per-state arrays for
 * them, and the searches scan the states in memory order.
 */
export class SharedSearch {
  readonly stateCount: number;
  private depths: Uint32Array | null = null;
  private bfsOrder: Uint32Array | null = null;
  private reachedCount = 0;
  private readonly fairAt = new Map<string, Uint8Array>();
  private words: { dist: Uint32Array; stack: Uint32Array; via: Uint32Array; queue: Uint32Array; mark: Uint32Array } | null = null;
  private masks: { a: Uint8Array; b: Uint8Array } | null = null;

  /**
   * `quotient`: a smaller graph this one maps onto (GraphQuotient), on which
   * a search first tries to rule out a counterexample more cheaply.
   */
  constructor(
    readonly graph: EdgeGraph,
    readonly initial: ArrayLike<number>,
    readonly bfsLevels: ArrayLike<number> | null = null,
    readonly quotient: GraphQuotient | null = null,
  ) {
    this.stateCount = graph.stateCount;
    if (bfsLevels !== null) checkLevels(bfsLevels, initial, graph.stateCount);
    if (quotient !== null) checkQuotient(quotient, graph.stateCount);
  }

  /** Depth of every state (UNSEEN if unreachable), found by a BFS; not available (thrown) when bfsLevels were given, which say it. Do not write. */
  depth(): Uint32Array {
    if (this.bfsLevels !== null) throw new Error('SharedSearch.depth: the depths are the BFS levels given');
    this.breadthFirst();
    return this.depths!;
  }

  /** The reachable states in BFS order: order()[0 .. reached()), or null when that is 0 .. reached() - 1 (bfsLevels); do not write. */
  order(): Uint32Array | null {
    if (this.bfsLevels !== null) return null;
    this.breadthFirst();
    return this.bfsOrder!;
  }

  reached(): number {
    if (this.bfsLevels !== null) return this.bfsLevels[this.bfsLevels.length - 1];
    this.breadthFirst();
    return this.reachedCount;
  }

  /** Per-state uint32 scratch: dist, via, queue, mark (stateCount each), stack (2 * stateCount). */
  scratch(): { dist: Uint32Array; stack: Uint32Array; via: Uint32Array; queue: Uint32Array; mark: Uint32Array } {
    const n = this.stateCount;
    return (this.words ??= { dist: new Uint32Array(n), stack: new Uint32Array(2 * n), via: new Uint32Array(n), queue: new Uint32Array(n), mark: new Uint32Array(n) });
  }

  /** Two per-state byte masks for the predicates a property derives (e.g. not Q, all states). */
  maskScratch(): { a: Uint8Array; b: Uint8Array } {
    const n = this.stateCount;
    return (this.masks ??= { a: new Uint8Array(n), b: new Uint8Array(n) });
  }

  /** 1 where some constraint of `bits` is enabled (a state has an out-edge with one of its labels), else 0. */
  fairEnabled(bits: FairnessBits): Uint8Array {
    const { graph } = this;
    const fair = new Uint8Array(graph.labelCount);
    for (let l = 0; l < graph.labelCount; l++) {
      for (let w = 0; w < bits.words; w++) if (bits.byLabel[l * bits.words + w] !== 0) fair[l] = 1;
    }
    const key = fair.join('');
    let at = this.fairAt.get(key);
    if (at === undefined) {
      at = new Uint8Array(this.stateCount);
      for (let v = 0; v < this.stateCount; v++) {
        const end = graph.firstEdge(v + 1);
        for (let k = graph.firstEdge(v); k < end; k++) {
          if (fair[graph.label(k)] !== 0) {
            at[v] = 1;
            break;
          }
        }
      }
      this.fairAt.set(key, at);
    }
    return at;
  }

  private breadthFirst(): void {
    if (this.depths !== null) return;
    const n = this.stateCount;
    const depths = new Uint32Array(n).fill(UNSEEN);
    const order = new Uint32Array(n);
    this.reachedCount = bfsDepths(this.graph, this.initial, depths, order);
    this.depths = depths;
    this.bfsOrder = order;
  }
}

/** Throws unless `levels` can be BFS levels from `initial` of a graph of `n` states: from 0, increasing, level 0 exactly the initial states. */
function checkLevels(levels: ArrayLike<number>, initial: ArrayLike<number>, n: number): void {
  const bad = (why: string): never => {
    throw new Error(`SharedSearch: the BFS levels ${why}`);
  };
  if (levels.length < 1 || levels[0] !== 0) bad('must start at state 0');
  for (let d = 1; d < levels.length; d++) if (!(levels[d] > levels[d - 1])) bad(`must increase (level ${d - 1} is empty)`);
  if (levels[levels.length - 1] > n) bad(`end past the graph's ${n} states`);
  const first = levels.length > 1 ? levels[1] : 0;
  const seen = new Uint8Array(first);
  let distinct = 0;
  for (let i = 0; i < initial.length; i++) {
    const s = initial[i];
    if (!(Number.isInteger(s) && s >= 0 && s < first)) bad(`do not have initial state ${s} on level 0`);
    if (seen[s] === 0) (seen[s] = 1), distinct++;
  }
  if (distinct !== first) bad(`put ${first} states on level 0, but there are ${distinct} initial states`);
}
