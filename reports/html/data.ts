/**
 * What the HTML report shows, as plain data built from one check outcome:
 * the verdict table with vacuity and trigger counts, the coverage, and each
 * counterexample as the steps of a stepper (every field of every system at
 * each step, which of them changed, the label with its block and
 * paragraphs, the milestones). The page (page.ts) turns it into HTML and its
 * script walks the steps.
 */
import { stateLabel } from '../../hw/ft-controller.js';
import type { CheckOutcome, PropertyVerdict } from '../../properties/verify.js';
import { configLine, endsAs, readingsLine, statsLines, traceOf, vacuityLines } from '../check-report.js';
import { coverageOf, coverageSummary } from '../coverage-report.js';
import { diff, flatten } from '../flatten.js';
import { foldOf, milestonesOf } from '../milestones.js';
import { citationOf, type ReadableTrace } from '../trace.js';

export interface VerdictRow {
  readonly name: string;
  readonly kind: string;
  readonly verdict: PropertyVerdict['verdict'];
  readonly statement: string;
  readonly cites: string;
  readonly trigger: string;
  readonly triggered: number;
  /** Steps of the counterexample, when there is one. */
  readonly length?: number;
  readonly note?: string;
  readonly explanation?: string;
}

export interface StepData {
  readonly step: number;
  /** null for the initial state. */
  readonly label: string | null;
  readonly block?: string;
  readonly cites?: string;
  /** The milestone first reached at this step (reports/milestones.ts). */
  readonly milestone?: string;
  /** Every field, by its flat key ("#0.state", "crosslinks", ...). */
  readonly fields: Readonly<Record<string, string>>;
  /** The keys that changed from the previous step, with the value before. */
  readonly changed: Readonly<Record<string, string>>;
}

export interface CounterexampleData {
  readonly property: string;
  readonly statement: string;
  readonly cites: string;
  /** 'violating', 'deadlocked' or 'stuck'. */
  readonly ends: string;
  readonly explanation?: string;
  readonly note?: string;
  /** A lasso's loop start (liveness), an index into steps. */
  readonly loopStart?: number;
  /** The prefix of power-on and first synchronization the text folds: the stepper offers to skip it. */
  readonly fold?: { readonly to: number; readonly text: string };
  /** System ids, and the per-system field names (rows of the state table) in order. */
  readonly systems: readonly number[];
  readonly systemFields: readonly string[];
  /** Fields of the whole model (crosslinks, DMA, failures, history). */
  readonly globalFields: readonly string[];
  readonly steps: readonly StepData[];
  /** The sequence diagram: SVG rendered at build time, or the Mermaid text when it could not be. */
  readonly diagram: { readonly svg?: string; readonly mermaid?: string; readonly why?: string } | null;
}

export interface CoverageData {
  readonly summary: string;
  readonly rulesNeverTaken: readonly { readonly block: string; readonly rule: string; readonly cites: string; readonly named: boolean; readonly reading?: string }[];
  readonly labelsNeverFired: readonly string[];
  readonly accessNeverExercised: readonly string[];
}

export interface ReportData {
  readonly title: string;
  readonly command?: string;
  readonly generated: string;
  readonly config: string;
  readonly readings: string;
  readonly complete: boolean;
  readonly stats: readonly string[];
  readonly vacuity: readonly string[];
  readonly verdicts: readonly VerdictRow[];
  readonly coverage: CoverageData;
  readonly counterexamples: readonly CounterexampleData[];
}

/** Splits a flat key into its system and field: "#1.ghost.isolated" -> [1, "ghost.isolated"]; a global key -> [null, key]. */
export function splitKey(key: string): [number | null, string] {
  const m = /^#(\d+)\.(.*)$/.exec(key);
  return m ? [Number(m[1]), m[2]] : [null, key];
}

