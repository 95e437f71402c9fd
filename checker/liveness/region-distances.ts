import type { EdgeGraph } from '../edge-graph.js';
import { ENTRY, PENDING, UNSEEN } from './marks.js';

/**
 * Shortest stems into the region: a breadth-first search inside the region
 * (edges between states of one level only, if `level` is given) from every
 * entry state at once, each entering at its own depth `dist[entry]`.
 *
 * `entries[0 .. entryCount)` must be in non-decreasing `dist` (BFS order
 * does that). On return, for every state reached, `dist` is the least
 * depth(entry) + steps inside the region over all entries, and `via` is the
 * edge it was reached through (ENTRY for an entry); `via` of the others is
 * UNSEEN (`via` must be filled with UNSEEN). `queue` is scratch of length
 * stateCount.
 *
 * The entries and the FIFO queue are two sorted streams merged by distance,
 * the smaller head expanded first (Dijkstra for unit weights), so states are
 * expanded in non-decreasing distance. An entry is expanded on the spot, not
 * queued: the queue then only holds distances d and d+1 and stays sorted.
 * Entries are PENDING until their turn and never reached through another
 * state: a stem through an entry is a path from an initial state, so
 * dist(u) >= depth(u), and an entry w after u has depth(w) <= depth(u) + 1
 * <= dist(u) + 1: its own depth is its distance.
 */
export function regionDistances(
  graph: EdgeGraph,
  region: Uint8Array,
  level: Uint32Array | null,
  entries: Uint32Array,
  entryCount: number,
  dist: Uint32Array,
  via: Uint32Array,
  queue: Uint32Array,
): void {
  let next = 0;
  let head = 0;
  let tail = 0;
  for (let i = 0; i < entryCount; i++) via[entries[i]] = PENDING;
  for (;;) {
    let u: number;
    if (next < entryCount && (head === tail || dist[entries[next]] <= dist[queue[head]])) {
      u = entries[next++];
      via[u] = ENTRY;
    } else if (head < tail) {
      u = queue[head++];
    } else {
      break;
    }
    const d = dist[u] + 1;
    const end = graph.firstEdge(u + 1);
    for (let k = graph.firstEdge(u); k < end; k++) {
      const w = graph.target(k);
      if (region[w] === 0 || via[w] !== UNSEEN) continue;
      if (level !== null && level[w] !== level[u]) continue;
      via[w] = k;
      dist[w] = d;
      queue[tail++] = w;
    }
  }
}
