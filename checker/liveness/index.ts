/**
 * Liveness under fairness on an explicit graph (`EdgeGraph`: states
 * 0 .. n-1, labelled out-edges in CSR), generic: it knows states, edges,
 * labels and masks, nothing of any model.
 *
 * Inputs
 * - `graph`, and `initial`: the initial states (duplicates allowed).
 * - State predicates as `Uint8Array` masks of length stateCount, 1 = holds.
 * - `fairness`: action families (`FairnessConstraint`: a label mask, weak
 *   or strong). A family is enabled at s iff s has an out-edge in the whole
 *   graph with a label of it; it is taken on an edge with such a label.
 *
 * Semantics. Behaviours are the infinite paths from an initial state, plus
 * the finite ones ending in a dead end (no out-edges), which stutter there
 * forever and are fair (nothing is enabled there). An infinite path is fair
 * iff no weak family is enabled at every state from some point on and taken
 * finitely often, and no strong family is enabled infinitely often and
 * taken finitely often.
 * - `leadsTo(P, Q)`, P ~> Q: fails iff from some reachable state in P and
 *   not Q a fair path stays in not-Q forever (a fair cycle of not-Q states,
 *   or a not-Q dead end). With `level`, the path must also keep the level of
 *   that state: leaving it counts as escaping, like reaching Q ("unless the
 *   level changes", e.g. under no further failures).
 * - `infinitelyOften(P)`, GF P = true ~> P.
 * - `eventuallyAlways(P)`, FG P: fails iff a reachable fair path visits
 *   not-P infinitely often (a fair cycle through a not-P state, or a not-P
 *   dead end).
 * - `SharedSearch(graph, initial)`: passed last to any of these, what
 *   searches on one graph share (depths, scratch), for several in a row.
 * - `findFairLasso(graph, initial, { sources, region, accept, level }, f)`,
 *   the core the three reduce to: a fair lasso whose stem reaches a source
 *   in the region and from there stays in the region (and the source's
 *   level), ending in a fair cycle that visits an accept state, or in a dead
 *   end of region ∩ accept. leadsTo: sources P, region = accept = not Q;
 *   GF: sources all, region = accept = not P; FG: sources = region = all,
 *   accept not P.
 *
 * Output (`LivenessResult`): `{ holds: true, triggered }` or a lasso
 * `{ holds: false, triggered, states, edges, loopStart }` (see `Lasso`):
 * `states[0]` initial, `edges[i]` the edge id from states[i] to states[i+1];
 * a cycle (last state = states[loopStart], loopStart < length - 1) or a dead
 * end (loopStart = length - 1). The stem (`loopStart` steps) is the shortest
 * of all such lassos; the loop starts and ends at the entry state, built from
 * shortest paths inside its fair component through one waypoint per debt
 * (an accept state; per weak family an edge of it or a state where it is
 * disabled; per strong family enabled in the component an edge of it).
 * `triggered` is the number of reachable source states (leadsTo: reachable
 * P states; 0 means the property holds vacuously).
 *
 * Complexity: iterative SCC decomposition (Pearce) inside the region,
 * Emerson-Lei refinement for strong fairness; O((states + edges) * (strong
 * constraints + 1) * ceil(constraints / 32)) time, no recursion, typed
 * arrays allocated once per call: 24 bytes per state, plus 4 per state of
 * the region searched, plus the masks the property functions build.
 *
 * Throws on malformed input (mask of the wrong length, initial state out of
 * range) and on graphs of 1.4e9 states or 2^32 - 2 edges and more.
 */
export type { EdgeGraph } from '../edge-graph.js';
export type { FairnessConstraint, Holds, Lasso, LassoQuery, LivenessResult } from './types.js';
export { findFairLasso } from './find-fair-lasso.js';
export { eventuallyAlways, infinitelyOften, leadsTo } from './properties.js';
export { SEARCH_BYTES_PER_STATE, SharedSearch } from './shared-search.js';
export { SearchRunner, type SearchJob } from './search-job.js';
export type { GraphQuotient } from './quotient.js';
