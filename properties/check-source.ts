/**
 * The check as a source module for exploreParallel (checker/parallel/): every
 * worker thread builds the model, the catalogue's invariant sets and the
 * access tally from the same configuration. The tally's counts travel back
 * appended to the model's rule counters (the parallel explorer sums the
 * counters of all workers); runCheckParallel splits them again.
 */
import type { SourceSystem } from '../checker/parallel/source.js';
import { quotientSystem, taggedQuotientSystem, type PackedSystem } from '../checker/index.js';
import { SystemSymmetry } from '../model/symmetry.js';
import { FtModel } from '../model/ft-model.js';
import type { Mutation } from '../model/mutation.js';
import type { Params } from '../model/params.js';
import type { Readings } from '../model/readings.js';
import type { AccessTally } from './access-coverage.js';
import { planCheck, unfolds } from './verify.js';

export interface CheckSourceArgs {
  readonly params: Params;
  readonly readings: Readings;
  readonly mutation: Mutation | null;
  /** The selected properties' names (empty: all). */
  readonly properties: readonly string[];
  /** Explore the quotient by the permutations of the systems (the leader checked that it is sound). */
  readonly symmetry?: boolean;
}

export function createSystem(args: CheckSourceArgs): SourceSystem {
  const model = new FtModel(args.params, args.readings, args.mutation);
  const plan = planCheck(model, { properties: args.properties, symmetry: args.symmetry });
  const system = withTally(model, plan.tally);
  if (!args.symmetry) return { system, invariantSets: plan.options.invariantSets };
  // the same quotient as the leader's (verify.ts reduction): tagged where liveness will unfold it
  const symmetry = new SystemSymmetry(model.layout, model.labelNames);
  return { system: unfolds(plan.selected) ? taggedQuotientSystem(system, symmetry) : quotientSystem(system, symmetry), invariantSets: plan.options.invariantSets };
}

/** The model, whose counters are followed by the tally's counts. */
function withTally(model: FtModel, tally: AccessTally): PackedSystem {
  return {
    stateWords: model.stateWords,
    labelNames: model.labelNames,
    initial: (sink) => model.initial(sink),
    successors: (state, sink) => model.successors(state, sink),
    isTerminal: (state) => model.isTerminal(state),
    get counters() {
      const t = tally.snapshot();
      const out = new Float64Array(model.counters.length + t.length);
      out.set(model.counters);
      out.set(t, model.counters.length);
      return out;
    },
  };
}
