/**
 * SearchRunner builds each job's masks from the predicate bits itself: its
 * results equal those of leadsTo, infinitelyOften and eventuallyAlways
 * called on the masks, on random small graphs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventuallyAlways, infinitelyOften, leadsTo, SearchRunner, SharedSearch, type SearchJob } from '../../../checker/liveness/index.js';
import { graphOf, liveCaseArb } from './support/cases.js';

describe('SearchRunner', () => {
  it('gives each job the result of the property function on its masks', () => {
    fc.assert(
      fc.property(liveCaseArb(), fc.boolean(), (c, stutter) => {
        const graph = graphOf(c);
        // bit 0 = p, 1 = q, 2 = r, over some other bits
        const bits = Uint32Array.from({ length: c.n }, (_, s) => (c.p[s] | (c.q[s] << 1) | (c.r[s] << 2) | ((s * 37) & 0xf8)) >>> 0);
        const runner = new SearchRunner(new SharedSearch(graph, c.initial), [bits], c.level);
        const base = { group: 0, stutter, fairness: c.fairness };
        const cases: [SearchJob, () => unknown][] = [
          [{ ...base, kind: 'leads-to', p: 0, q: 1, keepLevel: false }, () => leadsTo(graph, c.initial, c.p, c.q, c.fairness, null, stutter)],
          [{ ...base, kind: 'leads-to', p: 2, q: 0, keepLevel: c.level !== null }, () => leadsTo(graph, c.initial, c.r, c.p, c.fairness, c.level, stutter)],
          [{ ...base, kind: 'infinitely-often', p: 1, q: -1, keepLevel: false }, () => infinitelyOften(graph, c.initial, c.q, c.fairness, stutter)],
          [{ ...base, kind: 'eventually-always', p: 2, q: -1, keepLevel: false }, () => eventuallyAlways(graph, c.initial, c.r, c.fairness, stutter)],
        ];
        for (const [job, direct] of cases) expect(runner.run(job)).toEqual(direct());
      }),
      { numRuns: 300 },
    );
  });
});
