/**
 * The unfolding of a symmetry-reduced run written by the pool's threads
 * (checker/parallel/unfold.ts) against coverEdges writing it here: the same
 * arrays, row for row, on random systems of identical processes with the
 * quotient's edges in shared memory.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explore, taggedQuotientSystem } from '../../../checker/index.js';
import { RecordedEdges } from '../../../checker/edges.js';
import { sharedCoverAlloc, sharedUint32 } from '../../../checker/parallel/searches.js';
import { ArrayColumn } from '../../../checker/parallel/shared-states.js';
import { unfoldInParallel } from '../../../checker/parallel/unfold.js';
import { coverEdges, splitTags, type CoverPlan } from '../../../checker/symmetry-cover.js';
import { initialOf, procSpecArb, procSymmetry, procSystem } from '../support/proc-system.js';
import { parallelHarness } from './support/harness.js';

const harness = parallelHarness([], 2);

/** The same edges with their targets and starts copied into shared memory (the labels: splitTags with sharedCoverAlloc). */
function inSharedMemory(e: RecordedEdges): RecordedEdges {
  const targets = sharedUint32(e.count), starts = sharedUint32(e.stateCount + 1);
  for (let k = 0; k < e.count; k++) targets[k] = e.target(k);
  for (let s = 0; s <= e.stateCount; s++) starts[s] = e.firstEdge(s);
  return new RecordedEdges(new ArrayColumn(targets), e.columns().labels, new ArrayColumn(starts), e.stateCount, e.count, e.stateCount, e.labelCount, 0);
}

const columns = (e: RecordedEdges) => {
  const out = { targets: [] as number[], labels: [] as number[], starts: [] as number[] };
  for (let k = 0; k < e.count; k++) (out.targets.push(e.target(k)), out.labels.push(e.label(k)));
  for (let s = 0; s <= e.stateCount; s++) out.starts.push(e.firstEdge(s));
  return out;
};

describe('unfoldInParallel', () => {
  const symmetric = procSpecArb.map((s) => ({ ...s, extra: false, initialLocals: s.initialLocals.map(() => s.initialLocals[0]) }));

  it('writes the unfolding coverEdges writes on one thread', async () => {
    await fc.assert(
      fc.asyncProperty(symmetric, async (spec) => {
        const system = procSystem(spec);
        const sym = procSymmetry(spec.k);
        const raw = explore(taggedQuotientSystem(system, sym), { recordEdges: 'labelled' });
        const here = splitTags(raw, system.labelNames.length);
        const shared = splitTags(raw, system.labelNames.length, sharedCoverAlloc);
        const g = here.result.graph;
        const read = (q: number, out: Uint32Array) => g.readState(q as never, out);
        const alone = coverEdges(g.edges!, here.tags!, sym, read, 1, [initialOf(system)], system.stateWords);
        let writing: Promise<void> | null = null;
        const quotient = inSharedMemory(shared.result.graph.edges!);
        const threads = coverEdges(quotient, shared.tags!, sym, read, 1, [initialOf(system)], system.stateWords, sharedCoverAlloc, (q, tags, plan: CoverPlan) => {
          writing = unfoldInParallel(harness.pool(), q, tags, plan);
        });
        expect(writing).not.toBeNull();
        await writing;
        expect(threads.initial).toEqual(alone.initial);
        expect(columns(threads.edges)).toEqual(columns(alone.edges));
      }),
      { numRuns: 40 },
    );
  });

  it('refuses arrays outside shared memory', () => {
    const spec = fc.sample(symmetric, { numRuns: 1, seed: 5 })[0];
    const system = procSystem(spec);
    const sym = procSymmetry(spec.k);
    const { result, tags } = splitTags(explore(taggedQuotientSystem(system, sym), { recordEdges: 'labelled' }), system.labelNames.length);
    const g = result.graph;
    const read = (q: number, out: Uint32Array) => g.readState(q as never, out);
    expect(() => coverEdges(g.edges!, tags!, sym, read, 1, [initialOf(system)], system.stateWords, sharedCoverAlloc, (q, t, plan) => void unfoldInParallel(harness.pool(), q, t, plan))).toThrow(
      /shared memory/,
    );
  });
});
