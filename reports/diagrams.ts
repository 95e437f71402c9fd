/**
 * The diagram stage of `ftcheck diagram`: one check run (every property, on
 * past the first violation, edges recorded), then the Mermaid diagrams built
 * from it (FIG. 8 per system, the product graph, sequence diagrams of the
 * FIG. 9-11 scenarios and of every counterexample), written as .mmd files
 * with report.md and optionally graph.json, and rendered to SVG and PNG when
 * chromium is available.
 */
import { endsAs, stepsOf } from './check-report.js';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { explore, type ExploredGraph } from '../checker/index.js';
import { PARAM_SPECS, type Params } from '../model/params.js';
import type { Readings } from '../model/readings.js';
import { readScenarioFile, replay, scenarioModel, type Scenario } from '../model/scenario.js';
import { viewOf } from '../model/view.js';
import { runCheck, type CheckOutcome, type PropertyVerdict } from '../properties/verify.js';
import { hiddenText, SHOW_ALL, type Hide } from './mermaid/edge-style.js';
import { drawnTransitions, fig8Flowchart } from './mermaid/fig8.js';
import { writeGraphJson } from './mermaid/graph-json.js';
import { DEFAULT_LIMITS, sizeProblem, type DiagramLimits } from './mermaid/limits.js';
import { ALL_FT_STATES, ftStatesOf, nodeKey, project, type Projection } from './mermaid/projection.js';
import { groupFlowchart, productFlowchart } from './mermaid/product.js';
import type { MermaidRenderer } from './mermaid/render.js';
import { reportMarkdown, type ReportDiagram } from './mermaid/report-md.js';
import { sequenceDiagram, type SequenceTrace } from './mermaid/sequence-diagram.js';

export interface DiagramConfig {
  readonly params: Params;
  readonly readings: Readings;
  /** Properties to check; empty = all. */
  readonly properties?: readonly string[];
  readonly maxStates?: number;
  readonly maxSeconds?: number;
  /** Scenario files drawn as sequence diagrams; default: the FIG. 9-11 scenarios. */
  readonly scenarios?: readonly string[];
  /** Size limits past which a diagram falls back or is not rendered; default DEFAULT_LIMITS. */
  readonly limits?: DiagramLimits;
  /** Arrows FIG. 8 and the product graph leave out (`--hide`); default none. */
  readonly hide?: Hide;
}

export interface DiagramSet {
  readonly outcome: CheckOutcome;
  /** The explored graph with its recorded edges (the check's, or a second run's). */
  readonly graph: ExploredGraph;
  readonly complete: boolean;
  /** `system-<i>` for each system, and `product`. */
  readonly projections: Map<string, Projection>;
  readonly diagrams: ReportDiagram[];
  /** Lines for the statistics section of report.md. */
  readonly notes: string[];
  /** Each scenario drawn (the figures, then --scenario files), in order, with how its replay went. */
  readonly replays: ScenarioReplay[];
}

/** How one scenario drawn as a sequence diagram replayed. */
export interface ScenarioReplay {
  readonly file: string;
  /** The diagram's file stem. */
  readonly name: string;
  readonly steps: number;
  readonly replayed: number;
  /** Why the replay stopped before its end (a step not enabled, an expectation not met), or undefined. */
  readonly error?: string;
  /** The parameters it replayed with where they differ from the run's, e.g. "N=2 P=2 (the scenario's)". */
  readonly ownParams?: string;
}

/** The directory holding package.json (the repository, or the installed package). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'scenarios'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the ftcheck package root (package.json beside scenarios/)');
    dir = up;
  }
}

export const FIGURE_SCENARIOS = ['fig9-power-on.json', 'fig10-sync.json', 'fig11-resync.json'];

export function defaultScenarioFiles(): string[] {
  return FIGURE_SCENARIOS.map((f) => join(packageRoot(), 'scenarios', f));
}

const fmt = (x: number): string => x.toLocaleString('en-US');

/** The shortest trace to a violated verdict's state, or its lasso (a stem and a loop drawn in a `loop` box). */
export function counterexampleTrace(o: CheckOutcome, v: PropertyVerdict): SequenceTrace {
  const steps = stepsOf(o, v);
  if (!steps) throw new Error(`${v.property.name} has no refuting state`);
  return {
    title: `Counterexample: ${v.property.name}`,
    initial: steps[0].view,
    steps: steps.slice(1).map((s) => ({ label: s.label!, view: s.view })),
    verdict: { property: v.property.name, statement: v.property.statement, ends: endsAs(v), note: v.note },
    ...(v.loopStart !== undefined ? { loopStart: v.loopStart } : {}),
  };
}

