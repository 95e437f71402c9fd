/**
 * `check --symmetry` against the plain check: the same verdicts for every
 * property it checks, counterexamples of the same (shortest) length whose
 * traces replay on the unreduced model and end in a state that violates the
 * property; on two worker threads the same as on one.
 */
import { describe, expect, it } from 'vitest';
import { replayTrace } from '../../checker/index.js';
import { DEFAULT_PARAMS } from '../../model/params.js';
import { defaultReadings, withReadings, type Readings } from '../../model/readings.js';
import { isLiveness } from '../../properties/kinds.js';
import { StateAccess } from '../../properties/state-access.js';
import { runCheck, runCheckParallel, selectProperties, type CheckConfig, type CheckOutcome } from '../../properties/verify.js';
import { checkWorkers } from './support/check-workers.js';

const workers = checkWorkers();

const d2Offline = withReadings(defaultReadings(), { 'D2-act-on-async-exit': 'offline' }) as Readings;
const safety = selectProperties(undefined, { symmetry: true }).map((p) => p.name);

function traceLength(o: CheckOutcome, name: string): number | null {
  const v = o.verdicts.find((x) => x.property.name === name)!;
  return v.state === undefined ? null : o.result.graph.traceTo(v.state).length;
}

describe('check --symmetry', () => {
  it('selects every property but liveness, and refuses a liveness property named', () => {
    expect(safety.length).toBe(selectProperties(undefined).filter((p) => !isLiveness(p)).length);
    expect(() => runCheck({ params: DEFAULT_PARAMS, readings: defaultReadings(), symmetry: true, properties: ['copy-completes'] })).toThrow(/liveness properties \(copy-completes\)/);
  });

  for (const [what, readings] of [['N = 2 defaults', defaultReadings()], ['D2 offline (three properties violated in 21 steps)', d2Offline]] as const) {
    it(`${what}: the verdicts of the plain check, half the states, counterexamples that replay`, () => {
      const base: CheckConfig = { params: DEFAULT_PARAMS, readings, allViolations: true, properties: safety };
      const plain = runCheck(base);
      const reduced = runCheck({ ...base, symmetry: true });
      expect(reduced.complete).toBe(true);
      expect(reduced.result.stats.states).toBeLessThan(plain.result.stats.states * 0.51);
      expect(reduced.verdicts.map((v) => [v.property.name, v.verdict])).toEqual(plain.verdicts.map((v) => [v.property.name, v.verdict]));
      const access = new StateAccess(reduced.model);
      for (const v of reduced.verdicts) {
        if (v.verdict !== 'violated') continue;
        const trace = reduced.result.graph.traceTo(v.state!);
        expect(trace.length).toBe(traceLength(plain, v.property.name));
        expect(replayTrace(reduced.model, trace).ok).toBe(true);
        expect(Array.from(trace[trace.length - 1].state)).toEqual(Array.from(reduced.result.graph.readState(v.state!)));
        if (v.property.kind === 'invariant') expect(v.property.holds(access.load(trace[trace.length - 1].state))).toBe(false);
      }
      if (readings === d2Offline) expect(reduced.verdicts.filter((v) => v.verdict === 'violated').map((v) => traceLength(reduced, v.property.name))).toEqual([22, 22, 22]);
    }, 120_000);
  }

  it('on two worker threads: the same states, verdicts and traces as on one', async () => {
    const config: CheckConfig = { params: DEFAULT_PARAMS, readings: d2Offline, allViolations: true, symmetry: true };
    const seq = runCheck(config);
    const par = await runCheckParallel(config, 2, undefined, workers.where());
    expect(par.result.stats.states).toBe(seq.result.stats.states);
    expect(par.result.stats.transitions).toBe(seq.result.stats.transitions);
    expect(par.verdicts.map((v) => [v.property.name, v.verdict, v.triggered, v.state])).toEqual(seq.verdicts.map((v) => [v.property.name, v.verdict, v.triggered, v.state]));
    for (const v of seq.verdicts) if (v.state !== undefined) expect(par.result.graph.traceTo(v.state)).toEqual(seq.result.graph.traceTo(v.state));
  }, 300_000);
});
