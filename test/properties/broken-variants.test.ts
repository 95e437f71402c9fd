/**
 * Each property must catch a deliberately broken variant of the model, with
 * the shortest trace whose length is worked out by hand below. The bugs live
 * only here: a wrapper edits the successors (or the access table) of a real
 * FtModel.
 */
import { describe, expect, it } from 'vitest';
import type { SuccessorSink } from '../../checker/index.js';
import { CPU_BIOS } from '../../hw/cpu-subsystem.js';
import { ACT, FT_EVENTS, NONE, SBY, ST1, ST10, ST2, ST3, ST4, ST5, ST6, ST7, ST8, ST9 } from '../../hw/ft-controller.js';
import { DELIVERED, MASTER_ABORT, REJECTED, REQUEST_KINDS, type AccessTable, type Outcome } from '../../hw/io-subsystem.js';
import { FtModel } from '../../model/ft-model.js';
import { CPU, JOB_DST, JOB_SRC, LINKS, MEM, MODE, ST } from '../../model/layout.js';
import { ftRuleIndex } from '../../model/rules.js';
import { DEFAULT_PARAMS } from '../../model/params.js';
import { defaultReadings } from '../../model/readings.js';
import { PROPERTIES } from '../../properties/catalogue.js';
import { isLiveness } from '../../properties/kinds.js';
import { checkModel, runCheck } from '../../properties/verify.js';

type Bug = (label: string, before: Int32Array, after: Int32Array, at: (sys: number, field: number) => number) => boolean;

/** A model whose successors pass through `bug`, which may edit them or drop them (return false). */
function withBug(bug: Bug): FtModel {
  const model = new FtModel(DEFAULT_PARAMS, defaultReadings());
  const { layout } = model;
  const before = new Int32Array(layout.size), after = new Int32Array(layout.size);
  const at = (sys: number, field: number) => layout.at(sys, field);
  const real = model.successors.bind(model);
  model.successors = (state: Uint32Array, sink: SuccessorSink) => {
    layout.decode(state, before);
    const inner: SuccessorSink = {
      out: new Uint32Array(model.stateWords),
      emit(label) {
        layout.decode(this.out, after);
        if (!bug(model.labelNames[label], before, after, at)) return;
        layout.encode(after, sink.out);
        sink.emit(label);
      },
    };
    real(state, inner);
  };
  return model;
}

/** A model whose access control returns `override` where it is not undefined. */
function withAccessBug(override: (kind: number, own: number, far: number, link: boolean) => Outcome | undefined): FtModel {
  const model = new FtModel(DEFAULT_PARAMS, defaultReadings());
  const real = model.access;
  const broken = { outcome: (k: number, o: number, f: number, l: boolean) => override(k, o, f, l) ?? real.outcome(k, o, f, l) };
  Object.defineProperty(model, 'access', { value: broken as unknown as AccessTable });
  return model;
}

function shortestViolation(model: FtModel, property: string): number {
  const o = checkModel(model, { properties: [property] });
  const v = o.verdicts[0];
  expect(v.verdict).toBe('violated');
  return o.result.graph.depthOf(v.state!);
}

const kind = (dir: string, peer: string, cross: boolean) => REQUEST_KINDS.findIndex((k) => k.dir === dir && k.peer === peer && k.cross === cross);

// The shortest way to full duplication (FIGS. 9-10 without the OS write): power_on(#0), set_act(#0),
// release_reset(#0), boot_os(#0), power_on(#1), set_sby(#1), crosslink_connect, release_reset(#1),
// bios_wait_sync(#1), sync_start, dma_copy p0, dma_copy p1, smi_source, context_copy, sync_reset (15: both ST3),
// boot_os(#0), memory_check(#0), boot_os(#1), memory_check(#1): 19 steps.
const TO_SYNC_RESET = 15;
const TO_DUPLEX = 19;