/** Reads and validates a scenario file; throws ScenarioFileError with a one-line message. */
export function loadScenario(file: string): Scenario {
  const sc = readScenarioFile(file);
  if (!sc.ok) throw new ScenarioFileError(sc.error);
  return sc.value;
}

/** The parameters of `sc` that differ from `params`, as "N=2 P=2", or undefined. */
function ownParamsOf(sc: Scenario, params: Params): string | undefined {
  const own = PARAM_SPECS.filter((s) => sc.params?.[s.key] !== undefined && sc.params[s.key] !== params[s.key]);
  return own.length ? own.map((s) => `${s.letter}=${sc.params![s.key]}`).join(' ') : undefined;
}

/**
 * A scenario replayed with its own params and readings over the given ones
 * (the figures state the parameters they need: two systems, the pages the
 * copy walks); a replay that stops is drawn up to where it stopped.
 */
export function scenarioTrace(
  sc: Scenario,
  file: string,
  params: Params,
  readings: Readings,
): { trace: SequenceTrace; steps: number; error?: string; ownParams?: string } {
  const model = scenarioModel(sc, params, readings);
  if (!model.ok) throw new ScenarioFileError(`scenario '${file}': ${model.error}`);
  const r = replay(model.value, sc);
  return {
    trace: {
      title: sc.description ?? basename(file, '.json'),
      initial: r.initial,
      steps: r.steps,
      footer: r.error ? `replay stopped at ${r.error}` : undefined,
    },
    steps: sc.steps.length,
    error: r.error,
    ownParams: ownParamsOf(sc, params),
  };
}

/** A scenario file that cannot be read or is not a scenario. */
export class ScenarioFileError extends Error {}

function recordedGraph(o: CheckOutcome, c: DiagramConfig): { graph: ExploredGraph; complete: boolean } {
  if (o.result.graph.edges?.labelled) return { graph: o.result.graph, complete: o.complete };
  const r = explore(o.model, { recordEdges: true, maxStates: c.maxStates, maxSeconds: c.maxSeconds });
  return { graph: r.graph, complete: r.complete };
}

const hiddenSuffix = (h: Hide): string => (hiddenText(h) ? ` (${hiddenText(h)})` : '');

function hiddenSentence(h: Hide): string {
  const flags = [h.failures ? 'failures' : '', h.readings ? 'readings' : ''].filter(Boolean).join(',');
  return hiddenText(h) ? ` Not drawn (--hide ${flags}): ${h.failures ? 'failure-injection arrows' : ''}${h.failures && h.readings ? ' and ' : ''}${h.readings ? 'arrows the patent does not name' : ''}.` : '';
}

function fig8Diagram(p: Projection, sys: number, labelNames: readonly string[], complete: boolean, limits: DiagramLimits, hide: Hide): ReportDiagram {
  const title = `FIG. 8 reconstructed: system #${sys}${hiddenSuffix(hide)}`;
  const { text } = fig8Flowchart(p, { labelNames, title, hide });
  const drawn = drawnTransitions(p, labelNames, hide);
  const unreached = ALL_FT_STATES.filter((st) => !p.hasNode(nodeKey([st])) || p.node(nodeKey([st])).count === 0).map((st) => nodeKey([st]));
  const notTaken = drawnTransitions(p, labelNames).filter((t) => t.source === 'not-taken').map((t) => `${nodeKey([t.from])} -> ${nodeKey([t.to])}`);
  const taken = drawn.filter((t) => t.source !== 'not-taken');
  const count = (f: (t: (typeof drawn)[number]) => boolean) => taken.filter(f).length;
  const caption = [
    `${taken.length} transitions between states drawn (labels that leave #${sys}'s state unchanged are not drawn): ` +
      `${count((t) => t.source === 'patent')} named in the patent, ${count((t) => t.source === 'reading')} model readings; ` +
      `${count((t) => t.failure)} of them failure injections.${hiddenSentence(hide)} ` +
      `States ${complete ? 'never reached' : 'not reached in this incomplete run'}: ${unreached.join(', ') || 'none'}. ` +
      `Patent transitions ${complete ? 'never taken' : 'not taken in this incomplete run'}: ${notTaken.join(', ') || 'none'}.`,
  ];
  return { name: `fig8-system-${sys}`, title, section: 'fig8', text, caption, problem: sizeProblem(text, undefined, limits) };
}

