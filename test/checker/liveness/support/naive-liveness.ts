import type { FairnessConstraint } from '../../../../checker/liveness/index.js';

/**
 * The reference liveness checker of the tests, written without the library:
 * plain arrays, brute force over every subset of states. A fair cycle
 * exists iff some set S of region states of one level, strongly connected
 * through the edges inside S, reachable inside the region (and the level)
 * from a source, meets every weak constraint (taken on an edge inside S or
 * disabled at a state of S) and every strong one (enabled in S => taken on
 * an edge inside S), and holds an accept state. Plus accept dead ends.
 */
export interface NaiveProblem {
  readonly n: number;
  readonly triples: ReadonlyArray<readonly [number, number, number]>;
  readonly initial: readonly number[];
  readonly sources: Uint8Array;
  readonly region: Uint8Array;
  readonly accept: Uint8Array;
  readonly level: Uint32Array | null;
  readonly fairness: readonly FairnessConstraint[];
}

export interface NaiveVerdict {
  readonly holds: boolean;
  /** Least stem (steps to the loop or dead end) over every fair lasso; Infinity if none. */
  readonly minStem: number;
  readonly triggered: number;
}

/** BFS distances from `from` over the edges that `ok(src, dst)` allows. */
export function distances(p: { n: number; triples: ReadonlyArray<readonly [number, number, number]> }, from: readonly number[], ok: (s: number, d: number) => boolean): number[] {
  const dist = new Array<number>(p.n).fill(Infinity);
  const queue: number[] = [];
  for (const s of from) if (dist[s] === Infinity) (dist[s] = 0, queue.push(s));
  while (queue.length > 0) {
    const u = queue.shift()!;
    for (const [s, , d] of p.triples) if (s === u && ok(s, d) && dist[d] === Infinity) (dist[d] = dist[u] + 1, queue.push(d));
  }
  return dist;
}

export function isEnabled(p: NaiveProblem, f: FairnessConstraint, s: number): boolean {
  return p.triples.some(([src, l]) => src === s && f.labels[l] === 1);
}

/** Is the set `inS` (with its inside edges) strongly connected, every state on a cycle? */
function stronglyConnected(p: NaiveProblem, members: number[], inS: boolean[]): boolean {
  for (const u of members) {
    const seen = new Array<boolean>(p.n).fill(false);
    const stack = [u];
    while (stack.length > 0) {
      const x = stack.pop()!;
      for (const [s, , d] of p.triples) if (s === x && inS[d] && !seen[d]) (seen[d] = true, stack.push(d));
    }
    if (!members.every((v) => seen[v])) return false;
  }
  return true;
}

/** Does S (state set, with every edge inside it) admit a fair accepting cycle? */
export function fairSet(p: NaiveProblem, members: number[]): boolean {
  const inS = new Array<boolean>(p.n).fill(false);
  for (const v of members) inS[v] = true;
  if (!members.every((v) => p.region[v] === 1)) return false;
  if (p.level !== null && !members.every((v) => p.level![v] === p.level![members[0]])) return false;
  if (!members.some((v) => p.accept[v] === 1)) return false;
  if (!stronglyConnected(p, members, inS)) return false;
  const inside = p.triples.filter(([s, , d]) => inS[s] && inS[d]);
  return p.fairness.every((f) => {
    const taken = inside.some(([, l]) => f.labels[l] === 1);
    if (f.kind === 'weak') return taken || members.some((v) => !isEnabled(p, f, v));
    return taken || !members.some((v) => isEnabled(p, f, v));
  });
}

export function naiveFairLasso(p: NaiveProblem): NaiveVerdict {
  const depth = distances(p, p.initial, () => true);
  const triggered = depth.filter((d, s) => d < Infinity && p.sources[s] === 1).length;
  const ends: number[] = [];
  for (let v = 0; v < p.n; v++) if (p.accept[v] === 1 && p.region[v] === 1 && !p.triples.some(([s]) => s === v)) ends.push(v);
  const onFairCycle = new Array<boolean>(p.n).fill(false);
  for (let set = 1; set < 1 << p.n; set++) {
    const members = [...Array(p.n).keys()].filter((v) => (set >> v) & 1);
    if (fairSet(p, members)) for (const v of members) onFairCycle[v] = true;
  }
  let minStem = Infinity;
  for (let s = 0; s < p.n; s++) {
    if (depth[s] === Infinity || p.sources[s] === 0 || p.region[s] === 0) continue;
    const lvl = p.level === null ? 0 : p.level[s];
    const inside = distances(p, [s], (_, d) => p.region[d] === 1 && (p.level === null || p.level[d] === lvl));
    for (let v = 0; v < p.n; v++) {
      if (inside[v] === Infinity || !(onFairCycle[v] || ends.includes(v))) continue;
      minStem = Math.min(minStem, depth[s] + inside[v]);
    }
  }
  return { holds: minStem === Infinity, minStem, triggered };
}
