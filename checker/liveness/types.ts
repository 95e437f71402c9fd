/**
 * An action family under fairness. `labels[l]` is 1 iff label l belongs to
 * the family (length: the graph's labelCount). The family is *enabled* at a
 * state iff some out-edge of that state in the whole graph has a label of the
 * family, and *taken* on every edge with such a label.
 *
 * - weak: no fair path has the family enabled at every state from some point
 *   on and taken only finitely often;
 * - strong: no fair path has it enabled infinitely often and taken only
 *   finitely often.
 */
export interface FairnessConstraint {
  readonly kind: 'weak' | 'strong';
  readonly name: string;
  readonly labels: Uint8Array;
}

/**
 * What findFairLasso looks for. Every mask has length stateCount, 1 = member.
 * A source starts a search only if it is also in the region.
 */
export interface LassoQuery {
  /** States after which the path must stay in the region. */
  readonly sources: Uint8Array;
  /** States the path may visit after its source. */
  readonly region: Uint8Array;
  /** The loop must visit one of these (or the path ends in one, as a dead end). */
  readonly accept: Uint8Array;
  /** If given, the path must also keep the level of its source after it. */
  readonly level?: Uint32Array | null;
  /**
   * Stuttering (as in TLA+): a behaviour may stay in a state forever by
   * doing nothing, which is fair exactly when no fairness family is enabled
   * there. So a region-and-accept state where no family is enabled also ends
   * a counterexample (as a dead end does without stuttering). Default false:
   * only states without any out-edge stutter.
   */
  readonly stutter?: boolean;
}

/** The property holds; `triggered` reachable states are sources. */
export interface Holds {
  readonly holds: true;
  readonly triggered: number;
}

/**
 * A counterexample lasso: `edges[i]` is the edge id from `states[i]` to
 * `states[i+1]`; `states[0]` is an initial state. Either a cycle
 * (`loopStart < states.length - 1` and the last state equals
 * `states[loopStart]`) or a dead end (`loopStart === states.length - 1`, a
 * state without out-edges, or with `stutter` a state where no fairness
 * family is enabled, where the behaviour stutters forever).
 * `loopStart` is the number of steps of the stem.
 */
export interface Lasso {
  readonly holds: false;
  readonly triggered: number;
  readonly states: number[];
  readonly edges: number[];
  readonly loopStart: number;
}

export type LivenessResult = Holds | Lasso;
