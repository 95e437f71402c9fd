/**
 * Where a mutant first behaves differently from the unmutated model: the
 * first state, in breadth-first order over the mutant's reachable states,
 * at which the two models offer different successors (a labelled step one
 * takes and the other does not). Its trace is the shortest run showing
 * what the mutant changes; no such state means the two reachable labelled
 * graphs are equal, so the mutant is equivalent. Both models must pack
 * states the same way (every mutant but a capacity one).
 */
import type { ExploreResult, StateIndex, SuccessorSink } from '../../checker/index.js';
import type { FtModel } from '../../model/ft-model.js';

export interface Difference {
  /** The mutant's state where the two models part. */
  readonly state: StateIndex;
  /** Steps the mutant takes there and the unmutated model does not. */
  readonly added: readonly Step[];
  /** Steps the unmutated model takes there and the mutant does not. */
  readonly removed: readonly Step[];
}

export interface Step {
  readonly label: string;
  readonly target: Uint32Array;
}

function successorsOf(model: FtModel, words: Uint32Array, into: Map<string, Step>): void {
  into.clear();
  const out = new Uint32Array(model.stateWords);
  const sink: SuccessorSink = {
    out,
    emit: (l) => {
      const label = model.labelNames[l];
      into.set(`${label}|${out.join(',')}`, { label, target: out.slice() });
    },
  };
  model.successors(words, sink);
}

/** Needs a complete run of `mutant` (its reachable graph); null when the models agree on every state of it. */
export function firstDifference(mutant: FtModel, base: FtModel, result: ExploreResult): Difference | null {
  if (mutant.stateWords !== base.stateWords) throw new Error('firstDifference needs two models that pack states alike');
  const g = result.graph;
  const words = new Uint32Array(g.stateWords);
  const m = new Map<string, Step>(), b = new Map<string, Step>();
  for (let s = 0; s < g.stateCount; s++) {
    g.readState(s as StateIndex, words);
    successorsOf(mutant, words, m);
    successorsOf(base, words, b);
    const added = [...m].filter(([k]) => !b.has(k)).map(([, v]) => v);
    const removed = [...b].filter(([k]) => !m.has(k)).map(([, v]) => v);
    if (added.length || removed.length) return { state: s as StateIndex, added, removed };
  }
  return null;
}
