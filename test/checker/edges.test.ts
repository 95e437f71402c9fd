import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAdjacency, explore, packSystem, statesThatCannotReach, type StateIndex } from '../../checker/index.js';
import { naiveExplore } from './support/naive.js';
import { systemSpecArb, toTransitionSystem } from './support/random-system.js';

describe('recordEdges', () => {
  it('records exactly the naive transitions, in firing order', () => {
    fc.assert(
      fc.property(systemSpecArb, fc.integer({ min: 1, max: 8 }), (spec, initialCapacity) => {
        const ts = toTransitionSystem(spec);
        const view = packSystem(ts);
        const naive = naiveExplore(ts);
        const r = explore(view, { recordEdges: true, initialCapacity });
        const edges = r.graph.edges!;
        expect(edges.count).toBe(naive.transitions);
        const got: Array<[number, string, number]> = [];
        let inconsistent = 0;
        edges.forEachEdge((src, label, dst, k) => {
          if (k !== got.length || edges.srcOf(k) !== src || edges.label(k) !== label || edges.target(k) !== dst) inconsistent++;
          got.push([src, view.labelNames[label], dst]);
        });
        expect(inconsistent).toBe(0);
        expect(got).toEqual(naive.edges);
        const out = buildAdjacency(edges, r.graph.stateCount, 'out');
        const inn = buildAdjacency(edges, r.graph.stateCount, 'in');
        const naiveSucc = naive.order.map((): number[] => []);
        const naivePred = naive.order.map((): number[] => []);
        for (const [src, , dst] of naive.edges) (naiveSucc[src].push(dst), naivePred[dst].push(src));
        const succ = naive.order.map((_, s) => Array.from(out.targets.subarray(out.offsets[s], out.offsets[s + 1])));
        const pred = naive.order.map((_, s) => Array.from(inn.targets.subarray(inn.offsets[s], inn.offsets[s + 1])));
        expect(succ).toEqual(naiveSucc);
        expect(pred).toEqual(naivePred);
      }),
      { numRuns: 40 },
    );
  });

  it('is absent unless asked for', () => {
    const spec = fc.sample(systemSpecArb, { numRuns: 1, seed: 7 })[0];
    expect(explore(packSystem(toTransitionSystem(spec))).graph.edges).toBeUndefined();
  });
});

describe('statesThatCannotReach', () => {
  it('equals a naive fixpoint over the edges, in BFS order', () => {
    fc.assert(
      fc.property(systemSpecArb, fc.double({ min: 0, max: 0.3, noNaN: true }), fc.nat(), (spec, rate, salt) => {
        const ts = toTransitionSystem(spec);
        const view = packSystem(ts);
        const naive = naiveExplore(ts);
        const isGoalId = (id: number) => ((Math.imul(id + 1, 0x9e3779b1) ^ salt) >>> 0) / 4294967296 < rate;
        const r = explore(view, { recordEdges: true });
        const stuck = statesThatCannotReach(r, (words) => isGoalId(view.decode(words).id));
        // fixpoint: a state can reach a goal if it is one or has an edge to one that can
        const can = naive.order.map((st) => isGoalId(st.id));
        for (let changed = true; changed; ) {
          changed = false;
          for (const [src, , dst] of naive.edges) if (can[dst] && !can[src]) can[src] = changed = true;
        }
        const expected = naive.order.flatMap((_, i) => (can[i] ? [] : [i]));
        expect(stuck).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });

  it('refuses a run without edges or an incomplete one', () => {
    const spec = fc.sample(systemSpecArb.filter((s) => s.initial.length > 0), { numRuns: 1, seed: 3 })[0];
    const view = packSystem(toTransitionSystem(spec));
    expect(() => statesThatCannotReach(explore(view), () => true)).toThrow(/recordEdges/);
    const partial = explore(view, { recordEdges: true, maxStates: 0 });
    expect(partial.complete).toBe(false);
    expect(() => statesThatCannotReach(partial, () => true)).toThrow(/complete/);
  });

  it('passes each state index with its words', () => {
    const spec = fc.sample(systemSpecArb, { numRuns: 1, seed: 11 })[0];
    const view = packSystem(toTransitionSystem(spec));
    const r = explore(view, { recordEdges: true });
    const seen: number[] = [];
    statesThatCannotReach(r, (words, i) => {
      expect(Array.from(words)).toEqual(Array.from(r.graph.readState(i)));
      seen.push(i);
      return false;
    });
    expect(seen).toEqual(Array.from({ length: r.graph.stateCount }, (_, i) => i as StateIndex));
  });
});
