import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FlatEdgeGraph } from '../../../checker/edge-graph.js';
import { REMOVED, UNSEEN } from '../../../checker/liveness/marks.js';
import { SccSplitter } from '../../../checker/liveness/scc.js';

/** Naive components: u and v together iff each reaches the other (reflexive). */
function naiveComponents(n: number, edges: ReadonlyArray<readonly [number, number]>, keep: boolean[]): number[][] {
  const reach = Array.from({ length: n }, (_, u) => {
    const seen = new Array<boolean>(n).fill(false);
    seen[u] = true;
    const stack = [u];
    while (stack.length > 0) {
      const x = stack.pop()!;
      for (const [s, d] of edges) if (s === x && keep[d] && !seen[d]) (seen[d] = true, stack.push(d));
    }
    return seen;
  });
  const out: number[][] = [];
  const done = new Array<boolean>(n).fill(false);
  for (let u = 0; u < n; u++) {
    if (!keep[u] || done[u]) continue;
    const c = [...Array(n).keys()].filter((v) => keep[v] && reach[u][v] && reach[v][u]);
    c.forEach((v) => (done[v] = true));
    out.push(c);
  }
  return out;
}

const caseArb = fc.integer({ min: 1, max: 30 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 3 * n, size: 'max' }),
    keep: fc.array(fc.nat(4).map((x) => x > 0), { minLength: n, maxLength: n }),
  }),
);

describe('SccSplitter', () => {
  it('splits the kept states into the naive components, each contiguous and in root order, in reverse topological order', () => {
    fc.assert(
      fc.property(caseArb, ({ n, edges, keep }) => {
        const sorted = [...edges].sort((a, b) => a[0] - b[0]);
        const graph = FlatEdgeGraph.fromTriples(n, 1, sorted.map(([s, d]) => [s, 0, d] as const));
        const mark = Uint32Array.from(keep, (k) => (k ? UNSEEN : REMOVED));
        const roots = Uint32Array.from([...Array(n).keys()].filter((v) => keep[v]));
        const out = new Uint32Array(roots.length);
        const splitter = new SccSplitter(graph, null, mark, new Uint32Array(2 * n));
        expect(splitter.split(roots, 0, roots.length, out, 0)).toBe(roots.length);
        const rootOrder = new Map([...roots].map((v, i) => [v, i]));
        const got: number[][] = [];
        for (let p = 0; p < out.length; p++) {
          if (p === 0 || mark[out[p]] !== mark[out[p - 1]]) got.push([]);
          got[got.length - 1].push(out[p]);
        }
        const ids = got.map((c) => mark[c[0]]);
        expect(new Set(ids).size).toBe(ids.length);
        ids.forEach((id) => expect(id).toBeGreaterThan(n));
        for (const c of got) for (let i = 1; i < c.length; i++) expect(rootOrder.get(c[i])!).toBeGreaterThan(rootOrder.get(c[i - 1])!);
        const norm = (cs: number[][]) => cs.map((c) => [...c].sort((a, b) => a - b)).sort((a, b) => a[0] - b[0]);
        expect(norm(got)).toEqual(norm(naiveComponents(n, edges, keep)));
        const position = new Map<number, number>();
        got.forEach((c, i) => c.forEach((v) => position.set(v, i)));
        for (const [s, d] of edges) if (keep[s] && keep[d]) expect(position.get(s)!).toBeGreaterThanOrEqual(position.get(d)!);
      }),
      { numRuns: 300 },
    );
  });

  // 'inside': every mark UNSEEN, the kept states given as the splitter's `inside` mask instead
  it.each(['marks', 'inside'] as const)('splitReachable splits exactly the kept states the roots reach, into the naive components, contiguous, in reverse topological order, a state without a cycle REMOVED (kept states by %s)', (by) => {
    fc.assert(
      fc.property(caseArb, fc.array(fc.nat(29), { maxLength: 4 }), ({ n, edges, keep }, picks) => {
        const sorted = [...edges].sort((a, b) => a[0] - b[0]);
        const graph = FlatEdgeGraph.fromTriples(n, 1, sorted.map(([s, d]) => [s, 0, d] as const));
        const mark = Uint32Array.from(keep, (k) => (k || by === 'inside' ? UNSEEN : REMOVED));
        const inside = by === 'inside' ? Uint8Array.from(keep, Number) : null;
        const roots = Uint32Array.from(picks.map((x) => x % n).filter((v) => keep[v]));
        const reached = new Array<boolean>(n).fill(false);
        const todo = [...roots];
        todo.forEach((v) => (reached[v] = true));
        while (todo.length > 0) {
          const x = todo.pop()!;
          for (const [s, d] of edges) if (s === x && keep[d] && !reached[d]) (reached[d] = true, todo.push(d));
        }
        const out = new Uint32Array(n);
        const end = new SccSplitter(graph, null, mark, new Uint32Array(2 * n), inside).splitReachable(roots, 0, roots.length, out, 0);
        const got: number[][] = [];
        for (let p = 0; p < end; p++) {
          if (p === 0 || mark[out[p]] === REMOVED || mark[out[p]] !== mark[out[p - 1]]) got.push([]);
          got[got.length - 1].push(out[p]);
        }
        // a component of one state is REMOVED exactly when it has no self-loop
        for (const c of got) expect(mark[c[0]] === REMOVED).toBe(c.length === 1 && !edges.some(([s, d]) => s === c[0] && d === c[0]));
        const ids = got.filter((c) => mark[c[0]] !== REMOVED).map((c) => mark[c[0]]);
        expect(new Set(ids).size).toBe(ids.length);
        const norm = (cs: number[][]) => cs.map((c) => [...c].sort((a, b) => a - b)).sort((a, b) => a[0] - b[0]);
        expect(norm(got)).toEqual(norm(naiveComponents(n, edges, reached)));
        for (let v = 0; v < n; v++) if (keep[v] && !reached[v]) expect(mark[v]).toBe(UNSEEN);
        const position = new Map<number, number>();
        got.forEach((c, i) => c.forEach((v) => position.set(v, i)));
        for (const [s, d] of edges) if (reached[s] && reached[d]) expect(position.get(s)!).toBeGreaterThanOrEqual(position.get(d)!);
      }),
      { numRuns: 300 },
    );
  });

  it('follows no edge between levels', () => {
    // 0 <-> 1 <-> 2, levels 0 0 1: components {0, 1} and {2}
    const graph = FlatEdgeGraph.fromTriples(3, 1, [[0, 0, 1], [1, 0, 0], [1, 0, 2], [2, 0, 1]]);
    const mark = new Uint32Array(3).fill(UNSEEN);
    const out = new Uint32Array(3);
    new SccSplitter(graph, Uint32Array.of(0, 0, 1), mark, new Uint32Array(6)).split(Uint32Array.of(0, 1, 2), 0, 3, out, 0);
    expect(mark[0]).toBe(mark[1]);
    expect(mark[2]).not.toBe(mark[0]);
  });

  it('handles a ring of a million states without recursion', () => {
    const n = 1_000_000;
    const start = Uint32Array.from({ length: n + 1 }, (_, s) => s);
    const targets = Uint32Array.from({ length: n }, (_, s) => (s + 1) % n);
    const graph = new FlatEdgeGraph(start, targets, new Uint8Array(n), 1);
    const mark = new Uint32Array(n).fill(UNSEEN);
    const out = new Uint32Array(n);
    new SccSplitter(graph, null, mark, new Uint32Array(2 * n)).split(Uint32Array.from({ length: n }, (_, s) => s), 0, n, out, 0);
    expect(mark.every((m) => m === mark[0])).toBe(true);
  });
});
