/**
 * The diagram stage end to end: every generated .mmd parses in Mermaid (all
 * diagrams of the default run, of a run with a counterexample, of a run
 * without failures and of the size fallbacks); the FIG. 8 and FIG. 9-11
 * diagrams and a counterexample render to SVG and PNG through mermaid-cli
 * with one shared chromium; report.md embeds them; graph JSON round-trips.
 */
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { json } from '@dagrejs/graphlib';
import { describe, expect, it } from 'vitest';
import type { StateIndex } from '../../checker/index.js';
import { viewOf } from '../../model/view.js';
import { buildDiagrams, renderDiagrams, writeGraph, writeMermaidFiles, writeReport, type DiagramSet } from '../../reports/diagrams.js';
import { DEFAULT_LIMITS, MAX_TEXT_SIZE, READABLE_FLOWCHART_EDGES, READABLE_FLOWCHART_NODES, sizeProblem } from '../../reports/mermaid/limits.js';
import { groupFlowchart, productArrows, productFlowchart } from '../../reports/mermaid/product.js';
import { ftStatesOf, project } from '../../reports/mermaid/projection.js';
import { pngScale } from '../../reports/mermaid/render.js';
import { anchorOf } from '../../reports/mermaid/report-md.js';
import { sequenceDiagram } from '../../reports/mermaid/sequence-diagram.js';
import { describeRendering } from '../support/rendering.js';
import { parseFlowchart } from './support/flowchart-text.js';
import { overlapping, useMermaidBrowser, type Box } from './support/mermaid-page.js';
import { ONE_ACT_BROKEN, params, readings } from './support/fixtures.js';

const tmp = mkdtempSync(join(tmpdir(), 'ftcheck-diagrams-'));

const sets: Record<string, DiagramSet> = {
  defaults: buildDiagrams({ params: params(), readings: readings() }),
  'one-act broken': buildDiagrams({ params: params(), readings: readings(ONE_ACT_BROKEN) }),
  'no failures': buildDiagrams({ params: params({ faults: 0 }), readings: readings() }),
  'tight limits': buildDiagrams({ params: params(), readings: readings(), limits: { maxTextSize: 3000, flowchartEdges: 20, flowchartNodes: 10 } }),
};

