import type { EdgeGraph } from '../edge-graph.js';
import { ComponentJudge } from './component-verdict.js';
import { bestFairComponent } from './emerson-lei.js';
import { fairCycle } from './fair-cycle.js';
import { FairnessBits } from './fairness-bits.js';
import { ENTRY, PENDING, REMOVED, UNSEEN } from './marks.js';
import { edgeSource, pathTo, shortestPathFromInitial } from './paths.js';
import { regionDistances } from './region-distances.js';
import { noCounterexampleOnQuotient } from './quotient.js';
import { SccSplitter } from './scc.js';
import { SharedSearch } from './shared-search.js';
import type { FairnessConstraint, LassoQuery, LivenessResult } from './types.js';

/**
 * The core search (see index.ts for the contract): a fair lasso whose stem
 * reaches a source and then stays in the region (and the source's level),
 * ending in a fair cycle through an accept state or in an accept dead end;
 * of those, one with the shortest stem.
 *
 * 1. BFS from the initial states (once per SharedSearch, none when it
 *    was given the BFS levels): the reachable sources in the region, in BFS
 *    order, are the entries, each at its depth. When the SharedSearch has a
 *    quotient of the graph: if the region's image there has no cycle the
 *    entries reach and no accept state where a behaviour may end, the
 *    property holds (noCounterexampleOnQuotient).
 * 2. Whether there is a counterexample at all: the SCCs of the region
 *    states the entries reach (R), Emerson-Lei refinement, a look for an
 *    accept dead end. Most searches stop here: the property holds.
 * 3. Otherwise the shortest: multi-source BFS inside the region from the
 *    entries, each at its depth: `dist` (shortest stem to each state of R)
 *    and `via` (its last edge); skipped when every reachable region state
 *    is an entry. SCCs of R again, Emerson-Lei: the fair component with the
 *    entry of least dist; the accept dead end of least dist. The nearer wins
 *    (the dead end on a tie).
 * 4. Lasso: stem = shortest path to the entry's source + `via` path to the
 *    entry; loop = fairCycle through the entry.
 *
 * Memory: eight uint32 per state (two of them, the depths and the BFS
 * order, and the scratch are kept by `shared` for the next search on the
 * same graph; the two are not needed when `shared` was given the BFS
 * levels), one more per state of R.
 */
export function findFairLasso(
  graph: EdgeGraph,
  initial: ArrayLike<number>,
  query: LassoQuery,
  fairness: readonly FairnessConstraint[],
  shared: SharedSearch = new SharedSearch(graph, initial),
): LivenessResult {
  const n = graph.stateCount;
  const { region, accept } = query;
  const level = query.level ?? null;
  if (shared.graph !== graph || shared.initial !== initial) throw new Error('findFairLasso: the shared search belongs to another graph or other initial states');
  checkInputs(graph, initial, query);
  const bits = new FairnessBits(fairness, graph.labelCount);

  // stack: call stack and component stack of the SCC split; before it, the
  // entry list; after it, scratch of the cycle and stem searches
  const { dist, stack, via, queue, mark } = shared.scratch();
  const fairAt = query.stutter === true ? shared.fairEnabled(bits) : null;
  const { triggered, entryCount } = collectEntries(shared, query, queue, null);
  if (entryCount === 0) return { holds: true, triggered };
  const ends = (v: number): boolean => endsBehaviour(graph, fairAt, v);
  const onQuotient = shared.quotient !== null && noCounterexampleOnQuotient(shared.quotient, region, accept, ends, queue, entryCount, mark, stack);
  if (onQuotient) return { holds: true, triggered };
  // most searches find nothing: decide first, without the distances
  if (!counterexampleExists(graph, bits, query, level, fairAt, mark, stack, queue, entryCount, via)) return { holds: true, triggered };

  // dist is read only on the states the stems reach: set here for the entries, by regionDistances for the rest
  const { inRegion } = collectEntries(shared, query, stack, dist);
  via.fill(UNSEEN);
  if (entryCount < inRegion) regionDistances(graph, region, level, stack, entryCount, dist, via, queue);
  // every reachable region state is an entry (GF, FG): its depth is its distance
  else for (let i = 0; i < entryCount; i++) via[stack[i]] = ENTRY;

  mark.fill(REMOVED);
  let count = 0;
  let deadEnd = -1;
  for (let v = 0; v < n; v++) {
    if (via[v] === UNSEEN) continue;
    queue[count++] = v;
    mark[v] = UNSEEN;
    if (accept[v] === 0 || (deadEnd >= 0 && dist[v] >= dist[deadEnd])) continue;
    if (endsBehaviour(graph, fairAt, v)) deadEnd = v;
  }
  const members = new Uint32Array(count);
  const splitter = new SccSplitter(graph, level, mark, stack);
  splitter.split(queue, 0, count, members, 0);
  const judge = new ComponentJudge(graph, bits, accept, mark);
  const fair = bestFairComponent(graph, bits, judge, splitter, members, count, dist, queue);

  const useCycle = fair !== null && (deadEnd < 0 || dist[fair.entry] < dist[deadEnd]);
  if (!useCycle && deadEnd < 0) return { holds: true, triggered };
  const end = useCycle ? fair!.entry : deadEnd;
  const regionPath = pathTo(graph, via, end);
  const source = regionPath.length > 0 ? edgeSource(graph, regionPath[0]) : end;
  const loop = useCycle
    ? fairCycle(graph, bits, accept, mark, fair!.id, fair!.enabled, end, stack.subarray(0, n), via, queue)
    : [];
  const stem = shortestPathFromInitial(graph, initial, source, mark, queue).concat(regionPath);
  if (stem.length !== dist[end]) throw new Error(`internal: stem of ${stem.length} steps, expected ${dist[end]}`);
  const edges = stem.concat(loop);
  const states = [stem.length > 0 ? edgeSource(graph, stem[0]) : source];
  for (const k of edges) states.push(graph.target(k));
  return { holds: false, triggered, states, edges, loopStart: stem.length };
}

