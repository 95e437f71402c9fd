/**
 * Liveness searches of a finished parallel run on the pool's threads: the
 * run's edges are already in shared memory, so each thread rebuilds the
 * graph over the same buffers, takes the next job from a shared counter,
 * runs it (SearchRunner, one SharedSearch per thread) and returns its
 * results. The results equal the sequential ones job by job (each search is
 * deterministic and reads only the graph and the masks).
 */
import type { WordArray } from '../alloc.js';
import { RecordedEdges } from '../edges.js';
import { SearchRunner, SharedSearch, type GraphQuotient, type LivenessResult, type SearchJob } from '../liveness/index.js';
import type { WorkerPool } from './pool.js';
import { ArrayColumn } from './shared-states.js';

/** A RecordedEdges whose columns are flat arrays over SharedArrayBuffers, as plain data. */
export interface SharedGraph {
  readonly targets: WordArray;
  readonly labels: WordArray | null;
  readonly starts: WordArray;
  readonly expanded: number;
  readonly count: number;
  readonly stateCount: number;
  readonly labelCount: number;
}

/** What a thread is sent: the graph, the predicate masks and level (shared), every job, and the counter jobs are taken from. */
export interface SearchRequest {
  readonly kind: 'searches';
  readonly graph: SharedGraph;
  readonly initial: readonly number[];
  /** The graph's BFS levels (SharedSearch), or null to have each thread find its depths. */
  readonly levels: Uint32Array | null;
  /** A quotient of the graph (GraphQuotient) in shared memory, or null. */
  readonly quotient: SharedQuotient | null;
  readonly masks: readonly Uint32Array[];
  readonly level: Uint32Array | null;
  readonly jobs: readonly SearchJob[];
  readonly next: Int32Array;
}

/** A GraphQuotient as shared data. */
export interface SharedQuotient {
  readonly graph: SharedGraph;
  readonly classStart: Uint32Array;
}

/** A thread's answer: the jobs it ran, by index. */
export interface SearchAnswer {
  readonly kind: 'searched';
  readonly results: readonly (readonly [number, LivenessResult])[];
}

const isShared = (a: WordArray | null): boolean => a === null || a.buffer instanceof SharedArrayBuffer;

/** The graph as shared data, or null if its columns are not flat shared arrays (a sequential run's). */
export function sharedGraphOf(edges: RecordedEdges): SharedGraph | null {
  const c = edges.columns();
  if (!(c.targets instanceof ArrayColumn && c.starts instanceof ArrayColumn && (c.labels === null || c.labels instanceof ArrayColumn))) return null;
  const labels = c.labels === null ? null : (c.labels as ArrayColumn).data;
  if (!isShared(c.targets.data) || !isShared(c.starts.data) || !isShared(labels)) return null;
  return { targets: c.targets.data, labels, starts: c.starts.data, expanded: c.expanded, count: edges.count, stateCount: edges.stateCount, labelCount: edges.labelCount };
}

/**
 * The quotient as shared data; null when there is none, or when it is not
 * in shared memory (the searches then go without it: it only saves time).
 */
export function sharedQuotientOf(q: GraphQuotient | null): SharedQuotient | null {
  if (q === null || !(q.graph instanceof RecordedEdges) || !(q.classStart instanceof Uint32Array) || !(q.classStart.buffer instanceof SharedArrayBuffer)) return null;
  const graph = sharedGraphOf(q.graph);
  return graph === null ? null : { graph, classStart: q.classStart };
}

/** The RecordedEdges over a SharedGraph's arrays (what sharedGraphOf took apart), on any thread. */
export const edgesOfShared = (g: SharedGraph): RecordedEdges =>
  new RecordedEdges(new ArrayColumn(g.targets), g.labels === null ? null : new ArrayColumn(g.labels), new ArrayColumn(g.starts), g.expanded, g.count, g.stateCount, g.labelCount, 0);

/** Typed arrays of `length` over a SharedArrayBuffer (masks and levels for searchInParallel). */
export function sharedUint32(length: number): Uint32Array {
  return new Uint32Array(new SharedArrayBuffer(4 * Math.max(1, length)), 0, length);
}

/** Runs a thread's share of a request (worker side). */
export function serveSearches(req: SearchRequest): SearchAnswer {
  const quotient = req.quotient === null ? null : { graph: edgesOfShared(req.quotient.graph), classStart: req.quotient.classStart };
  const runner = new SearchRunner(new SharedSearch(edgesOfShared(req.graph), req.initial, req.levels, quotient), req.masks, req.level);
  const results: [number, LivenessResult][] = [];
  for (let j = Atomics.add(req.next, 0, 1); j < req.jobs.length; j = Atomics.add(req.next, 0, 1)) results.push([j, runner.run(req.jobs[j])]);
  return { kind: 'searched', results };
}

/**
 * The jobs on every thread of `pool` at once; their results in job order.
 * The masks and the level must be shared arrays (sharedUint32).
 */
export async function searchInParallel(
  pool: WorkerPool, graph: SharedGraph, initial: readonly number[], levels: Uint32Array | null, quotient: SharedQuotient | null,
  masks: readonly Uint32Array[], level: Uint32Array | null, jobs: readonly SearchJob[],
): Promise<LivenessResult[]> {
  for (const m of [...masks, ...(level === null ? [] : [level])]) {
    if (!(m.buffer instanceof SharedArrayBuffer)) throw new Error('searchInParallel: masks and level must be in shared memory');
  }
  const next = new Int32Array(new SharedArrayBuffer(4));
  const request: SearchRequest = { kind: 'searches', graph, initial, levels, quotient, masks, level, jobs, next };
  const threads = Math.max(1, Math.min(pool.size, jobs.length));
  const answers = await pool.request(Array.from({ length: threads }, () => request));
  const results: LivenessResult[] = new Array(jobs.length);
  for (const a of answers) for (const [j, r] of a.results) results[j] = r;
  for (let j = 0; j < jobs.length; j++) if (results[j] === undefined) throw new Error(`internal: search job ${j} was not run`);
  return results;
}

/** Arrays over SharedArrayBuffers for an unfolded graph (coverEdges) that threads will search. */
export const sharedCoverAlloc = {
  u32: sharedUint32,
  u8: (length: number): Uint8Array => new Uint8Array(new SharedArrayBuffer(Math.max(1, length)), 0, length),
};
