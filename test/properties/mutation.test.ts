/**
 * The mutation driver: mutants generated from the model's tables and hooks,
 * a mutant known to be killed is killed (by the property and in the number of
 * steps its broken variant in broken-variants.test.ts was worked out to), an
 * equivalent one is recognised, a survivor's first difference is where the
 * mutant first offers a step the model does not, and the two independent
 * ways of telling equivalence (state-by-state comparison, graph fingerprint)
 * agree.
 */
import { describe, expect, it } from 'vitest';
import { FtModel } from '../../model/ft-model.js';
import { generateMutants, type Mutant } from '../../model/mutants.js';
import { DEFAULT_PARAMS } from '../../model/params.js';
import { defaultReadings } from '../../model/readings.js';
import { analyseMutations } from '../../properties/mutation/analysis.js';
import { explainSurvivor } from '../../properties/mutation/explanations.js';
import { fingerprintOf, sameGraph } from '../../properties/mutation/fingerprint.js';
import { runMutant } from '../../properties/mutation/run-mutant.js';
import { runCheck } from '../../properties/verify.js';
import { differenceText } from '../../reports/mutation-report.js';

const readings = defaultReadings();
const base = runCheck({ params: DEFAULT_PARAMS, readings, allViolations: true, recordLabelledEdges: true });
const baseline = fingerprintOf(base.model, base.result);
const mutants = generateMutants(DEFAULT_PARAMS, readings, base.model.consulted);
const byId = (id: string): Mutant => {
  const m = mutants.find((x) => x.id === id);
  if (m === undefined) throw new Error(`no mutant ${id}`);
  return m;
};
const limits = { maxStates: 8 * base.result.stats.states };
const run = (id: string) => runMutant(DEFAULT_PARAMS, readings, byId(id), baseline, limits);
const fingerprintUnder = (m: Mutant) => {
  const o = runCheck({ params: DEFAULT_PARAMS, readings, properties: ['one-act'], mutation: m.mutation, recordLabelledEdges: true });
  return fingerprintOf(o.model, o.result);
};

describe('mutation analysis', () => {
  it('generates every operator, with unique ids; rules the unmutated run never reads are marked', () => {
    expect(new Set(mutants.map((m) => m.id)).size).toBe(mutants.length);
    expect(new Set(mutants.map((m) => m.operator))).toEqual(new Set(['retarget', 'unchanged', 'drop', 'access-cell', 'capacity', 'skip-guard', 'skip-ghost', 'skip-effect']));
    const unread = mutants.filter((m) => m.unread);
    expect(unread.length).toBeGreaterThan(0);
    // an unread FT rule: no reachable state offers the event there, so the mutant cannot change the graph
    expect(run(unread[0].id)).toMatchObject({ status: 'equivalent', note: 'the rule is never read by the unmutated model' });
  });

  it('a mutant known to be killed is killed: buffers of B + 1 accesses, comparison-buffer-bound in 22 steps', () => {
    const r = run('capacity:buffer+1');
    expect(r.status).toBe('killed');
    expect(r.killedBy).toContain('comparison-buffer-bound');
    expect(r.traceLength).toBe(22);
  }, 120_000);

  it('an equivalent mutant is recognised, and its graph fingerprint is the unmutated one', () => {
    // the ACT of Pre online sync left by its SBY: whatever the rule says, the pair's own rules decide the ACT's state
    const id = 'ft:st3-sby-separated:ST3/ACT->ST4/ACT';
    expect(run(id).status).toBe('equivalent');
    expect(sameGraph(fingerprintUnder(byId(id)), baseline)).toBe(true);
  }, 120_000);

  it("a survivor's first difference: a synchronization start while a copy runs, a self-loop after FIG. 9 and sync_start (10 steps)", () => {
    const r = run('guard:sync_start.idle');
    expect(r.status).toBe('survived');
    expect(r.difference!.trace).toHaveLength(10);
    expect(r.difference!.trace.at(-1)).toBe('sync_start(#0->#1)');
    expect(r.difference!.added.map((s) => s.label)).toEqual(['sync_start(#0->#1)']);
    expect(r.difference!.removed).toEqual([]);
    expect(differenceText(new FtModel(DEFAULT_PARAMS, readings), r.difference!)).toMatch(/^after 10 steps \(power_on\(#0\), set_act\(#0\), \.\.\., bios_wait_sync\(#1\), sync_start\(#0->#1\)\): the mutant takes sync_start\(#0->#1\) \(no field changes\), which the model does not$/);
    expect(explainSurvivor(byId('guard:sync_start.idle'))).toMatch(/self-loop/);
    expect(sameGraph(fingerprintUnder(byId('guard:sync_start.idle')), baseline)).toBe(false);
  }, 120_000);

  it('the analysis counts and the kill rate over non-equivalent mutants', async () => {
    const a = await analyseMutations({ params: DEFAULT_PARAMS, readings, workers: 1, only: /^(capacity:buffer\+1|guard:sync_start\.idle|ft:st3-sby-separated:ST3\/ACT->ST4\/ACT)$/ });
    expect(a.records).toHaveLength(3);
    expect(a.counts).toMatchObject({ killed: 1, survived: 1, equivalent: 1 });
    expect(a.killRate).toBeCloseTo(0.5, 10);
  }, 300_000);
});
