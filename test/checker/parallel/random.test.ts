import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canReach, explore, replayTrace, type ExploreResult, type StateIndex } from '../../../checker/index.js';
import { systemSpecArb, type SystemSpec } from '../support/random-system.js';
import { createSystem, member, type RandomSourceArgs } from './fixtures/random-source.js';
import { parallelHarness } from './support/harness.js';
import { expectSameRun } from './support/same-run.js';

const FIXTURE = 'test/checker/parallel/fixtures/random-source.ts';
const harness = parallelHarness([FIXTURE]);
/** Busy work per state in the workers (fixtures/random-source.ts), so that small levels are expanded by several at once. */
const SPIN = 3000;

/** EF goal on the recorded edges, goal = a pseudo-random subset of the states' ids. */
function efAnswer(r: ExploreResult, decode: (w: Uint32Array) => { id: number }, goal: (id: number) => boolean): number[] {
  const g = r.graph;
  const marks = Uint8Array.from({ length: g.stateCount }, (_, i) => (goal(decode(g.readState(i as StateIndex)).id) ? 1 : 0));
  return Array.from(canReach(g.edges!, marks));
}

describe('exploreParallel on random systems is explore, with 1, 2 and 3 workers', () => {
  it("'continue' mode, labelled edges: the same states in the same order, links, verdicts, triggers, coverage, deadlocks, edges", async () => {
    await fc.assert(
      fc.asyncProperty(
        systemSpecArb,
        fc.nat(),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.integer({ min: 1, max: 5000 }),
        fc.constantFrom(0, 3, Infinity),
        fc.constantFrom(1, 3, 64),
        fc.constantFrom(0, 65536),
        async (spec, salt, rate, initialCapacity, maxDeadlocksListed, chunkStates, serialBelow) => {
          const args: RandomSourceArgs = { spec, trigger: { salt, rate } };
          const { system: view, invariants } = createSystem(args);
          const options = { onViolation: 'continue', maxDeadlocksListed, recordEdges: 'labelled', initialCapacity } as const;
          const seq = explore(view, { ...options, invariants });
          const goal = member(salt ^ 0x1234, 0.1);
          for (const workers of [1, 2, 3]) {
            const par = await harness.run(FIXTURE, { ...args, spin: SPIN }, { ...options, workers, chunkStates, serialBelow });
            expectSameRun(par, seq);
            expect(efAnswer(par, (w) => view.decode(w), goal)).toEqual(efAnswer(seq, (w) => view.decode(w), goal));
            for (const x of par.violations) expect(replayTrace(view, par.graph.traceTo(x.state)).ok).toBe(true);
          }
        },
      ),
      { numRuns: 30 },
    );
  }, 600_000);

  it("'stop' mode: the same first violating state and invariants, a replayable shortest trace", async () => {
    await fc.assert(
      fc.asyncProperty(systemSpecArb, fc.constantFrom(1, 64), fc.constantFrom(0, 65536), async (spec: SystemSpec, chunkStates, serialBelow) => {
        const args: RandomSourceArgs = { spec };
        const { system: view, invariants } = createSystem(args);
        const seq = explore(view, { invariants });
        for (const workers of [1, 2, 3]) {
          const par = await harness.run(FIXTURE, { ...args, spin: SPIN }, { workers, chunkStates, serialBelow });
          expect(par.stopReason).toBe(seq.stopReason);
          expect(par.complete).toBe(seq.complete);
          expect(par.violations).toEqual(seq.violations);
          if (seq.complete) expectSameRun(par, seq);
          for (const x of par.violations) {
            const trace = par.graph.traceTo(x.state);
            expect(trace).toEqual(seq.graph.traceTo(x.state));
            expect(trace.length - 1).toBe(x.depth);
            expect(replayTrace(view, trace).ok).toBe(true);
            expect(invariants[x.invariantIndex].holds(par.graph.readState(x.state))).toBe(false);
          }
        }
      }),
      { numRuns: 30 },
    );
  }, 600_000);

  it('targets-only edges and no edges: the same run; labels are refused', async () => {
    const specs = fc.sample(systemSpecArb.filter((s) => s.initial.length > 0), { numRuns: 12, seed: 42 });
    for (const spec of specs) {
      const args: RandomSourceArgs = { spec, invariants: false };
      const { system: view } = createSystem(args);
      for (const recordEdges of ['targets', 'none'] as const) {
        const seq = explore(view, { recordEdges });
        const par = await harness.run(FIXTURE, args, { workers: 3, recordEdges, chunkStates: 2, serialBelow: 0 });
        expectSameRun(par, seq);
        if (recordEdges === 'targets' && par.graph.edges!.count > 0) expect(() => par.graph.edges!.label(0)).toThrow(/without labels/);
      }
    }
  }, 300_000);

  it('fresh threads (no pool) give the same run', async () => {
    const spec = fc.sample(systemSpecArb.filter((s) => s.n > 1000 && s.initial.length > 0), { numRuns: 1, seed: 8 })[0];
    const args: RandomSourceArgs = { spec };
    const { system: view, invariants } = createSystem(args);
    const seq = explore(view, { invariants, onViolation: 'continue', recordEdges: true });
    const par = await harness.run(FIXTURE, args, { workers: 2, onViolation: 'continue', recordEdges: true, fresh: true });
    expectSameRun(par, seq);
  });
});
