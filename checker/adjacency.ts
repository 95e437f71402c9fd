import type { RecordedEdges } from './edges.js';

/**
 * Compressed adjacency (CSR) of a recorded graph: the neighbours of state s
 * are `targets[offsets[s] .. offsets[s+1])`, with the edge's position in
 * `edgeIds` at the same place. Duplicate edges are kept.
 */
export interface Adjacency {
  readonly offsets: Uint32Array;
  readonly targets: Uint32Array;
  readonly edgeIds: Uint32Array;
}

/**
 * Builds the forward ('out': src -> dst) or reversed ('in': dst -> src)
 * adjacency of `edges` over states 0 .. stateCount-1. Two passes over the
 * edges, typed arrays only (4 * (stateCount + 1) + 8 * edges bytes).
 */
export function buildAdjacency(edges: RecordedEdges, stateCount: number, direction: 'out' | 'in'): Adjacency {
  const m = edges.count;
  const offsets = new Uint32Array(stateCount + 1);
  const t = edges.triples;
  const from = direction === 'out' ? 0 : 2;
  const to = 2 - from;
  for (let k = 0; k < m; k++) offsets[t[k * 3 + from] + 1]++;
  for (let s = 0; s < stateCount; s++) offsets[s + 1] += offsets[s];
  const fill = offsets.slice(0, stateCount);
  const targets = new Uint32Array(m);
  const edgeIds = new Uint32Array(m);
  for (let k = 0; k < m; k++) {
    const at = fill[t[k * 3 + from]]++;
    targets[at] = t[k * 3 + to];
    edgeIds[at] = k;
  }
  return { offsets, targets, edgeIds };
}
