/**
 * Counterexample traces for people and scripts: numbered steps with the
 * label, the block and citation of the transition, the systems that moved and
 * only the fields that changed; the violating state in full. Also the
 * replayable scenario of a trace.
 */
import type { TraceStep } from '../checker/index.js';
import { ACTION_DOCS } from '../model/actions-doc.js';
import type { FtModel } from '../model/ft-model.js';
import { nonDefaultReadings } from '../model/readings.js';
import type { Scenario } from '../model/scenario.js';
import { summarize, viewOf, type StateView } from '../model/view.js';
import { diff, flatten } from './flatten.js';
import { foldLine, foldOf, milestonesOf, type Fold } from './milestones.js';

export interface ReadableStep {
  readonly step: number;
  /** null for the initial state. */
  readonly label: string | null;
  readonly view: StateView;
}

/**
 * A trace to show: its steps and, for a lasso (a liveness counterexample, an
 * infinite run that repeats a cycle), the step whose state the last step
 * returns to (ITF's "loop"). A finite trace has no `loopStart`.
 */
export interface ReadableTrace {
  readonly steps: readonly ReadableStep[];
  readonly loopStart?: number;
}

export function readableTrace(model: FtModel, trace: readonly TraceStep[]): ReadableStep[] {
  return trace.map((t, k) => ({ step: k, label: t.label === null ? null : model.labelNames[t.label], view: viewOf(model, t.state) }));
}

function actionOf(model: FtModel, label: string): keyof typeof ACTION_DOCS | undefined {
  const id = model.labels.idOf(label);
  return id === undefined ? undefined : model.labels.labels[id].action;
}

/** The block and paragraphs of a label's transition, from model/actions-doc.ts ('?' when unknown). */
export function citationOf(model: FtModel, label: string): { readonly block: string; readonly cites: string } {
  const action = actionOf(model, label);
  const doc = action ? ACTION_DOCS[action] : undefined;
  return { block: doc?.block ?? '?', cites: doc?.cites ?? '?' };
}

/** The systems whose fields a change list touches: ["#0", "#1"]. */
export function movedOf(changes: readonly (readonly [string, string, string])[]): string[] {
  return [...new Set(changes.map(([k]) => (k.startsWith('#') ? k.slice(0, k.indexOf('.')) : '')).filter(Boolean))];
}

export interface TraceTextOptions {
  /** Print every state in full instead of the changed fields, and fold nothing. */
  readonly full?: boolean;
  /** For a lasso (a liveness counterexample): the step the last one returns to. */
  readonly loopStart?: number;
}

/** The line that marks where a lasso's loop begins. */
export function loopLine(loopStart: number, last: number): string {
  return loopStart === last
    ? `       (the run stops here: nothing fair is enabled, so the state of step ${last} may last forever)`
    : `       (loop back to step ${loopStart}: steps ${loopStart + 1}-${last} repeat forever; step ${last} returns to the state of step ${loopStart})`;
}

/**
 * The text a reviewer reads: one block per step. A prefix of power-on and
 * first synchronization (reports/milestones.ts) is folded into one line,
 * unless `full`.
 */
export function traceText(model: FtModel, steps: readonly ReadableStep[], o: TraceTextOptions = {}): string {
  const lines: string[] = [];
  const fold = o.full ? null : foldOf(steps.map((s) => s.view), { loopStart: o.loopStart });
  const last = steps.length - 1;
  let prev: Map<string, string> | null = null;
  for (const s of steps) {
    const flat = flatten(s.view, Boolean(o.full));
    if (fold && s.step >= fold.from && s.step <= fold.to) {
      if (s.step === fold.to) lines.push(`  ${foldLine(fold, summarize(s.view))}`);
    } else if (s.label === null) {
      lines.push(`  0. initial state: ${summarize(s.view)}`);
    } else {
      const doc = citationOf(model, s.label);
      lines.push(`  ${s.step}. ${s.label}  [${doc.block}; ${doc.cites}]`);
      const changes = diff(prev!, flat);
      const moved = movedOf(changes);
      if (moved.length) lines.push(`       moved: ${moved.join(', ')}`);
      if (o.full) for (const [k, v] of flat) lines.push(`       ${k} = ${v}`);
      else for (const [k, a, b] of changes) lines.push(`       ${k}: ${a} -> ${b}`);
      if (!changes.length) lines.push('       (no field changed)');
    }
    if (o.loopStart !== undefined && s.step === o.loopStart) lines.push(loopLine(o.loopStart, last));
    prev = flat;
  }
  return lines.join('\n');
}

/** The last state of a trace, every field, ghosts included. */
export function fullStateText(view: StateView): string {
  return [...flatten(view, true)].map(([k, v]) => `       ${k} = ${v}`).join('\n');
}

/**
 * The stable JSON form of a trace in `check --json`: every step with its
 * label, block and paragraphs, the systems that moved, every changed field
 * (ghosts included) as [before, after], and `milestone` at the step where
 * the trace first reaches one (reports/milestones.ts). Nothing is folded.
 */
export function traceJson(model: FtModel, steps: readonly ReadableStep[]): object[] {
  const milestones = new Map(milestonesOf(steps.map((s) => s.view)).map((m) => [m.step, m]));
  let prev: Map<string, string> | null = null;
  return steps.map((s) => {
    const flat = flatten(s.view, true);
    const changes = prev ? diff(prev, flat) : [];
    prev = flat;
    const m = milestones.get(s.step);
    return {
      step: s.step,
      label: s.label,
      ...(s.label !== null ? citationOf(model, s.label) : {}),
      systems: s.view.systems.map((x) => ({ id: x.id, state: x.state, name: x.name, mode: x.mode })),
      moved: movedOf(changes),
      changed: Object.fromEntries(changes.map(([k, a, b]) => [k, [a, b]])),
      ...(m ? { milestone: { id: m.id, text: m.text } } : {}),
    };
  });
}

/** The fold of a trace as JSON: {from, to, milestone, text}, as `check` prints it. */
export function foldJson(f: Fold | null): object | null {
  return f ? { from: f.from, to: f.to, milestone: f.milestone.id, text: f.milestone.text } : null;
}

/** Every field of a state, ghosts included, as one object (the "in full" of the text report). */
export function fullStateJson(view: StateView): Record<string, string> {
  return Object.fromEntries(flatten(view, true));
}

/** A scenario that `ftcheck replay` accepts and that reproduces the trace. */
export function traceScenario(
  model: FtModel, steps: readonly ReadableStep[], violates: string, lasso?: { readonly loopStart: number; readonly fairness: string },
): Scenario {
  const readings = Object.fromEntries(nonDefaultReadings(model.readings).map((s) => s.split('=') as [string, string]));
  return {
    description: `Counterexample to ${violates}: shortest ${lasso ? 'lasso (a stem and a loop that repeats forever)' : 'trace'} found by ftcheck check`,
    params: { ...model.params },
    readings,
    violates,
    ...(lasso ? { loop: lasso.loopStart, fairness: lasso.fairness } : {}),
    steps: steps.filter((s) => s.label !== null).map((s) => ({ label: s.label!, expect: expectOf(s.view) })),
  };
}

function expectOf(v: StateView): Record<string, string> {
  return Object.fromEntries(v.systems.map((s) => [String(s.id), `${s.state}/${s.mode ?? '-'}`]));
}
