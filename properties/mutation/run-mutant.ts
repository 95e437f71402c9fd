/**
 * One mutant, explored exhaustively with the whole catalogue. The run stops
 * at the first state that violates an invariant (that state's trace is the
 * shortest of all, and it names every invariant violated there); if no
 * invariant fails, the graph properties (AG EF, deadlock) are decided on
 * the complete graph, and a mutant that kills nothing is compared with the
 * unmutated model's graph: equal means equivalent, otherwise it survived.
 */
import type { Mutant } from '../../model/mutants.js';
import type { Params } from '../../model/params.js';
import type { Readings } from '../../model/readings.js';
import { runCheck } from '../verify.js';
import { fingerprintOf, sameGraph, type GraphFingerprint } from './fingerprint.js';

export type MutantStatus = 'killed' | 'survived' | 'equivalent' | 'undecided' | 'error';

export interface MutantResult {
  readonly id: string;
  readonly status: MutantStatus;
  /** The properties the first refuting state violates (invariants), or the graph property that fails. */
  readonly killedBy?: readonly string[];
  /** Steps of the shortest refuting trace. */
  readonly traceLength?: number;
  readonly states: number;
  readonly seconds: number;
  /** Why undecided, or the error. */
  readonly note?: string;
}

export interface MutantLimits {
  /** Stop a mutant whose state space passes this (it is then undecided unless already killed). */
  readonly maxStates: number;
}

export function runMutant(params: Params, readings: Readings, mutant: Mutant, baseline: GraphFingerprint | null, limits: MutantLimits): MutantResult {
  const t0 = performance.now();
  const secs = () => (performance.now() - t0) / 1000;
  if (mutant.unread) return { id: mutant.id, status: 'equivalent', states: 0, seconds: 0, note: 'the rule is never read by the unmutated model' };
  try {
    const o = runCheck({ params, readings, mutation: mutant.mutation, allViolations: false, maxStates: limits.maxStates, recordLabelledEdges: true });
    const violated = o.verdicts.filter((v) => v.verdict === 'violated');
    if (violated.length > 0) {
      const depth = Math.min(...violated.map((v) => o.result.graph.depthOf(v.state!)));
      const first = violated.filter((v) => o.result.graph.depthOf(v.state!) === depth);
      return { id: mutant.id, status: 'killed', killedBy: first.map((v) => v.property.name), traceLength: depth, states: o.result.stats.states, seconds: secs() };
    }
    if (!o.complete) {
      return { id: mutant.id, status: 'undecided', states: o.result.stats.states, seconds: secs(), note: `stopped early (${o.result.stopReason}) with no property violated` };
    }
    const equivalent = baseline !== null && sameGraph(fingerprintOf(o.model, o.result), baseline);
    return { id: mutant.id, status: equivalent ? 'equivalent' : 'survived', states: o.result.stats.states, seconds: secs() };
  } catch (e) {
    return { id: mutant.id, status: 'error', states: 0, seconds: secs(), note: (e as Error).message };
  }
}
