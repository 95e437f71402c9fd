/**
 * SharedSearch given the BFS levels of a graph numbered in BFS order (what
 * an exploration stores, and an unfolding of one): the searches take their
 * depths from the levels and scan the states in their numbering instead of
 * running a BFS of their own. Checked against searches that run their own
 * BFS, on random graphs renumbered by a breadth-first search written here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findFairLasso, SharedSearch, type LassoQuery } from '../../../checker/liveness/index.js';
import { graphOf, liveCaseArb, type LiveCase } from './support/cases.js';

/**
 * The case with its states renumbered: reached states first, level by level,
 * then the unreached ones; `withinLevel` orders the states of one level
 * (by discovery: exactly the order a BFS of the renumbered graph meets them).
 * Returns the case and the level starts (the last entry: the reached count).
 */
function renumbered(c: LiveCase, withinLevel: 'discovery' | 'reversed'): { c: LiveCase; levels: number[] } {
  const depth = new Array<number>(c.n).fill(-1);
  const found: number[] = [];
  for (const s of c.initial) if (depth[s] < 0) (depth[s] = 0), found.push(s);
  for (let head = 0; head < found.length; head++) {
    const u = found[head];
    for (const [src, , dst] of c.triples) if (src === u && depth[dst] < 0) (depth[dst] = depth[u] + 1), found.push(dst);
  }
  const byLevel: number[][] = [];
  for (const s of found) (byLevel[depth[s]] ??= []).push(s);
  if (withinLevel === 'reversed') for (const level of byLevel) level.reverse();
  const order = [...byLevel.flat(), ...Array.from({ length: c.n }, (_, s) => s).filter((s) => depth[s] < 0)];
  const levels = [0];
  for (const level of byLevel) levels.push(levels[levels.length - 1] + level.length);
  const id = new Array<number>(c.n);
  order.forEach((s, k) => (id[s] = k));
  const move = <T extends Uint8Array | Uint32Array>(m: T): T => m.map((_, k) => m[order[k]]) as T;
  const triples = order.flatMap((s) => c.triples.filter((t) => t[0] === s).map(([, l, d]) => [id[s], l, id[d]] as const));
  return {
    c: { ...c, triples, initial: c.initial.map((s) => id[s]), p: move(c.p), q: move(c.q), r: move(c.r), level: c.level === null ? null : move(c.level) },
    levels,
  };
}

const queries = (c: LiveCase): LassoQuery[] => [
  { sources: c.p, region: c.q, accept: c.r, level: c.level },
  { sources: c.p, region: c.q, accept: c.r, level: c.level, stutter: true },
  { sources: c.r, region: c.p, accept: c.p, level: null },
];

describe('SharedSearch with the BFS levels', () => {
  it('gives the results of searches that find their own depths, on a graph numbered by discovery', () => {
    fc.assert(
      fc.property(liveCaseArb(), (original) => {
        const { c, levels } = renumbered(original, 'discovery');
        const graph = graphOf(c);
        const given = new SharedSearch(graph, c.initial, levels);
        const own = new SharedSearch(graph, c.initial);
        for (const q of queries(c)) expect(findFairLasso(graph, c.initial, q, c.fairness, given)).toEqual(findFairLasso(graph, c.initial, q, c.fairness, own));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same verdicts and stem lengths when the states of a level are in another order', () => {
    fc.assert(
      fc.property(liveCaseArb(), (original) => {
        const { c, levels } = renumbered(original, 'reversed');
        const graph = graphOf(c);
        const given = new SharedSearch(graph, c.initial, levels);
        for (const q of queries(c)) {
          const got = findFairLasso(graph, c.initial, q, c.fairness, given);
          const expected = findFairLasso(graph, c.initial, q, c.fairness);
          expect(got.holds).toBe(expected.holds);
          expect(got.triggered).toBe(expected.triggered);
          if (!got.holds && !expected.holds) expect(got.loopStart).toBe(expected.loopStart);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses levels that cannot be the BFS levels from the initial states', () => {
    const c = renumbered(fc.sample(liveCaseArb(), { numRuns: 1, seed: 11 })[0], 'discovery');
    const graph = graphOf(c.c);
    expect(() => new SharedSearch(graph, c.c.initial, [1, ...c.levels.slice(1)])).toThrow(/start at state 0/);
    expect(() => new SharedSearch(graph, c.c.initial, [0, 0, ...c.levels.slice(1)])).toThrow(/must increase/);
    expect(() => new SharedSearch(graph, c.c.initial, [0, graph.stateCount + 1])).toThrow(/past the graph/);
    expect(() => new SharedSearch(graph, [...c.c.initial, c.levels[1]], c.levels)).toThrow(/initial state/);
  });
});
