import { describe, expect, it } from 'vitest';
import { explore } from '../../../checker/index.js';
import { createSystem, type FtSourceArgs } from '../../../bench/ft-source.js';
import { createSystem as withInvariants, type FtCheckArgs } from './fixtures/ft-check-source.js';
import { parallelHarness } from './support/harness.js';
import { expectSameRun } from './support/same-run.js';

const FT = 'bench/ft-source.ts';
const FT_CHECK = 'test/checker/parallel/fixtures/ft-check-source.ts';
const harness = parallelHarness([FT, FT_CHECK], 2);

const N2: FtSourceArgs = { params: { systems: 2, buffer: 2, trace: 2, pages: 2, values: 2, faults: 2 } };
const N3: FtSourceArgs = { params: { systems: 3, buffer: 2, trace: 2, pages: 1, values: 2, faults: 1 } };

describe('exploreParallel on the FT model is explore (1 and 2 workers)', () => {
  it('N = 2 defaults, edges as the check stage keeps them (targets) and labelled: the same run, rule counters included', async () => {
    for (const recordEdges of ['targets', 'labelled'] as const) {
      const seq = explore(createSystem(N2).system, { recordEdges });
      expect(seq.stats.states).toBe(130_087);
      for (const workers of [1, 2]) expectSameRun(await harness.run(FT, N2, { workers, recordEdges }), seq);
    }
  }, 300_000);

  it('--systems 3 --pages 1 --faults 1: the same run', async () => {
    const seq = explore(createSystem(N3).system);
    expect(seq.stats.states).toBe(319_589); // 317,171 under S21 lowest-index, the one SBY that takes over
    expect(seq.counters.length).toBeGreaterThan(0);
    for (const workers of [1, 2]) expectSameRun(await harness.run(FT, N3, { workers }), seq);
    expectSameRun(await harness.run(FT, N3, { workers: 2, serialBelow: 0, chunkStates: 8 }), seq);
  }, 300_000);

  it("the catalogue's invariants, under mutations that break some: the same verdicts, triggers and traces ('continue' and 'stop')", async () => {
    const cases: FtCheckArgs[] = [
      { params: N2.params },
      { params: N2.params, mutation: { op: 'skip-guard', guard: 'context_copy.copy-done' } },
      { params: N2.params, mutation: { op: 'skip-guard', guard: 'sync_reset.context' } },
    ];
    let violated = 0;
    for (const args of cases) {
      const { system, invariants } = withInvariants(args);
      const seq = explore(system, { invariants, onViolation: 'continue' });
      violated += seq.violations.length;
      expectSameRun(await harness.run(FT_CHECK, args, { workers: 2, onViolation: 'continue' }), seq);
      const stop = explore(withInvariants(args).system, { invariants: withInvariants(args).invariants });
      const par = await harness.run(FT_CHECK, args, { workers: 2 });
      expect(par.stopReason).toBe(stop.stopReason);
      expect(par.violations).toEqual(stop.violations);
      for (const x of par.violations) expect(par.graph.traceTo(x.state)).toEqual(stop.graph.traceTo(x.state));
    }
    expect(violated).toBeGreaterThan(0);
  }, 300_000);
});
