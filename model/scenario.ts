/**
 * Scenarios: a list of transition labels applied from the initial state, with
 * optional expected states per step. The FIG. 9-11 timing charts ship as
 * scenarios, and every counterexample trace is written as one.
 */
import { readFileSync } from 'node:fs';
import { initialStatesOf, successorsOf } from '../checker/index.js';
import { FtModel } from './ft-model.js';
import { DEFAULT_PARAMS, validateParams, type Params } from './params.js';
import { defaultReadings, withReadings, type Readings } from './readings.js';
import { viewOf, type StateView } from './view.js';
import { parseFairness } from './fairness.js';

export interface ScenarioStep {
  readonly label: string;
  /** Free text, e.g. the T-step of the figure. */
  readonly note?: string;
  /** Expected state per system after this step: "ST4", "ST4/ACT", "ST6/-" (no mode). */
  readonly expect?: Readonly<Record<string, string>>;
}

export interface Scenario {
  readonly description?: string;
  readonly params?: Partial<Params>;
  readonly readings?: Readonly<Record<string, string>>;
  readonly steps: readonly ScenarioStep[];
  /** For counterexamples: the property this scenario ends by violating. */
  readonly violates?: string;
  /**
   * For liveness counterexamples (lassos): the step (0 = the initial state)
   * whose state the last step returns to; the steps after it repeat forever.
   * Equal to the number of steps: the run ends there, nothing enabled.
   */
  readonly loop?: number;
  /** For liveness counterexamples: the fairness the run is fair under (model/fairness.ts syntax). */
  readonly fairness?: string;
}

export interface ReplayedStep {
  readonly label: string;
  readonly note?: string;
  readonly words: Uint32Array;
  readonly view: StateView;
}

export interface ReplayResult {
  readonly ok: boolean;
  readonly model: FtModel;
  readonly initial: StateView;
  readonly steps: ReplayedStep[];
  readonly error?: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const PARAM_KEYS = Object.keys(DEFAULT_PARAMS);

const SCENARIO_KEYS = ['description', 'params', 'readings', 'steps', 'violates', 'loop', 'fairness'];
const STEP_KEYS = ['label', 'note', 'expect'];
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function parseStep(s: unknown, i: number): Parsed<ScenarioStep> {
  const at = `step ${i + 1}`;
  if (typeof s === 'string') return { ok: true, value: { label: s } };
  if (!isObject(s)) return { ok: false, error: `${at}: expected a label string or an object with "label"` };
  for (const k of Object.keys(s)) {
    if (!STEP_KEYS.includes(k)) return { ok: false, error: `${at}: unknown key "${k}" (known: ${STEP_KEYS.join(', ')})` };
  }
  if (s.label === undefined) return { ok: false, error: `${at}: missing "label"` };
  if (typeof s.label !== 'string') return { ok: false, error: `${at}: "label" must be a string` };
  if (s.note !== undefined && typeof s.note !== 'string') return { ok: false, error: `${at}: "note" must be a string` };
  if (s.expect !== undefined) {
    if (!isObject(s.expect)) return { ok: false, error: `${at}: "expect" must be an object of system id: "ST4" or "ST4/ACT"` };
    for (const [sys, want] of Object.entries(s.expect)) {
      if (!/^\d+$/.test(sys)) return { ok: false, error: `${at}: "expect" key "${sys}" is not a system id (0, 1, ...)` };
      if (typeof want !== 'string') return { ok: false, error: `${at}: "expect" of system ${sys} must be a string such as "ST4/ACT"` };
    }
  }
  return { ok: true, value: s as unknown as ScenarioStep };
}

/** Validates scenario JSON (already parsed); errors are one line and name the offending part. */
export function parseScenario(json: unknown): Parsed<Scenario> {
  const raw = Array.isArray(json) ? { steps: json } : json;
  if (!isObject(raw)) return { ok: false, error: 'a scenario is a JSON object with "steps" (or a JSON array of labels)' };
  const o = raw;
  for (const k of Object.keys(o)) {
    if (!SCENARIO_KEYS.includes(k)) return { ok: false, error: `unknown scenario key "${k}" (known: ${SCENARIO_KEYS.join(', ')})` };
  }
  if (!Array.isArray(o.steps)) return { ok: false, error: '"steps" must be an array' };
  const steps: ScenarioStep[] = [];
  for (let i = 0; i < o.steps.length; i++) {
    const step = parseStep(o.steps[i], i);
    if (!step.ok) return step;
    steps.push(step.value);
  }
  if (o.description !== undefined && typeof o.description !== 'string') return { ok: false, error: '"description" must be a string' };
  if (o.violates !== undefined && typeof o.violates !== 'string') return { ok: false, error: '"violates" must be a property name' };
  if (o.loop !== undefined && !(typeof o.loop === 'number' && Number.isInteger(o.loop) && o.loop >= 0 && o.loop <= steps.length)) {
    return { ok: false, error: `"loop" must be a step index from 0 to ${steps.length} (the step whose state the last step returns to)` };
  }
  if (o.fairness !== undefined) {
    const f = typeof o.fairness === 'string' ? parseFairness(o.fairness) : { error: 'must be a string' };
    if ('error' in f) return { ok: false, error: `"fairness": ${f.error}` };
  }
  if (o.params !== undefined) {
    if (!isObject(o.params)) return { ok: false, error: '"params" must be an object' };
    for (const [k, v] of Object.entries(o.params)) {
      if (!PARAM_KEYS.includes(k)) return { ok: false, error: `unknown parameter "${k}" (known: ${PARAM_KEYS.join(', ')})` };
      if (typeof v !== 'number') return { ok: false, error: `parameter "${k}" must be a number` };
    }
  }
  if (o.readings !== undefined && (!isObject(o.readings) || Object.values(o.readings).some((v) => typeof v !== 'string'))) {
    return { ok: false, error: '"readings" must be an object of ID: NAME' };
  }
  return { ok: true, value: { ...o, steps } as Scenario };
}

/**
 * Reads and validates a scenario file (a UTF-8 byte order mark is ignored).
 * The error is one line: why the file cannot be read, where its JSON is
 * broken, or which part is not a scenario.
 */
export function readScenarioFile(file: string): Parsed<Scenario> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : String((e as Error).message).split('\n')[0];
    return { ok: false, error: `cannot read scenario '${file}': ${why}` };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `scenario '${file}' is not valid JSON: ${(e as Error).message.split('\n')[0]}` };
  }
  const sc = parseScenario(json);
  return sc.ok ? sc : { ok: false, error: `scenario '${file}': ${sc.error}` };
}

