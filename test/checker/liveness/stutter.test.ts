/**
 * Stuttering: the option must mean exactly "every state has an extra
 * self-loop whose label no fairness family holds" (a behaviour may stay
 * anywhere doing nothing). Checked against that construction, run without
 * the option, on random graphs; and on a hand-worked case.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FlatEdgeGraph } from '../../../checker/edge-graph.js';
import { eventuallyAlways, findFairLasso, infinitelyOften, leadsTo, type FairnessConstraint } from '../../../checker/liveness/index.js';
import { graphOf, liveCaseArb, type LiveCase } from './support/cases.js';

/** The case's graph with a stutter self-loop on every state, labelled with a fresh label no family contains. */
function withStutterLoops(c: LiveCase): { graph: FlatEdgeGraph; fairness: FairnessConstraint[] } {
  const stutter = c.labelCount;
  const triples = [...c.triples, ...Array.from({ length: c.n }, (_, s) => [s, stutter, s] as const)];
  const fairness = c.fairness.map((f) => ({ ...f, labels: Uint8Array.from([...f.labels, 0]) }));
  return { graph: FlatEdgeGraph.fromTriples(c.n, c.labelCount + 1, triples), fairness };
}

describe('stuttering', () => {
  it('gives the verdicts and stem lengths of explicit stutter self-loops', () => {
    fc.assert(
      fc.property(liveCaseArb(), (c) => {
        const g = graphOf(c);
        const loops = withStutterLoops(c);
        const pairs = [
          [leadsTo(g, c.initial, c.p, c.q, c.fairness, c.level, true), leadsTo(loops.graph, c.initial, c.p, c.q, loops.fairness, c.level)],
          [infinitelyOften(g, c.initial, c.p, c.fairness, true), infinitelyOften(loops.graph, c.initial, c.p, loops.fairness)],
          [eventuallyAlways(g, c.initial, c.p, c.fairness, true), eventuallyAlways(loops.graph, c.initial, c.p, loops.fairness)],
        ];
        for (const [a, b] of pairs) {
          expect(a.holds).toBe(b.holds);
          expect(a.triggered).toBe(b.triggered);
          if (!a.holds && !b.holds) expect(a.loopStart).toBe(b.loopStart);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a waiting state where only an unfair action is enabled ends a counterexample; a fair one there does not', () => {
    // 0 -a-> 1 (P), 1 -u-> 1 (unfair action), 1 -f-> 2 (Q)
    const g = FlatEdgeGraph.fromTriples(3, 3, [[0, 0, 1], [1, 1, 1], [1, 2, 2]]);
    const p = Uint8Array.of(0, 1, 0), q = Uint8Array.of(0, 0, 1);
    const wf = (l: number): FairnessConstraint => ({ kind: 'weak', name: `l${l}`, labels: Uint8Array.from([0, 1, 2], (x) => (x === l ? 1 : 0)) });
    // f weakly fair: the u-loop is unfair (f enabled, never taken), and the state cannot stutter (f enabled)
    expect(leadsTo(g, [0], p, q, [wf(2)], null, true).holds).toBe(true);
    // nothing fair: the u-loop and stuttering are both fair; the shortest counterexample stutters at 1 after one step
    const r = leadsTo(g, [0], p, q, [], null, true);
    expect(r.holds).toBe(false);
    if (!r.holds) expect({ states: r.states, loopStart: r.loopStart }).toEqual({ states: [0, 1], loopStart: 1 });
    // without stuttering the counterexample is the u-loop
    const s = findFairLasso(g, [0], { sources: p, region: Uint8Array.of(1, 1, 0), accept: Uint8Array.of(1, 1, 0) }, []);
    expect(s.holds).toBe(false);
    if (!s.holds) expect(s.states).toEqual([0, 1, 1]);
  });
});
