/**
 * The projections against a direct recomputation from decoded states, and
 * the FIG. 8 diagram's marks (unreached states, patent transitions not
 * taken, group arrows) read back from the diagram text.
 */
import { describe, expect, it } from 'vitest';
import { explore, type ExploredGraph, type StateIndex } from '../../checker/index.js';
import { FtModel } from '../../model/ft-model.js';
import { viewOf } from '../../model/view.js';
import { PATENT_EDGES } from '../../reports/mermaid/patent-edges.js';
import { ALL_FT_STATES, ftStatesOf, nodeKey, project } from '../../reports/mermaid/projection.js';
import { drawnTransitions, stateDiagram } from '../../reports/mermaid/state-diagram.js';
import { describeState } from '../../reports/mermaid/projection.js';
import { decodeMermaid } from './support/mermaid-page.js';
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

/** The arrows of a stateDiagram text: [from id, to id, decoded label lines]. */
function arrowsOf(text: string): [string, string, string[]][] {
  return [...text.matchAll(/^\s*(\w+) --> (\w+) : (.*)$/gm)].map((m) => [m[1], m[2], m[3].split('<br/>').map(decodeMermaid)]);
}

describe('FIG. 8 state diagram', () => {
  // No failure budget: nothing can fail or disagree, so Fault, Online async and Pre offline are out of reach.
  const cases = { defaults: run(), 'no failures (F=0)': run(params({ faults: 0 })) };
  for (const [name, r] of Object.entries(cases)) {
    describe(name, () => {
      const ft = ftStatesOf(r.model, r.graph);
      const p = project(r.graph, ft, r.model.params.systems, [0], { complete: r.complete, allStates: true });
      const text = stateDiagram(p, { labelNames: r.model.labelNames, title: 't' });
      const reached = new Set(p.nodes().filter((k) => p.node(k).count > 0));
      const drawn = drawnTransitions(p, r.model.labelNames);

      it('marks exactly the unreached states', () => {
        const marked = [...text.matchAll(/^\s*class (\w+) unreached$/gm)].map((m) => m[1]).sort();
        expect(marked).toEqual(ALL_FT_STATES.map((st) => nodeKey([st])).filter((k) => !reached.has(k)).sort());
      });

      it('draws every patent transition: taken with its labels, or NOT TAKEN exactly when no edge projects onto it', () => {
        for (const pe of PATENT_EDGES) {
          const taken = p.hasEdge(nodeKey([pe.from]), nodeKey([pe.to]));
          const t = drawn.find((x) => x.from === pe.from && x.to === pe.to)!;
          expect(t, `${pe.from}->${pe.to}`).toBeDefined();
          expect(t.kind).toBe(taken ? 'patent' : 'not-taken');
          expect(t.cites).toBe(pe.cites);
        }
        const notTakenLines = arrowsOf(text).filter(([, , lines]) => lines[0].startsWith('NOT TAKEN'));
        expect(notTakenLines.length).toBe(drawn.filter((t) => t.kind === 'not-taken').length);
      });

      it('every drawn arrow, with group arrows expanded, is a projected transition or a patent one, and none is lost', () => {
        const ids = new Map(ALL_FT_STATES.map((st) => [nodeKey([st]), st]));
        const got = new Set<string>();
        for (const [from, to, lines] of arrowsOf(text)) {
          if (from === '[*]') continue;
          const g = /^group_(\w+)$/.exec(from);
          const sources = g ? ALL_FT_STATES.filter((st) => describeState(st).group === g[1] && reached.has(nodeKey([st]))) : [ids.get(from)!];
          if (g) expect(lines.some((l) => l.startsWith('from every'))).toBe(true);
          for (const s of sources) got.add(`${s}->${ids.get(to)}`);
        }
        expect(got).toEqual(new Set(drawn.map((t) => `${t.from}->${t.to}`)));
        expect(drawn.every((t) => t.from !== t.to)).toBe(true);
      });

      it('labels each taken arrow with its first labels and counts the rest', () => {
        for (const [from, to, lines] of arrowsOf(text)) {
          if (from.startsWith('group_') || lines[0].startsWith('NOT TAKEN')) continue;
          const e = p.edge(from, to);
          const names = e.labels.map((l) => r.model.labelNames[l]);
          expect(lines.slice(0, Math.min(names.length, 4))).toEqual(names.slice(0, 4));
          if (names.length > 4) expect(lines[4]).toBe(`+${names.length - 4} more`);
        }
      });
    });
  }

  it('with no failures, Fault is never reached and the failure transitions of the patent are not taken', () => {
    const r = cases['no failures (F=0)'];
    const p = project(r.graph, ftStatesOf(r.model, r.graph), r.model.params.systems, [0], { complete: r.complete, allStates: true });
    expect(p.node('ST10').count).toBe(0);
    const notTaken = drawnTransitions(p, r.model.labelNames).filter((t) => t.kind === 'not-taken');
    expect(notTaken.map((t) => t.to)).toContain(10);
  });
});
