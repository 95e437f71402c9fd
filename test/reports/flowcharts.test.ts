/**
 * FIG. 8 and the product graph read back from their Mermaid text: which
 * arrows are drawn, in which style (patent / model reading / failure / not
 * taken), with which labels, the legend that explains the styles once, and
 * what `--hide failures,readings` leaves out. Rendering and label overlap
 * are checked in diagrams.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { explore, type ExploredGraph } from '../../checker/index.js';
import { FtModel } from '../../model/ft-model.js';
import { actionOf, groupByAction, isFailureLabel, legendText, packLines, parseHide, type Hide } from '../../reports/mermaid/edge-style.js';
import { drawnTransitions, fig8Flowchart } from '../../reports/mermaid/fig8.js';
import { PATENT_EDGES, patentEdge, patentNames } from '../../reports/mermaid/patent-edges.js';
import { groupFlowchart, productArrows, productFlowchart } from '../../reports/mermaid/product.js';
import { ALL_FT_STATES, describeState, ftStatesOf, nodeKey, project, type Projection } from '../../reports/mermaid/projection.js';
import { isDashed, isNotTaken, isRed, parseFlowchart, type ParsedArrow } from './support/flowchart-text.js';
import { params, readings } from './support/fixtures.js';

function run(p = params()): { model: FtModel; graph: ExploredGraph; complete: boolean } {
  const model = new FtModel(p, readings());
  const res = explore(model, { recordEdges: true });
  return { model, graph: res.graph, complete: res.complete };
}

const HIDES: Record<string, Hide> = {
  'nothing hidden': { failures: false, readings: false },
  'failures hidden': { failures: true, readings: false },
  'readings hidden': { failures: false, readings: true },
  'both hidden': { failures: true, readings: true },
};

/** The label items of an arrow (model labels or `action xk`), without the paragraphs and group lines. */
function items(a: ParsedArrow, cites: string | undefined): string[] {
  const lines = a.lines.filter((l) => l !== cites && !l.startsWith('from every'));
  return lines.join(' ').split(/,\s+/).filter(Boolean);
}

const STATE_IDS = new Map(ALL_FT_STATES.map((st) => [st === 0 ? 'off' : `ST${st}`, st]));

const cases = { defaults: run(), 'no failures (F=0)': run(params({ faults: 0 })) };

