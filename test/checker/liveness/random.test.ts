import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  eventuallyAlways,
  findFairLasso,
  infinitelyOften,
  leadsTo,
  SharedSearch,
  type LivenessResult,
} from '../../../checker/liveness/index.js';
import { all, graphOf, liveCaseArb, not, type LiveCase } from './support/cases.js';
import { fairSet, naiveFairLasso, type NaiveProblem } from './support/naive-liveness.js';
import { lassoProblems } from './support/validate-lasso.js';

type Kind = 'leadsTo' | 'leadsTo-level' | 'GF' | 'FG' | 'lasso';

/** The property `kind` of case c as a naive problem (from the definitions) and as a library call. */
function instance(c: LiveCase, kind: Kind, shared?: SharedSearch): { naive: NaiveProblem; run: () => LivenessResult } {
  const g = shared === undefined ? graphOf(c) : (shared.graph as ReturnType<typeof graphOf>);
  const base = { n: c.n, triples: c.triples, initial: c.initial, fairness: c.fairness, level: null };
  switch (kind) {
    case 'leadsTo':
    case 'leadsTo-level': {
      const level = kind === 'leadsTo-level' ? c.level : null;
      return {
        naive: { ...base, sources: c.p, region: not(c.q), accept: not(c.q), level },
        run: () => leadsTo(g, c.initial, c.p, c.q, c.fairness, level, false, shared),
      };
    }
    case 'GF':
      return {
        naive: { ...base, sources: all(c.n), region: not(c.p), accept: not(c.p) },
        run: () => infinitelyOften(g, c.initial, c.p, c.fairness, false, shared),
      };
    case 'FG':
      return {
        naive: { ...base, sources: all(c.n), region: all(c.n), accept: not(c.p) },
        run: () => eventuallyAlways(g, c.initial, c.p, c.fairness, false, shared),
      };
    case 'lasso': {
      const q = { sources: c.p, region: c.q, accept: c.r, level: c.level };
      return { naive: { ...base, ...q }, run: () => findFairLasso(g, c.initial, q, c.fairness, shared) };
    }
  }
}

const kinds: Kind[] = ['leadsTo', 'leadsTo-level', 'GF', 'FG', 'lasso'];

describe.each(kinds)('%s on random small graphs', (kind) => {
  it('agrees with the naive subset checker, with a valid, fair lasso of least stem', () => {
    fc.assert(
      fc.property(liveCaseArb(), (c) => {
        const { naive, run } = instance(c, kind);
        const expected = naiveFairLasso(naive);
        const got = run();
        expect(got.holds).toBe(expected.holds);
        expect(got.triggered).toBe(expected.triggered);
        if (got.holds) return;
        expect(lassoProblems(naive, got)).toEqual([]);
        // the naive checker accepts the loop's states as a fair set
        if (got.loopStart < got.states.length - 1) expect(fairSet(naive, [...new Set(got.states.slice(got.loopStart))])).toBe(true);
        expect(got.loopStart).toBe(expected.minStem);
        // the loop is short: a few shortest paths inside one component
        expect(got.states.length - 1 - got.loopStart).toBeLessThanOrEqual((c.fairness.length + 2) * c.n);
      }),
      { numRuns: 300 },
    );
  });
});

describe('more than 32 constraints (several words per bitset)', () => {
  it('agrees with the naive checker when the real constraints sit above bit 32', () => {
    fc.assert(
      fc.property(liveCaseArb(), fc.constantFrom<Kind>(...kinds), (c, kind) => {
        // constraints on no label are never enabled: they change nothing
        const padding = Array.from({ length: 33 }, (_, j) => ({
          kind: j % 2 === 0 ? ('weak' as const) : ('strong' as const),
          name: `pad${j}`,
          labels: new Uint8Array(c.labelCount),
        }));
        const padded = { ...c, fairness: [...padding, ...c.fairness, ...c.fairness] };
        const { naive, run } = instance(padded, kind);
        const expected = naiveFairLasso(instance(c, kind).naive);
        const got = run();
        expect(got.holds).toBe(expected.holds);
        if (got.holds) return;
        expect(lassoProblems(naive, got)).toEqual([]);
        expect(got.loopStart).toBe(expected.minStem);
      }),
      { numRuns: 300 },
    );
  });
});

describe('findFairLasso on random small graphs', () => {
  it('is deterministic and does not change its inputs', () => {
    fc.assert(
      fc.property(liveCaseArb(), (c) => {
        const before = JSON.stringify([c.p, c.q, c.r, c.level, c.initial].map((a) => (a === null ? null : Array.from(a))));
        const { run } = instance(c, 'lasso');
        expect(run()).toEqual(run());
        expect(JSON.stringify([c.p, c.q, c.r, c.level, c.initial].map((a) => (a === null ? null : Array.from(a))))).toBe(before);
      }),
      { numRuns: 100 },
    );
  });
});

describe('searches sharing one SharedSearch', () => {
  it('give each the result of a search on its own, in any order and with stuttering', () => {
    fc.assert(
      fc.property(liveCaseArb(), fc.array(fc.constantFrom<Kind>(...kinds), { minLength: 2, maxLength: 8 }), fc.boolean(), (c, order, stutter) => {
        const shared = new SharedSearch(graphOf(c), c.initial);
        for (const kind of order) {
          const alone = instance(c, kind).run;
          const together = instance(c, kind, shared).run;
          if (!stutter) {
            expect(together()).toEqual(alone());
            continue;
          }
          const g = shared.graph as ReturnType<typeof graphOf>;
          const q = { sources: c.p, region: c.q, accept: c.r, level: c.level, stutter: true };
          expect(findFairLasso(g, c.initial, q, c.fairness, shared)).toEqual(findFairLasso(graphOf(c), c.initial, q, c.fairness));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is refused for another graph', () => {
    fc.assert(
      fc.property(liveCaseArb(), (c) => {
        const shared = new SharedSearch(graphOf(c), c.initial);
        expect(() => findFairLasso(graphOf(c), c.initial, { sources: c.p, region: c.q, accept: c.r }, c.fairness, shared)).toThrow(/another graph/);
      }),
      { numRuns: 5 },
    );
  });
});
