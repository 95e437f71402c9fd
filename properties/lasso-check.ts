/**
 * Independent confirmation of a liveness counterexample replayed on the
 * model: the states of the run (initial state first), the labels taken,
 * and `loop`, the index of the state the last one returns to. Confirmed
 * when (1) the loop really closes (the last state is the state at `loop`),
 * or the run stops (`loop` is the last index and no fair family is enabled
 * there, so it may stutter forever); (2) the loop is fair under the property's fairness, with
 * enabledness computed from the model's successors at each loop state;
 * (3) the run refutes the property.
 */
import { successorsOf } from '../checker/index.js';
import { expandFairness, type FairnessDecl } from '../model/fairness.js';
import type { FtModel } from '../model/ft-model.js';
import type { LivenessProperty } from './kinds.js';
import { StateAccess } from './state-access.js';

export interface LassoCheck {
  readonly ok: boolean;
  readonly why: string;
}

const same = (a: Uint32Array, b: Uint32Array) => a.length === b.length && a.every((w, k) => w === b[k]);

export function checkLasso(
  model: FtModel, property: LivenessProperty, fairness: readonly FairnessDecl[], states: readonly Uint32Array[], labels: readonly number[], loop: number,
): LassoCheck {
  const last = states.length - 1;
  if (!(Number.isInteger(loop) && loop >= 0 && loop <= last)) return { ok: false, why: `"loop" must be a step from 0 to ${last} (got ${loop})` };
  const deadEnd = loop === last;
  const families = expandFairness(fairness, model.labels);
  if (deadEnd) {
    // the run stops: it may stutter forever only where no fair family is enabled
    const enabled = new Set(successorsOf(model, states[last]).map((m) => m.label as number));
    const forced = families.find((f) => f.labels.some((l) => enabled.has(l)));
    if (forced) return { ok: false, why: `"loop" is the last step, so the run must stop there, but ${forced.name} is enabled and fair` };
  } else if (!same(states[last], states[loop])) {
    return { ok: false, why: `the loop does not close: the state after the last step is not the state of step ${loop}` };
  }
  // (2) fairness of the loop
  if (!deadEnd) {
    const taken = new Set(labels.slice(loop));
    const enabledAt = states.slice(loop, last).map((w) => new Set(successorsOf(model, w).map((m) => m.label as number)));
    for (const f of families) {
      const inFamily = new Set(f.labels);
      const isTaken = [...taken].some((l) => inFamily.has(l));
      if (isTaken) continue;
      const enabledSomewhere = enabledAt.some((e) => [...e].some((l) => inFamily.has(l)));
      const enabledEverywhere = enabledAt.every((e) => [...e].some((l) => inFamily.has(l)));
      if (f.kind === 'weak' && enabledEverywhere) return { ok: false, why: `the loop is not fair: ${f.name} is enabled at every state of the loop and never taken (weak fairness)` };
      if (f.kind === 'strong' && enabledSomewhere) return { ok: false, why: `the loop is not fair: ${f.name} is enabled in the loop and never taken (strong fairness)` };
    }
  }
  // (3) the run refutes the property
  const access = new StateAccess(model);
  const loopStates = deadEnd ? [states[last]] : states.slice(loop, last);
  const holdsOn = (f: (s: StateAccess) => boolean, w: Uint32Array) => f(access.load(w));
  switch (property.kind) {
    case 'infinitely-often':
      return loopStates.some((w) => holdsOn(property.p, w))
        ? { ok: false, why: 'P holds on a state of the loop, so the run satisfies GF P' }
        : { ok: true, why: 'P never holds on the loop: the run refutes GF P' };
    case 'eventually-always':
      return loopStates.some((w) => !holdsOn(property.p, w))
        ? { ok: true, why: 'P fails on a state of the loop, again and again: the run refutes FG P' }
        : { ok: false, why: 'P holds on every state of the loop, so the run satisfies FG P' };
    case 'leads-to': {
      const systems = property.perSystem ? model.params.systems : 1;
      const faults = states.map((w) => {
        const v = access.load(w);
        return v.faultsInjected() * 4 + Math.min(3, v.undetectedFailures());
      });
      for (let i = 0; i < systems; i++) {
        for (let j = 0; j <= last; j++) {
          if (!property.p(access.load(states[j]), i)) continue;
          // what the run visits from step j on, forever: the rest of the trace and, again and again, the loop
          const after = [...states.keys()].filter((t) => t >= j || (!deadEnd && t >= loop));
          let escapes = false;
          for (const t of after) {
            if (property.q(access.load(states[t]), i)) escapes = true;
            if (property.unlessAnotherFailure && faults[t] !== faults[j]) escapes = true;
          }
          if (!escapes) {
            return { ok: true, why: `P holds at step ${j}${property.perSystem ? ` for #${i}` : ''} and Q never does after it, through the loop forever` };
          }
        }
      }
      return { ok: false, why: 'no step has P with Q failing from it on through the loop' };
    }
  }
}