describe('FIG. 8 flowchart', () => {
  for (const [name, r] of Object.entries(cases)) {
    const p = project(r.graph, ftStatesOf(r.model, r.graph), r.model.params.systems, [0], { complete: r.complete, allStates: true });
    const reached = new Set(p.nodes().filter((k) => p.node(k).count > 0));
    for (const [hideName, hide] of Object.entries(HIDES)) {
      if (name !== 'defaults' && hideName !== 'nothing hidden') continue;
      describe(`${name}, ${hideName}`, () => {
        const text = fig8Flowchart(p, { labelNames: r.model.labelNames, title: 't', hide }).text;
        const fc = parseFlowchart(text);
        const drawn = fc.arrows.filter((a) => !a.legend && a.from !== 'initial');
        const legend = fc.arrows.filter((a) => a.legend);
        const transitions = drawnTransitions(p, r.model.labelNames, hide);

        it('marks exactly the unreached states', () => {
          const marked = [...fc.nodes].filter(([, c]) => c === 'unreached').map(([id]) => id).sort();
          expect(marked).toEqual(ALL_FT_STATES.map((st) => nodeKey([st])).filter((k) => !reached.has(k)).map((k) => (k === 'off' ? 'off' : k)).sort());
        });

        it('draws every arrow, group arrows expanded, as a drawn transition, and loses none', () => {
          const got = new Set<string>();
          for (const a of drawn) {
            const g = /^group_(\w+)$/.exec(a.from);
            const sources = g ? ALL_FT_STATES.filter((st) => describeState(st).group === g[1] && reached.has(nodeKey([st]))) : [STATE_IDS.get(a.from)!];
            if (g) expect(a.lines.some((l) => l.startsWith('from every'))).toBe(true);
            for (const s of sources) got.add(`${s}->${STATE_IDS.get(a.to)}`);
          }
          expect(got).toEqual(new Set(transitions.map((t) => `${t.from}->${t.to}`)));
          expect(transitions.every((t) => t.from !== t.to)).toBe(true);
        });

        it('styles each arrow by its labels: red for failure injections, dashed for labels the patent does not name, paragraphs on the rest', () => {
          for (const a of drawn) {
            const to = STATE_IDS.get(a.to)!;
            const g = /^group_(\w+)$/.exec(a.from);
            const froms = g ? ALL_FT_STATES.filter((st) => describeState(st).group === g[1] && reached.has(nodeKey([st]))) : [STATE_IDS.get(a.from)!];
            if (isNotTaken(a)) {
              expect(a.lines[0]).toMatch(/^NOT TAKEN/);
              expect(a.lines.at(-1)).toBe(patentEdge(froms[0], to)!.cites);
              continue;
            }
            const cites = patentEdge(froms[0], to)?.cites;
            const its = items(a, cites);
            expect(its.length, `${a.from}->${a.to}`).toBeGreaterThan(0);
            const actions = its.map((x) => actionOf(x.replace(/ x\d+$/, '')));
            for (const from of froms) {
              const named = actions.map((act) => patentNames(from, to, act));
              expect(new Set(named).size, `${a.from}->${a.to}: ${its.join(', ')}`).toBe(1);
              expect(isDashed(a), `${a.from}->${a.to}`).toBe(!named[0]);
            }
            const injected = actions.map((act) => isFailureLabel(act));
            expect(new Set(injected).size).toBe(1);
            expect(isRed(a), `${a.from}->${a.to}`).toBe(injected[0]);
            if (!isDashed(a)) expect(a.lines.at(-1)).toBe(cites);
            if (hide.failures) expect(isRed(a)).toBe(false);
            if (hide.readings) expect(isDashed(a)).toBe(false);
          }
        });

        it('labels each arrow with its labels grouped by action, packed in short lines', () => {
          for (const t of transitions.filter((x) => x.source !== 'not-taken')) {
            const want = packLines(groupByAction(t.labels));
            const a = drawn.find((x) => x.to === nodeKey([t.to]) && (x.from === nodeKey([t.from]) || x.from === `group_${describeState(t.from).group}`) && want.every((l, k) => x.lines[k] === l));
            expect(a, `${t.from}->${t.to} ${t.labels.join(' ')}`).toBeDefined();
            for (const l of a!.lines) expect(l.length, l).toBeLessThanOrEqual(30);
          }
          // every projected label is on some arrow (or hidden)
          for (const e of p.edges()) {
            if (e.v === e.w) continue;
            for (const l of p.edge(e).labels) {
              const n = r.model.labelNames[l];
              const src = p.node(e.v).states[0];
              const hidden = (hide.failures && isFailureLabel(n)) || (hide.readings && !patentNames(src, p.node(e.w).states[0], actionOf(n)));
              expect(transitions.some((t) => t.from === src && t.to === p.node(e.w).states[0] && t.labels.includes(n)), n).toBe(!hidden);
            }
          }
        });

        it('draws every patent transition: with its paragraphs when a label of its action takes it, else NOT TAKEN', () => {
          for (const pe of PATENT_EDGES) {
            const taken = p.hasEdge(nodeKey([pe.from]), nodeKey([pe.to])) && p.edge(nodeKey([pe.from]), nodeKey([pe.to])).labels.some((l) => pe.actions.includes(actionOf(r.model.labelNames[l])));
            const ts = transitions.filter((x) => x.from === pe.from && x.to === pe.to && x.source !== 'reading');
            const failure = pe.actions.every((a) => isFailureLabel(a));
            if (hide.failures && failure && !taken) {
              expect(ts).toEqual([]);
              continue;
            }
            if (!taken) expect(ts.map((t) => t.source), `${pe.from}->${pe.to}`).toEqual(['not-taken']);
            else if (!hide.failures || !ts.every((t) => t.failure)) expect(ts.some((t) => t.source === 'patent'), `${pe.from}->${pe.to}`).toBe(true);
            for (const t of ts) expect(t.cites).toBe(pe.cites);
          }
        });

        it('explains each style once, in the legend, and nowhere else', () => {
          const styles = new Set(drawn.map((a) => a.css));
          expect(legend.map((a) => a.css).sort()).toEqual([...styles].sort());
          expect(new Set(legend.map((a) => a.lines.join(' '))).size).toBe(legend.length);
          for (const a of drawn) expect(a.lines.join(' ')).not.toMatch(/model reading|named in the patent/);
          const readingEntries = legend.filter((a) => a.lines.join(' ').includes('a model reading'));
          expect(readingEntries.length).toBe(new Set(drawn.filter(isDashed).map((a) => a.css)).size);
          expect(text.match(/a model reading/g)?.length ?? 0).toBe(readingEntries.length);
        });
      });
    }
  }

  it('hiding leaves out arrows and nothing else: every arrow drawn with --hide is drawn the same without it', () => {
    const r = cases.defaults;
    const p = project(r.graph, ftStatesOf(r.model, r.graph), r.model.params.systems, [0], { complete: r.complete, allStates: true });
    const all = parseFlowchart(fig8Flowchart(p, { labelNames: r.model.labelNames, title: 't' }).text);
    const key = (a: ParsedArrow) => `${a.from}>${a.to}>${a.lines.join('/')}>${a.css}`;
    const full = new Set(all.arrows.filter((a) => !a.legend).map(key));
    for (const hide of Object.values(HIDES)) {
      const h = parseFlowchart(fig8Flowchart(p, { labelNames: r.model.labelNames, title: 't', hide }).text);
      for (const a of h.arrows.filter((x) => !x.legend)) expect(full).toContain(key(a));
      expect([...h.nodes.keys()].filter((k) => /^(off|ST\d+)$/.test(k)).sort()).toEqual([...all.nodes.keys()].filter((k) => /^(off|ST\d+)$/.test(k)).sort());
    }
    // the case: crosslink_lost is a failure injection the patent does not name, drawn red and dashed
    const lost = all.arrows.filter((a) => a.lines.some((l) => l.startsWith('crosslink_lost')));
    expect(lost.length).toBeGreaterThan(0);
    for (const a of lost) expect(isRed(a) && isDashed(a)).toBe(true);
  });

  it('with no failures, Fault is never reached and the failure transitions of the patent are NOT TAKEN', () => {
    const r = cases['no failures (F=0)'];
    const p = project(r.graph, ftStatesOf(r.model, r.graph), r.model.params.systems, [0], { complete: r.complete, allStates: true });
    expect(p.node('ST10').count).toBe(0);
    const notTaken = drawnTransitions(p, r.model.labelNames).filter((t) => t.source === 'not-taken');
    expect(notTaken.map((t) => t.to)).toContain(10);
    const fc = parseFlowchart(fig8Flowchart(p, { labelNames: r.model.labelNames, title: 't' }).text);
    expect(fc.arrows.filter((a) => a.legend && a.lines.join(' ') === legendText({ source: 'not-taken', failure: false }))).toHaveLength(1);
  });
});