const CASES: { property: string; bug: () => FtModel; steps: number; why: string }[] = [
  {
    property: 'one-act',
    why: 'set_sby acts like set_act: power_on(#0), set_act(#0), power_on(#1), set_sby(#1)',
    steps: 4,
    bug: () => withBug((l, _b, a, at) => {
      if (l.startsWith('set_sby')) for (let i = 0; i < 2; i++) if (a[at(i, MODE)] === SBY && a[at(i, ST)] === ST6) { a[at(i, MODE)] = ACT; a[at(i, ST)] = ST1; }
      return true;
    }),
  },
  {
    property: 'online-has-act',
    why: 'set_act gives SBY: power_on(#0), set_act(#0)',
    steps: 2,
    bug: () => withBug((l, _b, a, at) => {
      if (l.startsWith('set_act')) for (let i = 0; i < 2; i++) if (a[at(i, ST)] === ST1) a[at(i, MODE)] = SBY;
      return true;
    }),
  },
  {
    property: 'pre-offline-isolated',
    why: 'ST9 lets outbound own-IO requests through; first ST9: duplex, io_disagree (buffer almost full), async_exit',
    steps: TO_DUPLEX + 2,
    bug: () => withAccessBug((k, own) => (own === ST9 && k === kind('outbound', 'own-io', false) ? DELIVERED : undefined)),
  },
  {
    property: 'fault-isolated',
    why: 'Fault delivers inbound own-IO requests: power_on(#0), cpu_fail(#0)',
    steps: 2,
    bug: () => withAccessBug((k, own) => (own === ST10 && k === kind('inbound', 'own-io', false) ? DELIVERED : undefined)),
  },
  {
    property: 'access-tables',
    why: 'Online divide rejects outbound own-IO requests that Table 3 allows: power_on(#0), set_act(#0)',
    steps: 2,
    bug: () => withAccessBug((k, own) => (own === ST1 && k === kind('outbound', 'own-io', false) ? REJECTED : undefined)),
  },
  {
    property: 'crosslink-required',
    why: 'Online divide reaches the other IO with no crosslink: power_on(#0), set_act(#0)',
    steps: 2,
    bug: () => withAccessBug((k, own, _f, link) => (own === ST1 && !link && k === kind('outbound', 'other-io', true) ? DELIVERED : undefined)),
  },
  {
    property: 'online-sync-storage-equal',
    why: 'a write in Online sync reaches only the acting system: duplex, then one write',
    steps: TO_DUPLEX + 1,
    bug: () => withBug((l, b, a, at) => {
      if (l.startsWith('cpu_write') && b[at(0, ST)] === ST4 && b[at(1, ST)] === ST4) for (let p = 0; p < 2; p++) a[at(1, MEM + p)] = b[at(1, MEM + p)];
      return true;
    }),
  },
  {
    property: 'sync-copy-complete',
    why: 'the DMA skips page 1: power_on(#0), set_act, release_reset, boot_os, cpu_write(#0,p1,v1), then the rest of the sync to the reset',
    steps: TO_SYNC_RESET + 1,
    bug: () => withBug((l, b, a, at) => {
      if (l.startsWith('dma_copy') && l.endsWith('p1)')) for (let i = 0; i < 2; i++) a[at(i, MEM + 1)] = b[at(i, MEM + 1)];
      return true;
    }),
  },
  {
    property: 'service-continuity',
    why: 'leaving Online async sends both systems to Pre offline: duplex, io_disagree, async_exit',
    steps: TO_DUPLEX + 2,
    bug: () => withBug((l, _b, a, at) => {
      if (l === 'async_exit') for (let i = 0; i < 2; i++) if (a[at(i, ST)] === ST2) a[at(i, ST)] = ST9;
      return true;
    }),
  },
  {
    property: 'failed-cpu-separated',
    why: 'a failure in Online divide leaves the system online: power_on(#0), set_act(#0), cpu_fail(#0)',
    steps: 3,
    bug: () => withBug((l, b, a, at) => {
      if (l.startsWith('cpu_fail') && b[at(0, ST)] === ST1 && a[at(0, ST)] === ST10) a[at(0, ST)] = ST1;
      return true;
    }),
  },
  {
    property: 'pre-online-sync-mode-fixed',
    why: 'the BIOS of Pre online sync switches the mode: to the synchronization reset, then boot_os',
    steps: TO_SYNC_RESET + 1,
    bug: () => withBug((l, b, a, at) => {
      if (l.startsWith('boot_os')) for (let i = 0; i < 2; i++) if (b[at(i, ST)] === ST3 && a[at(i, ST)] === ST3) a[at(i, MODE)] = a[at(i, MODE)] === ACT ? SBY : ACT;
      return true;
    }),
  },
  {
    property: 'online-async-from-online-sync',
    why: 'the synchronization reset sends the destination to Online async: FIGS. 9-10 up to T110',
    steps: TO_SYNC_RESET,
    bug: () => withBug((l, _b, a, at) => {
      if (l.startsWith('sync_reset')) for (let i = 0; i < 2; i++) if (a[at(i, ST)] === ST3 && a[at(i, MODE)] === SBY) a[at(i, ST)] = ST5;
      return true;
    }),
  },
  {
    property: 'copy-into-standby',
    why: 'synchronization start puts the destination online: FIG. 9 (9 steps) and sync_start',
    steps: 10,
    bug: () => withBug((l, b, a, at) => {
      if (l.startsWith('sync_start')) for (let i = 0; i < 2; i++) if (b[at(i, ST)] !== a[at(i, ST)]) a[at(i, ST)] = ST2;
      return true;
    }),
  },
  {
    property: 'mode-before-service',
    why: 'power-on enters Online divide with no mode: power_on(#0)',
    steps: 1,
    bug: () => withBug((l, _b, a, at) => {
      if (l.startsWith('power_on')) for (let i = 0; i < 2; i++) if (a[at(i, ST)] === ST6 && a[at(i, MODE)] === NONE) a[at(i, ST)] = ST1;
      return true;
    }),
  },
  {
    property: 'comparison-buffer-bound',
    why: 'the model lets the buffers hold B + 1 accesses: duplex, io_disagree (one held), io_out_held twice on #0',
    steps: TO_DUPLEX + 3,
    bug: () => new FtModel(DEFAULT_PARAMS, defaultReadings(), { op: 'capacity', which: 'buffer', delta: 1 }),
  },
  {
    property: 'trace-bound',
    why: 'the model lets the trace hold T + 1 entries: FIG. 9 (9 steps), sync_start (the source traces, S9), three writes of #0',
    steps: 13,
    bug: () => new FtModel(DEFAULT_PARAMS, defaultReadings(), { op: 'capacity', which: 'trace', delta: 1 }),
  },
  {
    property: 'comparison-buffer-drained',
    why: 'leaving Online async keeps the held accesses: duplex, io_disagree (one held), async_exit',
    steps: TO_DUPLEX + 2,
    bug: () => new FtModel(DEFAULT_PARAMS, defaultReadings(), { op: 'skip-effect', effect: 'async_exit.drain' }),
  },
  {
    property: 'crosslink-ends-powered',
    why: 'powering #0 on connects its crosslink to the powered-off #1: power_on(#0)',
    steps: 1,
    bug: () => withBug((l, _b, a, at) => {
      if (l === 'power_on(#0)') a[at(2, LINKS)] = 1; // the global fields follow the two systems'
      return true;
    }),
  },
  {
    property: 'service-survives-single-fault',
    why: 'a CPU failure in Online sync takes the partner down too: duplex, cpu_fail(#0)',
    steps: TO_DUPLEX + 1,
    bug: () => withBug((l, b, a, at) => {
      if (l.startsWith('cpu_fail') && b[at(0, ST)] === ST4 && b[at(1, ST)] === ST4) for (let i = 0; i < 2; i++) a[at(i, ST)] = ST10;
      return true;
    }),
  },
  {
    property: 'crosslink-state-consistent',
    why: 'connecting the crosslink leaves Online divide as it is: power_on(#0), set_act(#0), power_on(#1), set_sby(#1), crosslink_connect',
    steps: 5,
    bug: () => withBug((l, b, a, at) => {
      if (l.startsWith('crosslink_connect') && b[at(0, ST)] === ST1) a[at(0, ST)] = ST1;
      return true;
    }),
  },
  {
    property: 'disagreement-needs-copy',
    why: 'a CPU-bus disagreement in Pre online sync leaves the SBY there: FIGS. 9-10 to the reset (15), cpu_bus_disagree, boot_os(#1), memory_check(#1)',
    steps: TO_SYNC_RESET + 3,
    bug: () => new FtModel(DEFAULT_PARAMS, defaultReadings(), { op: 'unchanged', block: 'ft', rule: ftRuleIndex(FT_EVENTS.indexOf('cpu-bus-disagreement'), ST3, SBY) }),
  },
  {
    property: 'isolation-separates',
    why: 'software isolation of an Offline divide system leaves it there: power_on(#0), force_isolate(#0)',
    steps: 2,
    bug: () => new FtModel(DEFAULT_PARAMS, defaultReadings(), { op: 'unchanged', block: 'ft', rule: ftRuleIndex(FT_EVENTS.indexOf('forced-isolation'), ST6, NONE) }),
  },
  {
    property: 'copy-from-service',
    why: 'synchronization start makes the destination the job\'s source: FIG. 9 (9 steps), sync_start',
    steps: 10,
    bug: () => withBug((l, _b, a, at) => {
      if (l.startsWith('sync_start')) {
        a[at(2, JOB_SRC)] = 1;
        a[at(2, JOB_DST)] = 0;
      }
      return true;
    }),
  },
  {
    property: 'access-tables',
    why: 'Offline divide master-aborts what Table 3 only restricts (the IO of the other system): power_on(#0)',
    steps: 1,
    bug: () => withAccessBug((k, own) => (own === ST6 && k === kind('outbound', 'other-io', true) ? MASTER_ABORT : undefined)),
  },
  {
    property: 'high-speed-resync-possible',
    why: 'the partial copy of FIG. 11 is never started (everything falls back to a full copy): the first system waiting for it, after duplex, io_disagree, async_exit, smi_ack(#1)',
    steps: TO_DUPLEX + 3,
    bug: () => withBug((l) => !l.startsWith('resync_start')),
  },
  {
    property: 'redundancy-recoverable',
    why: 'the memory check of #1 never runs, so duplication is unreachable already from the initial state',
    steps: 0,
    bug: () => withBug((l) => l !== 'memory_check(#1)'),
  },
  {
    property: 'fault-has-cause',
    why: 'setting SBY mode puts the system in Fault with nothing failed: power_on(#0), set_act(#0), power_on(#1), set_sby(#1)',
    steps: 4,
    bug: () => withBug((l, b, a, at) => {
      if (l.startsWith('set_sby')) for (let i = 0; i < 2; i++) if (b[at(i, MODE)] !== SBY && a[at(i, MODE)] === SBY) a[at(i, ST)] = ST10;
      return true;
    }),
  },
  {
    property: 'online-sync-after-pre-online-sync',
    why: 'the synchronization reset sends the source straight to Online sync, skipping its memory check: FIGS. 9-10 up to T110',
    steps: TO_SYNC_RESET,
    bug: () => withBug((l, b, a, at) => {
      if (l.startsWith('sync_reset')) for (let i = 0; i < 2; i++) if (b[at(i, ST)] === ST2 && a[at(i, ST)] === ST3) a[at(i, ST)] = ST4;
      return true;
    }),
  },
  {
    property: 'recover-offline-cpus-wait',
    why: 'releasing the reset of an Offline SBY moves it to Recover offline while its BIOS runs: power_on(#0), set_act(#0) (SBY is set only beside an online ACT, S1), power_on(#1), set_sby(#1), crosslink_connect, release_reset(#1)',
    steps: 6,
    bug: () => withBug((l, b, a, at) => {
      if (l.startsWith('release_reset')) for (let i = 0; i < 2; i++) if (b[at(i, ST)] === ST7 && a[at(i, CPU)] === CPU_BIOS) a[at(i, ST)] = ST8;
      return true;
    }),
  },
  {
    property: 'copy-into-standby',
    why: 'synchronization start leaves the destination in Offline (its storage overwritten outside Recover offline): FIG. 9 (9 steps) and sync_start',
    steps: 10,
    bug: () => withBug((l, b, a, at) => {
      if (l.startsWith('sync_start')) for (let i = 0; i < 2; i++) if (b[at(i, ST)] === ST7 && a[at(i, ST)] === ST8) a[at(i, ST)] = ST7;
      return true;
    }),
  },
  {
    property: 'service-survives-single-fault',
    why: 'a crosslink loss (one failure) sends the serving ACT of Online ready to Offline divide: power_on(#0), set_act(#0), power_on(#1), set_sby(#1), crosslink_connect, crosslink_lost',
    steps: 6,
    bug: () => withBug((l, b, a, at) => {
      if (l.startsWith('crosslink_lost')) for (let i = 0; i < 2; i++) if (b[at(i, ST)] === ST2 && b[at(i, MODE)] === ACT) a[at(i, ST)] = ST6;
      return true;
    }),
  },
  {
    property: 'isolation-available',
    why: 'the controller refuses software isolation in Online divide: power_on(#0), set_act(#0)',
    steps: 2,
    bug: () => new FtModel(DEFAULT_PARAMS, defaultReadings(), { op: 'drop', block: 'ft', rule: ftRuleIndex(FT_EVENTS.indexOf('forced-isolation'), ST1, ACT) }),
  },
  {
    property: 'no-deadlock',
    why: 'nothing moves once a system is in Online sync: FIGS. 9-10 up to T115 (#0 memory check)',
    steps: TO_SYNC_RESET + 2,
    bug: () => {
      const model = withBug(() => true);
      const inner = model.successors;
      const f = new Int32Array(model.layout.size);
      model.successors = (state, sink) => {
        model.layout.decode(state, f);
        if (f[model.layout.at(0, ST)] === ST4 || f[model.layout.at(1, ST)] === ST4) return;
        inner(state, sink);
      };
      return model;
    },
  },
];

