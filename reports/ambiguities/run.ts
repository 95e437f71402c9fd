/**
 * The explorer stage: run the whole property catalogue once per planned set of
 * readings and keep, per run, the verdict of every property and, for each
 * violation, its shortest counterexample as text, as a replayable scenario
 * (confirmed by an independent replay) and as a sequence diagram. The
 * exploration graphs are dropped after each run (but the baseline's, kept to
 * compare every run's labelled graph with it), so memory stays that of two runs.
 */
import type { ExploreResult } from '../../checker/index.js';
import type { FtModel } from '../../model/ft-model.js';
import type { Params } from '../../model/params.js';
import type { Readings } from '../../model/readings.js';
import type { Scenario } from '../../model/scenario.js';
import type { Property } from '../../properties/catalogue.js';
import { runCheck, selectProperties, type Verdict } from '../../properties/verify.js';
import { stepsOf } from '../check-report.js';
import { traceScenario, traceText, type ReadableStep } from '../trace.js';
import { fairnessSpec } from '../../model/fairness.js';
import { counterexampleDiagram } from './diagram.js';
import { stateSetFingerprint } from './fingerprint.js';
import { diffGraphs, edgeKeysOf, type EdgeKeys, type GraphDiff } from './graph-diff.js';
import { findInteractions, type Interaction } from './interactions.js';
import { rowKey, rowSlug, type Choice, type PlanMode, type PlannedRun } from './plan.js';
import { checkScenario, type ReplayCheck } from './replay-check.js';

export interface Counterexample {
  readonly property: string;
  readonly kind: Property['kind'];
  /** Steps of the shortest trace (the violating state is reached after this many). */
  readonly length: number;
  readonly steps: readonly ReadableStep[];
  /** The trace as a reviewer reads it (changed fields per step). */
  readonly text: string;
  /** What `ftcheck replay` accepts; carries its own params and readings. */
  readonly scenario: Scenario;
  /** The independent replay of `scenario` and re-check of the property at its end. */
  readonly replay: ReplayCheck;
  /** Mermaid sequenceDiagram text, when a diagram function was given. */
  readonly diagram: string | null;
  /** Set by the writer: where the scenario was written. */
  file?: string;
  /** Set by the writer: where the diagram was written. */
  diagramFile?: string;
  /** Set by --render: where the diagram's SVG was written. */
  svgFile?: string;
}

export interface Cell {
  readonly property: string;
  readonly verdict: Verdict;
  readonly note?: string;
  readonly counterexample?: Counterexample;
  /** The baseline run has the same verdict "violated" for this property. */
  readonly alsoAtBaseline: boolean;
}

export interface Row {
  readonly key: string;
  readonly slug: string;
  readonly varied: readonly Choice[];
  readonly readings: Readings;
  readonly states: number;
  readonly transitions: number;
  readonly depth: number;
  readonly seconds: number;
  readonly complete: boolean;
  readonly stopReason: ExploreResult['stopReason'];
  /** Order-independent fingerprint of the reachable states (see fingerprint.ts). */
  readonly fingerprint: string;
  /** Same reachable states as the baseline run. */
  readonly sameStatesAsBaseline: boolean;
  /** Compared with the baseline's labelled graph edge by edge (null for the baseline itself, or an incomplete run). */
  readonly graphDiff: GraphDiff | null;
  readonly cells: readonly Cell[];
}

export interface AmbiguityMatrix {
  /** '' for the main matrix; 'n3' for the three-system supplement (names its files and anchors). */
  readonly tag: string;
  readonly mode: PlanMode;
  readonly params: Params;
  readonly base: Readings;
  /** Entry ids explored (all, or those given with --only). */
  readonly entries: readonly string[];
  readonly properties: readonly { readonly name: string; readonly kind: Property['kind']; readonly statement: string; readonly cites: string }[];
  readonly rows: readonly Row[];
  /** Product and pairs modes: violations that no strict sub-combination of the row's readings shows. */
  readonly interactions: readonly Interaction[];
  readonly seconds: number;
}

/** Draws a counterexample; default counterexampleDiagram (reports/mermaid). */
export type DiagramFn = (steps: readonly ReadableStep[], property: Property, title: string, note?: string, loopStart?: number) => string | null;

export interface ExploreAmbiguitiesConfig {
  /** See AmbiguityMatrix.tag; default ''. */
  readonly tag?: string;
  readonly params: Params;
  readonly base: Readings;
  readonly mode: PlanMode;
  readonly entries: readonly string[];
  readonly runs: readonly PlannedRun[];
  /** Property names; empty = the whole catalogue. */
  readonly properties?: readonly string[];
  readonly maxStates?: number;
  readonly maxSeconds?: number;
  /** Turns a counterexample into a Mermaid sequence diagram; default counterexampleDiagram, null for none. */
  readonly diagram?: DiagramFn | null;
  /** Called after each run, e.g. for a progress line. */
  readonly onRun?: (row: Row, index: number, total: number) => void;
}

