/**
 * `check --symmetry` against the plain check: the same verdicts for every
 * property, liveness included (searched on the unfolded graph), the same
 * trigger counts for the liveness properties, counterexamples of the same
 * (shortest) length whose traces replay on the unreduced model and end in a
 * state that violates the property, lassos that replay and are confirmed
 * fair; with three systems on a small configuration the same; on two worker
 * threads the same as on one.
 */
import { describe, expect, it } from 'vitest';
import { replayTrace } from '../../checker/index.js';
import { DEFAULT_PARAMS } from '../../model/params.js';
import { defaultReadings, withReadings, type Readings } from '../../model/readings.js';
import { isLiveness } from '../../properties/kinds.js';
import { StateAccess } from '../../properties/state-access.js';
import { runCheck, runCheckParallel, selectProperties, type CheckConfig, type CheckOutcome } from '../../properties/verify.js';
import { checkWorkers } from './support/check-workers.js';
import { stepsOf } from '../../reports/check-report.js';
import { traceScenario } from '../../reports/trace.js';
import { checkScenario } from '../../reports/ambiguities/replay-check.js';
import { expandFairness, fairnessSpec, parseFairness } from '../../model/fairness.js';
import { FtModel } from '../../model/ft-model.js';
import { SystemSymmetry } from '../../model/symmetry.js';
import { fairnessIsSymmetric } from '../../properties/liveness-check.js';

const workers = checkWorkers();

const d2Offline = withReadings(defaultReadings(), { 'D2-act-on-async-exit': 'offline' }) as Readings;
const hangs = withReadings(defaultReadings(), { 'S18-hang-detection': 'undetected' }) as Readings;
const safety = selectProperties(undefined).filter((p) => !isLiveness(p)).map((p) => p.name);

/** What must not change under symmetry: the verdict, and for liveness (counted on the unfolded graph) the trigger count and the lasso's shape. */
function liveVerdicts(o: CheckOutcome): unknown[] {
  return o.verdicts.filter((v) => isLiveness(v.property)).map((v) => [v.property.name, v.verdict, v.triggered, v.lasso?.states.length ?? null, v.lasso?.loopStart ?? null]);
}

function traceLength(o: CheckOutcome, name: string): number | null {
  const v = o.verdicts.find((x) => x.property.name === name)!;
  return v.state === undefined ? null : o.result.graph.traceTo(v.state).length;
}

