/**
 * Read access to one packed model state for properties. Decoding is cached:
 * the explorer evaluates every property on the same state in turn, so the
 * state is decoded once (straight-line code, model/layout.ts), not once per
 * property. Accessors never allocate.
 */
import { isOnline } from '../hw/ft-controller.js';
import { REQUEST_KINDS, type Outcome } from '../hw/io-subsystem.js';
import { linkUp } from '../hw/crosslink.js';
import type { FtModel } from '../model/ft-model.js';
import {
  DMA_HUNG, HUNG, CORRUPTED, CPU, EVER_DUPLEX, FAILED, FAULTS_USED, HELD, JOB, JOB_DST, JOB_SRC, LINKS, MEM, MODE, PREV_ST, RESYNC_FROM, SINCE_DUPLEX, SURVIVABLE, ST, DISAGREED, ISOLATED,
  ST3_MODE, TRACE_COUNT, TRACE_MASK, TRACING,
} from '../model/layout.js';
import type { Readings } from '../model/readings.js';

const STATE_VALUES = 11; // OFF and ST1..ST10
let memoSlots = 0;

/** A slot for one memo table per StateAccess (see memoTable), taken once at module load. */
export function newMemoSlot(): number {
  return memoSlots++;
}

export class StateAccess {
  readonly n: number;
  readonly pages: number;
  readonly readings: Readings;
  /** The capacities the patent's parameters give (not what a mutated model may use). */
  readonly bufferCapacity: number;
  readonly traceCapacity: number;
  private readonly fields: Int32Array;
  private readonly last: Uint32Array;
  private loaded = false;
  private readonly ps: number;
  private readonly g: number;
  /**
   * Per system, every request its CPU can make or receive as (kind, far)
   * pairs: kind indexes REQUEST_KINDS, far is the other system of a
   * cross-system kind (-1 otherwise).
   */
  readonly requests: readonly Int32Array[];
  /** The number of distinct neighbourhood(i) values. */
  readonly neighbourhoods: number;
  private readonly memos: (Int32Array | undefined)[] = [];

  constructor(readonly model: FtModel) {
    this.n = model.params.systems;
    this.pages = model.params.pages;
    this.readings = model.readings;
    this.bufferCapacity = model.params.buffer;
    this.traceCapacity = model.params.trace;
    this.fields = new Int32Array(model.layout.size);
    this.last = new Uint32Array(model.stateWords);
    this.ps = model.layout.perSystem;
    this.g = model.layout.global;
    this.requests = Array.from({ length: this.n }, (_, i) => {
      const pairs: number[] = [];
      REQUEST_KINDS.forEach((k, kind) => {
        if (!k.cross) pairs.push(kind, -1);
        else for (let j = 0; j < this.n; j++) if (j !== i) pairs.push(kind, j);
      });
      return Int32Array.from(pairs);
    });
    this.neighbourhoods = STATE_VALUES * (STATE_VALUES * 2) ** (this.n - 1);
  }

  /**
   * What every IO request of or to system i meets, as a number below
   * `neighbourhoods`: its state and, per other system, that system's state
   * and whether the crosslink to it is up (the arguments of outcomeOf(i, ..)
   * and of outcomeOf(j, .., i)).
   */
  neighbourhood(i: number): number {
    let key = this.st(i);
    for (let j = 0; j < this.n; j++) if (j !== i) key = (key * STATE_VALUES + this.st(j)) * 2 + (this.linked(i, j) ? 1 : 0);
    return key;
  }

  /** The memo table of `slot` for this model: n * neighbourhoods int32, -2 where nothing is memoized yet. */
  memoTable(slot: number): Int32Array {
    let m = this.memos[slot];
    if (m === undefined) this.memos[slot] = m = new Int32Array(this.n * this.neighbourhoods).fill(-2);
    return m;
  }

  /** Decodes `words` unless they are the state decoded last. */
  load(words: Uint32Array): this {
    const w = this.last;
    let same = this.loaded;
    for (let k = 0; same && k < w.length; k++) if (w[k] !== words[k]) same = false;
    if (!same) {
      for (let k = 0; k < w.length; k++) w[k] = words[k];
      this.model.layout.decode(words, this.fields);
      this.loaded = true;
    }
    return this;
  }

