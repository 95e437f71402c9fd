import type { EdgeGraph } from './edge-graph.js';
import type { ExploreResult } from './result.js';
import type { StateIndex } from './transition-system.js';

/**
 * Goal predicate of statesThatCannotReach. `words` is a scratch buffer
 * reused for every state: copy it to keep it.
 */
export type GoalPredicate = (words: Uint32Array, index: StateIndex) => boolean;

/**
 * The reachable states from which no goal state can be reached (AG EF goal
 * fails exactly when this is non-empty), in ascending index order, i.e. BFS
 * order: the first one has the shortest trace (`result.graph.traceTo`).
 * Requires a complete run made with `recordEdges` (throws otherwise: on a
 * partial graph the answer would mean nothing).
 */
export function statesThatCannotReach(result: ExploreResult, isGoal: GoalPredicate): StateIndex[] {
  const { graph } = result;
  if (graph.edges === undefined) throw new Error('statesThatCannotReach needs a run made with recordEdges');
  if (!result.complete) throw new Error(`statesThatCannotReach needs a complete run (this one stopped: ${result.stopReason})`);
  const n = graph.stateCount;
  const goal = new Uint8Array(n);
  const words = new Uint32Array(graph.stateWords);
  for (let s = 0; s < n; s++) if (isGoal(graph.readState(s as StateIndex, words), s as StateIndex)) goal[s] = 1;
  const can = canReach(graph.edges, goal);
  const stuck: StateIndex[] = [];
  for (let s = 0; s < n; s++) if (can[s] === 0) stuck.push(s as StateIndex);
  return stuck;
}

/**
 * EF goal on a forward graph: the states from which some path reaches a goal
 * state (1 in the result). Chaotic iteration over the forward edges, sweeping
 * the states in descending index order until nothing changes: in BFS order
 * most edges lead to higher indices, already decided in the same sweep, so
 * a few sweeps suffice; each costs one pass over the undecided states' edges.
 * Needs no reversed graph (no memory beyond the result). Modifies nothing.
 */
export function canReach(graph: EdgeGraph, goal: Uint8Array): Uint8Array {
  const n = graph.stateCount;
  const can = Uint8Array.from(goal.subarray(0, n));
  for (let changed = true; changed; ) {
    changed = false;
    for (let s = n - 1; s >= 0; s--) {
      if (can[s] === 1) continue;
      for (let k = graph.firstEdge(s), end = graph.firstEdge(s + 1); k < end; k++) {
        if (can[graph.target(k)] === 1) {
          can[s] = 1;
          changed = true;
          break;
        }
      }
    }
  }
  return can;
}
