import type { EdgeGraph } from '../edge-graph.js';
import { findFairLasso } from './find-fair-lasso.js';
import { SharedSearch } from './shared-search.js';
import type { FairnessConstraint, LivenessResult } from './types.js';

function not(mask: Uint8Array, out: Uint8Array): Uint8Array {
  for (let s = 0; s < mask.length; s++) out[s] = mask[s] === 0 ? 1 : 0;
  return out;
}

/**
 * P ~> Q: every reachable P state is followed, on every fair path, by a Q
 * state (at that state or later). With `level`, a path that leaves the
 * level of its P state also counts as escaping. `triggered` counts the
 * reachable P states. `shared`: what searches on this graph share
 * (SharedSearch), when several run one after the other.
 */
export function leadsTo(
  graph: EdgeGraph,
  initial: ArrayLike<number>,
  p: Uint8Array,
  q: Uint8Array,
  fairness: readonly FairnessConstraint[],
  level: Uint32Array | null = null,
  stutter = false,
  shared: SharedSearch = new SharedSearch(graph, initial),
): LivenessResult {
  const region = not(q, shared.maskScratch().a);
  return findFairLasso(graph, initial, { sources: p, region, accept: region, level, stutter }, fairness, shared);
}

/** GF P: every fair path visits P infinitely often (true ~> P). `triggered` counts the reachable states. */
export function infinitelyOften(
  graph: EdgeGraph,
  initial: ArrayLike<number>,
  p: Uint8Array,
  fairness: readonly FairnessConstraint[],
  stutter = false,
  shared: SharedSearch = new SharedSearch(graph, initial),
): LivenessResult {
  const all = shared.maskScratch().b.fill(1);
  const region = not(p, shared.maskScratch().a);
  return findFairLasso(graph, initial, { sources: all, region, accept: region, level: null, stutter }, fairness, shared);
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
  shared: SharedSearch = new SharedSearch(graph, initial),
): LivenessResult {
  const all = shared.maskScratch().b.fill(1);
  return findFairLasso(graph, initial, { sources: all, region: all, accept: not(p, shared.maskScratch().a), stutter }, fairness, shared);
}
