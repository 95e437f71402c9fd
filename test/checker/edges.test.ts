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
        edges.forEachEdge((src, label, dst, k) => {
          expect(k).toBe(got.length);
          expect(edges.srcOf(k)).toBe(src);
          expect(edges.labelOf(k)).toBe(label);
          expect(edges.dstOf(k)).toBe(dst);
          got.push([src, view.labelNames[label], dst]);
        });
        expect(got).toEqual(naive.edges);
        const out = buildAdjacency(edges, r.graph.stateCount, 'out');
        const inn = buildAdjacency(edges, r.graph.stateCount, 'in');
        for (let s = 0; s < r.graph.stateCount; s++) {
          const succ = Array.from(out.targets.subarray(out.offsets[s], out.offsets[s + 1]));
          expect(succ).toEqual(naive.edges.filter((e) => e[0] === s).map((e) => e[2]));
          const pred = Array.from(inn.targets.subarray(inn.offsets[s], inn.offsets[s + 1]));
          expect(pred).toEqual(naive.edges.filter((e) => e[2] === s).map((e) => e[0]));
        }
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
  it('equals a naive forward search from every state, in BFS order', () => {
    fc.assert(
      fc.property(systemSpecArb, fc.double({ min: 0, max: 0.3, noNaN: true }), fc.nat(), (spec, rate, salt) => {
        const ts = toTransitionSystem(spec);
        const view = packSystem(ts);
        const naive = naiveExplore(ts);
        const isGoalId = (id: number) => ((Math.imul(id + 1, 0x9e3779b1) ^ salt) >>> 0) / 4294967296 < rate;
        const r = explore(view, { recordEdges: true });
        const stuck = statesThatCannotReach(r, (words) => isGoalId(view.decode(words).id));
        const succ = naive.order.map((_, i) => naive.edges.filter((e) => e[0] === i).map((e) => e[2]));
        const expected: number[] = [];
        naive.order.forEach((s, i) => {
          const seen = new Set([i]);
          const stack = [i];
          let found = false;
          while (stack.length > 0 && !found) {
            const v = stack.pop()!;
            if (isGoalId(naive.order[v].id)) found = true;
            for (const w of succ[v]) if (!seen.has(w)) (seen.add(w), stack.push(w));
          }
          if (!found) expected.push(i);
        });
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
