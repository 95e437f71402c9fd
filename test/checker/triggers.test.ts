import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canReach, explore, exploreAsync, packSystem, setsOf, type PackedInvariant } from '../../checker/index.js';
import { naiveExplore } from './support/naive.js';
import { systemSpecArb, toTransitionSystem, type IdState } from './support/random-system.js';

/** A pseudo-random subset of ids (the same for the engine and the naive side). */
const member = (salt: number, rate: number) => (id: number) => ((Math.imul(id + 1, 0x9e3779b1) ^ salt) >>> 0) / 4294967296 < rate;

describe('invariant triggers (vacuity) agree with the naive explorer', () => {
  it('counts every stored state where the trigger holds and keeps the first in BFS order', () => {
    fc.assert(
      fc.property(systemSpecArb, fc.nat(), fc.double({ min: 0, max: 0.5, noNaN: true }), (spec, salt, rate) => {
        const ts = toTransitionSystem(spec);
        const view = packSystem(ts);
        const inTrigger = member(salt, rate);
        const bad = member(salt ^ 0x5bd1e995, rate / 4);
        const naive = naiveExplore(ts);
        const invariants: PackedInvariant[] = [
          { name: 'with-trigger', holds: (w) => !bad(view.decode(w).id), trigger: (w) => inTrigger(view.decode(w).id) },
          { name: 'no-trigger', holds: () => true },
        ];
        const r = explore(view, { invariants, onViolation: 'continue' });
        const ids = naive.order.map((s: IdState) => s.id);
        const expected = ids.map((id, i) => (inTrigger(id) ? i : -1)).filter((i) => i >= 0);
        expect(r.triggers[0]).toEqual({ invariant: 'with-trigger', count: expected.length, first: expected.length ? expected[0] : null });
        expect(r.triggers[1]).toEqual({ invariant: 'no-trigger', count: ids.length, first: ids.length ? 0 : null });
        const firstBad = ids.findIndex((id) => bad(id));
        expect(r.violations.map((v) => v.state)).toEqual(firstBad >= 0 ? [firstBad] : []);
      }),
      { numRuns: 60 },
    );
  });

  it('a vacuous invariant is told apart from a proof: trigger count 0, no witness', () => {
    const spec = fc.sample(systemSpecArb.filter((s) => s.initial.length > 0), { numRuns: 1, seed: 5 })[0];
    const view = packSystem(toTransitionSystem(spec));
    const r = explore(view, { invariants: [{ name: 'never', holds: () => true, trigger: () => false }] });
    expect(r.complete).toBe(true);
    expect(r.violations).toEqual([]);
    expect(r.triggers[0]).toEqual({ invariant: 'never', count: 0, first: null });
  });

  it('invariantSets continue the indices of invariants; more than 32 invariants are split into sets', () => {
    const spec = fc.sample(systemSpecArb.filter((s) => s.initial.length > 0), { numRuns: 1, seed: 9 })[0];
    const view = packSystem(toTransitionSystem(spec));
    const many: PackedInvariant[] = Array.from({ length: 40 }, (_, k) => ({ name: `i${k}`, holds: () => k !== 35 }));
    expect(setsOf(many).map((s) => s.names.length)).toEqual([32, 8]);
    const extra = setsOf([{ name: 'last', holds: () => false }]);
    const r = explore(view, { invariants: many, invariantSets: extra, onViolation: 'continue' });
    expect(r.violations.map((v) => [v.invariant, v.invariantIndex])).toEqual([['i35', 35], ['last', 40]]);
    expect(r.triggers.length).toBe(41);
  });
});

describe('sliced and interrupted runs', () => {
  it('exploreAsync in tiny slices gives exactly the result of explore', async () => {
    const specs = fc.sample(systemSpecArb, { numRuns: 20, seed: 21 });
    for (const spec of specs) {
      const view = packSystem(toTransitionSystem(spec));
      const a = explore(view, { recordEdges: true });
      const b = await exploreAsync(view, { recordEdges: true }, undefined, 0);
      expect(b.stats.states).toBe(a.stats.states);
      expect(b.stats.transitions).toBe(a.stats.transitions);
      expect(b.deadlockCount).toBe(a.deadlockCount);
      expect(b.stats.depth).toBe(a.stats.depth);
      expect(b.graph.edges!.count).toBe(a.graph.edges!.count);
      for (let s = 0; s <= a.graph.stateCount; s++) expect(b.graph.edges!.firstEdge(s)).toBe(a.graph.edges!.firstEdge(s));
    }
  });

  it('interrupt() ends the run with stopReason interrupted, keeping what was explored', async () => {
    const spec = fc.sample(systemSpecArb.filter((s) => s.n > 500 && s.initial.length > 0), { numRuns: 1, seed: 2 })[0];
    const view = packSystem(toTransitionSystem(spec));
    const r = await exploreAsync(view, {}, (run) => run.interrupt());
    expect(r.complete).toBe(false);
    expect(r.stopReason).toBe('interrupted');
    expect(r.stats.states).toBeGreaterThan(0);
  });
});

describe('targets-only edges', () => {
  it('keep the same targets as labelled edges and give the same EF answer; labels are refused', () => {
    fc.assert(
      fc.property(systemSpecArb, fc.nat(), (spec, salt) => {
        const view = packSystem(toTransitionSystem(spec));
        const a = explore(view, { recordEdges: 'labelled' });
        const b = explore(view, { recordEdges: 'targets' });
        const ea = a.graph.edges!, eb = b.graph.edges!;
        expect(eb.count).toBe(ea.count);
        for (let k = 0; k < ea.count; k++) expect(eb.target(k)).toBe(ea.target(k));
        if (eb.count > 0) expect(() => eb.label(0)).toThrow(/without labels/);
        const goal = Uint8Array.from({ length: a.graph.stateCount }, (_, s) => (member(salt, 0.1)(s) ? 1 : 0));
        expect(Array.from(canReach(eb, goal))).toEqual(Array.from(canReach(ea, goal)));
      }),
      { numRuns: 30 },
    );
  });
});
