/**
 * Memory running out for the unfolded graph of a symmetry-reduced run after
 * a complete exploration: the invariant verdicts stay, the liveness ones are
 * reported undecided (never lost to a stack trace, never called holds).
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../checker/symmetry-cover.js', async (original) => ({
  ...(await original<typeof import('../../checker/symmetry-cover.js')>()),
  coverEdges: () => {
    throw new RangeError('Array buffer allocation failed');
  },
}));

const { DEFAULT_PARAMS } = await import('../../model/params.js');
const { defaultReadings } = await import('../../model/readings.js');
const { exitCodeOf, runCheck, runCheckParallel } = await import('../../properties/verify.js');
const { checkWorkers } = await import('./support/check-workers.js');
const workers = checkWorkers();
const { isLiveness } = await import('../../properties/kinds.js');

describe('out of memory in the liveness step', () => {
  it('keeps the other verdicts of the complete run and reports liveness undecided, exit 1', () => {
    const o = runCheck({ params: DEFAULT_PARAMS, readings: defaultReadings(), symmetry: true });
    expect(o.complete).toBe(true);
    const live = o.verdicts.filter((v) => isLiveness(v.property));
    expect(live.length).toBeGreaterThan(0);
    for (const v of live) {
      expect(v.verdict).toBe('unknown');
      expect(v.note).toMatch(/memory ran out/);
    }
    expect(o.verdicts.filter((v) => !isLiveness(v.property)).every((v) => v.verdict === 'holds')).toBe(true);
    expect(exitCodeOf(o)).toBe(1);
  });

  it('the same on two worker threads', async () => {
    const o = await runCheckParallel({ params: DEFAULT_PARAMS, readings: defaultReadings(), symmetry: true }, 2, undefined, workers.where());
    expect(o.complete).toBe(true);
    expect(o.verdicts.filter((v) => isLiveness(v.property)).map((v) => v.verdict)).toEqual(o.verdicts.filter((v) => isLiveness(v.property)).map(() => 'unknown'));
    expect(o.verdicts.filter((v) => !isLiveness(v.property)).every((v) => v.verdict === 'holds')).toBe(true);
  }, 120_000);
});
