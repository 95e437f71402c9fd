import { FlatEdgeGraph } from '../../../../checker/edge-graph.js';

/** mulberry32: a small deterministic PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BigGraph {
  readonly graph: FlatEdgeGraph;
  /** Edge k as [src, label, dst]. */
  readonly triples: Array<readonly [number, number, number]>;
}

/**
 * A random graph of n states, 1..maxDegree out-edges each (a dead end with
 * probability `deadEnds`), a `local` fraction of them to a state within +-8,
 * the rest anywhere; labels drawn from `labels`. Plus, from every state that
 * `exitFrom` selects, one edge on `exitLabel` to a random state of `exitTo`.
 */
export function randomBigGraph(options: {
  n: number;
  maxDegree: number;
  labelCount: number;
  labels: number[];
  local: number;
  deadEnds: number;
  seed: number;
  exitFrom?: (s: number) => boolean;
  exitTo?: number[];
  exitLabel?: number;
}): BigGraph {
  const { n, maxDegree, labelCount, labels, local, deadEnds, exitFrom, exitTo = [], exitLabel = 0 } = options;
  const rnd = prng(options.seed);
  const triples: Array<readonly [number, number, number]> = [];
  for (let s = 0; s < n; s++) {
    const degree = rnd() < deadEnds ? 0 : 1 + Math.floor(rnd() * maxDegree);
    for (let i = 0; i < degree; i++) {
      const d = rnd() < local ? (((s + Math.floor(rnd() * 17) - 8) % n) + n) % n : Math.floor(rnd() * n);
      triples.push([s, labels[Math.floor(rnd() * labels.length)], d]);
    }
    if (exitFrom?.(s) && exitTo.length > 0) triples.push([s, exitLabel, exitTo[Math.floor(rnd() * exitTo.length)]]);
  }
  return { graph: FlatEdgeGraph.fromTriples(n, labelCount, triples), triples };
}

/** The ring 0 -> 1 -> ... -> n-1 -> 0 on label 0, plus extra [src, label, dst] edges. */
export function ring(n: number, extra: Array<readonly [number, number, number]>, labelCount: number): BigGraph {
  const triples: Array<readonly [number, number, number]> = [];
  for (let s = 0; s < n; s++) triples.push([s, 0, (s + 1) % n]);
  triples.push(...extra);
  triples.sort((a, b) => a[0] - b[0]);
  return { graph: FlatEdgeGraph.fromTriples(n, labelCount, triples), triples };
}