/** Text of an SVG file with tags stripped and XML entities decoded. */
function svgText(svg: string): string {
  return svg
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('buildDiagrams', () => {
  it('draws FIG. 8 per system, the product, the three figures, and one sequence diagram per counterexample', () => {
    for (const [name, set] of Object.entries(sets)) {
      const names = set.diagrams.map((d) => d.name);
      const n = set.outcome.model.params.systems;
      expect(names, name).toEqual(expect.arrayContaining([...Array.from({ length: n }, (_, i) => `fig8-system-${i}`), 'product', 'fig9-power-on', 'fig10-sync', 'fig11-resync']));
      const violated = set.outcome.verdicts.filter((v) => v.verdict === 'violated').map((v) => `counterexample-${v.property.name}`);
      expect(names.filter((x) => x.startsWith('counterexample-')).sort(), name).toEqual(violated.sort());
      expect(new Set(names).size).toBe(names.length);
    }
    expect(sets['one-act broken'].diagrams.map((d) => d.name)).toContain('counterexample-one-act');
  });

  it('keeps every diagram under the limits it was built with, and says why when one is not drawn', () => {
    for (const [name, set] of Object.entries(sets)) {
      const max = name === 'tight limits' ? 3000 : MAX_TEXT_SIZE;
      for (const d of set.diagrams) {
        if (d.problem === null) expect(d.text.length, `${name} ${d.name}`).toBeLessThanOrEqual(max);
        else expect(d.problem, `${name} ${d.name}`).toMatch(/characters|edges/);
      }
    }
  });

  it('draws the product projected onto state groups when it is too large to read, and says why in the title and caption', () => {
    const d = sets.defaults.diagrams.find((x) => x.name === 'product')!;
    const product = sets.defaults.projections.get('product')!;
    const names = sets.defaults.outcome.model.labelNames;
    const full = productFlowchart(product, { labelNames: names, title: 't' });
    expect(full.edges).toBeGreaterThan(READABLE_FLOWCHART_EDGES);
    expect(d.title).toBe(`Product graph of systems #0, #1 projected onto Online / Offline / Fault: ${full.nodes} tuples and ${full.edges} arrows are too many to read`);
    expect(d.text).toContain(`title: ${JSON.stringify(d.title)}`);
    expect(d.text).toBe(groupFlowchart(product, { labelNames: names, title: d.title }).text);
    expect(d.caption.join(' ')).toMatch(new RegExp(`${full.edges} edges, past the ${READABLE_FLOWCHART_NODES} nodes and ${READABLE_FLOWCHART_EDGES} edges`));
    // the caption suggests --hide failures exactly when the product without failure arrows reads
    const lighter = productFlowchart(product, { labelNames: names, title: '', hide: { failures: true, readings: false } });
    const reads = sizeProblem(lighter.text, lighter, DEFAULT_LIMITS) === null;
    if (reads) expect(d.caption.join(' ')).toMatch(`With --hide failures the product has ${lighter.nodes} tuples and ${lighter.edges} arrows`);
    else expect(d.caption.join(' ')).not.toMatch(/--hide failures/);
    expect(d.problem).toBeNull();
    expect(sets.defaults.notes.join('\n')).toMatch(/projection onto state groups drawn instead/);
  });

  it('draws the product tuple by tuple when it reads, and falls back to system #0 when even the group projection does not', () => {
    const small = sets['no failures'].diagrams.find((d) => d.name === 'product')!;
    expect(small.title).toBe('Product graph of systems #0, #1');
    const p = sets['no failures'].projections.get('product')!;
    expect(small.text).toBe(productFlowchart(p, { labelNames: sets['no failures'].outcome.model.labelNames, title: small.title }).text);
    const tight = sets['tight limits'].diagrams.find((d) => d.name === 'product')!;
    expect(tight.title).toMatch(/too large, projection onto system #0 drawn instead/);
    expect(tight.caption.join(' ')).toMatch(/past the limit of 3,000.*even projected onto state groups/);
    const sys0 = sets['tight limits'].projections.get('system-0')!;
    const arrows = parseFlowchart(tight.text).arrows.filter((a) => !a.legend);
    expect(arrows.length).toBe(productArrows(sys0, sets['tight limits'].outcome.model.labelNames).length);
    expect(sets['tight limits'].notes.join('\n')).toMatch(/too large to draw/);
  });
});

describe('report.md', () => {
  const out = join(tmp, 'report');
  const set = sets['one-act broken'];
  writeMermaidFiles(set, out);
  const report = readFileSync(writeReport(set, out, true), 'utf8');

  it('has one verdict row per property, and links each counterexample to its diagram heading', () => {
    for (const v of set.outcome.verdicts) {
      const row = report.split('\n').find((l) => l.startsWith(`| ${v.property.name} |`));
      expect(row, v.property.name).toBeDefined();
      expect(row).toContain(v.verdict === 'violated' ? '**VIOLATED**' : v.verdict);
    }
    const headings = new Set([...report.matchAll(/^#+ (.*)$/gm)].map((m) => anchorOf(m[1])));
    const links = [...report.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]);
    expect(links.length).toBe(set.outcome.verdicts.filter((v) => v.verdict === 'violated').length);
    for (const l of links) expect(headings).toContain(l);
  });

  it('embeds every diagram as a mermaid block identical to its .mmd file, with links to the files', () => {
    const blocks = [...report.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(blocks).toHaveLength(set.diagrams.filter((d) => !d.problem).length);
    for (const d of set.diagrams) {
      expect(blocks).toContain(readFileSync(join(out, `${d.name}.mmd`), 'utf8'));
      expect(report).toContain(`(${d.name}.svg)`);
    }
    expect(report).toMatch(/states [\d,]+, transitions [\d,]+/);
  });

  it('says which diagrams are not embedded, and why', () => {
    const o2 = join(tmp, 'tight');
    const tight = readFileSync(writeReport(sets['tight limits'], o2, false), 'utf8');
    const skipped = sets['tight limits'].diagrams.filter((d) => d.problem);
    expect(skipped.length).toBeGreaterThan(0);
    expect((tight.match(/^Not embedded: /gm) ?? []).length).toBe(skipped.length);
    expect(tight).not.toContain('.svg)');
  });
});

describe('graph JSON', () => {
  const set = sets['no failures'];
  const file = join(tmp, 'graph.json');
  const counts = writeGraph(set, file);
  const g = JSON.parse(readFileSync(file, 'utf8'));
  const model = set.outcome.model;

  it('holds every state with its decoded fields, depth and parent', () => {
    expect(g.format).toBe('ftcheck-graph');
    expect(g.params).toEqual(model.params);
    expect(g.states).toHaveLength(set.graph.stateCount);
    expect(counts.states).toBe(set.graph.stateCount);
    for (let i = 0; i < g.states.length; i += 97) {
      const s = g.states[i];
      const idx = i as StateIndex;
      expect(s.id).toBe(i);
      expect(s.depth).toBe(set.graph.depthOf(idx));
      expect(s.parent).toBe(set.graph.parentOf(idx));
      expect({ ...s, id: undefined, depth: undefined, parent: undefined }).toEqual({ ...JSON.parse(JSON.stringify(viewOf(model, set.graph.readState(idx)))), id: undefined, depth: undefined, parent: undefined });
    }
  });

  it('holds each distinct recorded edge once, with its label decoded in the label table', () => {
    const want = new Set<string>();
    set.graph.edges!.forEachEdge((s, l, d) => want.add(`${s},${l},${d}`));
    const got = g.edges.map((e: { src: number; label: number; dst: number }) => `${e.src},${e.label},${e.dst}`);
    expect(got.length).toBe(want.size);
    expect(new Set(got)).toEqual(want);
    expect(g.labels.map((l: { name: string }) => l.name)).toEqual(model.labelNames);
    expect(g.labels[0].action).toBeDefined();
  });

  it('carries the projections as graphlib JSON that reads back into the same graphs', () => {
    const ft = ftStatesOf(model, set.graph);
    for (const [name, systems] of [['system-0', [0]], ['product', [0, 1]]] as const) {
      const back = json.read(g.projections[name]);
      const p = project(set.graph, ft, model.params.systems, systems, { complete: set.complete, allStates: systems.length === 1 });
      expect(back.nodes().sort()).toEqual(p.nodes().sort());
      for (const e of p.edges()) expect(back.edge(e.v, e.w)).toEqual(p.edge(e));
      expect(back.edgeCount()).toBe(p.edgeCount());
    }
  });
});

describeRendering('Mermaid', () => {
  const browser = useMermaidBrowser();

  it('parses every generated diagram without a syntax error', async () => {
    const all = Object.entries(sets).flatMap(([name, set]) => set.diagrams.map((d) => ({ name: `${name}/${d.name}`, text: d.text })));
    const initial = viewOf(sets.defaults.outcome.model, sets.defaults.graph.readState(0 as StateIndex));
    all.push({ name: 'refuting initial state', text: sequenceDiagram({ title: 't', initial, steps: [], verdict: { property: 'p', statement: 's', ends: 'stuck' } }) });
    const errors = await browser.page.parse(all.map((d) => d.text));
    const bad = all.map((d, k) => (errors[k] ? `${d.name}: ${errors[k]}` : null)).filter(Boolean);
    expect(bad).toEqual([]);
  });

  // FIG. 8 of the defaults (the case), the rest from the run with a counterexample
  const fig8 = sets.defaults.diagrams.find((d) => d.name === 'fig8-system-0')!;
  let fig8Svg: string | undefined;

  it('renders FIG. 8, FIG. 9-11 and a counterexample to SVG and PNG through mermaid-cli', async () => {
    const src = sets['one-act broken'];
    const wanted = new Set(['fig8-system-0', 'fig9-power-on', 'fig10-sync', 'fig11-resync', 'counterexample-one-act']);
    const subset: DiagramSet = { ...src, diagrams: [fig8, ...src.diagrams.filter((d) => wanted.has(d.name) && d.name !== fig8.name)] };
    const out = join(tmp, 'render');
    const files = await renderDiagrams(subset, out, browser.renderer);
    fig8Svg = readFileSync(join(out, 'fig8-system-0.svg'), 'utf8');
    expect(files.map((f) => f.diagram).sort()).toEqual([...wanted].sort());
    for (const f of files) {
      const d = subset.diagrams.find((x) => x.name === f.diagram)!;
      const svg = readFileSync(f.svg, 'utf8');
      expect(svg.startsWith('<svg')).toBe(true);
      const text = svgText(svg);
      expect(text, f.diagram).not.toMatch(/Syntax error|Maximum text size|Parse error/);
      const png = pngSize(readFileSync(f.png));
      const scale = pngScale(f.width, f.height);
      expect(png).toEqual({ width: f.pngWidth, height: f.pngHeight });
      // the page is as wide as the drawing, so the PNG is not shrunk (a few pixels of rounding)
      expect(Math.abs(png.width - f.width * scale), f.diagram).toBeLessThanOrEqual(Math.ceil(2 * scale) + 2);
      if (d.section === 'fig8') {
        for (const name of ['ST1 Online divide', 'ST4 Online sync', 'ST10 Fault', 'sync_reset(#0->#1)', 'memory_check(#0)']) expect(text).toContain(name);
      } else {
        const labels = [...d.text.matchAll(/^\s*\w+(?:->>|-x)\w+: ([^<\n]*)/gm)].map((m) => m[1].replace(/#(\d+);/g, (_, c: string) => String.fromCodePoint(Number(c))));
        expect(labels.length).toBeGreaterThan(0);
        for (const l of labels) expect(text, `${f.diagram}: ${l}`).toContain(l);
      }
      expect(existsSync(f.png)).toBe(true);
    }
  });

  it('FIG. 8 as rendered: no two edge labels overlap, and no label covers a state', async () => {
    const svg = fig8Svg ?? new TextDecoder().decode(await browser.renderer.svg(fig8.text));
    const labels = await browser.page.boxes(svg, 'g.edgeLabel');
    const states = await browser.page.boxes(svg, 'g.node');
    const shown = (b: Box) => `'${b.text}' at ${Math.round(b.x)},${Math.round(b.y)}`;
    // every labelled arrow and legend entry has its label box
    expect(labels.length).toBe(parseFlowchart(fig8.text).arrows.filter((a) => a.lines.length).length);
    expect(states.length).toBeGreaterThanOrEqual(11);
    expect(overlapping(labels).map(([a, b]) => `${shown(a)} overlaps ${shown(b)}`)).toEqual([]);
    const covered = labels.flatMap((l) => states.filter((st) => overlapping([l, st]).length).map((st) => `${shown(l)} covers ${shown(st)}`));
    expect(covered).toEqual([]);
  });
});
