/**
 * The progress properties against broken variants of the model, with the
 * shortest counterexample worked out by hand (a lasso: its stem length and
 * where its loop starts; a run that stops has its loop at its last step),
 * and the S18 hang reading, whose lassos must replay and be confirmed fair
 * by an independent check.
 */
import { describe, expect, it } from 'vitest';
import type { SuccessorSink } from '../../checker/index.js';
import { CPU_BIOS, CPU_EVENTS, CPU_OFF } from '../../hw/cpu-subsystem.js';
import { ST7 } from '../../hw/ft-controller.js';
import { cpuRuleIndex } from '../../model/rules.js';
import { FtModel } from '../../model/ft-model.js';
import { ST } from '../../model/layout.js';
import { DEFAULT_PARAMS } from '../../model/params.js';
import { defaultReadings, withReadings, type Readings } from '../../model/readings.js';
import { checkModel, runCheck } from '../../properties/verify.js';
import { stepsOf } from '../../reports/check-report.js';
import { traceScenario } from '../../reports/trace.js';
import { checkScenario } from '../../reports/ambiguities/replay-check.js';
import { fairnessSpec } from '../../model/fairness.js';
import { PROPERTIES } from '../../properties/catalogue.js';
import { isLiveness } from '../../properties/kinds.js';

/** A model whose successors with a label matching `drop` (given the state words) are removed. */
function dropping(drop: (label: string, state: Uint32Array, model: FtModel) => boolean): FtModel {
  const model = new FtModel(DEFAULT_PARAMS, defaultReadings());
  const real = model.successors.bind(model);
  model.successors = (state: Uint32Array, sink: SuccessorSink) =>
    real(state, { out: sink.out, emit: (l) => (drop(model.labelNames[l], state, model) ? undefined : sink.emit(l)) } as SuccessorSink);
  return model;
}

function lassoOf(model: FtModel, property: string): { steps: number; loopStart: number } {
  const o = checkModel(model, { properties: [property] });
  const v = o.verdicts[0];
  expect(v.verdict, property).toBe('violated');
  return { steps: v.lasso!.states.length - 1, loopStart: v.lasso!.loopStart };
}

// FIGS. 9-10 to full duplication: 19 steps (test/properties/broken-variants.test.ts)
const TO_DUPLEX = 19;

describe('each progress property catches its broken model with the lasso worked out by hand', () => {
  it('covers every progress property of the catalogue', () => {
    const tested = ['powered-system-joins', 'pre-offline-progresses', 'copy-completes', 'recover-offline-progresses', 'pre-online-sync-ends', 'online-async-is-temporary', 'repaired-system-rejoins'];
    expect(PROPERTIES.filter(isLiveness).map((p) => p.name).sort()).toEqual(tested.sort());
  });

  it('pre-offline-progresses: no SMI ACK ever; after duplex, io_disagree and async_exit the SBY waits in Pre offline, the ACT fails and the run stops (22)', () => {
    // io_disagree holds one access: the buffer is almost full (B = 2), so async_exit is due at once and the SBY
    // is in Pre offline (21). While the ACT runs it keeps writing (fair), so the shortest run has it fail (22):
    // the failure starts a new "no further failures" stretch in which the SBY is still in Pre offline and
    // nothing fair is left (a run that stops refutes leads-to under stuttering)
    const r = lassoOf(dropping((l) => l.startsWith('smi_ack')), 'pre-offline-progresses');
    expect(r).toEqual({ steps: TO_DUPLEX + 3, loopStart: TO_DUPLEX + 3 });
  });

  it('copy-completes: no context copy; FIG. 9 (9), sync_start, two pages, SMI on the source, then nothing fair (13)', () => {
    const r = lassoOf(dropping((l) => l.startsWith('context_copy')), 'copy-completes');
    expect(r).toEqual({ steps: 13, loopStart: 13 });
  });

  it('recover-offline-progresses: no synchronization reset; the copy and the context, then nothing fair (14)', () => {
    const r = lassoOf(dropping((l) => l.startsWith('sync_reset')), 'recover-offline-progresses');
    expect(r).toEqual({ steps: 14, loopStart: 14 });
  });

  it('pre-online-sync-ends: no memory check; after the reset (15) both boot (17), then the group writes a page back and forth forever', () => {
    const r = lassoOf(dropping((l) => l.startsWith('memory_check')), 'pre-online-sync-ends');
    expect(r).toEqual({ steps: 19, loopStart: 17 });
  });

  it('online-async-is-temporary: no exit from Online async; after the disagreement (20) each system fills its trace (2 writes each), then nothing fair (24)', () => {
    const r = lassoOf(dropping((l) => l === 'async_exit'), 'online-async-is-temporary');
    expect(r).toEqual({ steps: TO_DUPLEX + 5, loopStart: TO_DUPLEX + 5 });
  });

  it('repaired-system-rejoins: a repaired system never leaves reset; #1 fails and is reset beside #0 in Online divide (5), #0 boots and links (8), then writes back and forth', () => {
    // power_on(#0), set_act(#0), power_on(#1), cpu_fail(#1), repair_reset(#1): P; release_reset(#0), boot_os(#0),
    // crosslink_connect (all fair, so they happen), then the only fair thing left is #0 writing a page back and forth
    const r = lassoOf(
      dropping((l, w, m) => l.startsWith('release_reset') && m.layout.rd(w, m.layout.at(Number(l[15]), ST)) === ST7),
      'repaired-system-rejoins',
    );
    expect(r).toEqual({ steps: 10, loopStart: 8 });
  });
});

