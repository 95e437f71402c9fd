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
import { all, not } from './support/cases.js';
import type { NaiveProblem } from './support/naive-liveness.js';
import { lassoProblems } from './support/validate-lasso.js';

/**
 * A hand-drawn graph: labels by name, edges `src label dst` listed in source
 * order, so edge id = position in the list.
 */
function drawn(n: number, labels: string[], edges: Array<[number, string, number]>) {
  const triples = edges.map(([s, l, d]) => [s, labels.indexOf(l), d] as const);
  triples.forEach((t, k) => {
    if (k > 0 && triples[k - 1][0] > t[0]) throw new Error('edges out of source order');
  });
  const graph = FlatEdgeGraph.fromTriples(n, labels.length, triples);
  const family = (kind: 'weak' | 'strong', ...names: string[]): FairnessConstraint => ({
    kind,
    name: `${kind}(${names.join(',')})`,
    labels: Uint8Array.from(labels, (l) => Number(names.includes(l))),
  });
  const states = (...ids: number[]) => Uint8Array.from({ length: n }, (_, s) => Number(ids.includes(s)));
  return { n, graph, triples, family, states };
}

type Drawn = ReturnType<typeof drawn>;

/** The result is a lasso with these states and loop start, and the test-only validator accepts it. */
function expectLasso(g: Drawn, problem: Omit<NaiveProblem, 'n' | 'triples'>, r: LivenessResult, states: number[], loopStart: number) {
  expect(r.holds).toBe(false);
  if (r.holds) return;
  expect({ states: r.states, loopStart: r.loopStart }).toEqual({ states, loopStart });
  expect(lassoProblems({ n: g.n, triples: g.triples, ...problem }, r)).toEqual([]);
}

const leadsToProblem = (p: Uint8Array, q: Uint8Array, fairness: FairnessConstraint[], level: Uint32Array | null = null) => ({
  initial: [0],
  sources: p,
  region: not(q),
  accept: not(q),
  level,
  fairness,
});

describe('leadsTo, weak fairness', () => {
  // 0 (request) idles forever or is served: 1 (served).
  const g = drawn(2, ['idle', 'serve'], [
    [0, 'idle', 0],
    [0, 'serve', 1],
    [1, 'idle', 1],
  ]);
  const p = g.states(0);
  const q = g.states(1);

  it('fails without fairness: idling forever at the request', () => {
    const r = leadsTo(g.graph, [0], p, q, []);
    expectLasso(g, leadsToProblem(p, q, []), r, [0, 0], 0);
    expect(r.holds === false && r.edges).toEqual([0]);
  });

  it('holds under weak fairness of serve: enabled all along the idle loop, never taken', () => {
    expect(leadsTo(g.graph, [0], p, q, [g.family('weak', 'serve')])).toEqual({ holds: true, triggered: 1 });
  });
});

describe('leadsTo, weak versus strong fairness', () => {
  // 0 (request) -> 1 -> 0 ... ; serve (0 -> 2) is enabled at 0 only.
  const g = drawn(3, ['step', 'serve'], [
    [0, 'step', 1],
    [0, 'serve', 2],
    [1, 'step', 0],
    [2, 'step', 2],
  ]);
  const p = g.states(0);
  const q = g.states(2);

  it('fails under weak fairness of serve: the loop 0 1 0 is fair, serve is disabled at 1', () => {
    const fairness = [g.family('weak', 'serve')];
    const r = leadsTo(g.graph, [0], p, q, fairness);
    expectLasso(g, leadsToProblem(p, q, fairness), r, [0, 1, 0], 0);
    expect(r.holds === false && r.edges).toEqual([0, 2]);
  });

  it('holds under strong fairness of serve: enabled infinitely often on that loop, never taken', () => {
    expect(leadsTo(g.graph, [0], p, q, [g.family('strong', 'serve')]).holds).toBe(true);
  });
});

