/**
 * An order-independent fingerprint of a model's reachable labelled graph:
 * state and transition counts plus two 32-bit sums of a hash of every edge
 * (source words, label name, target words). Equal fingerprints mean, with
 * overwhelming probability, the same reachable graph.
 */
import { explore, hashWords } from '../../../checker/index.js';
import type { PackedSystem } from '../../../checker/index.js';

export interface GraphFingerprint {
  readonly states: number;
  readonly transitions: number;
  readonly sumA: number;
  readonly sumB: number;
}

function nameHash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function graphFingerprint(system: PackedSystem): GraphFingerprint {
  const r = explore(system, { recordEdges: 'labelled' });
  if (!r.complete) throw new Error(`incomplete: ${r.stopReason}`);
  const g = r.graph;
  const e = g.edges!;
  const n = g.stateCount;
  const hs = new Uint32Array(n);
  const hs2 = new Uint32Array(n);
  const w = new Uint32Array(g.stateWords);
  const salted = new Uint32Array(g.stateWords + 1);
  for (let s = 0; s < n; s++) {
    g.readState(s as never, w);
    hs[s] = hashWords(w, 0, w.length);
    salted.set(w);
    salted[w.length] = 0x9e3779b9;
    hs2[s] = hashWords(salted, 0, salted.length);
  }
  const labels = system.labelNames.map(nameHash);
  let a = 0, b = 0;
  for (let s = 0; s < n; s++) {
    for (let k = e.firstEdge(s); k < e.firstEdge(s + 1); k++) {
      const d = e.target(k), l = labels[e.label(k)];
      a = (a + (Math.imul(hs[s], 0x85ebca6b) ^ Math.imul(hs[d] + 0x27d4eb2f, 0xc2b2ae35) ^ l)) >>> 0;
      b = (b + Math.imul(hs2[s] ^ Math.imul(l, 31), 0x165667b1) + Math.imul(hs2[d], 0x9e3779b1)) >>> 0;
    }
  }
  return { states: n, transitions: r.stats.transitions, sumA: a, sumB: b };
}
