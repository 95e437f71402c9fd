/**
 * Read access to one packed model state for properties. Decoding is cached:
 * the explorer checks every property on the same state in turn, so the state
 * is decoded once, not once per property.
 */
import { isOnline } from '../hw/ft-controller.js';
import { REQUEST_KINDS, type Outcome } from '../hw/io-subsystem.js';
import { linkUp } from '../hw/crosslink.js';
import type { FtModel } from '../model/ft-model.js';
import {
  CPU, EVER_DUPLEX, FAILED, FAULTS_USED, JOB, JOB_DST, JOB_SRC, LINKS, MEM, MODE, PREV_ST, SINCE_DUPLEX, ST, ST3_MODE,
} from '../model/layout.js';
import type { Readings } from '../model/readings.js';

export class StateAccess {
  readonly n: number;
  readonly pages: number;
  readonly readings: Readings;
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

  constructor(readonly model: FtModel) {
    this.n = model.params.systems;
    this.pages = model.params.pages;
    this.readings = model.readings;
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
  }

  /** Decodes `words` unless they are the state decoded last. */
  load(words: Uint32Array): this {
    const w = this.last;
    let same = this.loaded;
    for (let k = 0; same && k < w.length; k++) if (w[k] !== words[k]) same = false;
    if (!same) {
      w.set(words.subarray(0, w.length));
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
  online(i: number): boolean { return isOnline(this.st(i)); }
  linked(a: number, b: number): boolean { return linkUp(this.fields[this.g + LINKS], a, b, this.n); }
  everFullyDuplexed(): boolean { return this.fields[this.g + EVER_DUPLEX] === 1; }
  faultsSinceDuplex(): number { return this.fields[this.g + SINCE_DUPLEX]; }
  copyRunning(): boolean { return this.fields[this.g + JOB] !== 0; }
  faultsInjected(): number { return this.fields[this.g + FAULTS_USED]; }

  sameStorage(a: number, b: number): boolean {
    for (let p = 0; p < this.pages; p++) if (this.page(a, p) !== this.page(b, p)) return false;
    return true;
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
