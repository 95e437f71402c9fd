import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FlatEdgeGraph } from '../../../checker/edge-graph.js';
import { findFairLasso, SharedSearch, type GraphQuotient, type LassoQuery } from '../../../checker/liveness/index.js';
import { noCounterexampleOnQuotient } from '../../../checker/liveness/quotient.js';
import { all, graphOf, liveCaseArb, not, type LiveCase } from './support/cases.js';

/** Consecutive classes of 1-3 nodes, and a quotient graph: every edge's image, plus `extra` edges (allowed: more edges only make the filter search more). */
const quotientArb = (c: LiveCase) =>
  fc
    .tuple(fc.array(fc.integer({ min: 1, max: 3 }), { minLength: c.n, maxLength: c.n }), fc.array(fc.tuple(fc.nat(c.n - 1), fc.nat(c.n - 1)), { maxLength: 2 }))
    .map(([sizes, extra]): GraphQuotient => {
      const classStart = [0];
      while (classStart[classStart.length - 1] < c.n) classStart.push(Math.min(c.n, classStart[classStart.length - 1] + sizes[classStart.length - 1]));
      const classes = classStart.length - 1;
      const classOf = (v: number) => classStart.findIndex((s, k) => s <= v && v < classStart[k + 1]);
      const images = c.triples.map(([s, l, d]) => [classOf(s), l, classOf(d)] as const);
      const more = extra.map(([a, b]) => [a % classes, 0, b % classes] as const);
      return { graph: FlatEdgeGraph.fromTriples(classes, c.labelCount, [...images, ...more]), classStart: Uint32Array.from(classStart) };
    });

const queries = (c: LiveCase): LassoQuery[] => [
  { sources: c.p, region: not(c.q), accept: not(c.q), level: null, stutter: true },
  { sources: c.p, region: not(c.q), accept: not(c.q), level: c.level },
  { sources: all(c.n), region: not(c.p), accept: not(c.p), level: null },
  { sources: all(c.n), region: all(c.n), accept: not(c.p), level: null, stutter: true },
  { sources: c.p, region: c.q, accept: c.r, level: c.level },
];

describe('a quotient of the graph in SharedSearch', () => {
  it('changes no result of findFairLasso, and decides some searches', () => {
    let decided = 0;
    let runs = 0;
    fc.assert(
      fc.property(
        liveCaseArb().chain((c) => fc.tuple(fc.constant(c), quotientArb(c))),
        ([c, quotient]) => {
          const graph = graphOf(c);
          const plain = new SharedSearch(graph, c.initial);
          const reduced = new SharedSearch(graph, c.initial, null, quotient);
          for (const q of queries(c)) {
            expect(findFairLasso(graph, c.initial, q, c.fairness, reduced)).toEqual(findFairLasso(graph, c.initial, q, c.fairness, plain));
            // the filter alone, on every source in the region as an entry
            const entries = Uint32Array.from({ length: c.n }, (_, v) => v).filter((v) => q.sources[v] !== 0 && q.region[v] !== 0);
            const endsAt = (v: number) => graph.firstEdge(v) === graph.firstEdge(v + 1);
            const n = c.n;
            const says = noCounterexampleOnQuotient(quotient, q.region, q.accept, endsAt, entries, entries.length, new Uint32Array(n), new Uint32Array(2 * n));
            runs++;
            if (says) decided++;
          }
        },
      ),
      { numRuns: 300 },
    );
    // not a filter that never fires: on these graphs it rules out a good share of the searches
    expect(decided).toBeGreaterThan(runs / 10);
  });

  it('rules out an acyclic region, and only that, on hand-made examples', () => {
    const ends = (g: FlatEdgeGraph) => (v: number) => g.firstEdge(v) === g.firstEdge(v + 1);
    const run = (g: FlatEdgeGraph, q: GraphQuotient, region: number[], accept: number[]) =>
      noCounterexampleOnQuotient(q, Uint8Array.from(region), Uint8Array.from(accept), ends(g), Uint32Array.of(0), 1, new Uint32Array(g.stateCount), new Uint32Array(2 * g.stateCount));
    // classes {0, 1}, {2, 3}, {4, 5}: 0 -> 2 -> 4 and 1 -> 3 -> 5, dead ends 4 and 5; image c0 -> c1 -> c2
    const chains = FlatEdgeGraph.fromTriples(6, 1, [[0, 0, 2], [1, 0, 3], [2, 0, 4], [3, 0, 5]]);
    const image: GraphQuotient = { graph: FlatEdgeGraph.fromTriples(3, 1, [[0, 0, 1], [1, 0, 2]]), classStart: Uint32Array.of(0, 2, 4, 6) };
    expect(run(chains, image, [1, 1, 1, 1, 1, 1], [0, 0, 0, 0, 0, 0])).toBe(true);
    expect(run(chains, image, [1, 1, 1, 1, 0, 0], [1, 1, 1, 1, 1, 1])).toBe(true);
    // 4: an accepting dead end that entry 0 reaches
    expect(run(chains, image, [1, 1, 1, 1, 1, 1], [0, 0, 0, 0, 1, 0])).toBe(false);
    // 5 is not reached from 0, but its class is: the filter over-approximates and leaves it to the search
    expect(run(chains, image, [1, 1, 1, 1, 1, 1], [0, 0, 0, 0, 0, 1])).toBe(false);
    // 0 -> 1 inside one class: the image is a self-loop, so the filter cannot rule out, though the graph has no cycle
    const inside = FlatEdgeGraph.fromTriples(2, 1, [[0, 0, 1]]);
    const selfLoop: GraphQuotient = { graph: FlatEdgeGraph.fromTriples(1, 1, [[0, 0, 0]]), classStart: Uint32Array.of(0, 2) };
    expect(run(inside, selfLoop, [1, 1], [0, 0])).toBe(false);
  });

  it('is refused when its classes do not fit the graph', () => {
    const graph = FlatEdgeGraph.fromTriples(3, 1, [[0, 0, 1]]);
    const classes = FlatEdgeGraph.fromTriples(2, 1, []);
    expect(() => new SharedSearch(graph, [0], null, { graph: classes, classStart: Uint32Array.of(0, 1) })).toThrow(/2 class starts for 2 classes/);
    expect(() => new SharedSearch(graph, [0], null, { graph: classes, classStart: Uint32Array.of(0, 1, 4) })).toThrow(/cover 0 .. 4/);
    expect(() => new SharedSearch(graph, [0], null, { graph: classes, classStart: Uint32Array.of(0, 0, 3) })).toThrow(/class 0 is empty/);
  });
});
