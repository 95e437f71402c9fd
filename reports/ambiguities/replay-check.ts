/**
 * Independent confirmation of a counterexample: the scenario written for it is
 * replayed exactly as `ftcheck replay FILE` would (its own params and readings
 * over the defaults, each step's expected states checked), and the property is
 * re-checked on the state the replay ends in:
 * - invariant: the property is false there;
 * - deadlock: the state has no successor and is not a legitimate end state;
 * - recoverable: the state is in scope and a fresh exploration from it never
 *   reaches the goal.
 * Nothing here reuses the exploration that found the trace.
 */
import { explore, type LabelId, type PackedSystem, type SuccessorSink } from '../../checker/index.js';
import type { FtModel } from '../../model/ft-model.js';
import { initialState, parseScenario, replay, scenarioModel, successorsOf, type Scenario } from '../../model/scenario.js';
import type { Property } from '../../properties/catalogue.js';
import { StateAccess } from '../../properties/state-access.js';
import { isLiveness } from '../../properties/kinds.js';
import { missingCapability } from '../../properties/enabled-check.js';
import { checkLasso } from '../../properties/lasso-check.js';
import { parseFairness } from '../../model/fairness.js';

export interface ReplayCheck {
  /** The scenario replays to its end and its last state refutes the property. */
  readonly ok: boolean;
  /** One line: what was confirmed, or what failed. */
  readonly detail: string;
}

/** The model with its initial state replaced by `start` (for reachability from one state). */
function from(model: FtModel, start: Uint32Array): PackedSystem {
  return {
    stateWords: model.stateWords,
    labelNames: model.labelNames,
    initial(sink: SuccessorSink): void {
      sink.out.set(start);
      sink.emit(0 as LabelId);
    },
    successors: (state, sink) => model.successors(state, sink),
    isTerminal: (state) => model.isTerminal(state),
  };
}

/** Whether `property` is refuted at `words` (see the module comment). */
export function refutedAt(model: FtModel, property: Property, words: Uint32Array): { ok: boolean; why: string } {
  const access = new StateAccess(model);
  switch (property.kind) {
    case 'invariant':
      return property.holds(access.load(words))
        ? { ok: false, why: 'the property holds in the last state' }
        : { ok: true, why: 'the property is false in the last state' };
    case 'deadlock': {
      const succ = successorsOf(model, words).length;
      if (succ > 0) return { ok: false, why: `the last state has ${succ} successor(s)` };
      if (model.isTerminal(words)) return { ok: false, why: 'the last state is a legitimate end state (no system online)' };
      return { ok: true, why: 'the last state has no successor and a system is still online' };
    }
    case 'enabled': {
      const missing = missingCapability(model, property, words);
      return missing === null ? { ok: false, why: `${property.action} is enabled wherever the last state needs it` } : { ok: true, why: missing };
    }
    case 'leads-to':
    case 'infinitely-often':
    case 'eventually-always':
      return { ok: false, why: 'a liveness property is refuted by a whole run with its loop, not by its last state (checkScenario replays it)' };
    case 'recoverable': {
      if (!property.scope(access.load(words))) return { ok: false, why: 'the last state is out of the property\u2019s scope' };
      const goal = property.goal;
      const r = explore(from(model, words), {
        invariants: [{ name: 'goal-not-reached', holds: (w) => !goal(new StateAccess(model).load(w)) }],
        onViolation: 'stop',
      });
      if (r.violations.length > 0) return { ok: false, why: `the goal is reachable from the last state (${r.violations[0].depth} steps)` };
      if (!r.complete) return { ok: false, why: `exploration from the last state stopped early (${r.stopReason})` };
      return { ok: true, why: `the goal is unreachable from the last state (${r.stats.states} states explored from it)` };
    }
  }
}

/** Replays the scenario (as JSON, as a file would hold it) and re-checks the property at its end. */
export function checkScenario(scenario: Scenario, property: Property, expectedSteps: number): ReplayCheck {
  const parsed = parseScenario(JSON.parse(JSON.stringify(scenario)));
  if (!parsed.ok) return { ok: false, detail: `scenario does not parse: ${parsed.error}` };
  const model = scenarioModel(parsed.value);
  if (!model.ok) return { ok: false, detail: `scenario model: ${model.error}` };
  const r = replay(model.value, parsed.value);
  if (!r.ok) return { ok: false, detail: `replay stopped: ${r.error}` };
  if (r.steps.length !== expectedSteps) return { ok: false, detail: `replayed ${r.steps.length} steps, expected ${expectedSteps}` };
  if (isLiveness(property)) {
    if (parsed.value.loop === undefined) return { ok: false, detail: 'a liveness counterexample needs "loop"' };
    const fairness = parseFairness(parsed.value.fairness ?? 'default');
    if ('error' in fairness) return { ok: false, detail: fairness.error };
    const states = [initialState(model.value), ...r.steps.map((s) => s.words)];
    const labels = r.steps.map((s) => model.value.labels.idOf(s.label)!);
    const c = checkLasso(model.value, property, fairness, states, labels, parsed.value.loop);
    return { ok: c.ok, detail: `replayed ${r.steps.length} steps, loop back to step ${parsed.value.loop}; ${c.why}` };
  }
  const last = r.steps.length ? r.steps[r.steps.length - 1].words : initialState(model.value);
  const v = refutedAt(model.value, property, last);
  return { ok: v.ok, detail: `replayed ${r.steps.length} steps; ${v.why}` };
}