describe('--hide values', () => {
  it('takes failures, readings or both, and nothing else', () => {
    expect(parseHide('failures')).toEqual({ failures: true, readings: false });
    expect(parseHide('readings')).toEqual({ failures: false, readings: true });
    expect(parseHide('failures,readings')).toEqual({ failures: true, readings: true });
    expect(parseHide('readings, failures')).toEqual({ failures: true, readings: true });
    for (const bad of ['', 'failure', 'failures,', 'all', 'failures;readings']) expect(parseHide(bad), bad).toHaveProperty('error');
  });
});

describe('product graph', () => {
  const r = cases.defaults;
  const names = r.model.labelNames;
  const p: Projection = project(r.graph, ftStatesOf(r.model, r.graph), r.model.params.systems, [0, 1], { complete: r.complete });

  it('splits each projected edge by style and keeps every label', () => {
    const arrows = productArrows(p, names);
    for (const e of p.edges()) {
      if (e.v === e.w) continue;
      const on = arrows.filter((a) => a.v === e.v && a.w === e.w);
      expect(on.flatMap((a) => a.labels).sort()).toEqual(p.edge(e).labels.map((l) => names[l]).sort());
      expect(new Set(on.map((a) => `${a.style.source}/${a.style.failure}`)).size).toBe(on.length);
      const [a, b] = [p.node(e.v).states, p.node(e.w).states];
      for (const x of on) {
        for (const l of x.labels) {
          expect(isFailureLabel(l)).toBe(x.style.failure);
          expect(a.every((st, i) => st === b[i] || patentNames(st, b[i], actionOf(l)))).toBe(x.style.source === 'patent');
        }
      }
    }
  });

  it('draws one node per reached tuple and one arrow per style, labels grouped by action, with a legend', () => {
    const fc = productFlowchart(p, { labelNames: names, title: 't' });
    const parsed = parseFlowchart(fc.text);
    const arrows = productArrows(p, names);
    expect(fc.edges).toBe(arrows.length);
    expect(fc.nodes).toBe(p.nodeCount());
    const drawn = parsed.arrows.filter((a) => !a.legend);
    expect(drawn).toHaveLength(arrows.length);
    arrows.forEach((a, k) => {
      expect(drawn[k].lines).toEqual(packLines(groupByAction(a.labels)));
      expect(isRed(drawn[k])).toBe(a.style.failure);
      expect(isDashed(drawn[k])).toBe(a.style.source === 'reading');
    });
    expect(parsed.arrows.filter((a) => a.legend).length).toBe(new Set(drawn.map((a) => a.css)).size);
    expect(fc.text).toMatch(/^config: \{"layout":"elk"\}$/m);
  });

  it('with --hide, keeps the tuples still reached from all-off without the hidden arrows', () => {
    for (const hide of Object.values(HIDES).filter((h) => h.failures || h.readings)) {
      const arrows = productArrows(p, names, hide);
      for (const a of arrows) {
        if (hide.failures) expect(a.style.failure).toBe(false);
        if (hide.readings) expect(a.style.source).toBe('patent');
      }
      const start = p.nodes().find((k) => p.node(k).states.every((st) => st === 0))!;
      const reached = new Set([start]);
      for (let grew = true; grew; ) {
        grew = false;
        for (const a of arrows) if (reached.has(a.v) && !reached.has(a.w)) (reached.add(a.w), (grew = true));
      }
      for (const a of arrows) expect(reached.has(a.v) && reached.has(a.w)).toBe(true);
      const fc = productFlowchart(p, { labelNames: names, title: 't', hide });
      expect(fc.nodes).toBe(reached.size);
      const drawn = parseFlowchart(fc.text).arrows.filter((a) => !a.legend);
      if (hide.failures) expect(drawn.some(isRed)).toBe(false);
      if (hide.readings) expect(drawn.some(isDashed)).toBe(false);
    }
  });

  it('projected onto state groups: each node lists its tuples, each arrow joins two groups and carries their labels', () => {
    const fc = groupFlowchart(p, { labelNames: names, title: 't' });
    const parsed = parseFlowchart(fc.text);
    const listed = [...parsed.nodeText.entries()].filter(([id]) => id.startsWith('C_'));
    expect(listed.length).toBe(fc.nodes);
    const tupleText = (k: string) => p.node(k).states.map((st) => (st === 0 ? 'off' : `ST${st}`)).join('|');
    const owner = new Map<string, string>();
    for (const [id, lines] of listed) for (const t of lines.slice(1, -1).join(' ').split(/,\s+/).filter(Boolean)) owner.set(t, id);
    expect([...owner.keys()].sort()).toEqual(p.nodes().map(tupleText).sort());
    const drawn = parsed.arrows.filter((a) => !a.legend);
    expect(drawn.length).toBe(fc.edges);
    for (const a of productArrows(p, names)) {
      const from = owner.get(tupleText(a.v))!;
      const to = owner.get(tupleText(a.w))!;
      if (from === to) continue;
      const on = drawn.filter((d) => d.from === from && d.to === to && isRed(d) === a.style.failure && isDashed(d) === (a.style.source === 'reading'));
      expect(on, `${a.v} -> ${a.w}`).toHaveLength(1);
      const its = on[0].lines.join(' ').split(/,\s+/);
      for (const l of a.labels) expect(its.some((x) => x === l || x.startsWith(`${actionOf(l)} x`)), l).toBe(true);
    }
    expect(fc.edges).toBeLessThan(productArrows(p, names).length);
  });
});