function productDiagram(
  product: Projection,
  fallback: Projection,
  n: number,
  labelNames: readonly string[],
  limits: DiagramLimits,
  hide: Hide,
): { diagram: ReportDiagram; note: string } {
  const systems = Array.from({ length: n }, (_, i) => `#${i}`).join(', ');
  const base = `Product graph of systems ${systems}${hiddenSuffix(hide)}`;
  const full = productFlowchart(product, { labelNames, title: base, hide });
  const problem = sizeProblem(full.text, full, limits);
  const size = `${fmt(full.nodes)} state tuples, ${fmt(full.edges)} arrows between them`;
  const reached = hide.failures || hide.readings ? ' (the tuples still reached from all-off without the hidden arrows)' : '';
  if (!problem) {
    return {
      diagram: { name: 'product', title: base, section: 'product', text: full.text, caption: [`${size}${reached}.${hiddenSentence(hide)}`], problem: null },
      note: `product graph: ${size}`,
    };
  }
  const why = `${fmt(full.nodes)} tuples and ${fmt(full.edges)} arrows are too many to read`;
  const groupedTitle = `${base} projected onto Online / Offline / Fault: ${why}`;
  const grouped = groupFlowchart(product, { labelNames, title: groupedTitle, hide });
  const groupedProblem = sizeProblem(grouped.text, grouped, limits);
  const lighter = hide.failures ? null : productFlowchart(product, { labelNames, title: '', hide: { ...hide, failures: true } });
  const hint =
    lighter && !sizeProblem(lighter.text, lighter, limits)
      ? ` With --hide failures the product has ${fmt(lighter.nodes)} tuples and ${fmt(lighter.edges)} arrows and is drawn tuple by tuple.`
      : '';
  if (!groupedProblem) {
    return {
      diagram: {
        name: 'product',
        title: groupedTitle,
        section: 'product',
        text: grouped.text,
        caption: [
          `The product graph has ${size}${reached}: ${problem}. Drawn instead: its projection onto each system's state group ` +
            `(off / Offline / Online / Fault), ${fmt(grouped.nodes)} nodes and ${fmt(grouped.edges)} arrows; each node lists the ST tuples it holds, ` +
            `moves between tuples of one node are not drawn.${hint}${hiddenSentence(hide)} --graph-json writes the full graph.`,
        ],
        problem: null,
      },
      note: `product graph: ${size}; too large to read (${problem}), projection onto state groups drawn instead (${fmt(grouped.nodes)} nodes, ${fmt(grouped.edges)} arrows)`,
    };
  }
  const title = `${base}: too large, projection onto system #0 drawn instead`;
  const proj = productFlowchart(fallback, { labelNames, title, hide });
  return {
    diagram: {
      name: 'product',
      title,
      section: 'product',
      text: proj.text,
      caption: [
        `The product graph has ${size}${reached}: ${problem}; even projected onto state groups: ${groupedProblem}. ` +
          `The projection onto system #0 is drawn instead.${hiddenSentence(hide)} --graph-json writes the full graph.`,
      ],
      problem: sizeProblem(proj.text, proj, limits),
    },
    note: `product graph: ${size}; too large to draw (${problem}; projected onto state groups: ${groupedProblem}), projection onto system #0 drawn instead`,
  };
}

