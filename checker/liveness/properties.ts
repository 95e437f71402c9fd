import type { EdgeGraph } from '../edge-graph.js';
import { findFairLasso } from './find-fair-lasso.js';
import type { FairnessConstraint, LivenessResult } from './types.js';

function not(mask: Uint8Array): Uint8Array {
  const out = new Uint8Array(mask.length);
  for (let s = 0; s < mask.length; s++) out[s] = mask[s] === 0 ? 1 : 0;
  return out;
}

/**
 * P ~> Q: every reachable P state is followed, on every fair path, by a Q
 * state (at that state or later). With `level`, a path that leaves the
 * level of its P state also counts as escaping. `triggered` counts the
 * reachable P states.
 */
export function leadsTo(
  graph: EdgeGraph,
  initial: ArrayLike<number>,
  p: Uint8Array,
  q: Uint8Array,
  fairness: readonly FairnessConstraint[],
  level: Uint32Array | null = null,
  stutter = false,
): LivenessResult {
  const region = not(q);
  return findFairLasso(graph, initial, { sources: p, region, accept: region, level, stutter }, fairness);
}

/** GF P: every fair path visits P infinitely often (true ~> P). `triggered` counts the reachable states. */
export function infinitelyOften(
  graph: EdgeGraph,
  initial: ArrayLike<number>,
  p: Uint8Array,
  fairness: readonly FairnessConstraint[],
  stutter = false,
): LivenessResult {
  return leadsTo(graph, initial, new Uint8Array(graph.stateCount).fill(1), p, fairness, null, stutter);
}

/**
 * FG P: every fair path is in P from some point on (a dead end counts as
 * staying there forever). `triggered` counts the reachable states.
 */
export function eventuallyAlways(
  graph: EdgeGraph,
  initial: ArrayLike<number>,
  p: Uint8Array,
  fairness: readonly FairnessConstraint[],
  stutter = false,
): LivenessResult {
  const all = new Uint8Array(graph.stateCount).fill(1);
  return findFairLasso(graph, initial, { sources: all, region: all, accept: not(p), stutter }, fairness);
}
