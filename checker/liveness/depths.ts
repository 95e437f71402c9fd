import type { EdgeGraph } from '../edge-graph.js';
import { UNSEEN } from './marks.js';

/**
 * Breadth-first search of the whole graph from the initial states.
 * Writes `dist[s]` (UNSEEN if unreachable; dist must be filled with UNSEEN)
 * and the reached states in BFS order into `queue[0 .. return value)`, so
 * their depths are non-decreasing.
 */
export function bfsDepths(graph: EdgeGraph, initial: ArrayLike<number>, dist: Uint32Array, queue: Uint32Array): number {
  let tail = 0;
  for (let i = 0; i < initial.length; i++) {
    const s = initial[i];
    if (dist[s] === UNSEEN) {
      dist[s] = 0;
      queue[tail++] = s;
    }
  }
  for (let head = 0; head < tail; head++) {
    const u = queue[head];
    const d = dist[u] + 1;
    const end = graph.firstEdge(u + 1);
    for (let k = graph.firstEdge(u); k < end; k++) {
      const w = graph.target(k);
      if (dist[w] === UNSEEN) {
        dist[w] = d;
        queue[tail++] = w;
      }
    }
  }
  return tail;
}
