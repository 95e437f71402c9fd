import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explore, packSystem, type StateIndex } from '../../checker/index.js';
import { expectRealPath } from './support/check-trace.js';
import { naiveExplore } from './support/naive.js';
import { readableInvariants, systemSpecArb, toTransitionSystem, type SystemSpec } from './support/random-system.js';

function setup(spec: SystemSpec) {
  const ts = toTransitionSystem(spec);
  const view = packSystem(ts);
  const readable = readableInvariants(spec);
  const invariants = readable.map((inv) => view.invariant(inv.name, inv.holds));
  const naive = naiveExplore(ts, readable);
  return { ts, view, invariants, naive };
}

describe('explore on random systems agrees with the naive explorer', () => {
  it('reachable states (same BFS order), transitions, depth, deadlocks, coverage, depths and traces', () => {
    fc.assert(
      fc.property(systemSpecArb, fc.integer({ min: 1, max: 64 }), (spec, initialCapacity) => {
        const { view, invariants, naive } = setup(spec);
        const r = explore(view, { invariants, onViolation: 'continue', maxDeadlocksListed: Infinity, initialCapacity });
        expect(r.complete).toBe(true);
        expect(r.stopReason).toBe('exhausted');
        expect(r.stats.states).toBe(naive.order.length);
        expect(r.stats.expanded).toBe(naive.order.length);
        expect(r.stats.transitions).toBe(naive.transitions);
        expect(r.stats.depth).toBe(naive.depth);
        expect(r.deadlockCount).toBe(naive.deadlocks.length);
        expect([...r.deadlocks]).toEqual(naive.deadlocks);
        const g = r.graph;
        for (let i = 0; i < g.stateCount; i++) {
          const s = i as StateIndex;
          expect(JSON.stringify(view.decode(g.readState(s)))).toBe(naive.keys[i]);
          expect(g.depthOf(s)).toBe(naive.dist[i]);
          expect(g.indexOf(g.readState(s))).toBe(i);
        }
        // one trace per state would be quadratic: check a sample
        for (let i = 0; i < g.stateCount; i += Math.max(1, Math.floor(g.stateCount / 25))) {
          const trace = g.traceTo(i as StateIndex);
          expect(trace.length - 1).toBe(naive.dist[i]);
          expect(expectRealPath(view, naive, trace)).toBe(i);
        }
        view.labelNames.forEach((name, l) => {
          expect(r.coverage.firings[l]).toBe(naive.firings.get(name) ?? 0);
          expect(r.coverage.discovered[l]).toBe(naive.discovered.get(name) ?? 0);
        });
        const unreached = spec.codes.filter((c) => !naive.indexOf.has(JSON.stringify(view.decode(c))));
        for (const c of unreached) expect(g.indexOf(c)).toBeNull();
      }),
      { numRuns: 60 },
    );
  });

  it("'continue' mode reports every violated invariant once, at its first (shortest) violating state", () => {
    fc.assert(
      fc.property(systemSpecArb, (spec) => {
        const { view, invariants, naive } = setup(spec);
        const r = explore(view, { invariants, onViolation: 'continue' });
        const expected = [...naive.violating].filter(([, idx]) => idx.length > 0).map(([name]) => name);
        expect(r.violations.map((v) => v.invariant).sort()).toEqual(expected.sort());
        for (const v of r.violations) {
          const first = naive.violating.get(v.invariant)![0];
          const shortest = Math.min(...naive.violating.get(v.invariant)!.map((i) => naive.dist[i]));
          expect(v.state).toBe(first);
          expect(invariants[v.invariantIndex].name).toBe(v.invariant);
          const trace = r.graph.traceTo(v.state);
          expect(trace.length - 1).toBe(shortest);
          expect(v.depth).toBe(shortest);
          const last = expectRealPath(view, naive, trace);
          expect(naive.violating.get(v.invariant)).toContain(last);
        }
        expect(r.complete).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it("'stop' mode stops at the first violating state in BFS order and reports the invariants it violates", () => {
    fc.assert(
      fc.property(systemSpecArb, (spec) => {
        const { view, invariants, naive } = setup(spec);
        const r = explore(view, { invariants });
        const all = [...naive.violating.values()].flat();
        if (all.length === 0) {
          expect(r.complete).toBe(true);
          expect(r.violations).toEqual([]);
          return;
        }
        const first = Math.min(...all);
        expect(r.complete).toBe(false);
        expect(r.stopReason).toBe('violation');
        const names = [...naive.violating].filter(([, idx]) => idx.includes(first)).map(([name]) => name);
        expect(r.violations.map((v) => v.invariant)).toEqual(names);
        for (const v of r.violations) expect(v.state).toBe(first);
        const trace = r.graph.traceTo(first as StateIndex);
        expect(trace.length - 1).toBe(Math.min(...all.map((i) => naive.dist[i])));
        expect(expectRealPath(view, naive, trace)).toBe(first);
        expect(r.stats.states).toBeLessThanOrEqual(naive.order.length);
      }),
      { numRuns: 60 },
    );
  });
});