function counterexampleOf(
  model: FtModel, property: Property, steps: ReadableStep[], row: string, note: string | undefined, diagram: DiagramFn | null, lasso?: { loopStart: number; fairness: string },
): Counterexample {
  const length = steps.length - 1;
  const scenario: Scenario = {
    ...traceScenario(model, steps, property.name, lasso),
    description: `Counterexample to ${property.name} under ${row}: shortest trace found by ftcheck ambiguities`,
  };
  return {
    property: property.name,
    kind: property.kind,
    length,
    steps,
    text: traceText(model, steps),
    scenario,
    replay: checkScenario(scenario, property, length),
    diagram: diagram ? diagram(steps, property, `${property.name} under ${row}`, note, lasso?.loopStart) : null,
  };
}

interface BaselineGraph {
  readonly model: FtModel;
  readonly result: ExploreResult;
  readonly keys: EdgeKeys;
}

function runOne(config: ExploreAmbiguitiesConfig, run: PlannedRun, baseline: Row | null, baseGraph: { current: BaselineGraph | null }): Row {
  const outcome = runCheck({
    params: config.params,
    readings: run.readings,
    properties: config.properties,
    allViolations: true,
    maxStates: config.maxStates,
    maxSeconds: config.maxSeconds,
    recordLabelledEdges: true,
  });
  const keys = outcome.complete ? edgeKeysOf(outcome.model, outcome.result) : null;
  const here = keys ? { model: outcome.model, result: outcome.result, keys } : null;
  const graphDiff = baseline !== null && here !== null && baseGraph.current !== null ? diffGraphs(here, baseGraph.current) : null;
  if (baseline === null) baseGraph.current = here;
  const key = rowKey(run.varied);
  const title = config.tag === 'n3' ? `${key} (three systems)` : key;
  const cells = outcome.verdicts.map((v): Cell => {
    const steps = v.verdict === 'violated' ? stepsOf(outcome, v) : null;
    const atBase = baseline?.cells.find((c) => c.property === v.property.name);
    return {
      property: v.property.name,
      verdict: v.verdict,
      ...(v.note ? { note: v.note } : {}),
      ...(steps
        ? {
            counterexample: counterexampleOf(outcome.model, v.property, steps, title, v.note, config.diagram === undefined ? counterexampleDiagram : config.diagram,
              v.lasso && v.fairness ? { loopStart: v.lasso.loopStart, fairness: fairnessSpec(v.fairness) } : undefined),
          }
        : {}),
      alsoAtBaseline: v.verdict === 'violated' && atBase?.verdict === 'violated',
    };
  });
  const s = outcome.result.stats;
  const fingerprint = stateSetFingerprint(outcome.result.graph);
  return {
    key,
    slug: rowSlug(run.varied),
    varied: run.varied,
    readings: run.readings,
    states: s.states,
    transitions: s.transitions,
    depth: s.depth,
    seconds: s.seconds,
    complete: outcome.complete,
    stopReason: outcome.result.stopReason,
    fingerprint,
    sameStatesAsBaseline: baseline !== null && outcome.complete && baseline.complete && baseline.fingerprint === fingerprint,
    graphDiff,
    cells,
  };
}

/** Runs every planned run in order; the first run must be the baseline (no reading varied). */
export function exploreAmbiguities(config: ExploreAmbiguitiesConfig): AmbiguityMatrix {
  if (config.runs.length === 0 || config.runs[0].varied.length !== 0) throw new Error('exploreAmbiguities: the first run must be the baseline');
  const t0 = performance.now();
  const rows: Row[] = [];
  let baseline: Row | null = null;
  // the baseline's graph stays until the matrix is done: every row is compared with it edge by edge
  const baseGraph: { current: BaselineGraph | null } = { current: null };
  config.runs.forEach((run, k) => {
    const row = runOne(config, run, baseline, baseGraph);
    if (baseline === null) baseline = row;
    rows.push(row);
    config.onRun?.(row, k, config.runs.length);
  });
  const properties = selectProperties(config.properties).map((p) => ({ name: p.name, kind: p.kind, statement: p.statement, cites: p.cites }));
  return {
    tag: config.tag ?? '',
    mode: config.mode,
    params: config.params,
    base: config.base,
    entries: config.entries,
    properties,
    rows,
    interactions: config.mode === 'single' ? [] : findInteractions(rows),
    seconds: (performance.now() - t0) / 1000,
  };
}
