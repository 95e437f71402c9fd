import { expect } from 'vitest';
import type { ExploreResult, StateIndex } from '../../../../checker/index.js';

/**
 * Differences between two results, state by state and edge by edge, as
 * counts per kind (one expect for the lot instead of one per state): the
 * parallel run must number, link and label every state as the sequential
 * one does, and record the same edges in the same order.
 */
export function graphDifferences(a: ExploreResult, b: ExploreResult) {
  const ga = a.graph;
  const gb = b.graph;
  const d = { stateCount: ga.stateCount - gb.stateCount, words: 0, parent: 0, label: 0, depth: 0, indexOf: 0, firstEdge: 0, target: 0, edgeLabel: 0 };
  const n = Math.min(ga.stateCount, gb.stateCount);
  const wa = new Uint32Array(ga.stateWords);
  const wb = new Uint32Array(gb.stateWords);
  for (let i = 0; i < n; i++) {
    const s = i as StateIndex;
    ga.readState(s, wa);
    gb.readState(s, wb);
    if (wa.some((x, k) => x !== wb[k])) d.words++;
    if (ga.parentOf(s) !== gb.parentOf(s)) d.parent++;
    if (ga.labelInto(s) !== gb.labelInto(s)) d.label++;
    if (ga.depthOf(s) !== gb.depthOf(s)) d.depth++;
    if (ga.indexOf(wa) !== i) d.indexOf++;
  }
  const ea = ga.edges;
  const eb = gb.edges;
  if (ea !== undefined && eb !== undefined) {
    for (let s = 0; s <= n; s++) if (ea.firstEdge(s) !== eb.firstEdge(s)) d.firstEdge++;
    for (let k = 0; k < Math.min(ea.count, eb.count); k++) {
      if (ea.target(k) !== eb.target(k)) d.target++;
      if (ea.labelled && eb.labelled && ea.label(k) !== eb.label(k)) d.edgeLabel++;
    }
  }
  return d;
}

const NONE = { stateCount: 0, words: 0, parent: 0, label: 0, depth: 0, indexOf: 0, firstEdge: 0, target: 0, edgeLabel: 0 };

/** Asserts that `par` is the same run as `seq` (a complete run): every figure, verdict, list and the whole graph. */
export function expectSameRun(par: ExploreResult, seq: ExploreResult): void {
  expect(par.complete).toBe(seq.complete);
  expect(par.stopReason).toBe(seq.stopReason);
  const figures = (r: ExploreResult) => [r.stats.states, r.stats.expanded, r.stats.transitions, r.stats.depth];
  expect(figures(par)).toEqual(figures(seq));
  expect(par.violations).toEqual(seq.violations);
  expect(par.deadlockCount).toBe(seq.deadlockCount);
  expect(par.deadlocks).toEqual(seq.deadlocks);
  expect(par.triggers).toEqual(seq.triggers);
  expect(Array.from(par.coverage.firings)).toEqual(Array.from(seq.coverage.firings));
  expect(Array.from(par.coverage.discovered)).toEqual(Array.from(seq.coverage.discovered));
  expect(par.coverage.labelNames).toEqual(seq.coverage.labelNames);
  expect(Array.from(par.counters)).toEqual(Array.from(seq.counters));
  expect(par.graph.edges === undefined).toBe(seq.graph.edges === undefined);
  if (seq.graph.edges !== undefined) {
    expect(par.graph.edges!.count).toBe(seq.graph.edges.count);
    expect(par.graph.edges!.labelled).toBe(seq.graph.edges.labelled);
  }
  expect(graphDifferences(par, seq)).toEqual(NONE);
}