describe('leadsTo, strong fairness refinement', () => {
  // {0, 1, 2} is one component; serve leaves it from 0 only. Strong fairness
  // removes 0; the sub-component {1, 2} is a fair loop that never offers serve.
  const g = drawn(4, ['step', 'serve'], [
    [0, 'step', 1],
    [0, 'serve', 3],
    [1, 'step', 0],
    [1, 'step', 2],
    [2, 'step', 1],
    [3, 'step', 3],
  ]);
  const p = g.states(0);
  const q = g.states(3);

  it('fails with a loop inside the sub-component, after the shortest stem', () => {
    const fairness = [g.family('strong', 'serve')];
    const r = leadsTo(g.graph, [0], p, q, fairness);
    expectLasso(g, leadsToProblem(p, q, fairness), r, [0, 1, 2, 1], 1);
  });

  it('holds once the sub-component offers serve too', () => {
    const h = drawn(4, ['step', 'serve'], [
      [0, 'step', 1],
      [0, 'serve', 3],
      [1, 'step', 0],
      [1, 'step', 2],
      [2, 'step', 1],
      [2, 'serve', 3],
      [3, 'step', 3],
    ]);
    expect(leadsTo(h.graph, [0], p, q, [h.family('strong', 'serve')]).holds).toBe(true);
    // weak fairness still admits 0 1 0 (serve disabled at 1)
    expect(leadsTo(h.graph, [0], p, q, [h.family('weak', 'serve')]).holds).toBe(false);
  });
});

describe('leadsTo, dead ends and vacuity', () => {
  const g = drawn(3, ['a'], [
    [0, 'a', 1],
    [0, 'a', 2],
  ]);

  it('fails at a dead end outside Q: the behaviour stutters there forever', () => {
    const p = g.states(1);
    const q = g.states(2);
    const r = leadsTo(g.graph, [0], p, q, [g.family('weak', 'a'), g.family('strong', 'a')]);
    expectLasso(g, leadsToProblem(p, q, []), r, [0, 1], 1);
  });

  it('holds vacuously when no P state is reachable, with triggered = 0', () => {
    expect(leadsTo(g.graph, [1], g.states(0), g.states(2), [])).toEqual({ holds: true, triggered: 0 });
  });

  it('a P state that is already Q is triggered and satisfied', () => {
    expect(leadsTo(g.graph, [0], g.states(0, 2), g.states(0, 2), [])).toEqual({ holds: true, triggered: 2 });
  });
});

describe('leadsTo with a level (under no further failures)', () => {
  // 0 (request, level 0) is served (-> 1) or fails over (-> 2, level 1, which loops without serving).
  const g = drawn(3, ['serve', 'fail', 'idle'], [
    [0, 'serve', 1],
    [0, 'fail', 2],
    [1, 'idle', 1],
    [2, 'idle', 2],
  ]);
  const p = g.states(0);
  const q = g.states(1);
  const fairness = [g.family('weak', 'serve')];
  const level = Uint32Array.of(0, 0, 1);

  it('fails without a level: after the failure the request is never served', () => {
    const r = leadsTo(g.graph, [0], p, q, fairness);
    expectLasso(g, leadsToProblem(p, q, fairness), r, [0, 2, 2], 1);
  });

  it('holds with the level: leaving it counts as escaping', () => {
    expect(leadsTo(g.graph, [0], p, q, fairness, level).holds).toBe(true);
  });

  it('still fails on a loop inside the level', () => {
    const h = drawn(3, ['serve', 'fail', 'idle'], [
      [0, 'idle', 0],
      [0, 'serve', 1],
      [0, 'fail', 2],
      [1, 'idle', 1],
      [2, 'idle', 2],
    ]);
    const r = leadsTo(h.graph, [0], p, q, [], level);
    expectLasso(h, leadsToProblem(p, q, [], level), r, [0, 0], 0);
  });
});

