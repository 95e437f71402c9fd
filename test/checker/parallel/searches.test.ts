/**
 * Liveness searches on worker threads (checker/parallel/searches.ts) against
 * the same jobs run one after the other on this thread: the same results,
 * job by job, on random small graphs held in shared memory.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecordedEdges } from '../../../checker/edges.js';
import { SearchRunner, SharedSearch, type SearchJob } from '../../../checker/liveness/index.js';
import { searchInParallel, sharedGraphOf, sharedQuotientOf, sharedUint32, type SearchRequest, type SharedGraph } from '../../../checker/parallel/searches.js';
import { ArrayColumn } from '../../../checker/parallel/shared-states.js';
import { liveCaseArb, type LiveCase } from '../liveness/support/cases.js';
import { parallelHarness } from './support/harness.js';

const harness = parallelHarness([], 2);

/** The case's graph in shared memory (what a parallel run leaves), and its masks: bit 0 = p, 1 = q, 2 = r. */
function sharedCase(c: LiveCase): { graph: SharedGraph; masks: Uint32Array[]; level: Uint32Array | null } {
  const targets = sharedUint32(c.triples.length), labels = sharedUint32(c.triples.length), starts = sharedUint32(c.n + 1);
  c.triples.forEach(([s, l, d], k) => ((targets[k] = d), (labels[k] = l), starts[s + 1]++));
  for (let s = 0; s < c.n; s++) starts[s + 1] += starts[s];
  const edges = new RecordedEdges(new ArrayColumn(targets), new ArrayColumn(labels), new ArrayColumn(starts), c.n, c.triples.length, c.n, c.labelCount, 0);
  const graph = sharedGraphOf(edges);
  if (graph === null) throw new Error('not recognized as shared');
  const bits = sharedUint32(c.n);
  for (let s = 0; s < c.n; s++) bits[s] = c.p[s] | (c.q[s] << 1) | (c.r[s] << 2);
  let level: Uint32Array | null = null;
  if (c.level !== null) (level = sharedUint32(c.n)).set(c.level);
  return { graph, masks: [bits], level };
}

function jobsOf(c: LiveCase): SearchJob[] {
  const base = { group: 0, stutter: false, fairness: c.fairness };
  return [
    { ...base, kind: 'leads-to', p: 0, q: 1, keepLevel: false },
    { ...base, kind: 'leads-to', p: 2, q: 1, keepLevel: c.level !== null, stutter: true },
    { ...base, kind: 'infinitely-often', p: 1, q: -1, keepLevel: false },
    { ...base, kind: 'eventually-always', p: 2, q: -1, keepLevel: false, stutter: true },
    { ...base, kind: 'leads-to', p: 1, q: 0, keepLevel: false },
  ];
}

describe('searchInParallel', () => {
  it('gives every job the result of running them all on this thread', async () => {
    await fc.assert(
      fc.asyncProperty(liveCaseArb(), async (c) => {
        const { graph, masks, level } = sharedCase(c);
        const jobs = jobsOf(c);
        const edges = new RecordedEdges(new ArrayColumn(graph.targets), new ArrayColumn(graph.labels!), new ArrayColumn(graph.starts), c.n, graph.count, c.n, c.labelCount, 0);
        const runner = new SearchRunner(new SharedSearch(edges, c.initial), masks, level);
        const alone = jobs.map((j) => runner.run(j));
        expect(await searchInParallel(harness.pool(), graph, c.initial, null, null, masks, level, jobs)).toEqual(alone);
      }),
      { numRuns: 60 },
    );
  });

  it('hands the threads the quotient of the graph, when it is in shared memory', async () => {
    // the graph as its own quotient (a class per state): the same results
    const identity = (graph: SharedGraph, n: number, edges: boolean) => {
      const starts = sharedUint32(n + 1);
      if (edges) starts.set(graph.starts);
      const quotient = new RecordedEdges(new ArrayColumn(graph.targets), null, new ArrayColumn(starts), n, edges ? graph.count : 0, n, 1, 0);
      const classStart = sharedUint32(n + 1);
      classStart.forEach((_, s) => (classStart[s] = s));
      return sharedQuotientOf({ graph: quotient, classStart });
    };
    let differed = 0;
    await fc.assert(
      fc.asyncProperty(liveCaseArb(), async (c) => {
        const { graph, masks, level } = sharedCase(c);
        const jobs = jobsOf(c);
        const plain = await searchInParallel(harness.pool(), graph, c.initial, null, null, masks, level, jobs);
        const q = identity(graph, c.n, true);
        expect(q).not.toBeNull();
        expect(await searchInParallel(harness.pool(), graph, c.initial, null, q, masks, level, jobs)).toEqual(plain);
        // a false quotient (no edges: no cycle anywhere) must change some verdicts, or the threads did not read it
        const wrong = await searchInParallel(harness.pool(), graph, c.initial, null, identity(graph, c.n, false), masks, level, jobs);
        if (JSON.stringify(wrong) !== JSON.stringify(plain)) differed++;
      }),
      { numRuns: 30 },
    );
    expect(differed).toBeGreaterThan(0);
    // not in shared memory: no quotient (the searches go without it)
    expect(sharedQuotientOf({ graph: new RecordedEdges(new ArrayColumn(new Uint32Array(0)), null, new ArrayColumn(new Uint32Array(2)), 1, 0, 1, 1, 0), classStart: Uint32Array.of(0, 1) })).toBeNull();
  });

  it('answers no jobs with no results, at once', async () => {
    const c = fc.sample(liveCaseArb(), { numRuns: 1, seed: 2 })[0];
    const { graph, masks } = sharedCase(c);
    expect(await searchInParallel(harness.pool(), graph, c.initial, null, null, masks, null, [])).toEqual([]);
    expect(await harness.pool().request([] as SearchRequest[])).toEqual([]);
  });

  it('refuses masks outside shared memory, and a graph of a sequential run is not taken for a shared one', async () => {
    const c = fc.sample(liveCaseArb(), { numRuns: 1, seed: 7 })[0];
    const { graph } = sharedCase(c);
    await expect(searchInParallel(harness.pool(), graph, c.initial, null, null, [new Uint32Array(c.n)], null, jobsOf(c))).rejects.toThrow(/shared memory/);
    const local = new RecordedEdges(new ArrayColumn(new Uint32Array(1)), null, new ArrayColumn(new Uint32Array(2)), 1, 1, 1, 1, 0);
    expect(sharedGraphOf(local)).toBeNull();
  });

  it('reports a job a thread cannot run as an error, and the pool runs again afterwards', async () => {
    const c = fc.sample(liveCaseArb(), { numRuns: 1, seed: 3 })[0];
    const { graph, masks } = sharedCase(c);
    const bad: SearchJob = { kind: 'leads-to', group: 5, p: 0, q: 1, keepLevel: false, stutter: false, fairness: [] };
    await expect(searchInParallel(harness.pool(), graph, c.initial, null, null, masks, null, [bad])).rejects.toThrow(/no predicate masks 5/);
    const jobs = jobsOf(c).filter((j) => !j.keepLevel);
    expect((await searchInParallel(harness.pool(), graph, c.initial, null, null, masks, null, jobs)).length).toBe(jobs.length);
  });
});
