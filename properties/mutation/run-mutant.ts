/**
 * One mutant, explored exhaustively with the whole catalogue. The run stops
 * at the first state that violates an invariant (that state's trace is the
 * shortest of all, and it names every invariant violated there); if no
 * invariant fails, the graph and progress properties are decided on the
 * complete graph, and a mutant that kills nothing is compared with the
 * unmutated model state by state (difference.ts): it is equivalent when the
 * two offer the same steps in every state the mutant reaches; otherwise it
 * survived, and the first state where they part shows what it changes. A
 * capacity mutant packs states differently: it is compared by a fingerprint
 * of its labelled graph instead.
 */
import { FtModel } from '../../model/ft-model.js';
import type { Mutant } from '../../model/mutants.js';
import type { Params } from '../../model/params.js';
import type { Readings } from '../../model/readings.js';
import { runCheck } from '../verify.js';
import { firstDifference } from './difference.js';
import { fingerprintOf, sameGraph, type GraphFingerprint } from './fingerprint.js';

export type MutantStatus = 'killed' | 'survived' | 'equivalent' | 'undecided' | 'error';

/** A step one model takes and the other does not, from the state where they part. */
export interface DifferentStep {
  readonly label: string;
  /** The packed target state (the unmutated model's packing). */
  readonly target: readonly number[];
}

/** The shortest run on which a survivor behaves differently from the unmutated model. */
export interface MutantDifference {
  /** Labels of the shortest trace to the state where the two part. */
  readonly trace: readonly string[];
  /** The packed states of that trace, the initial one first. */
  readonly states: readonly (readonly number[])[];
  readonly added: readonly DifferentStep[];
  readonly removed: readonly DifferentStep[];
}

export interface MutantResult {
  readonly id: string;
  readonly status: MutantStatus;
  /**
   * The properties the first refuting state violates (invariants), or the graph property that fails;
   * "NAME (vacuous)" when the mutant leaves a property's trigger false on every reachable state.
   */
  readonly killedBy?: readonly string[];
  /** Steps of the shortest refuting trace (for a lasso: its stem and loop). */
  readonly traceLength?: number;
  /** A survivor: where it first behaves differently. */
  readonly difference?: MutantDifference;
  readonly states: number;
  readonly seconds: number;
  /** Why undecided, or the error. */
  readonly note?: string;
}

export interface MutantLimits {
  /** Stop a mutant whose state space passes this (it is then undecided unless already killed). */
  readonly maxStates: number;
}

const bases = new Map<string, FtModel>();
function baseModel(params: Params, readings: Readings): FtModel {
  const key = JSON.stringify([params, readings]);
  let m = bases.get(key);
  if (!m) bases.set(key, (m = new FtModel(params, readings)));
  return m;
}

export function runMutant(params: Params, readings: Readings, mutant: Mutant, baseline: GraphFingerprint | null, limits: MutantLimits): MutantResult {
  const t0 = performance.now();
  const secs = () => (performance.now() - t0) / 1000;
  if (mutant.unread) return { id: mutant.id, status: 'equivalent', states: 0, seconds: 0, note: 'the rule is never read by the unmutated model' };
  const byFingerprint = mutant.mutation.op === 'capacity';
  try {
    const o = runCheck({ params, readings, mutation: mutant.mutation, allViolations: false, maxStates: limits.maxStates, recordLabelledEdges: byFingerprint });
    const violated = o.verdicts.filter((v) => v.verdict === 'violated');
    if (violated.length > 0) {
      // a lasso's length is its stem and loop; any other counterexample is the BFS trace to its state
      const lengthOf = (v: (typeof violated)[number]) => (v.lasso ? v.lasso.states.length - 1 : o.result.graph.depthOf(v.state!));
      const depth = Math.min(...violated.map(lengthOf));
      const first = violated.filter((v) => lengthOf(v) === depth);
      return { id: mutant.id, status: 'killed', killedBy: first.map((v) => v.property.name), traceLength: depth, states: o.result.stats.states, seconds: secs() };
    }
    // the check fails just as surely when a property is left with nothing to say (the unmutated model has none vacuous)
    const vacuous = o.complete ? o.verdicts.filter((v) => v.verdict === 'vacuous') : [];
    if (vacuous.length > 0) {
      return { id: mutant.id, status: 'killed', killedBy: vacuous.map((v) => `${v.property.name} (vacuous)`), states: o.result.stats.states, seconds: secs() };
    }
    if (!o.complete) {
      return { id: mutant.id, status: 'undecided', states: o.result.stats.states, seconds: secs(), note: `stopped early (${o.result.stopReason}) with no property violated` };
    }
    const states = o.result.stats.states;
    if (byFingerprint) {
      const equivalent = baseline !== null && sameGraph(fingerprintOf(o.model, o.result), baseline);
      return { id: mutant.id, status: equivalent ? 'equivalent' : 'survived', states, seconds: secs() };
    }
    const d = firstDifference(o.model, baseModel(params, readings), o.result);
    if (!d) return { id: mutant.id, status: 'equivalent', states, seconds: secs() };
    const trace = o.result.graph.traceTo(d.state);
    const difference: MutantDifference = {
      trace: trace.slice(1).map((t) => o.model.labelNames[t.label!]),
      states: trace.map((t) => [...t.state]),
      added: d.added.map((s) => ({ label: s.label, target: [...s.target] })),
      removed: d.removed.map((s) => ({ label: s.label, target: [...s.target] })),
    };
    return { id: mutant.id, status: 'survived', difference, states, seconds: secs() };
  } catch (e) {
    return { id: mutant.id, status: 'error', states: 0, seconds: secs(), note: (e as Error).message };
  }
}
