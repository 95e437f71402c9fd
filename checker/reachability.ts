import { buildAdjacency } from './adjacency.js';
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
 *
 * Backward BFS over the reversed recorded edges from every goal state.
 * Requires a complete run made with `recordEdges: true` (throws otherwise:
 * on a partial graph the answer would mean nothing).
 */
export function statesThatCannotReach(result: ExploreResult, isGoal: GoalPredicate): StateIndex[] {
  const { graph } = result;
  if (graph.edges === undefined) throw new Error('statesThatCannotReach needs a run made with recordEdges: true');
  if (!result.complete) throw new Error(`statesThatCannotReach needs a complete run (this one stopped: ${result.stopReason})`);
  const n = graph.stateCount;
  const reverse = buildAdjacency(graph.edges, n, 'in');
  const canReach = new Uint8Array(n);
  const queue = new Uint32Array(n);
  let tail = 0;
  const words = new Uint32Array(graph.stateWords);
  for (let s = 0; s < n; s++) {
    if (isGoal(graph.readState(s as StateIndex, words), s as StateIndex)) {
      canReach[s] = 1;
      queue[tail++] = s;
    }
  }
  for (let head = 0; head < tail; head++) {
    const s = queue[head];
    for (let e = reverse.offsets[s]; e < reverse.offsets[s + 1]; e++) {
      const p = reverse.targets[e];
      if (canReach[p] === 0) {
        canReach[p] = 1;
        queue[tail++] = p;
      }
    }
  }
  const stuck: StateIndex[] = [];
  for (let s = 0; s < n; s++) if (canReach[s] === 0) stuck.push(s as StateIndex);
  return stuck;
}
