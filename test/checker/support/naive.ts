import type { TransitionSystem } from '../../../checker/index.js';

/**
 * The reference explorer of the tests, written independently of checker/:
 * readable states, a Map keyed by JSON.stringify, plain arrays, plain BFS
 * in the order the system lists initial states and successors.
 */
export interface NaiveResult<S> {
  /** States in BFS discovery order. */
  readonly order: S[];
  readonly keys: string[];
  readonly indexOf: Map<string, number>;
  /** Shortest distance from an initial state, per order index. */
  readonly dist: number[];
  readonly initialKeys: Set<string>;
  readonly transitions: number;
  readonly depth: number;
  /** Order indices of the non-terminal states without successors. */
  readonly deadlocks: number[];
  /** Every transition as [src index, label name, dst index], in firing order. */
  readonly edges: Array<[number, string, number]>;
  /** Keys "srcKey|label|dstKey" of every transition. */
  readonly edgeSet: Set<string>;
  readonly firings: Map<string, number>;
  /** Label name -> number of states first discovered through it. */
  readonly discovered: Map<string, number>;
  /** Invariant name -> order indices of every reachable state violating it. */
  readonly violating: Map<string, number[]>;
}

export function naiveExplore<S, L>(
  ts: TransitionSystem<S, L>,
  invariants: ReadonlyArray<{ name: string; holds: (s: S) => boolean }> = [],
): NaiveResult<S> {
  const order: S[] = [];
  const keys: string[] = [];
  const indexOf = new Map<string, number>();
  const dist: number[] = [];
  const initialKeys = new Set<string>();
  const edges: Array<[number, string, number]> = [];
  const edgeSet = new Set<string>();
  const firings = new Map<string, number>();
  const discovered = new Map<string, number>();
  const deadlocks: number[] = [];
  const violating = new Map<string, number[]>(invariants.map((inv) => [inv.name, []]));
  const visit = (s: S, d: number, via: string | null): number => {
    const k = JSON.stringify(s);
    const known = indexOf.get(k);
    if (known !== undefined) return known;
    const i = order.length;
    indexOf.set(k, i);
    order.push(s);
    keys.push(k);
    dist.push(d);
    if (via !== null) discovered.set(via, (discovered.get(via) ?? 0) + 1);
    for (const inv of invariants) if (!inv.holds(s)) violating.get(inv.name)!.push(i);
    return i;
  };
  for (const s of ts.initialStates()) {
    initialKeys.add(JSON.stringify(s));
    visit(s, 0, null);
  }
  let transitions = 0;
  for (let i = 0; i < order.length; i++) {
    let count = 0;
    for (const [label, next] of ts.successors(order[i])) {
      const name = ts.labelName(label);
      count++;
      transitions++;
      firings.set(name, (firings.get(name) ?? 0) + 1);
      const j = visit(next, dist[i] + 1, name);
      edges.push([i, name, j]);
      edgeSet.add(`${keys[i]}|${name}|${keys[j]}`);
    }
    if (count === 0 && !(ts.isTerminal?.(order[i]) ?? false)) deadlocks.push(i);
  }
  const depth = dist.length === 0 ? 0 : Math.max(...dist);
  return { order, keys, indexOf, dist, initialKeys, transitions, depth, deadlocks, edges, edgeSet, firings, discovered, violating };
}
