/**
 * The memory budget (--max-memory) covers the liveness step: when what the
 * searches would allocate (livenessBytes) on top of what the complete
 * exploration holds passes it, the liveness properties are reported
 * undecided with the figures, the other verdicts stay, exit 1; one byte more
 * budget and they are decided.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../model/params.js';
import { defaultReadings } from '../../model/readings.js';
import { SystemSymmetry } from '../../model/symmetry.js';
import { FtModel } from '../../model/ft-model.js';
import { isLiveness, type LivenessProperty } from '../../properties/kinds.js';
import { livenessBytes } from '../../properties/liveness-check.js';
import { exitCodeOf, runCheck, runCheckParallel, selectProperties, type CheckConfig, type CheckOutcome } from '../../properties/verify.js';
import { checkWorkers } from './support/check-workers.js';

const workers = checkWorkers();
const base: CheckConfig = { params: { ...DEFAULT_PARAMS, faults: 1 }, readings: defaultReadings() };
const liveness = selectProperties(undefined).filter(isLiveness) as LivenessProperty[];

/** The budget at which the liveness step just fits, from an unbounded run of the same configuration. */
function fitting(o: CheckOutcome, symmetry: boolean, threads: number): number {
  const held = o.result.stats.storeBytes + o.result.stats.edgeBytes;
  const by = symmetry ? new SystemSymmetry(new FtModel(base.params, base.readings).layout).size : 1;
  return held + livenessBytes(o.result, by, liveness, base.params.systems, threads);
}

function expectBudgetRespected(short: CheckOutcome, enough: CheckOutcome, unfolded: boolean): void {
  expect(short.complete).toBe(true);
  const live = short.verdicts.filter((v) => isLiveness(v.property));
  expect(live.length).toBe(liveness.length);
  for (const v of live) {
    expect(v.verdict).toBe('unknown');
    expect(v.note).toMatch(/the liveness searches need about [\d.]+ [MG]iB more \(.*\) and the exploration holds [\d.]+ [MG]iB of the [\d.]+ [MG]iB memory budget \(raise --max-memory\)/);
    expect(v.note!.includes('the graph unfolded')).toBe(unfolded);
  }
  expect(short.verdicts.filter((v) => !isLiveness(v.property)).every((v) => v.verdict === 'holds')).toBe(true);
  expect(exitCodeOf(short)).toBe(1);
  expect(enough.verdicts.every((v) => v.verdict === 'holds')).toBe(true);
  expect(exitCodeOf(enough)).toBe(0);
}

describe('the memory budget covers the liveness step', () => {
  it('one thread, plain and symmetry-reduced (the unfolded graph counted)', () => {
    for (const symmetry of [false, true]) {
      const free = runCheck({ ...base, symmetry });
      const fits = fitting(free, symmetry, 1);
      expectBudgetRespected(runCheck({ ...base, symmetry, maxBytes: fits - 1 }), runCheck({ ...base, symmetry, maxBytes: fits }), symmetry);
    }
  });

  it('two threads: each searching thread\'s scratch counted', async () => {
    // a parallel run's store and edge capacities depend a little on the threads' timing: budgets with margins
    const free = await runCheckParallel(base, 2, undefined, workers.where());
    const one = fitting(free, false, 1), two = fitting(free, false, 2);
    // a second thread's scratch: dist, via, queue, mark and the stack at least
    expect(two - one).toBeGreaterThanOrEqual(free.result.stats.states * 24);
    // one thread's scratch would fit, two threads' do not
    const short = await runCheckParallel({ ...base, maxBytes: Math.floor((one + two) / 2) }, 2, undefined, workers.where());
    const enough = await runCheckParallel({ ...base, maxBytes: two + 8 * 2 ** 20 }, 2, undefined, workers.where());
    expectBudgetRespected(short, enough, false);
  }, 120_000);
});