/** The stepper data of one trace. */
export function stepsData(o: CheckOutcome, t: ReadableTrace): Pick<CounterexampleData, 'systems' | 'systemFields' | 'globalFields' | 'steps' | 'fold'> {
  const views = t.steps.map((s) => s.view);
  const milestones = new Map(milestonesOf(views).map((m) => [m.step, m.text]));
  const flats = views.map((v) => flatten(v, true));
  const systemFields: string[] = [];
  const globalFields: string[] = [];
  for (const key of flats[0].keys()) {
    const [sys, field] = splitKey(key);
    if (sys === null) globalFields.push(field);
    else if (sys === 0) systemFields.push(field);
  }
  const steps = t.steps.map((s, k): StepData => {
    const changed = k === 0 ? {} : Object.fromEntries(diff(flats[k - 1], flats[k]).map(([key, before]) => [key, before]));
    const cite = s.label !== null ? citationOf(o.model, s.label) : undefined;
    const m = milestones.get(k);
    return {
      step: s.step,
      label: s.label,
      ...(cite ? { block: cite.block, cites: cite.cites } : {}),
      ...(m ? { milestone: m } : {}),
      fields: Object.fromEntries(flats[k]),
      changed,
    };
  });
  const fold = foldOf(views, { loopStart: t.loopStart });
  return {
    systems: views[0].systems.map((s) => s.id),
    systemFields,
    globalFields,
    steps,
    ...(fold ? { fold: { to: fold.to, text: fold.milestone.text } } : {}),
  };
}

export interface ReportDataOptions {
  readonly command?: string;
  /** The sequence diagram of each counterexample, by property name. */
  readonly diagrams?: ReadonlyMap<string, CounterexampleData['diagram']>;
  /** ISO time the report is stamped with; default now. */
  readonly generated?: string;
}

export function reportData(o: CheckOutcome, opts: ReportDataOptions = {}): ReportData {
  const coverage = coverageOf(o);
  const counterexamples: CounterexampleData[] = [];
  for (const v of o.verdicts) {
    const t = traceOf(o, v);
    if (!t) continue;
    counterexamples.push({
      property: v.property.name,
      statement: v.property.statement,
      cites: v.property.cites,
      ends: endsAs(v),
      ...(v.explanation ? { explanation: v.explanation } : {}),
      ...(v.note ? { note: v.note } : {}),
      ...(t.loopStart !== undefined ? { loopStart: t.loopStart } : {}),
      ...stepsData(o, t),
      diagram: opts.diagrams?.get(v.property.name) ?? null,
    });
  }
  return {
    title: 'ftcheck report: US 2006/0150004 A1 FT controller model',
    ...(opts.command ? { command: opts.command } : {}),
    generated: opts.generated ?? new Date().toISOString(),
    config: configLine(o),
    readings: readingsLine(o),
    complete: o.complete,
    stats: statsLines(o),
    vacuity: vacuityLines(o),
    verdicts: o.verdicts.map((v) => {
      const length = counterexamples.find((c) => c.property === v.property.name)?.steps.length;
      return {
        name: v.property.name,
        kind: v.property.kind,
        verdict: v.verdict,
        statement: v.property.statement,
        cites: v.property.cites,
        trigger: v.property.when,
        triggered: v.triggered,
        ...(length !== undefined ? { length: length - 1 } : {}),
        ...(v.note ? { note: v.note } : {}),
        ...(v.explanation ? { explanation: v.explanation } : {}),
      };
    }),
    coverage: {
      summary: coverageSummary(coverage),
      rulesNeverTaken: coverage.rules
        .filter((r) => r.count === 0)
        .map((r) => ({ block: r.block, rule: r.rule, cites: r.cites, named: r.named, ...(r.reading ? { reading: r.reading } : {}) })),
      labelsNeverFired: coverage.labels.filter((l) => l.firings === 0).map((l) => l.label),
      accessNeverExercised: coverage.access
        .filter((a) => a.count === 0)
        .map((a) => `${a.kindText} in ${stateLabel(a.st)}: ${a.outcomeText}${a.byGate ? ' (crosslink down or far side closed)' : ''}`),
    },
    counterexamples,
  };
}
