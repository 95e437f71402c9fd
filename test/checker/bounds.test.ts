import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explore, packSystem, type StateIndex } from '../../checker/index.js';
import { expectRealPath } from './support/check-trace.js';
import { endlessCounter } from './support/counter-system.js';
import { naiveExplore } from './support/naive.js';
import { systemSpecArb, toTransitionSystem } from './support/random-system.js';

describe('bounds give an incomplete run, never a proof', () => {
  it('maxStates: stops with exactly maxStates states, a prefix of the BFS order, with valid traces', () => {
    fc.assert(
      fc.property(systemSpecArb, fc.double({ min: 0, max: 1.2, noNaN: true }), (spec, fraction) => {
        const ts = toTransitionSystem(spec);
        const view = packSystem(ts);
        const naive = naiveExplore(ts);
        const maxStates = Math.floor(naive.order.length * fraction);
        const r = explore(view, { maxStates, initialCapacity: 2 });
        if (maxStates >= naive.order.length) {
          expect(r.complete).toBe(true);
          expect(r.stats.states).toBe(naive.order.length);
          return;
        }
        expect(r.complete).toBe(false);
        expect(r.stopReason).toBe('max-states');
        expect(r.stats.states).toBe(maxStates);
        expect(r.stats.expanded).toBeLessThan(naive.order.length);
        for (let i = 0; i < maxStates; i++) {
          expect(JSON.stringify(view.decode(r.graph.readState(i as StateIndex)))).toBe(naive.keys[i]);
          expect(r.graph.depthOf(i as StateIndex)).toBe(naive.dist[i]);
        }
        if (maxStates > 0) expect(expectRealPath(view, naive, r.graph.traceTo((maxStates - 1) as StateIndex))).toBe(maxStates - 1);
        expect(r.stats.depth).toBe(maxStates === 0 ? 0 : naive.dist[maxStates - 1]);
      }),
      { numRuns: 60 },
    );
  });

  it('maxSeconds: an endless system stops with max-seconds', () => {
    const r = explore(endlessCounter, { maxSeconds: 0.05 });
    expect(r.complete).toBe(false);
    expect(r.stopReason).toBe('max-seconds');
    expect(r.stats.states).toBeGreaterThan(0);
    const last = (r.stats.states - 1) as StateIndex;
    expect(r.graph.traceTo(last).length - 1).toBe(r.graph.depthOf(last));
  });

  it('maxSeconds: 0 stops before expanding anything', () => {
    const r = explore(endlessCounter, { maxSeconds: 0 });
    expect(r.stopReason).toBe('max-seconds');
    expect(r.stats.expanded).toBe(0);
    expect(r.stats.states).toBe(1);
  });

  it('maxBytes: stops cleanly with out-of-memory within the budget, states still readable', () => {
    for (const maxBytes of [2_000, 50_000, 300_000, 2_000_000]) {
      const r = explore(endlessCounter, { maxBytes, initialCapacity: 1, recordEdges: maxBytes > 100_000 });
      expect(r.complete).toBe(false);
      expect(r.stopReason).toBe('out-of-memory');
      expect(r.stats.storeBytes + r.stats.edgeBytes).toBeLessThanOrEqual(maxBytes);
      const n = r.stats.states;
      for (let i = 0; i < n; i++) {
        const w = r.graph.readState(i as StateIndex);
        // BFS over +1/+2 from 0 discovers 0, 1, 2, 3, ... in order
        expect(w[0] + w[1] * 2 ** 32).toBe(i);
        expect(r.graph.depthOf(i as StateIndex)).toBe(Math.ceil(i / 2));
      }
    }
  });

  it('maxBytes smaller than an empty store: out-of-memory with no state', () => {
    const r = explore(endlessCounter, { maxBytes: 10 });
    expect(r.stopReason).toBe('out-of-memory');
    expect(r.complete).toBe(false);
    expect(r.stats.states).toBe(0);
  });

  it('rejects negative or NaN bounds', () => {
    expect(() => explore(endlessCounter, { maxStates: -1 })).toThrow(RangeError);
    expect(() => explore(endlessCounter, { maxSeconds: Number.NaN })).toThrow(RangeError);
  });
});

describe('store growth', () => {
  it('a store starting with room for one state grows many times and loses nothing', () => {
    const r = explore(endlessCounter, { maxStates: 200_000, initialCapacity: 1, recordEdges: true });
    expect(r.stopReason).toBe('max-states');
    expect(r.stats.states).toBe(200_000);
    const seen = new Set<number>();
    let misplaced = 0;
    for (let i = 0; i < r.stats.states; i++) {
      const w = r.graph.readState(i as StateIndex);
      if (r.graph.indexOf(w) !== i || w[0] !== i || w[1] !== 0) misplaced++;
      seen.add(w[0]);
    }
    expect(misplaced).toBe(0);
    expect(seen.size).toBe(200_000);
    expect(r.graph.edges!.count).toBe(r.stats.transitions);
    expect(r.stats.transitions - 2 * r.stats.expanded).toBeLessThanOrEqual(2);
  });
});
