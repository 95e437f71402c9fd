import { describe, expect, it } from 'vitest';
import { FlatEdgeGraph } from '../../../checker/edge-graph.js';
import {
  eventuallyAlways,
  findFairLasso,
  infinitelyOften,
  leadsTo,
  type FairnessConstraint,
  type LivenessResult,
} from '../../../checker/liveness/index.js';
import { randomBigGraph, prng, ring, type BigGraph } from './support/big-graph.js';
import { all, not } from './support/cases.js';
import type { NaiveProblem } from './support/naive-liveness.js';
import { lassoProblems } from './support/validate-lasso.js';

const family = (kind: 'weak' | 'strong', labelCount: number, ...labels: number[]): FairnessConstraint => ({
  kind,
  name: `${kind}${labels.join('')}`,
  labels: Uint8Array.from({ length: labelCount }, (_, l) => Number(labels.includes(l))),
});

function expectValid(big: BigGraph, problem: Omit<NaiveProblem, 'n' | 'triples'>, r: LivenessResult): void {
  if (r.holds) return;
  expect(lassoProblems({ n: big.graph.stateCount, triples: big.triples, ...problem }, r)).toEqual([]);
}

describe('a 200k-state ring', () => {
  const n = 200_000;
  const p = Uint8Array.from({ length: n }, (_, s) => Number(s === 0));
  const q = Uint8Array.from({ length: n }, (_, s) => Number(s === n / 2));

  it('P ~> Q holds on the bare ring; GF Q too', () => {
    const big = ring(n, [], 2);
    expect(leadsTo(big.graph, [0], p, q, [])).toEqual({ holds: true, triggered: 1 });
    expect(infinitelyOften(big.graph, [0], q, []).holds).toBe(true);
  });

  it('an idle self-loop on the way breaks it, unless step is weakly fair', () => {
    const big = ring(n, [[1000, 1, 1000]], 2);
    const r = leadsTo(big.graph, [0], p, q, []);
    expect(r.holds === false && r.loopStart).toBe(1000);
    expect(r.holds === false && r.states.slice(-2)).toEqual([1000, 1000]);
    expectValid(big, { initial: [0], sources: p, region: not(q), accept: not(q), level: null, fairness: [] }, r);
    expect(leadsTo(big.graph, [0], p, q, [family('weak', 2, 0)]).holds).toBe(true);
  });
});

describe('a 300k-state chain to a dead end', () => {
  it('FG P fails at the dead end, with a 300k-step stem', () => {
    const n = 300_000;
    const start = Uint32Array.from({ length: n + 1 }, (_, s) => Math.min(s, n - 1));
    const targets = Uint32Array.from({ length: n - 1 }, (_, s) => s + 1);
    const graph = new FlatEdgeGraph(start, targets, new Uint8Array(n - 1), 1);
    const p = Uint8Array.from({ length: n }, (_, s) => Number(s < n - 1));
    const r = eventuallyAlways(graph, [0], p, [family('weak', 1, 0)]);
    expect(r.holds).toBe(false);
    if (r.holds) return;
    expect(r.loopStart).toBe(n - 1);
    expect(r.states[n - 1]).toBe(n - 1);
    expect(r.states.every((s, i) => s === i)).toBe(true);
  });
});

describe('a random 200k-state graph where every not-Q state has an exit into Q on label 1', () => {
  const n = 200_000;
  const labelCount = 4;
  const rnd = prng(7);
  const p = Uint8Array.from({ length: n }, () => Number(rnd() < 0.01));
  const q = Uint8Array.from({ length: n }, () => Number(rnd() < 0.4));
  const qStates = [...q.keys()].filter((s) => q[s] === 1);
  const big = randomBigGraph({
    n,
    maxDegree: 5,
    labelCount,
    labels: [0, 2, 3],
    local: 0.8,
    deadEnds: 0.0001,
    seed: 20261201,
    exitFrom: (s) => q[s] === 0,
    exitTo: qStates,
    exitLabel: 1,
  });
  const level = Uint32Array.from({ length: n }, (_, s) => s >>> 14);
  const initial = [0, 1, 2];
  const none: FairnessConstraint[] = [];
  const weak1 = [family('weak', labelCount, 1)];
  const strong1 = [family('strong', labelCount, 1)];
  const fairnessSets: FairnessConstraint[][] = [
    none,
    weak1,
    strong1,
    [family('weak', labelCount, 2), family('weak', labelCount, 0, 3)],
    [family('strong', labelCount, 2), family('strong', labelCount, 0, 3)],
    [family('weak', labelCount, 0), family('strong', labelCount, 1), family('strong', labelCount, 2), family('weak', labelCount, 3)],
  ];

  interface Property {
    name: string;
    /** Expected verdicts under none, weak1, strong1 (null: not known in advance). */
    expected: [boolean | null, boolean | null, boolean | null];
    problem: (f: FairnessConstraint[]) => Omit<NaiveProblem, 'n' | 'triples'>;
    run: (f: FairnessConstraint[]) => LivenessResult;
  }
  const properties: Property[] = [
    {
      name: 'P ~> Q',
      expected: [false, true, true],
      problem: (fairness) => ({ initial, sources: p, region: not(q), accept: not(q), level: null, fairness }),
      run: (f) => leadsTo(big.graph, initial, p, q, f),
    },
    {
      name: 'P ~> Q within the level',
      expected: [false, true, true],
      problem: (fairness) => ({ initial, sources: p, region: not(q), accept: not(q), level, fairness }),
      run: (f) => leadsTo(big.graph, initial, p, q, f, level),
    },
    {
      name: 'GF Q',
      expected: [false, true, true],
      problem: (fairness) => ({ initial, sources: all(n), region: not(q), accept: not(q), level: null, fairness }),
      run: (f) => infinitelyOften(big.graph, initial, q, f),
    },
    {
      name: 'FG not-P',
      expected: [false, null, null],
      problem: (fairness) => ({ initial, sources: all(n), region: all(n), accept: p, level: null, fairness }),
      run: (f) => eventuallyAlways(big.graph, initial, not(p), f),
    },
    {
      name: 'lasso from P through Q-or-P, accepting P',
      expected: [null, null, null],
      problem: (fairness) => ({ initial, sources: p, region: q.map((x, s) => x | p[s]), accept: p, level: null, fairness }),
      run: (f) => findFairLasso(big.graph, initial, { sources: p, region: q.map((x, s) => x | p[s]), accept: p }, f),
    },
  ];

  it.each(properties)('$name: expected verdicts, valid lassos, fairness only removes behaviours', ({ expected, problem, run }) => {
    const results = fairnessSets.map((f) => run(f));
    results.forEach((r, i) => expectValid(big, problem(fairnessSets[i]), r));
    expected.forEach((holds, i) => holds !== null && expect(results[i].holds).toBe(holds));
    const [unfair, w1, s1, w2, s2] = results;
    for (const r of results) {
      // the fair lassos are among all lassos: never a shorter stem than without fairness
      if (unfair.holds) expect(r.holds).toBe(true);
      else if (!r.holds) expect(r.loopStart).toBeGreaterThanOrEqual(unfair.loopStart);
      expect(r.triggered).toBe(unfair.triggered);
    }
    // strong fairness of a family implies its weak fairness
    if (w1.holds) expect(s1.holds).toBe(true);
    if (w2.holds) expect(s2.holds).toBe(true);
    if (!s1.holds && !w1.holds) expect(s1.loopStart).toBeGreaterThanOrEqual(w1.loopStart);
  });
});
