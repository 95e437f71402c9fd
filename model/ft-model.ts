/**
 * The product automaton of N systems: every global action synchronises the
 * blocks of hw/ that share it (FT controllers, CPU subsystems, main storage,
 * DMA controller, crosslinks, board controller), passing values between them
 * (e.g. a memory check reads both systems' pages). The actions live in
 * model/phases/, one file per part of the patent:
 *
 *   power-on.ts   FIG. 9   power-on reset, ACT/SBY, BIOS and OS, crosslinks
 *   sync.ts       FIG. 10  synchronization: copy, SMI, context, sync reset, memory check
 *   resync.ts     FIG. 11  leaving Online async, SMI ACK, partial copy
 *   failures.ts            failures, forced isolation, repair, crosslink loss
 *   io.ts                  CPU writes, IO comparison buffers, disagreements
 *
 * It implements the explorer's PackedSystem: the state being expanded is
 * decoded once, successors are written into the explorer's buffer in place,
 * nothing is allocated per state (model/kernel.ts).
 */
import type { LabelId, PackedSystem, SuccessorSink } from '../checker/transition-system.js';
import type { AccessTable } from '../hw/io-subsystem.js';
import { isOnline } from '../hw/ft-controller.js';
import { Kernel } from './kernel.js';
import type { LabelTable } from './labels.js';
import type { Layout } from './layout.js';
import { ST } from './layout.js';
import type { Mutation } from './mutation.js';
import type { Params } from './params.js';
import { cpuFail, cpuHang, crosslinkLost, dmaHang, dmaTimeout, forceIsolate, hangTimeout, repairReset } from './phases/failures.js';
import { cpuWrite, disagreement, ioOutHeld, mayWrite } from './phases/io.js';
import { biosWaitSync, bootOs, crosslinkConnect, powerOn, releaseReset, setMode } from './phases/power-on.js';
import { asyncExit, resyncStart, smiAck } from './phases/resync.js';
import { contextCopy, copyError, copyFromOf, copyToOf, dmaCopy, memoryCheck, smiSource, syncReset, syncStart } from './phases/sync.js';
import type { Readings } from './readings.js';

export class FtModel implements PackedSystem {
  readonly stateWords: number;
  readonly labelNames: readonly string[];
  readonly layout: Layout;
  readonly labels: LabelTable;
  /** Tables 3-4 access control compiled for these readings. */
  readonly access: AccessTable;
  /** Rule coverage (model/rules.ts for the index space); accumulates over every successors() call. */
  readonly counters: Float64Array;
  /** Which block table entries were read (model/kernel.ts); accumulates like the counters. */
  readonly consulted: Uint8Array;
  private readonly k: Kernel;

  constructor(readonly params: Params, readonly readings: Readings, readonly mutation: Mutation | null = null) {
    this.k = new Kernel(params, readings, mutation);
    this.layout = this.k.layout;
    this.stateWords = this.k.words;
    this.labels = this.k.ids.table;
    this.labelNames = this.labels.names;
    this.access = this.k.access;
    this.counters = this.k.counters;
    this.consulted = this.k.consulted;
  }

  /** All systems powered off; power-on order is free ([0083]-[0084]). */
  initial(sink: SuccessorSink): void {
    sink.out.fill(0, 0, this.stateWords);
    sink.emit(0 as LabelId);
  }

  /** Service lost: no system online. Only a new power-on would restart it ([0083]). */
  isTerminal(state: Uint32Array): boolean {
    const { layout } = this;
    for (let i = 0; i < this.params.systems; i++) if (isOnline(layout.rd(state, layout.at(i, ST)))) return false;
    return true;
  }

  successors(state: Uint32Array, sink: SuccessorSink): void {
    const k = this.k;
    k.load(state, sink);
    k.passes = 1;
    for (k.pass = 0; k.pass < k.passes; k.pass++) this.everyAction(k);
  }

  private everyAction(k: Kernel): void {
    const n = k.n;
    for (let i = 0; i < n; i++) {
      powerOn(k, i);
      setMode(k, i);
      releaseReset(k, i);
      bootOs(k, i);
      biosWaitSync(k, i);
      for (let j = i + 1; j < n; j++) {
        crosslinkConnect(k, i, j);
        crosslinkLost(k, i, j);
      }
      if (mayWrite(k, i)) for (let p = 0; p < k.pages; p++) for (let v = 0; v < k.values; v++) cpuWrite(k, i, p, v);
      ioOutHeld(k, i);
      cpuFail(k, i);
      forceIsolate(k, i);
      smiAck(k, i);
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        syncStart(k, i, j);
        resyncStart(k, i, j);
      }
      memoryCheck(k, i);
      repairReset(k, i);
      cpuHang(k, i);
      hangTimeout(k, i);
    }
    disagreement(k, false);
    disagreement(k, true);
    asyncExit(k);
    dmaCopy(k);
    copyError(k);
    smiSource(k);
    contextCopy(k);
    syncReset(k);
    dmaHang(k);
    dmaTimeout(k);
  }

  /** D5: the system a copy between source `src` (Online ready) and destination `dst` (Recover offline) reads. */
  copyFromOf(src: number, dst: number): number {
    return copyFromOf(this.k, src, dst);
  }

  /** D5: the system whose main storage that copy writes. */
  copyToOf(src: number, dst: number): number {
    return copyToOf(this.k, src, dst);
  }

  /** The capacities the model uses (the parameters unless a mutation shifts one). */
  get capacities(): { readonly buffer: number; readonly trace: number } {
    return { buffer: this.k.bufferCap, trace: this.k.traceCap };
  }
}