describe('check --symmetry', () => {
  it('system 0 speaks for all only under fairness the permutations map onto itself (the default, whose write families take a lock-step group\'s writes for each member), not a family of one system', () => {
    const model = new FtModel({ ...DEFAULT_PARAMS, systems: 3 }, defaultReadings());
    const sym = new SystemSymmetry(model.layout, model.labelNames);
    const constraints = (spec: string) => {
      const d = parseFairness(spec);
      if ('error' in d) throw new Error(d.error);
      return expandFairness(d, model.labels).map((f) => ({ kind: f.kind, name: f.name, labels: Uint8Array.from(model.labelNames, (_, l) => (f.labels.includes(l) ? 1 : 0)) }));
    };
    expect(fairnessIsSymmetric(constraints('WF:smi_ack(#i),SF:dma_copy(#i->#j),WF:async_exit'), sym)).toBe(true);
    expect(fairnessIsSymmetric(constraints('default'), sym)).toBe(true);
    expect(fairnessIsSymmetric(constraints('WF:cpu_write(#i)'), sym)).toBe(true);
    // a group's write, in each member's family: renaming the systems maps each family onto another
    const writes = constraints('WF:cpu_write(#i)');
    expect(writes.map((c) => c.name)).toEqual(['cpu_write(#0)', 'cpu_write(#1)', 'cpu_write(#2)']);
    const group = model.labelNames.indexOf('cpu_write(#1+#2,p0,v1)');
    expect(writes.map((c) => c.labels[group])).toEqual([0, 1, 1]);
    const one = constraints('WF:smi_ack(#i)').slice(0, 1);
    expect(fairnessIsSymmetric(one, sym)).toBe(false);
  });

  it('selects every property, liveness included', () => {
    expect(selectProperties(undefined, { symmetry: true }).length).toBe(selectProperties(undefined).length);
  });

  it('S18 undetected (every progress property fails): the verdicts, triggers and lasso lengths of the plain check; each lasso replays, is fair and refutes its property', () => {
    const base: CheckConfig = { params: DEFAULT_PARAMS, readings: hangs, allViolations: true };
    const plain = runCheck(base);
    const reduced = runCheck({ ...base, symmetry: true });
    expect(reduced.result.stats.states).toBeLessThan(plain.result.stats.states * 0.51);
    expect(liveVerdicts(reduced)).toEqual(liveVerdicts(plain));
    const live = reduced.verdicts.filter((v) => isLiveness(v.property));
    expect(live.every((v) => v.verdict === 'violated')).toBe(true);
    for (const v of live) {
      const steps = stepsOf(reduced, v)!;
      const sc = traceScenario(reduced.model, steps, v.property.name, { loopStart: v.lasso!.loopStart, fairness: fairnessSpec(v.fairness!) });
      const c = checkScenario(sc, v.property, steps.length - 1);
      expect(c.ok, `${v.property.name}: ${c.detail}`).toBe(true);
    }
    // pre-offline-progresses: 24 steps, the run stops (test/properties/liveness.test.ts)
    const v = live.find((x) => x.property.name === 'pre-offline-progresses')!;
    expect([v.lasso!.states.length - 1, v.lasso!.loopStart]).toEqual([24, 24]);
  }, 120_000);

  it('three systems (P = 1, F = 1): every verdict of the plain check, and the liveness triggers', () => {
    const base: CheckConfig = { params: { ...DEFAULT_PARAMS, systems: 3, pages: 1, faults: 1 }, readings: defaultReadings(), allViolations: true };
    const plain = runCheck(base);
    const reduced = runCheck({ ...base, symmetry: true });
    expect(reduced.result.stats.states).toBeLessThan(plain.result.stats.states / 5);
    expect(reduced.verdicts.map((v) => [v.property.name, v.verdict])).toEqual(plain.verdicts.map((v) => [v.property.name, v.verdict]));
    expect(liveVerdicts(reduced)).toEqual(liveVerdicts(plain));
  }, 120_000);

  it('three systems under S18 undetected: the liveness verdicts, triggers and lasso shapes of the plain check, lassos that replay', () => {
    const live = selectProperties(undefined).filter(isLiveness).map((p) => p.name);
    const base: CheckConfig = { params: { ...DEFAULT_PARAMS, systems: 3, pages: 1, faults: 1 }, readings: hangs, allViolations: true, properties: live };
    const plain = runCheck(base);
    const reduced = runCheck({ ...base, symmetry: true });
    expect(liveVerdicts(reduced)).toEqual(liveVerdicts(plain));
    expect(reduced.verdicts.filter((v) => v.verdict === 'violated').length).toBeGreaterThan(3);
    for (const v of reduced.verdicts.filter((x) => x.lasso)) {
      const steps = stepsOf(reduced, v)!;
      const sc = traceScenario(reduced.model, steps, v.property.name, { loopStart: v.lasso!.loopStart, fairness: fairnessSpec(v.fairness!) });
      const c = checkScenario(sc, v.property, steps.length - 1);
      expect(c.ok, `${v.property.name}: ${c.detail}`).toBe(true);
    }
  }, 120_000);

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

  for (const [what, readings] of [['D2 offline', d2Offline], ['S18 undetected (lassos)', hangs]] as const) {
    it(`${what} on two worker threads: the same states, verdicts and traces as on one`, async () => {
      const config: CheckConfig = { params: DEFAULT_PARAMS, readings, allViolations: true, symmetry: true };
      const seq = runCheck(config);
      const par = await runCheckParallel(config, 2, undefined, workers.where());
      expect(par.result.stats.states).toBe(seq.result.stats.states);
      expect(par.result.stats.transitions).toBe(seq.result.stats.transitions);
      expect(par.verdicts.map((v) => [v.property.name, v.verdict, v.triggered, v.state])).toEqual(seq.verdicts.map((v) => [v.property.name, v.verdict, v.triggered, v.state]));
      for (const v of seq.verdicts) if (v.state !== undefined) expect(par.result.graph.traceTo(v.state)).toEqual(seq.result.graph.traceTo(v.state));
      for (const v of seq.verdicts) if (v.lasso) expect(stepsOf(par, par.verdicts.find((x) => x.property === v.property)!)).toEqual(stepsOf(seq, v));
    }, 300_000);
  }
});