/** Runs the check and builds every diagram in memory. Throws ScenarioFileError for a bad scenario file. */
export function buildDiagrams(c: DiagramConfig): DiagramSet {
  // every scenario file is checked before the exploration, so a bad one costs no run
  const scenarios = (c.scenarios ?? defaultScenarioFiles()).map((file) => {
    const scenario = loadScenario(file);
    const model = scenarioModel(scenario, c.params, c.readings);
    if (!model.ok) throw new ScenarioFileError(`scenario '${file}': ${model.error}`);
    return { file, scenario };
  });
  const outcome = runCheck({ ...c, allViolations: true });
  const limits = c.limits ?? DEFAULT_LIMITS;
  const hide = c.hide ?? SHOW_ALL;
  const { graph, complete } = recordedGraph(outcome, c);
  const n = outcome.model.params.systems;
  const names = outcome.model.labelNames;
  const ft = ftStatesOf(outcome.model, graph);
  const projections = new Map<string, Projection>();
  const diagrams: ReportDiagram[] = [];
  const notes: string[] = [];
  if (!complete) notes.push('the exploration is INCOMPLETE: projections show only what was reached before it stopped');
  for (let i = 0; i < n; i++) {
    const p = project(graph, ft, n, [i], { complete, allStates: true });
    projections.set(`system-${i}`, p);
    diagrams.push(fig8Diagram(p, i, names, complete, limits, hide));
  }
  const product = project(graph, ft, n, Array.from({ length: n }, (_, i) => i), { complete });
  projections.set('product', product);
  const pd = productDiagram(product, projections.get('system-0')!, n, names, limits, hide);
  diagrams.push(pd.diagram);
  notes.push(pd.note);
  const used = new Set(diagrams.map((d) => d.name));
  const replays: ScenarioReplay[] = [];
  for (const { file, scenario } of scenarios) {
    const s = scenarioTrace(scenario, file, c.params, c.readings);
    let name = basename(file).replace(/\.json$/i, '').replace(/[^A-Za-z0-9_.-]/g, '_');
    for (let k = 2; used.has(name); k++) name = `${basename(file, '.json')}-${k}`;
    used.add(name);
    const text = sequenceDiagram(s.trace);
    const own = s.ownParams ? ` with the scenario's own parameters ${s.ownParams}` : '';
    const caption = [s.error ? `Replay${own} stopped after ${s.trace.steps.length} of ${s.steps} steps: ${s.error}.` : `All ${s.steps} steps replayed on the model${own}.`];
    diagrams.push({ name, title: s.trace.title, section: 'scenario', text, caption, problem: sizeProblem(text, undefined, limits) });
    if (s.error) notes.push(`scenario ${basename(file)}: replay stopped: ${s.error}`);
    replays.push({ file, name, steps: s.steps, replayed: s.trace.steps.length, error: s.error, ownParams: s.ownParams });
  }
  for (const v of outcome.verdicts) {
    if (v.verdict !== 'violated' || v.state === undefined) continue;
    const t = counterexampleTrace(outcome, v);
    const text = sequenceDiagram(t);
    const caption = [`${v.property.statement} (${v.property.cites})`, ...(v.note ? [`${v.note}.`] : []), `Shortest trace: ${t.steps.length} steps.`];
    diagrams.push({ name: `counterexample-${v.property.name}`, title: t.title, section: 'counterexample', text, caption, property: v.property.name, problem: sizeProblem(text, undefined, limits) });
  }
  return { outcome, graph, complete, projections, diagrams, notes, replays };
}

/** Writes every diagram's .mmd file; returns the paths written. */
export function writeMermaidFiles(set: DiagramSet, outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  return set.diagrams.map((d) => {
    const file = join(outDir, `${d.name}.mmd`);
    writeFileSync(file, d.text);
    return file;
  });
}

/** Writes report.md; `rendered` says whether SVG/PNG links are valid. */
export function writeReport(set: DiagramSet, outDir: string, rendered: boolean): string {
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'report.md');
  writeFileSync(file, reportMarkdown({ outcome: set.outcome, diagrams: set.diagrams, rendered, notes: set.notes }));
  return file;
}

export function writeGraph(set: DiagramSet, file: string): { states: number; edges: number } {
  mkdirSync(dirname(file), { recursive: true });
  return writeGraphJson(file, {
    model: set.outcome.model,
    graph: set.graph,
    complete: set.complete,
    stopReason: set.outcome.result.stopReason,
    projections: set.projections,
  });
}

export interface RenderedFile {
  readonly diagram: string;
  readonly svg: string;
  readonly png: string;
  /** Drawing size in CSS pixels (the SVG viewBox). */
  readonly width: number;
  readonly height: number;
  /** PNG size in pixels. */
  readonly pngWidth: number;
  readonly pngHeight: number;
  readonly ms: number;
}

/**
 * Renders each diagram without a size problem to `<name>.svg` and
 * `<name>.png`, calling `onFile` after each. A Mermaid error is rethrown
 * with the diagram's name.
 */
export async function renderDiagrams(
  set: DiagramSet,
  outDir: string,
  renderer: MermaidRenderer,
  onFile: (f: RenderedFile) => void = () => {},
): Promise<RenderedFile[]> {
  mkdirSync(outDir, { recursive: true });
  const out: RenderedFile[] = [];
  for (const d of set.diagrams) {
    if (d.problem) continue;
    let r;
    try {
      r = await renderer.render(d.text);
    } catch (e) {
      throw new Error(`Mermaid could not render ${d.name}.mmd: ${String((e as Error).message).split('\n').slice(0, 3).join(' ')}`);
    }
    const svg = join(outDir, `${d.name}.svg`);
    const png = join(outDir, `${d.name}.png`);
    writeFileSync(svg, r.svg);
    writeFileSync(png, r.png);
    const f: RenderedFile = {
      diagram: d.name,
      svg,
      png,
      width: Math.round(r.width),
      height: Math.round(r.height),
      pngWidth: r.pngWidth,
      pngHeight: r.pngHeight,
      ms: Math.round(r.ms),
    };
    out.push(f);
    onFile(f);
  }
  return out;
}
