/**
 * `ftcheck check --itf DIR`: counterexamples in the Informal Trace Format
 * (ITF, Apalache ADR-015, https://apalache-mc.org/docs/adr/015adr-trace.html),
 * the JSON traces Apalache and Quint write, so that they open in the ITF
 * trace viewers. One file per counterexample, DIR/PROPERTY.itf.json.
 *
 * {"#meta": {...}, "vars": [...], "states": [{"#meta": {"index": k, ...}, var: value, ...}], "loop"?: k}
 *
 * The variables of each state:
 * - `action`: the label of the step that led to the state ("init" for the first);
 * - `systems`: a map from system id to a record of its fields (FT state, mode,
 *   CPU phase, main storage as a map page -> value, trace memory, held IO,
 *   history fields);
 * - `crosslinks`: the set of connected pairs, as tuples;
 * - `dma`: the copy job (`src`, `dst` as options);
 * - `faultsInjected`, and `history` (the model's global ghost fields).
 * Integers are `{"#bigint": "k"}` as Apalache and Quint write them; an
 * option is a Quint variant, `{"tag": "Some", "value": v}` or
 * `{"tag": "None", "value": {"#tup": []}}`; a system without a mode has
 * mode "none". A lasso (a liveness counterexample) sets ITF's own `loop`,
 * the index of the state the last state returns to.
 */
import type { FtModel } from '../model/ft-model.js';
import { nonDefaultReadings } from '../model/readings.js';
import type { StateView, SystemView } from '../model/view.js';
import type { CheckOutcome, PropertyVerdict } from '../properties/verify.js';
import { endsAs, traceOf } from './check-report.js';
import { citationOf, type ReadableTrace } from './trace.js';

/** An ITF expression. */
export type ItfValue =
  | boolean
  | string
  | number
  | { readonly '#bigint': string }
  | { readonly '#tup': readonly ItfValue[] }
  | { readonly '#set': readonly ItfValue[] }
  | { readonly '#map': readonly (readonly [ItfValue, ItfValue])[] }
  | { readonly tag: string; readonly value: ItfValue }
  | readonly ItfValue[]
  | { readonly [field: string]: ItfValue };

export interface ItfState {
  readonly '#meta': { readonly index: number; readonly [key: string]: unknown };
  readonly [variable: string]: ItfValue | ItfState['#meta'];
}

export interface ItfTrace {
  readonly '#meta': Readonly<Record<string, unknown>>;
  readonly vars: readonly string[];
  readonly states: readonly ItfState[];
  /** ITF's lasso field: the index of the state that starts the loop (the loop ends in the last state). */
  readonly loop?: number;
}

export const ITF_VARS = ['action', 'systems', 'crosslinks', 'dma', 'faultsInjected', 'history'] as const;

export const ITF_FORMAT_URL = 'https://apalache-mc.org/docs/adr/015adr-trace.html';

const int = (k: number): ItfValue => ({ '#bigint': String(k) });
const some = (v: ItfValue): ItfValue => ({ tag: 'Some', value: v });
const NONE: ItfValue = { tag: 'None', value: { '#tup': [] } };
const option = (k: number | null): ItfValue => (k === null ? NONE : some(int(k)));

function systemRecord(s: SystemView): ItfValue {
  return {
    state: s.state,
    stateName: s.name,
    group: s.group,
    mode: s.mode ?? 'none',
    cpu: s.cpu,
    failed: s.failed,
    memory: { '#map': s.memory.map((v, p) => [int(p), int(v)] as const) },
    trace: { on: s.trace.on, entries: int(s.trace.entries), pages: { '#set': s.trace.pages.map(int) } },
    heldIo: int(s.heldIo),
    contextReceived: s.contextReceived,
    resyncFrom: option(s.resyncFrom),
    corrupted: s.corrupted,
    history: {
      disagreed: s.disagreed,
      isolated: s.isolated,
      previousState: s.ghost.previousState,
      modeOnEnteringST3: s.ghost.modeOnEnteringST3,
      actSeenAtPowerOn: s.ghost.actSeenAtPowerOn,
    },
  };
}

/** The ITF variables of one model state (all but `action`). */
export function itfStateOf(v: StateView): Record<string, ItfValue> {
  return {
    systems: { '#map': v.systems.map((s) => [int(s.id), systemRecord(s)] as const) },
    crosslinks: { '#set': v.crosslinks.map(([a, b]) => ({ '#tup': [int(a), int(b)] })) },
    dma: { job: v.dma.job, src: option(v.dma.src), dst: option(v.dma.dst), progress: int(v.dma.progress) },
    faultsInjected: int(v.faultsInjected),
    history: {
      everFullyDuplexed: v.ghost.everFullyDuplexed,
      faultsSinceDuplex: int(v.ghost.faultsSinceDuplex),
      survivableFault: v.ghost.survivableFault,
    },
  };
}

export interface ItfMeta {
  /** What the trace is, e.g. "Counterexample to one-act: ...". */
  readonly description: string;
  /** "violation" for a counterexample. */
  readonly status?: string;
  /** Anything else worth keeping beside the trace (property, explanation, params, readings, scenario file). */
  readonly [key: string]: unknown;
}

/** A trace as an ITF object; each state's #meta has its index and, after the first, the label with its block and paragraphs. */
export function itfTrace(model: FtModel, t: ReadableTrace, meta: ItfMeta): ItfTrace {
  // ITF's "loop" is the state the last listed state moves back to: a closed lasso's last step (a copy of the
  // state at loopStart) is not listed; a dead end stutters on its last state
  const closes = t.loopStart !== undefined && t.loopStart < t.steps.length - 1;
  const listed = closes ? t.steps.slice(0, -1) : t.steps;
  const states = listed.map((s, k): ItfState => ({
    '#meta': { index: k, ...(s.label !== null ? { label: s.label, ...citationOf(model, s.label) } : {}) },
    action: s.label ?? 'init',
    ...itfStateOf(s.view),
  }));
  return {
    '#meta': { format: 'ITF', 'format-description': ITF_FORMAT_URL, source: 'ftcheck', status: 'violation', ...meta },
    vars: [...ITF_VARS],
    states,
    ...(t.loopStart !== undefined ? { loop: t.loopStart } : {}),
  };
}

/** The file name of a property's ITF trace. */
export const itfFileName = (property: string): string => `${property}.itf.json`;

/** The ITF trace of a verdict's counterexample, or null when it has none; `scenario` is where its replayable scenario was written. */
export function counterexampleItf(o: CheckOutcome, v: PropertyVerdict, scenario?: string): ItfTrace | null {
  const t = traceOf(o, v);
  if (!t) return null;
  const p = v.property;
  return itfTrace(o.model, t, {
    description: `Counterexample to ${p.name}: shortest trace found by ftcheck check; the last state is ${endsAs(v)}`,
    property: p.name,
    kind: p.kind,
    statement: p.statement,
    cites: p.cites,
    ...(v.explanation ? { explanation: v.explanation } : {}),
    ...(v.note ? { note: v.note } : {}),
    params: { ...o.model.params },
    readings: { ...o.model.readings },
    changedReadings: nonDefaultReadings(o.model.readings),
    ...(scenario ? { scenario } : {}),
  });
}
