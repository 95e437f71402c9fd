/**
 * The readable form of a packed model state: what traces, replays, diagrams
 * and properties look at.
 */
import { CPU_PHASE_NAMES, type CpuPhase } from '../hw/cpu-subsystem.js';
import { linkUp } from '../hw/crosslink.js';
import { JOB_NAMES, type JobKind } from '../hw/dma-controller.js';
import { MODE_NAMES, STATE_NAMES, groupOf, stateLabel, type FtState, type Mode, type StateGroup } from '../hw/ft-controller.js';
import {
  ACT_SEEN, CPU, CTX, EVER_DUPLEX, FAILED, FAULTS_USED, HELD, JOB, JOB_DST, JOB_PROGRESS, JOB_SRC, LINKS, MEM, MODE,
  CORRUPTED, DISAGREED, ISOLATED, PREV_ST, RESYNC_FROM, SINCE_DUPLEX, ST, SURVIVABLE, ST3_MODE, TRACE_COUNT, TRACE_MASK, TRACING,
} from './layout.js';
import type { FtModel } from './ft-model.js';

export interface SystemView {
  readonly id: number;
  /** "ST1".."ST10", or "off" before power-on. */
  readonly state: string;
  readonly st: FtState;
  readonly name: string;
  readonly group: StateGroup;
  /** null where the system has no mode yet. */
  readonly mode: 'ACT' | 'SBY' | null;
  readonly cpu: string;
  readonly failed: boolean;
  readonly memory: number[];
  readonly trace: { readonly on: boolean; readonly entries: number; readonly pages: number[] };
  readonly heldIo: number;
  readonly contextReceived: boolean;
  /** The system a Pre offline / Recover offline system may be resynchronized from by a partial copy (S15), or null. */
  readonly resyncFrom: number | null;
  /** A DMA copy error reached this system's storage since its last full copy began. */
  readonly corrupted: boolean;
  /** History: this SBY's lock-step comparison disagreed and no copy has re-synchronized it since. */
  readonly disagreed: boolean;
  /** History: software compulsorily isolated this system and it was not reset since. */
  readonly isolated: boolean;
  /** Ghost (history) fields used by properties. */
  readonly ghost: { readonly previousState: string; readonly modeOnEnteringST3: string; readonly actSeenAtPowerOn: boolean };
}

export interface StateView {
  readonly systems: SystemView[];
  /** Connected crosslinks as pairs [a, b], a < b. */
  readonly crosslinks: [number, number][];
  readonly dma: { readonly job: string; readonly src: number | null; readonly dst: number | null; readonly progress: number };
  readonly faultsInjected: number;
  readonly ghost: {
    readonly everFullyDuplexed: boolean;
    /** Failures injected since the systems were last all in Online sync, capped at N (the sum over kinds, capped). */
    readonly faultsSinceDuplex: number;
    /** The last failure is one the service must survive: a disagreement, or a CPU failure in lock-step (cleared by the next failure or full duplication). */
    readonly survivableFault: boolean;
  };
}

const MASK_PAGES = (mask: number, pages: number): number[] => {
  const out: number[] = [];
  for (let p = 0; p < pages; p++) if (mask & (1 << p)) out.push(p);
  return out;
};

/** Decodes flat fields (see layout.ts) into a readable state. */
export function viewOfFields(model: FtModel, f: Int32Array): StateView {
  const { layout, params } = model;
  const n = params.systems;
  const systems: SystemView[] = [];
  for (let i = 0; i < n; i++) {
    const b = layout.at(i, 0);
    const st = f[b + ST] as FtState;
    const mode = f[b + MODE] as Mode;
    systems.push({
      id: i,
      state: stateLabel(st),
      st,
      name: STATE_NAMES[st],
      group: groupOf(st),
      mode: mode === 0 ? null : MODE_NAMES[mode] as 'ACT' | 'SBY',
      cpu: CPU_PHASE_NAMES[f[b + CPU] as CpuPhase],
      failed: f[b + FAILED] === 1,
      memory: Array.from({ length: params.pages }, (_, p) => f[b + MEM + p]),
      trace: { on: f[b + TRACING] === 1, entries: f[b + TRACE_COUNT], pages: MASK_PAGES(f[b + TRACE_MASK], params.pages) },
      heldIo: f[b + HELD],
      contextReceived: f[b + CTX] === 1,
      resyncFrom: f[b + RESYNC_FROM] === 0 ? null : f[b + RESYNC_FROM] - 1,
      corrupted: f[b + CORRUPTED] === 1,
      disagreed: f[b + DISAGREED] === 1,
      isolated: f[b + ISOLATED] === 1,
      ghost: {
        previousState: stateLabel(f[b + PREV_ST]),
        modeOnEnteringST3: MODE_NAMES[f[b + ST3_MODE] as Mode],
        actSeenAtPowerOn: f[b + ACT_SEEN] === 1,
      },
    });
  }
  const g = layout.global;
  const crosslinks: [number, number][] = [];
  for (let a = 0; a < n; a++) for (let c = a + 1; c < n; c++) if (linkUp(f[g + LINKS], a, c, n)) crosslinks.push([a, c]);
  const job = f[g + JOB] as JobKind;
  return {
    systems,
    crosslinks,
    dma: {
      job: JOB_NAMES[job],
      src: job === 0 ? null : f[g + JOB_SRC],
      dst: job === 0 ? null : f[g + JOB_DST],
      progress: f[g + JOB_PROGRESS],
    },
    faultsInjected: f[g + FAULTS_USED],
    ghost: {
      everFullyDuplexed: f[g + EVER_DUPLEX] === 1,
      faultsSinceDuplex: f[g + SINCE_DUPLEX],
      survivableFault: f[g + SURVIVABLE] === 1,
    },
  };
}

export function viewOf(model: FtModel, words: Uint32Array): StateView {
  const f = new Int32Array(model.layout.size);
  model.layout.decode(words, f);
  return viewOfFields(model, f);
}

/** One line per system: "#0 ST4 Online sync ACT". */
export function summarize(v: StateView): string {
  return v.systems.map((s) => `#${s.id} ${s.state} ${s.name}${s.mode ? ' ' + s.mode : ''}`).join(' | ');
}
