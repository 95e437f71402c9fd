/**
 * `check --workers N` (runCheckParallel) against the one-thread check: the
 * same verdicts, trigger counts, witnesses, counterexample states and traces,
 * liveness lassos, rule counters and Tables 3-4 coverage.
 */
import { describe, expect, it } from 'vitest';
import { sharedGraphOf } from '../../checker/parallel/searches.js';
import { DEFAULT_PARAMS } from '../../model/params.js';
import { defaultReadings } from '../../model/readings.js';
import { runCheck, runCheckParallel, type CheckConfig, type CheckOutcome } from '../../properties/verify.js';
import { checkWorkers } from './support/check-workers.js';

const workers = checkWorkers();

function expectSameCheck(par: CheckOutcome, seq: CheckOutcome): void {
  expect(par.complete).toBe(seq.complete);
  expect(par.result.stats.states).toBe(seq.result.stats.states);
  expect(par.result.stats.transitions).toBe(seq.result.stats.transitions);
  expect(par.result.stats.depth).toBe(seq.result.stats.depth);
  const brief = (o: CheckOutcome) => o.verdicts.map((v) => ({
    name: v.property.name, verdict: v.verdict, triggered: v.triggered, witness: v.witness, state: v.state, explanation: v.explanation, loopStart: v.loopStart,
    lasso: v.lasso?.states,
  }));
  expect(brief(par)).toEqual(brief(seq));
  for (const v of seq.verdicts) {
    if (v.state !== undefined && v.lasso === undefined) expect(par.result.graph.traceTo(v.state)).toEqual(seq.result.graph.traceTo(v.state));
  }
  expect([...par.result.counters]).toEqual([...seq.result.counters]);
  expect(par.access.cells()).toEqual(seq.access.cells());
}

describe('check on two worker threads is the one-thread check', () => {
  it('N = 2 defaults, every property (invariants, AG EF, liveness): all hold, the same counts and coverage', async () => {
    const config: CheckConfig = { params: DEFAULT_PARAMS, readings: defaultReadings(), allViolations: true };
    const seq = runCheck(config);
    const par = await runCheckParallel(config, 2, undefined, workers.where());
    expect(seq.verdicts.every((v) => v.verdict === 'holds')).toBe(true);
    // the liveness searches ran on the threads: the run's edges are in shared memory
    expect(sharedGraphOf(par.result.graph.edges!)).not.toBeNull();
    expectSameCheck(par, seq);
  }, 300_000);

  it('one invariant (no liveness, no edges kept): the same verdict', async () => {
    const config: CheckConfig = { params: DEFAULT_PARAMS, readings: defaultReadings(), properties: ['one-act'] };
    const seq = runCheck(config);
    expect(seq.result.graph.edges).toBeUndefined();
    expectSameCheck(await runCheckParallel(config, 2, undefined, workers.where()), seq);
  }, 300_000);

  it('a mutant that breaks properties (a comparison buffer of B + 1 accesses; a drain skipped): the same counterexamples', async () => {
    for (const mutation of [{ op: 'capacity', which: 'buffer', delta: 1 }, { op: 'skip-effect', effect: 'async_exit.drain' }] as const) {
      const config: CheckConfig = { params: DEFAULT_PARAMS, readings: defaultReadings(), allViolations: true, mutation };
      const seq = runCheck(config);
      expect(seq.verdicts.some((v) => v.verdict === 'violated')).toBe(true);
      expectSameCheck(await runCheckParallel(config, 2, undefined, workers.where()), seq);
    }
  }, 300_000);

  it('stopping at the first violation gives the same violated property and shortest trace', async () => {
    const config: CheckConfig = { params: DEFAULT_PARAMS, readings: defaultReadings(), properties: ['comparison-buffer-bound'], mutation: { op: 'capacity', which: 'buffer', delta: 1 } };
    const seq = runCheck(config);
    const par = await runCheckParallel(config, 2, undefined, workers.where());
    const [s, p] = [seq.verdicts[0], par.verdicts[0]];
    expect(p.verdict).toBe('violated');
    expect(par.result.graph.traceTo(p.state!)).toEqual(seq.result.graph.traceTo(s.state!));
  }, 300_000);
});