describe('powered-system-joins', () => {
  it('the CPU leaves its power-on reset at once (BIOS): the board controller can no longer set the mode; power_on(#0), the BIOS enters its wait loop, then the run stops (2)', () => {
    // the mode is set while the reset is held (T101 before T102): with the CPU already in the BIOS no set_act or
    // set_sby is enabled; the one fair step left is bios_wait_sync(#0), then nothing fair is (power-on of #1 is an
    // operator's choice, never fair)
    const cpuBug = new FtModel(DEFAULT_PARAMS, defaultReadings(), {
      op: 'retarget', block: 'cpu', rule: cpuRuleIndex(CPU_EVENTS.indexOf('power-on-reset'), CPU_OFF), to: CPU_BIOS,
    });
    expect(lassoOf(cpuBug, 'powered-system-joins')).toEqual({ steps: 2, loopStart: 2 });
  });
});

describe('S18 undetected: a hung part stops progress, and the lassos replay', () => {
  const r = withReadings(defaultReadings(), { 'S18-hang-detection': 'undetected' }) as Readings;

  it('every progress property fails; each lasso replays, closes or stops, is fair, and refutes its property', () => {
    const o = runCheck({ params: DEFAULT_PARAMS, readings: r, allViolations: true });
    const live = o.verdicts.filter((v) => v.fairness !== undefined);
    expect(live.map((v) => `${v.property.name}: ${v.verdict}`)).toEqual(live.map((v) => `${v.property.name}: violated`));
    for (const v of live) {
      const steps = stepsOf(o, v)!;
      const sc = traceScenario(o.model, steps, v.property.name, { loopStart: v.lasso!.loopStart, fairness: fairnessSpec(v.fairness!) });
      const c = checkScenario(sc, v.property, steps.length - 1);
      expect(c.ok, `${v.property.name}: ${c.detail}`).toBe(true);
    }
  });

  it('pre-offline-progresses: the SBY hangs, a disagreement follows, the ACT fills its trace and leaves Online async: 24 steps, the run stops', () => {
    // duplex (19) + cpu_hang of the SBY + cpu_bus_disagree (no access held) + two writes of the ACT, the first
    // making the trace almost full and the second filling it, so that nothing fair is left after async_exit: 24
    const o = runCheck({ params: DEFAULT_PARAMS, readings: r, properties: ['pre-offline-progresses'] });
    const v = o.verdicts[0];
    expect(v.lasso!.states.length - 1).toBe(24);
    expect(v.lasso!.loopStart).toBe(24);
    const labels = stepsOf(o, v)!.map((s) => s.label);
    expect(labels.filter((l) => l?.startsWith('cpu_hang'))).toHaveLength(1);
    expect(labels.at(-1)).toBe('async_exit');
  });

  it('under the watchdog the same hang is detected and separated: every progress property holds', () => {
    const o = runCheck({ params: DEFAULT_PARAMS, readings: defaultReadings(), allViolations: true });
    for (const v of o.verdicts.filter((x) => x.fairness !== undefined)) expect(v.verdict, v.property.name).toBe('holds');
  });
});