describe('every property catches its broken model with the expected shortest trace', () => {
  it('covers every invariant and graph property of the catalogue (the progress properties: liveness.test.ts)', () => {
    const safety = PROPERTIES.filter((p) => !isLiveness(p)).map((p) => p.name);
    expect([...new Set(CASES.map((c) => c.property))].sort()).toEqual(safety.sort());
  });
  for (const c of CASES) {
    it(`${c.property}: ${c.why} (${c.steps} steps)`, () => {
      expect(shortestViolation(c.bug(), c.property)).toBe(c.steps);
    });
  }
});

describe('the default model', () => {
  it('N = 2 with a larger failure budget (F = 3): every property still holds', () => {
    // three injected faults reach repairs before a mode was ever set, crosslink losses of modeless systems and
    // double faults during resynchronization: the corners where earlier versions of the model deadlocked
    const o = runCheck({ params: { ...DEFAULT_PARAMS, faults: 3 }, readings: defaultReadings(), allViolations: true });
    expect(o.complete).toBe(true);
    expect(o.verdicts.filter((v) => v.verdict !== 'holds').map((v) => v.property.name)).toEqual([]);
  });

  it('N = 2 defaults: every property holds on a complete exploration', () => {
    const o = runCheck({ params: DEFAULT_PARAMS, readings: defaultReadings(), allViolations: true });
    expect(o.complete).toBe(true);
    expect(o.verdicts.filter((v) => v.verdict !== 'holds').map((v) => v.property.name)).toEqual([]);
    // the exploration is not trivial: it reached every FT state, and every label fired
    expect(o.result.stats.states).toBeGreaterThan(10_000);
    expect(Array.from(o.result.coverage.firings).filter((f) => f === 0)).toEqual([]);
  });
});
