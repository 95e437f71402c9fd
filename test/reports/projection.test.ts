/**
 * The projections against a direct recomputation from decoded states (the
 * diagrams drawn from them are tested in flowcharts.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { explore, type ExploredGraph, type StateIndex } from '../../checker/index.js';
import { FtModel } from '../../model/ft-model.js';
import { viewOf } from '../../model/view.js';
import { ALL_FT_STATES, ftStatesOf, nodeKey, project } from '../../reports/mermaid/projection.js';
import { params, readings } from './support/fixtures.js';

function run(p = params(), r = readings()): { model: FtModel; graph: ExploredGraph; complete: boolean } {
  const model = new FtModel(p, r);
  const res = explore(model, { recordEdges: true });
  return { model, graph: res.graph, complete: res.complete };
}

/** Projection recomputed the slow way: decode both ends of every edge. */
function naive(model: FtModel, graph: ExploredGraph, systems: number[]) {
  const key = (i: number) => nodeKey(systems.map((s) => viewOf(model, graph.readState(i as StateIndex)).systems[s].st));
  const keys = Array.from({ length: graph.stateCount }, (_, i) => key(i));
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  const edges = new Map<string, Set<string>>();
  graph.edges!.forEachEdge((s, l, d) => {
    const k = `${keys[s]} -> ${keys[d]}`;
    if (!edges.has(k)) edges.set(k, new Set());
    edges.get(k)!.add(model.labelNames[l]);
  });
  return { counts, edges };
}

describe('project', () => {
  const { model, graph, complete } = run();
  const ft = ftStatesOf(model, graph);
  const n = model.params.systems;

  for (const systems of [[0], [1], [0, 1]]) {
    it(`onto ${systems.map((s) => '#' + s).join(', ')}: the same nodes, counts, edges and labels as decoding every edge`, () => {
      const p = project(graph, ft, n, systems, { complete });
      const want = naive(model, graph, systems);
      const counts = new Map(p.nodes().filter((k) => p.node(k).count > 0).map((k) => [k, p.node(k).count]));
      expect(counts).toEqual(want.counts);
      const edges = new Map(p.edges().map((e) => [`${e.v} -> ${e.w}`, new Set(p.edge(e).labels.map((l) => model.labelNames[l]))]));
      expect(edges).toEqual(want.edges);
      expect(p.edges().reduce((a, e) => a + p.edge(e).firings, 0)).toBe(graph.edges!.count);
      expect(p.graph()).toEqual({ systems, complete });
    });
  }

  it('with allStates, one node per FT state (unreached ones with count 0)', () => {
    const p = project(graph, ft, n, [0], { complete, allStates: true });
    expect(p.nodes().sort()).toEqual(ALL_FT_STATES.map((st) => nodeKey([st])).sort());
    expect(p.nodes().reduce((a, k) => a + p.node(k).count, 0)).toBe(graph.stateCount);
  });

  it('refuses a graph explored without edges', () => {
    const g = explore(model, { maxStates: 10 }).graph;
    expect(() => project(g, ftStatesOf(model, g), n, [0], { complete: false })).toThrow(/recordEdges/);
  });
});