/**
 * The reachable sources in the region, in BFS order, written to
 * `entries`, each with its depth in `dist` (if given); how many states are
 * sources, entries, and reachable region states.
 */
function collectEntries(
  shared: SharedSearch,
  query: LassoQuery,
  entries: Uint32Array,
  dist: Uint32Array | null,
): { triggered: number; entryCount: number; inRegion: number } {
  const { sources, region } = query;
  const order = shared.order();
  const reached = shared.reached();
  const levels = shared.bfsLevels;
  const depths = levels === null ? shared.depth() : null;
  let depth = 0;
  let triggered = 0;
  let entryCount = 0;
  let inRegion = 0;
  for (let i = 0; i < reached; i++) {
    const s = order === null ? i : order[i];
    if (region[s] !== 0) inRegion++;
    if (sources[s] === 0) continue;
    triggered++;
    if (region[s] === 0) continue;
    if (dist !== null) {
      if (levels !== null) while (i >= levels[depth + 1]) depth++;
      dist[s] = depths === null ? depth : depths[s];
    }
    entries[entryCount++] = s;
  }
  return { triggered, entryCount, inRegion };
}

/** A dead end, or a fair stutter: nothing fair is enabled at v, so the behaviour may stay there forever. */
function endsBehaviour(graph: EdgeGraph, fairAt: Uint8Array | null, v: number): boolean {
  // a dead end has no fair family enabled either: one byte read, not two of the edge starts
  return fairAt !== null ? fairAt[v] === 0 : graph.firstEdge(v) === graph.firstEdge(v + 1);
}

/**
 * Whether the region states that `entries[0 .. entryCount)` reach (keeping
 * their level, if given) hold an accept state where the behaviour may end
 * or a fair component with an accept state: the search's verdict, without
 * the distances. One SCC split of those states (`members` receives them),
 * not of the whole region.
 */
function counterexampleExists(
  graph: EdgeGraph,
  bits: FairnessBits,
  query: LassoQuery,
  level: Uint32Array | null,
  fairAt: Uint8Array | null,
  mark: Uint32Array,
  stack: Uint32Array,
  entries: Uint32Array,
  entryCount: number,
  members: Uint32Array,
): boolean {
  const { region, accept } = query;
  // the region's states stay UNSEEN; the others become REMOVED as the split meets them
  mark.fill(UNSEEN);
  const splitter = new SccSplitter(graph, level, mark, stack, region);
  const count = splitter.splitReachable(entries, 0, entryCount, members, 0);
  for (let i = 0; i < count; i++) {
    const v = members[i];
    if (accept[v] !== 0 && endsBehaviour(graph, fairAt, v)) return true;
  }
  // the entries are consumed: their array is the refinement's scratch
  return bestFairComponent(graph, bits, new ComponentJudge(graph, bits, accept, mark), splitter, members, count, null, entries) !== null;
}

function checkInputs(graph: EdgeGraph, initial: ArrayLike<number>, query: LassoQuery): void {
  const n = graph.stateCount;
  // component ids go up to 3n + 1, below the sentinels; a DFS frame keeps
  // an edge id in 31 bits (the top one is the root flag)
  if (3 * n + 2 >= PENDING || graph.edgeCount > 0x7fffffff) throw new Error(`graph too large for liveness: ${n} states, ${graph.edgeCount} edges`);
  for (const [name, mask] of [
    ['sources', query.sources],
    ['region', query.region],
    ['accept', query.accept],
    ['level', query.level ?? null],
  ] as const) {
    if (mask !== null && mask.length !== n) throw new Error(`${name} has length ${mask.length}, the graph has ${n} states`);
  }
  for (let i = 0; i < initial.length; i++) {
    const s = initial[i];
    if (!Number.isInteger(s) || s < 0 || s >= n) throw new Error(`initial state ${s} is not a state of the graph (0 .. ${n - 1})`);
  }
}