/** The model a scenario runs on: its params and readings over the given defaults. */
export function scenarioModel(sc: Scenario, baseParams: Params = DEFAULT_PARAMS, baseReadings: Readings = defaultReadings()): Parsed<FtModel> {
  const params = { ...baseParams, ...(sc.params ?? {}) };
  const bad = validateParams(params);
  if (bad) return { ok: false, error: bad };
  const readings = withReadings(baseReadings, (sc.readings ?? {}) as Record<string, string>);
  if ('error' in readings) return { ok: false, error: readings.error };
  return { ok: true, value: new FtModel(params, readings) };
}

/** The successors of one state, from the engine's cold-path helper (replay only, never the hot loop). */
export { successorsOf };

/** The model's single initial state (every system powered off). */
export function initialState(model: FtModel): Uint32Array {
  return initialStatesOf(model)[0];
}

function expectationMismatch(view: StateView, expect: Readonly<Record<string, string>>): string | null {
  for (const [sys, want] of Object.entries(expect)) {
    const s = view.systems[Number(sys)];
    if (!s) return `no system #${sys}`;
    const [state, mode] = want.split('/');
    if (s.state !== state) return `#${sys} is ${s.state} (${s.name}), expected ${state}`;
    if (mode !== undefined && (s.mode ?? '-') !== mode) return `#${sys} mode is ${s.mode ?? '-'}, expected ${mode}`;
  }
  return null;
}

/** Applies the scenario's labels one by one; stops at the first label not enabled or expectation not met. */
export function replay(model: FtModel, sc: Scenario): ReplayResult {
  let state = initialState(model);
  const initial = viewOf(model, state);
  const steps: ReplayedStep[] = [];
  for (let k = 0; k < sc.steps.length; k++) {
    const step = sc.steps[k];
    const succ = successorsOf(model, state);
    const enabled = [...new Set(succ.map((s) => model.labelNames[s.label]))];
    const id = model.labels.idOf(step.label.trim());
    const next = id === undefined ? undefined : succ.find((s) => s.label === id);
    if (!next) {
      const why = id === undefined ? `unknown label '${step.label}'` : `'${step.label}' is not enabled`;
      return { ok: false, model, initial, steps, error: `step ${k + 1}: ${why}; enabled: ${enabled.join(', ') || '(none)'}` };
    }
    state = next.state;
    const view = viewOf(model, state);
    steps.push({ label: step.label.trim(), note: step.note, words: state, view });
    if (step.expect) {
      const bad = expectationMismatch(view, step.expect);
      if (bad) return { ok: false, model, initial, steps, error: `step ${k + 1} (${step.label}${step.note ? ', ' + step.note : ''}): ${bad}` };
    }
  }
  return { ok: true, model, initial, steps };
}

/** The stable JSON of `ftcheck replay --json`. */
export function replayJson(r: ReplayResult): object {
  return {
    ok: r.ok,
    steps: r.steps.map((s) => ({
      label: s.label,
      systems: s.view.systems.map((x) => ({ id: x.id, state: x.state, name: x.name, mode: x.mode })),
    })),
    ...(r.error ? { error: r.error } : {}),
  };
}
