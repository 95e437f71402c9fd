import type { EdgeGraph } from '../edge-graph.js';
import { ENTRY, UNSEEN } from './marks.js';
import { rangeContaining } from '../ranges.js';

/** The state whose out-edges include edge k (binary search on firstEdge). */
export function edgeSource(graph: EdgeGraph, k: number): number {
  return rangeContaining((s) => graph.firstEdge(s), graph.stateCount, k);
}

/**
 * The edges of the path that ends at v, in path order, following `parent`
 * (the edge a state was reached through) back to a state whose parent is
 * ENTRY.
 */
export function pathTo(graph: EdgeGraph, parent: Uint32Array, v: number): number[] {
  const edges: number[] = [];
  for (let k = parent[v]; k !== ENTRY; k = parent[v]) {
    edges.push(k);
    v = edgeSource(graph, k);
  }
  return edges.reverse();
}

/**
 * The edges of a shortest path from an initial state to `goal` (reachable),
 * by a breadth-first search of the whole graph that stops at the goal.
 * `parent` and `queue` are scratch of length stateCount.
 */
export function shortestPathFromInitial(
  graph: EdgeGraph,
  initial: ArrayLike<number>,
  goal: number,
  parent: Uint32Array,
  queue: Uint32Array,
): number[] {
  parent.fill(UNSEEN);
  let tail = 0;
  for (let i = 0; i < initial.length; i++) {
    const s = initial[i];
    if (parent[s] === UNSEEN) {
      parent[s] = ENTRY;
      queue[tail++] = s;
    }
  }
  for (let head = 0; head < tail && parent[goal] === UNSEEN; head++) {
    const u = queue[head];
    const end = graph.firstEdge(u + 1);
    for (let k = graph.firstEdge(u); k < end; k++) {
      const w = graph.target(k);
      if (parent[w] === UNSEEN) {
        parent[w] = k;
        queue[tail++] = w;
      }
    }
  }
  if (parent[goal] === UNSEEN) throw new Error(`internal: state ${goal} is not reachable`);
  return pathTo(graph, parent, goal);
}
