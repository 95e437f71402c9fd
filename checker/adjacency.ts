import type { EdgeGraph } from './edge-graph.js';

/**
 * Compressed adjacency (CSR) of a graph: the neighbours of state s are
 * `targets[offsets[s] .. offsets[s+1])`, with the edge's id in `edgeIds` at
 * the same place. Duplicate edges are kept.
 */
export interface Adjacency {
  readonly offsets: Uint32Array;
  readonly targets: Uint32Array;
  readonly edgeIds: Uint32Array;
}

/**
 * The forward ('out': src -> dst) or reversed ('in': dst -> src) adjacency
 * of `graph` as flat arrays (4 * (stateCount + 1) + 8 * edges bytes). The
 * explorer's graph is already forward CSR; this is for callers that need
 * flat arrays or predecessors.
 */
export function buildAdjacency(graph: EdgeGraph, stateCount: number, direction: 'out' | 'in'): Adjacency {
  const m = graph.edgeCount;
  const offsets = new Uint32Array(stateCount + 1);
  for (let s = 0; s < stateCount; s++) {
    for (let k = graph.firstEdge(s), end = graph.firstEdge(s + 1); k < end; k++) {
      offsets[(direction === 'out' ? s : graph.target(k)) + 1]++;
    }
  }
  for (let s = 0; s < stateCount; s++) offsets[s + 1] += offsets[s];
  const fill = offsets.slice(0, stateCount);
  const targets = new Uint32Array(m);
  const edgeIds = new Uint32Array(m);
  for (let s = 0; s < stateCount; s++) {
    for (let k = graph.firstEdge(s), end = graph.firstEdge(s + 1); k < end; k++) {
      const d = graph.target(k);
      const at = fill[direction === 'out' ? s : d]++;
      targets[at] = direction === 'out' ? d : s;
      edgeIds[at] = k;
    }
  }
  return { offsets, targets, edgeIds };
}
