/**
 * Exact claims about what a reading changes: the labelled graph a run
 * reaches compared edge by edge with the baseline's. Each edge is keyed by a
 * 52-bit hash of (source state, label name, target state), so two runs of
 * the same model size (same layout, same label names) compare directly; the
 * chance that two different edges share a key is about 10^-4 even for
 * 10^6-edge graphs, and a collision can only hide a difference, never
 * invent one.
 */
import { hashWords, type ExploreResult, type StateIndex } from '../../checker/index.js';
import type { FtModel } from '../../model/ft-model.js';
import { summarize, viewOf } from '../../model/view.js';

export interface EdgeKeys {
  /** Keys in edge order (by source state in BFS order). */
  readonly keys: Float64Array;
  /** The same keys sorted, for membership by binary search (a Set holds at most 2^24 entries; N = 3 graphs have more edges). */
  readonly sorted: Float64Array;
}

function contains(sorted: Float64Array, key: number): boolean {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] === key;
}

function nameHash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The keys of every edge of a run recorded with labelled edges. */
export function edgeKeysOf(model: FtModel, result: ExploreResult): EdgeKeys {
  const g = result.graph;
  const e = g.edges;
  if (!e?.labelled) throw new Error('edgeKeysOf needs labelled edges');
  const n = g.stateCount;
  const lo = new Uint32Array(n), hi = new Uint32Array(n);
  const w = new Uint32Array(g.stateWords + 1);
  for (let s = 0; s < n; s++) {
    g.readState(s as StateIndex, w);
    w[g.stateWords] = 0x5bd1e995;
    lo[s] = hashWords(w, 0, g.stateWords);
    hi[s] = hashWords(w, 0, g.stateWords + 1);
  }
  const labels = model.labelNames.map(nameHash);
  const keys = new Float64Array(e.edgeCount);
  for (let s = 0; s < n; s++) {
    for (let k = e.firstEdge(s), end = e.firstEdge(s + 1); k < end; k++) {
      const d = e.target(k), l = labels[e.label(k)];
      const a = (Math.imul(lo[s] ^ l, 0x85ebca6b) ^ hi[d]) >>> 0;
      const b = (Math.imul(hi[s], 0xc2b2ae35) + Math.imul(lo[d] ^ (l >>> 7), 0x27d4eb2f)) >>> 0;
      keys[k] = a * 2 ** 20 + (b >>> 12);
    }
  }
  return { keys, sorted: keys.slice().sort() };
}

export interface GraphDiff {
  /** Same labelled graph as the baseline (so no property can tell the two apart). */
  readonly same: boolean;
  /** Edges this run has and the baseline lacks, and the other way round. */
  readonly extra: number;
  readonly missing: number;
  /** One differing edge in words: "src --label--> dst", first in BFS order. */
  readonly example?: string;
}

function describe(model: FtModel, result: ExploreResult, k: number, kind: 'only here' | 'only in the baseline'): string {
  const e = result.graph.edges!;
  const src = e.srcOf(k);
  const dst = e.target(k) as StateIndex;
  const text = (i: StateIndex) => summarize(viewOf(model, result.graph.readState(i)));
  return `${text(src)} --${model.labelNames[e.label(k)]}--> ${text(dst)} (${kind})`;
}

export function diffGraphs(
  run: { model: FtModel; result: ExploreResult; keys: EdgeKeys },
  base: { model: FtModel; result: ExploreResult; keys: EdgeKeys },
): GraphDiff {
  let extra = 0, missing = 0, firstExtra = -1, firstMissing = -1;
  run.keys.keys.forEach((key, k) => {
    if (!contains(base.keys.sorted, key)) (extra++, firstExtra < 0 && (firstExtra = k));
  });
  base.keys.keys.forEach((key, k) => {
    if (!contains(run.keys.sorted, key)) (missing++, firstMissing < 0 && (firstMissing = k));
  });
  const same = extra === 0 && missing === 0 && run.result.stats.transitions === base.result.stats.transitions;
  const example = firstExtra >= 0 ? describe(run.model, run.result, firstExtra, 'only here') : firstMissing >= 0 ? describe(base.model, base.result, firstMissing, 'only in the baseline') : undefined;
  return { same, extra, missing, ...(example ? { example } : {}) };
}
