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

export interface ReadableStep {
  readonly step: number;
  /** null for the initial state. */
  readonly label: string | null;
  readonly view: StateView;
}

export function readableTrace(model: FtModel, trace: readonly TraceStep[]): ReadableStep[] {
  return trace.map((t, k) => ({ step: k, label: t.label === null ? null : model.labelNames[t.label], view: viewOf(model, t.state) }));
}

function actionOf(model: FtModel, label: string): keyof typeof ACTION_DOCS | undefined {
  const id = model.labels.idOf(label);
  return id === undefined ? undefined : model.labels.labels[id].action;
}

export interface TraceTextOptions {
  /** Print every state in full instead of the changed fields. */
  readonly full?: boolean;
}

/** The text a reviewer reads: one block per step. */
export function traceText(model: FtModel, steps: readonly ReadableStep[], o: TraceTextOptions = {}): string {
  const lines: string[] = [];
  let prev: Map<string, string> | null = null;
  for (const s of steps) {
    const flat = flatten(s.view, Boolean(o.full));
    if (s.label === null) {
      lines.push(`  0. initial state: ${summarize(s.view)}`);
    } else {
      const action = actionOf(model, s.label);
      const doc = action ? ACTION_DOCS[action] : undefined;
      lines.push(`  ${s.step}. ${s.label}  [${doc?.block ?? '?'}; ${doc?.cites ?? '?'}]`);
      const changes = diff(prev!, flat);
      const moved = [...new Set(changes.map(([k]) => (k.startsWith('#') ? k.slice(0, k.indexOf('.')) : '')).filter(Boolean))];
      if (moved.length) lines.push(`       moved: ${moved.join(', ')}`);
      if (o.full) for (const [k, v] of flat) lines.push(`       ${k} = ${v}`);
      else for (const [k, a, b] of changes) lines.push(`       ${k}: ${a} -> ${b}`);
      if (!changes.length) lines.push('       (no field changed)');
    }
    prev = flat;
  }
  return lines.join('\n');
}

/** The last state of a trace, every field, ghosts included. */
export function fullStateText(view: StateView): string {
  return [...flatten(view, true)].map(([k, v]) => `       ${k} = ${v}`).join('\n');
}

/** The stable JSON form of a trace step in `check --json`. */
export function traceJson(steps: readonly ReadableStep[]): object[] {
  let prev: Map<string, string> | null = null;
  return steps.map((s) => {
    const flat = flatten(s.view, true);
    const changed = prev ? Object.fromEntries(diff(prev, flat).map(([k, a, b]) => [k, [a, b]])) : {};
    prev = flat;
    return {
      step: s.step,
      label: s.label,
      systems: s.view.systems.map((x) => ({ id: x.id, state: x.state, name: x.name, mode: x.mode })),
      changed,
    };
  });
}

/** A scenario that `ftcheck replay` accepts and that reproduces the trace. */
export function traceScenario(model: FtModel, steps: readonly ReadableStep[], violates: string): Scenario {
  const readings = Object.fromEntries(nonDefaultReadings(model.readings).map((s) => s.split('=') as [string, string]));
  return {
    description: `Counterexample to ${violates}: shortest trace found by ftcheck check`,
    params: { ...model.params },
    readings,
    violates,
    steps: steps.filter((s) => s.label !== null).map((s) => ({ label: s.label!, expect: expectOf(s.view) })),
  };
}

function expectOf(v: StateView): Record<string, string> {
  return Object.fromEntries(v.systems.map((s) => [String(s.id), `${s.state}/${s.mode ?? '-'}`]));
}
