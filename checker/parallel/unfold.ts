/**
 * The unfolding of a symmetry-reduced run's graph (symmetry-cover.ts) written
 * by the pool's threads: the quotient's edges and tags are in shared memory,
 * so are the plan's arrays; each thread writes the rows of one range of
 * representatives (about as many edges in each). The result is the one
 * coverEdges writes on one thread, row for row.
 */
import type { RecordedEdges } from '../edges.js';
import { unfoldRows, type CoverPlan } from '../symmetry-cover.js';
import type { WorkerPool } from './pool.js';
import { edgesOfShared, sharedGraphOf, type SharedGraph } from './searches.js';

/** What a thread is sent: the quotient, its tags, the plan, and the representatives whose rows it writes. */
export interface UnfoldRequest {
  readonly kind: 'unfold';
  readonly graph: SharedGraph;
  readonly tags: Uint8Array;
  readonly plan: CoverPlan;
  readonly from: number;
  readonly to: number;
}

export interface UnfoldAnswer {
  readonly kind: 'unfolded';
}

const isShared = (a: { buffer: ArrayBufferLike }): boolean => a.buffer instanceof SharedArrayBuffer;

/** Writes a thread's rows (worker side). */
export function serveUnfold(req: UnfoldRequest): UnfoldAnswer {
  const g = req.graph;
  if (g.labels === null) throw new Error('unfold: the quotient has no labels');
  unfoldRows(edgesOfShared(g), req.tags, req.plan, req.from, req.to);
  return { kind: 'unfolded' };
}

/**
 * Writes every row of `plan` on the threads of `pool` (usable as coverEdges'
 * `unfold`, the promise kept); the quotient, the tags and the plan's arrays
 * must be in shared memory (sharedCoverAlloc), else this throws at once.
 */
export function unfoldInParallel(pool: WorkerPool, quotient: RecordedEdges, tags: Uint8Array, plan: CoverPlan): Promise<void> {
  const graph = sharedGraphOf(quotient);
  if (graph === null || graph.labels === null || ![tags, plan.stabilizer, plan.nodeBase, plan.edgeBase, plan.targets, plan.labels, plan.starts].every(isShared)) {
    throw new Error('unfoldInParallel: the quotient, its tags and the unfolding must be in shared memory');
  }
  const n = quotient.stateCount;
  const threads = Math.max(1, Math.min(pool.size, n));
  const bounds = [0];
  const edges = plan.edgeBase[n];
  for (let t = 1; t < threads; t++) bounds.push(firstAtOrAfter(plan.edgeBase, n, Math.floor((edges * t) / threads), bounds[t - 1]));
  bounds.push(n);
  const requests: UnfoldRequest[] = [];
  for (let t = 0; t < threads; t++) requests.push({ kind: 'unfold', graph, tags, plan, from: bounds[t], to: bounds[t + 1] });
  return pool.request(requests).then(() => undefined);
}

/** The first representative at or after `low` (of n) whose rows start at or after edge k of the unfolding. */
function firstAtOrAfter(edgeBase: Uint32Array, n: number, k: number, low: number): number {
  let lo = low;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (edgeBase[mid] < k) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