  st(i: number): number { return this.fields[i * this.ps + ST]; }
  mode(i: number): number { return this.fields[i * this.ps + MODE]; }
  cpu(i: number): number { return this.fields[i * this.ps + CPU]; }
  failed(i: number): boolean { return this.fields[i * this.ps + FAILED] === 1; }
  page(i: number, p: number): number { return this.fields[i * this.ps + MEM + p]; }
  previousState(i: number): number { return this.fields[i * this.ps + PREV_ST]; }
  modeOnEnteringST3(i: number): number { return this.fields[i * this.ps + ST3_MODE]; }
  /** Accesses held in the comparison buffers 131/132 of system i. */
  held(i: number): number { return this.fields[i * this.ps + HELD]; }
  tracing(i: number): boolean { return this.fields[i * this.ps + TRACING] === 1; }
  /** Entries in system i's main storage access trace. */
  traceCount(i: number): number { return this.fields[i * this.ps + TRACE_COUNT]; }
  tracedPages(i: number): number { return this.fields[i * this.ps + TRACE_MASK]; }
  /** A DMA copy error reached system i's storage since its last full copy began. */
  corrupted(i: number): boolean { return this.fields[i * this.ps + CORRUPTED] === 1; }
  online(i: number): boolean { return isOnline(this.st(i)); }
  /** S18: system i's CPU subsystem has stopped responding (a hang not yet detected). */
  hung(i: number): boolean { return this.fields[i * this.ps + HUNG] === 1; }
  /** Failures injected and not detected yet: hung CPU subsystems, a hung DMA controller, corrupted storage. */
  undetectedFailures(): number {
    let k = this.fields[this.g + DMA_HUNG];
    for (let i = 0; i < this.n; i++) k += this.fields[i * this.ps + HUNG] + this.fields[i * this.ps + CORRUPTED];
    return k;
  }
  /** Online and responding: actually providing the service (a hung online system provides none). */
  serving(i: number): boolean { return this.online(i) && !this.hung(i); }
  powered(i: number): boolean { return this.st(i) !== 0; }
  linked(a: number, b: number): boolean { return linkUp(this.fields[this.g + LINKS], a, b, this.n); }
  everFullyDuplexed(): boolean { return this.fields[this.g + EVER_DUPLEX] === 1; }
  /** Failures of every kind since the systems were last all in Online sync, capped at N. */
  faultsSinceDuplex(): number { return this.fields[this.g + SINCE_DUPLEX]; }
  /** The last failure injected is one the service must survive (a disagreement, or a CPU failure in lock-step), and none came since. */
  survivableFault(): boolean { return this.fields[this.g + SURVIVABLE] === 1; }
  /** History: SBY i's lock-step comparison disagreed and no copy re-synchronized it since. */
  disagreed(i: number): boolean { return this.fields[i * this.ps + DISAGREED] === 1; }
  /** History: software compulsorily isolated system i and it was not reset since. */
  isolated(i: number): boolean { return this.fields[i * this.ps + ISOLATED] === 1; }
  /** The system the running copy reads (D5), or -1. */
  copySource(): number {
    return this.copyRunning() ? this.model.copyFromOf(this.fields[this.g + JOB_SRC], this.fields[this.g + JOB_DST]) : -1;
  }
  copyRunning(): boolean { return this.fields[this.g + JOB] !== 0; }
  /** The running copy job: 0 none, 1 full copy, 2 partial copy (hw/dma-controller.ts). */
  jobKind(): number { return this.fields[this.g + JOB]; }
  /** The system a waiting system may be resynchronized from by a partial copy (its former partner), or -1. */
  resyncFrom(i: number): number { return this.fields[i * this.ps + RESYNC_FROM] - 1; }
  faultsInjected(): number { return this.fields[this.g + FAULTS_USED]; }

  sameStorage(a: number, b: number): boolean {
    for (let p = 0; p < this.pages; p++) if (this.page(a, p) !== this.page(b, p)) return false;
    return true;
  }

  /** The first page where a and b differ, or -1. */
  firstDifference(a: number, b: number): number {
    for (let p = 0; p < this.pages; p++) if (this.page(a, p) !== this.page(b, p)) return p;
    return -1;
  }

  /** The system the running copy writes into (D5), or -1. */
  copyTarget(): number {
    return this.copyRunning() ? this.model.copyToOf(this.fields[this.g + JOB_SRC], this.fields[this.g + JOB_DST]) : -1;
  }

  /**
   * What the modelled hardware does with request kind `kind` (an index into
   * REQUEST_KINDS) of system `i`'s CPU (outbound) or to it (inbound). `far` is
   * the other system of a cross-system kind, else ignored.
   */
  outcomeOf(i: number, kind: number, far: number): Outcome {
    const cross = REQUEST_KINDS[kind].cross;
    return this.model.access.outcome(kind, this.st(i), cross ? this.st(far) : 0, cross ? this.linked(i, far) : true);
  }
}