describe('infinitelyOften (GF)', () => {
  // 0 <-> 1 (P) on go, 0 may wait forever.
  const g = drawn(2, ['go', 'wait'], [
    [0, 'go', 1],
    [0, 'wait', 0],
    [1, 'go', 0],
  ]);
  const p = g.states(1);
  const problem = { initial: [0], sources: all(2), region: not(p), accept: not(p), level: null };

  it('fails without fairness: waiting forever at 0', () => {
    const r = infinitelyOften(g.graph, [0], p, []);
    expectLasso(g, { ...problem, fairness: [] }, r, [0, 0], 0);
    expect(r.triggered).toBe(2);
  });

  it('holds under weak fairness of go', () => {
    expect(infinitelyOften(g.graph, [0], p, [g.family('weak', 'go')]).holds).toBe(true);
  });

  it('fails at a dead end outside P even when P was visited before', () => {
    const h = drawn(3, ['go'], [
      [0, 'go', 1],
      [1, 'go', 2],
    ]);
    const r = infinitelyOften(h.graph, [0], h.states(1), [h.family('strong', 'go')]);
    expect(r.holds === false && r.states).toEqual([0, 1, 2]);
    expect(r.holds === false && r.loopStart).toBe(2);
  });
});

describe('eventuallyAlways (FG)', () => {
  // 0 (not P) may loop on b; a leads to 1 (P), which loops on a.
  const g = drawn(2, ['a', 'b'], [
    [0, 'a', 1],
    [0, 'b', 0],
    [1, 'a', 1],
  ]);
  const p = g.states(1);
  const problem = { initial: [0], sources: all(2), region: all(2), accept: not(p), level: null };

  it('fails without fairness: b forever at 0', () => {
    const r = eventuallyAlways(g.graph, [0], p, []);
    expectLasso(g, { ...problem, fairness: [] }, r, [0, 0], 0);
  });

  it('holds under weak fairness of a', () => {
    expect(eventuallyAlways(g.graph, [0], p, [g.family('weak', 'a')])).toEqual({ holds: true, triggered: 2 });
  });

  it('fails on a cycle that keeps coming back to not-P, fairness or not', () => {
    const h = drawn(3, ['a'], [
      [0, 'a', 1],
      [1, 'a', 2],
      [2, 'a', 1],
    ]);
    const r = eventuallyAlways(h.graph, [0], h.states(0, 1), [h.family('weak', 'a'), h.family('strong', 'a')]);
    expect(r.holds === false && { states: r.states, loopStart: r.loopStart }).toEqual({ states: [0, 1, 2, 1], loopStart: 1 });
  });

  it('fails at a not-P dead end', () => {
    const h = drawn(2, ['a'], [[0, 'a', 1]]);
    const r = eventuallyAlways(h.graph, [0], h.states(0), []);
    expect(r.holds === false && { states: r.states, edges: r.edges, loopStart: r.loopStart }).toEqual({ states: [0, 1], edges: [0], loopStart: 1 });
  });
});

describe('findFairLasso input checks', () => {
  const g = drawn(2, ['a'], [[0, 'a', 1]]);
  const ok = { sources: all(2), region: all(2), accept: all(2) };

  it('rejects masks of the wrong length, bad initial states, bad fairness labels', () => {
    expect(() => findFairLasso(g.graph, [0], { ...ok, region: all(3) }, [])).toThrow(/region has length 3/);
    expect(() => findFairLasso(g.graph, [0], { ...ok, level: new Uint32Array(1) }, [])).toThrow(/level has length 1/);
    expect(() => findFairLasso(g.graph, [2], ok, [])).toThrow(/initial state 2/);
    expect(() => findFairLasso(g.graph, [0], ok, [{ kind: 'weak', name: 'w', labels: new Uint8Array(2) }])).toThrow(/fairness constraint w/);
  });

  it('handles an empty graph and no initial states', () => {
    const empty = FlatEdgeGraph.fromTriples(0, 1, []);
    expect(findFairLasso(empty, [], { sources: all(0), region: all(0), accept: all(0) }, [])).toEqual({ holds: true, triggered: 0 });
    expect(findFairLasso(g.graph, [], ok, [])).toEqual({ holds: true, triggered: 0 });
  });
});
