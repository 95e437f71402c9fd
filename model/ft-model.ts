/**
 * The product automaton of N systems: every global action synchronises the
 * blocks of hw/ that share it (FT controllers, CPU subsystems, main storage,
 * DMA controller, crosslinks, board controller), passing values between them
 * (e.g. a memory check reads both systems' pages). It implements the
 * explorer's PackedSystem directly: block rules are compiled into lookup
 * tables once, and successors are produced without allocating.
 */
import type { LabelId, PackedSystem, SuccessorSink } from '../checker/transition-system.js';
import { decidesAct } from '../hw/board-controller.js';
import { asyncExitDue, canHoldAnother } from '../hw/comparison-buffer.js';
import {
  CPU_BIOS, CPU_EVENTS, CPU_OS, CPU_PHASE_COUNT, CPU_RESET, CPU_SMM, CPU_WAIT_SYNC, cpuStep,
  type CpuEvent, type CpuPhase,
} from '../hw/cpu-subsystem.js';
import { anyLink, connect, disconnect, linkUp } from '../hw/crosslink.js';
import { JOB_FULL, JOB_IDLE, JOB_PARTIAL, nextCopyPage, type JobKind } from '../hw/dma-controller.js';
import {
  ACT, FT_EVENTS, FT_STATE_COUNT, MODE_COUNT, NONE, OFF, SBY, ST1, ST10, ST2, ST3, ST4, ST5, ST6, ST7, ST8, ST9,
  ftStep, isLockstep, isOnline, type FtEvent, type FtState, type Mode,
} from '../hw/ft-controller.js';
import { AccessTable, DELIVERED, INBOUND_CROSS_DMA } from '../hw/io-subsystem.js';
import { copyPage, pagesEqual } from '../hw/main-storage.js';
import { RECORDED, STALLED, traceWrite } from '../hw/ft-trace.js';
import {
  ACT_SEEN, CPU, CTX, EVER_DUPLEX, FAILED, FAULTS_USED, HELD, JOB, JOB_DST, JOB_PROGRESS, JOB_SRC, LINKS, Layout,
  MEM, MODE, PREV_ST, RESYNC_FROM, SINCE_DUPLEX, ST, ST3_MODE, TRACE_COUNT, TRACE_MASK, TRACING,
} from './layout.js';
import { LabelTable, type Label } from './labels.js';
import type { Params } from './params.js';
import type { Readings } from './readings.js';

const ev = (e: FtEvent): number => FT_EVENTS.indexOf(e);
const E_POWER_ON = ev('power-on-reset'), E_SET_ACT = ev('set-act'), E_SET_SBY = ev('set-sby'),
  E_DISPLACED = ev('displaced-by-sby'), E_LINK = ev('crosslink-connected'), E_RECOVER = ev('recover-mode'),
  E_RESET_SRC = ev('sync-reset-source'), E_RESET_DST = ev('sync-reset-destination'), E_ASSIGN_ACT = ev('assign-act'),
  E_ASSIGN_SBY = ev('assign-sby'), E_CHECK_OK = ev('memory-check-passed'), E_CHECK_FAIL = ev('memory-check-failed'),
  E_BUS_DISAGREE = ev('cpu-bus-disagreement'), E_IO_DISAGREE = ev('io-disagreement'), E_ASYNC_EXIT = ev('async-exit'),
  E_SMI_ACK = ev('smi-ack-all'), E_FAIL = ev('explicit-failure'), E_ST3_SBY_OUT = ev('st3-sby-separated'),
  E_LEFT_ALONE = ev('left-alone'), E_ACT_FAILED_ASYNC = ev('act-failed-in-async'), E_PROMOTE = ev('promote'),
  E_REPAIR = ev('repair-reset'), E_ISOLATE = ev('forced-isolation'), E_LINK_DIVIDE = ev('link-divide'), E_LINK_LEAVE = ev('link-leave-group');
const cev = (e: CpuEvent): number => CPU_EVENTS.indexOf(e);
const C_POWER_ON = cev('power-on-reset'), C_RELEASE = cev('release-reset'), C_BOOT = cev('boot-os'),
  C_WAIT = cev('bios-wait-sync'), C_SMI = cev('smi'), C_SYNC_RESET = cev('sync-reset'), C_REPAIR = cev('repair-reset');

export class FtModel implements PackedSystem {
  readonly stateWords: number;
  readonly labelNames: readonly string[];
  readonly layout: Layout;
  readonly labels: LabelTable;
  private readonly n: number;
  private readonly pages: number;
  private readonly values: number;
  /** Per-system field count. */
  private readonly ps: number;
  private readonly g: number;
  /** The state being expanded and the successor being built (the sink's buffer): packed words, read and written in place. */
  private cur: Uint32Array;
  private nxt: Uint32Array;
  private readonly wordOf: Int32Array;
  private readonly shiftOf: Int32Array;
  private readonly maskOf: Uint32Array;
  private readonly ftTable: Int8Array;
  private readonly cpuTable: Int8Array;
  private readonly ids: Record<string, Int32Array>;
  /** Tables 3-4 access control compiled for these readings. */
  readonly access: AccessTable;

  constructor(readonly params: Params, readonly readings: Readings) {
    this.layout = new Layout(params);
    this.stateWords = this.layout.words;
    this.n = params.systems;
    this.pages = params.pages;
    this.values = params.values;
    this.ps = this.layout.perSystem;
    this.g = this.layout.global;
    this.cur = new Uint32Array(this.layout.words);
    this.nxt = new Uint32Array(this.layout.words);
    this.wordOf = this.layout.word;
    this.shiftOf = this.layout.shift;
    this.maskOf = this.layout.mask;
    this.ftTable = compileFtTable(readings);
    this.cpuTable = compileCpuTable();
    this.access = new AccessTable(readings);
    this.labels = new LabelTable();
    this.ids = this.enumerateLabels();
    this.labelNames = this.labels.names;
  }

  // ---- PackedSystem -------------------------------------------------------

  /** All systems powered off; power-on order is free ([0083]-[0084]). */
  initial(sink: SuccessorSink): void {
    sink.out.fill(0, 0, this.stateWords);
    sink.emit(0 as LabelId);
  }

  /** Service lost: no system online. Only a new power-on would restart it ([0083]). */
  isTerminal(state: Uint32Array): boolean {
    for (let i = 0; i < this.n; i++) if (isOnline(this.rd(state, i * this.ps + ST))) return false;
    return true;
  }

  successors(state: Uint32Array, sink: SuccessorSink): void {
    this.cur = state;
    this.nxt = sink.out;
    const n = this.n;
    for (let i = 0; i < n; i++) {
      this.powerOn(i, sink);
      this.setMode(i, sink);
      this.releaseReset(i, sink);
      this.bootOs(i, sink);
      this.biosWaitSync(i, sink);
      for (let j = i + 1; j < n; j++) {
        this.crosslinkConnect(i, j, sink);
        this.crosslinkLost(i, j, sink);
      }
      if (this.mayWrite(i)) for (let p = 0; p < this.pages; p++) for (let v = 0; v < this.values; v++) this.cpuWrite(i, p, v, sink);
      this.ioOutHeld(i, sink);
      this.cpuFail(i, sink);
      this.forceIsolate(i, sink);
      this.smiAck(i, sink);
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        this.syncStart(i, j, sink);
        this.resyncStart(i, j, sink);
      }
      this.memoryCheck(i, sink);
      this.repairReset(i, sink);
    }
    this.disagreement(false, sink);
    this.disagreement(true, sink);
    this.asyncExit(sink);
    this.dmaCopy(sink);
    this.smiSource(sink);
    this.contextCopy(sink);
    this.syncReset(sink);
  }

  // ---- small helpers --------------------------------------------------------

  private f(sys: number, field: number): number {
    return sys * this.ps + field;
  }

  /** Applies FT event `e` to system i of `s`; false when the controller does not accept it. */
  private ft(s: Uint32Array, i: number, e: number): boolean {
    const b = i * this.ps;
    const r = this.ftTable[(e * FT_STATE_COUNT + this.rd(s, b + ST)) * MODE_COUNT + this.rd(s, b + MODE)];
    if (r < 0) return false;
    this.wr(s, b + ST, (r / MODE_COUNT) | 0);
    this.wr(s, b + MODE, r % MODE_COUNT);
    return true;
  }

  private cpu(s: Uint32Array, i: number, e: number): boolean {
    const k = i * this.ps + CPU;
    const r = this.cpuTable[e * CPU_PHASE_COUNT + this.rd(s, k)];
    if (r < 0) return false;
    this.wr(s, k, r);
    return true;
  }

  private rd(words: Uint32Array, k: number): number {
    return (words[this.wordOf[k]] >>> this.shiftOf[k]) & this.maskOf[k];
  }

  private wr(words: Uint32Array, k: number, v: number): void {
    const w = this.wordOf[k], sh = this.shiftOf[k], m = this.maskOf[k] << sh;
    words[w] = (words[w] & ~m) | ((v << sh) & m);
  }

  /** Starts a successor: the sink's buffer becomes a copy of the current state. */
  private begin(): Uint32Array {
    const c = this.cur, s = this.nxt;
    for (let k = 0; k < this.stateWords; k++) s[k] = c[k];
    return s;
  }

  /**
   * Finishes a successor: history (ghost) fields of the systems whose state
   * changed, normalisation of those that left service, the duplex ghost; then
   * hands the sink's buffer to the explorer.
   */
  private emit(sink: SuccessorSink, id: number): void {
    const c = this.cur, s = this.nxt, ps = this.ps;
    let allSync = true;
    let changed = false;
    for (let i = 0; i < this.n; i++) {
      const b = i * ps;
      const st = this.rd(s, b + ST);
      if (st !== ST4) allSync = false;
      const before = this.rd(c, b + ST);
      if (st === before) continue; // ST3_MODE is NONE outside ST3 already
      changed = true;
      this.wr(s, b + PREV_ST, before);
      this.wr(s, b + ST3_MODE, st === ST3 ? this.rd(s, b + MODE) : NONE);
      // A system that leaves service keeps no stale data: its pages are rewritten by a full copy before use.
      if (st === ST10 || st === ST7 || st === ST6) {
        for (let p = 0; p < this.pages; p++) this.wr(s, b + MEM + p, 0);
        this.wr(s, b + RESYNC_FROM, 0);
      }
    }
    // S15: a pending partial copy is owed by a partner that stays Online ready; once it leaves, the difference is gone.
    if (changed) {
      for (let j = 0; j < this.n; j++) {
        const from = this.rd(s, j * ps + RESYNC_FROM);
        if (from !== 0 && this.rd(s, (from - 1) * ps + ST) !== ST2) this.wr(s, j * ps + RESYNC_FROM, 0);
      }
    }
    if (allSync) {
      this.wr(s, this.g + EVER_DUPLEX, 1);
      this.wr(s, this.g + SINCE_DUPLEX, 0);
    }
    sink.emit(id as LabelId);
  }

  private st(s: Uint32Array, i: number): number {
    return this.rd(s, i * this.ps + ST);
  }

  private linked(s: Uint32Array, a: number, b: number): boolean {
    return linkUp(this.rd(s, this.g + LINKS), a, b, this.n);
  }

  /** [0064] [0065]: count of systems still in a lock-step state (ST3, ST4, ST5). */
  private lockstepCount(s: Uint32Array): number {
    let k = 0;
    for (let i = 0; i < this.n; i++) if (isLockstep(this.st(s, i))) k++;
    return k;
  }

  private injectFault(s: Uint32Array): void {
    this.wr(s, this.g + FAULTS_USED, this.rd(s, this.g + FAULTS_USED) + 1);
    if (this.rd(s, this.g + SINCE_DUPLEX) < this.n) this.wr(s, this.g + SINCE_DUPLEX, this.rd(s, this.g + SINCE_DUPLEX) + 1);
  }

  private clearTrace(s: Uint32Array, i: number): void {
    const b = i * this.ps;
    this.wr(s, b + TRACING, 0);
    this.wr(s, b + TRACE_COUNT, 0);
    this.wr(s, b + TRACE_MASK, 0);
    this.wr(s, b + HELD, 0);
  }

  /**
   * After one or more systems were separated from a lock-step group: promote a
   * surviving SBY if the ACT was lost (S3), and send a lone survivor to the
   * state S4 names. A survivor that leaves lock-step stops tracing.
   */
  private afterSeparation(s: Uint32Array, actLost: boolean): void {
    if (actLost) {
      let hasAct = false;
      for (let i = 0; i < this.n; i++) if (isOnline(this.st(s, i)) && this.rd(s, this.f(i, MODE)) === ACT) hasAct = true;
      if (!hasAct) {
        for (let i = 0; i < this.n; i++) {
          if (isOnline(this.st(s, i)) && this.rd(s, this.f(i, MODE)) === SBY) {
            this.ft(s, i, E_PROMOTE);
            break;
          }
        }
      }
    }
    if (this.lockstepCount(s) === 1) {
      for (let i = 0; i < this.n; i++) {
        if (!isLockstep(this.st(s, i))) continue;
        this.ft(s, i, E_LEFT_ALONE);
        if (!isLockstep(this.st(s, i))) this.clearTrace(s, i);
      }
    }
  }

  /**
   * A copy whose source or destination was separated is abandoned (the text is
   * silent): a source waiting in SMM returns to its OS and stops tracing.
   */
  private abortJobOf(s: Uint32Array, i: number): void {
    const g = this.g;
    if (this.rd(s, g + JOB) === JOB_IDLE) return;
    const src = this.rd(s, g + JOB_SRC);
    if (src !== i && this.rd(s, g + JOB_DST) !== i) return;
    // the traced difference goes with the abandoned copy: only a full copy can synchronize the destination now
    const dst = this.rd(s, g + JOB_DST);
    if (this.rd(s, this.f(dst, RESYNC_FROM)) === src + 1) this.wr(s, this.f(dst, RESYNC_FROM), 0);
    if (src !== i) {
      this.wr(s, this.f(src, TRACING), 0);
      this.wr(s, this.f(src, TRACE_COUNT), 0);
      this.wr(s, this.f(src, TRACE_MASK), 0);
      if (this.rd(s, this.f(src, CPU)) === CPU_SMM) this.wr(s, this.f(src, CPU), CPU_OS);
    }
    this.wr(s, this.f(dst, CTX), 0);
    this.wr(s, g + JOB, JOB_IDLE);
    this.wr(s, g + JOB_SRC, 0);
    this.wr(s, g + JOB_DST, 0);
    this.wr(s, g + JOB_PROGRESS, 0);
  }

  /** An Online ready system traces for a resynchronization only while a partner still awaits it (ST9, or ST8 in SMM). */
  private dropOrphanTrace(s: Uint32Array): void {
    if (this.rd(s, this.g + JOB) !== JOB_IDLE) return;
    for (let j = 0; j < this.n; j++) {
      const st = this.st(s, j);
      if (st === ST9 || (st === ST8 && this.rd(s, this.f(j, CPU)) === CPU_SMM)) return;
    }
    for (let j = 0; j < this.n; j++) if (this.st(s, j) === ST2) this.clearTrace(s, j);
  }

  /** Whether some system other than `except` waits in ST9/ST8 for a partial copy from `src`. */
  private owesPartialCopy(c: Uint32Array, src: number, except: number): boolean {
    for (let j = 0; j < this.n; j++) {
      if (j === except || this.rd(c, this.f(j, RESYNC_FROM)) !== src + 1) continue;
      const st = this.st(c, j);
      if (st === ST9 || st === ST8) return true;
    }
    return false;
  }

  /** The ACT among systems in state `st` (lowest index), or -1. */
  private actAmong(c: Uint32Array, st: number): number {
    for (let i = 0; i < this.n; i++) if (this.st(c, i) === st && this.rd(c, this.f(i, MODE)) === ACT) return i;
    return -1;
  }

  private onlineActOther(s: Uint32Array, i: number): boolean {
    for (let j = 0; j < this.n; j++) if (j !== i && isOnline(this.st(s, j)) && this.rd(s, this.f(j, MODE)) === ACT) return true;
    return false;
  }

  // ---- board controller 101 ----------------------------------------------------

  /** [0083] T100, [0069]: power-on reset puts the system in Offline divide ST6. */
  private powerOn(i: number, sink: SuccessorSink): void {
    if (this.st(this.cur, i) !== OFF) return;
    const s = this.begin();
    this.ft(s, i, E_POWER_ON);
    this.cpu(s, i, C_POWER_ON);
    this.wr(s, this.f(i, ACT_SEEN), this.onlineActOther(s, i) ? 1 : 0);
    this.emit(sink, this.ids.power_on[i]);
  }

  /** [0083] T101 / [0084] T201: the board controller sets ACT (-> ST1) or SBY (stays ST6); [0061], S1. */
  private setMode(i: number, sink: SuccessorSink): void {
    const c = this.cur;
    // the board controller decides at power-on, while the reset is held (T101 before T102)
    if (this.st(c, i) !== ST6 || this.rd(c, this.f(i, MODE)) !== NONE || this.rd(c, this.f(i, CPU)) !== CPU_RESET) return;
    const act = decidesAct(this.onlineActOther(c, i), this.rd(c, this.f(i, ACT_SEEN)) === 1, this.readings);
    const s = this.begin();
    this.wr(s, this.f(i, ACT_SEEN), 0);
    if (act) {
      this.ft(s, i, E_SET_ACT);
      this.emit(sink, this.ids.set_act[i]);
      return;
    }
    this.ft(s, i, E_SET_SBY);
    // D4: read as written, #0 "remains in Offline divide" when #1 is set SBY.
    if (this.readings['D4-act-when-sby-set'] === 'as-written') for (let j = 0; j < this.n; j++) if (j !== i) this.ft(s, j, E_DISPLACED);
    this.emit(sink, this.ids.set_sby[i]);
  }

  // ---- CPU subsystem 110 -------------------------------------------------------

  /** [0083] T102, [0084] T202: power-on reset released once the mode is set. */
  private releaseReset(i: number, sink: SuccessorSink): void {
    const c = this.cur, st = this.st(c, i);
    if (this.rd(c, this.f(i, CPU)) !== CPU_RESET || st === OFF || st === ST10) return;
    if (st === ST6 && this.rd(c, this.f(i, MODE)) === NONE) return; // T101/T201 come before T102/T202
    const s = this.begin();
    this.cpu(s, i, C_RELEASE);
    this.emit(sink, this.ids.release_reset[i]);
  }

  /** [0083] T103-T104, [0091] T111-T113, [0092] T207-T209: BIOS boots or returns to the OS of an online system. */
  private bootOs(i: number, sink: SuccessorSink): void {
    const c = this.cur;
    if (this.rd(c, this.f(i, CPU)) !== CPU_BIOS || !isOnline(this.st(c, i))) return;
    const s = this.begin();
    this.cpu(s, i, C_BOOT);
    this.emit(sink, this.ids.boot_os[i]);
  }

  /** [0086] T205: an offline system loops in BIOS waiting for synchronization. */
  private biosWaitSync(i: number, sink: SuccessorSink): void {
    const c = this.cur, st = this.st(c, i);
    if (this.rd(c, this.f(i, CPU)) !== CPU_BIOS || !(st === ST6 || st === ST7 || st === ST8)) return;
    const s = this.begin();
    this.cpu(s, i, C_WAIT);
    this.emit(sink, this.ids.bios_wait_sync[i]);
  }

  /**
   * [0034] [0045]: the CPU writes page p. Systems in Pre online sync / Online
   * sync write together in lock-step; in Online async each writes alone; a
   * system whose FT controller traces records the page ([0047], S11).
   * Called only when mayWrite(i).
   */
  /** Whether system i's CPU can write now: online, running its OS; in ST3/ST4 it acts for its lock-step group. */
  private mayWrite(i: number): boolean {
    const c = this.cur, st = this.st(c, i);
    if (!isOnline(st) || this.rd(c, this.f(i, CPU)) !== CPU_OS) return false;
    if (st !== ST3 && st !== ST4) return true;
    for (let j = 0; j < this.n; j++) {
      if (!this.inGroupOf(c, i, j)) continue;
      if (j < i || this.rd(c, this.f(j, CPU)) !== CPU_OS) return false; // the lowest member acts for the group; all must run
    }
    return true;
  }

  /** j runs in lock-step with i (Pre online sync / Online sync) over a connected crosslink; i itself counts. */
  private inGroupOf(c: Uint32Array, i: number, j: number): boolean {
    const sj = this.st(c, j);
    return (sj === ST3 || sj === ST4) && (j === i || this.linked(c, i, j));
  }

  private cpuWrite(i: number, p: number, v: number, sink: SuccessorSink): void {
    const c = this.cur, st = this.st(c, i);
    if (this.rd(c, this.f(i, MEM + p)) === v) return;
    const together = st === ST3 || st === ST4;
    const s = this.begin();
    for (let j = 0; j < this.n; j++) {
      const writes = together ? this.inGroupOf(c, i, j) : j === i;
      if (!writes) continue;
      if (this.rd(s, this.f(j, TRACING)) === 1) {
        const r = traceWrite(this.rd(s, this.f(j, TRACE_COUNT)), this.params.trace, this.readings);
        if (r === STALLED) return;
        if (r === RECORDED) {
          this.wr(s, this.f(j, TRACE_COUNT), this.rd(s, this.f(j, TRACE_COUNT)) + 1);
          this.wr(s, this.f(j, TRACE_MASK), this.rd(s, this.f(j, TRACE_MASK)) | (1 << p));
        }
      }
      this.wr(s, this.f(j, MEM + p), v);
    }
    this.emit(sink, this.ids.cpu_write[(i * this.pages + p) * this.values + v]);
  }

  /** [0042]: in Online async an outbound IO access is held in comparison buffers 131/132 while they have room. */
  private ioOutHeld(i: number, sink: SuccessorSink): void {
    const c = this.cur;
    if (this.st(c, i) !== ST5 || this.rd(c, this.f(i, CPU)) !== CPU_OS) return;
    if (!canHoldAnother(this.rd(c, this.f(i, HELD)), this.params.buffer)) return;
    const s = this.begin();
    this.wr(s, this.f(i, HELD), this.rd(s, this.f(i, HELD)) + 1);
    this.emit(sink, this.ids.io_out_held[i]);
  }

  // ---- failure injection ---------------------------------------------------------

  /**
   * Explicit failure of system i's CPU subsystem: [0065] separated from Online
   * sync, [0067] SBY from Online async, [0073] any state; [0064] (S5) ACT in
   * Pre online sync; S6 ACT in Online async.
   */
  private cpuFail(i: number, sink: SuccessorSink): void {
    const c = this.cur, st = this.st(c, i);
    if (this.rd(c, this.g + FAULTS_USED) >= this.params.faults) return;
    if (st === OFF || st === ST10 || this.rd(c, this.f(i, FAILED)) === 1) return;
    const wasAct = this.rd(c, this.f(i, MODE)) === ACT;
    const s = this.begin();
    this.injectFault(s);
    this.wr(s, this.f(i, FAILED), 1);
    this.ft(s, i, E_FAIL);
    if (this.st(s, i) === ST3) {
      // [0064] read literally: the ACT cannot be set to Fault, so the SBY is.
      for (let j = 0; j < this.n; j++) if (j !== i) this.ft(s, j, E_ST3_SBY_OUT);
    } else {
      this.clearTrace(s, i);
    }
    this.afterLeavingService(s, st, wasAct);
    this.emit(sink, this.ids.cpu_fail[i]);
  }

  /**
   * [0073]: software compulsorily isolates system i: Fault with no failure
   * mark (a reset brings it back, [0070]); bounded by the failure budget like
   * the injected failures. S17: whether the ACT of Pre online sync may be.
   */
  private forceIsolate(i: number, sink: SuccessorSink): void {
    const c = this.cur, st = this.st(c, i);
    if (this.rd(c, this.g + FAULTS_USED) >= this.params.faults) return;
    const wasAct = this.rd(c, this.f(i, MODE)) === ACT;
    const s = this.begin();
    if (!this.ft(s, i, E_ISOLATE)) return;
    this.injectFault(s);
    this.clearTrace(s, i);
    this.afterLeavingService(s, st, wasAct);
    this.emit(sink, this.ids.force_isolate[i]);
  }

  /**
   * The common tail of a failure or an isolation: the SBYs of an ACT lost in
   * Online async (S6), copies involving a system now in Fault, orphaned traces,
   * and the survivors (S3, S4).
   */
  private afterLeavingService(s: Uint32Array, stBefore: number, wasAct: boolean): void {
    const c = this.cur;
    let actLost = false;
    for (let i = 0; i < this.n; i++) {
      if (this.st(s, i) !== ST10 || this.st(c, i) === ST10) continue;
      if (this.rd(c, this.f(i, MODE)) === ACT) actLost = true;
      this.abortJobOf(s, i);
    }
    if (stBefore === ST5 && wasAct && actLost) {
      for (let j = 0; j < this.n; j++) {
        if (this.st(s, j) !== ST5) continue;
        this.ft(s, j, E_ACT_FAILED_ASYNC);
        if (this.st(s, j) === ST9) this.clearTrace(s, j);
      }
    }
    this.dropOrphanTrace(s);
    this.afterSeparation(s, actLost);
  }

  /**
   * A disagreement between the lock-step systems: CPU bus (comparison section
   * 114, [0046], [0066], FIG. 11 T116/T212) or IO access (comparison section
   * 133, [0042], S7). In Pre online sync the SBY goes to Fault ([0064]).
   */
  private disagreement(io: boolean, sink: SuccessorSink): void {
    const c = this.cur;
    if (this.rd(c, this.g + FAULTS_USED) >= this.params.faults) return;
    let members = 0;
    for (let i = 0; i < this.n; i++) {
      const st = this.st(c, i);
      if (st === ST3 || st === ST4) members++;
      else if (st === ST5) return; // already running apart
    }
    if (members < 2) return;
    const s = this.begin();
    this.injectFault(s);
    // S14: with any member still in Pre online sync, the [0064] rule may govern the whole pair.
    let pairRule = false;
    if (this.readings['S14-disagreement-during-split-check'] === 'pair-still-pre-online-sync') {
      for (let i = 0; i < this.n; i++) if (this.st(c, i) === ST3) pairRule = true;
    }
    let actLost = false;
    for (let i = 0; i < this.n; i++) {
      const before = this.st(c, i);
      if (before !== ST3 && before !== ST4) continue;
      if (pairRule) this.ft(s, i, E_ST3_SBY_OUT);
      else this.ft(s, i, io ? E_IO_DISAGREE : E_BUS_DISAGREE);
      const after = this.st(s, i);
      const b = i * this.ps;
      if (after === ST5) {
        // [0067]: the main storage access trace starts; an IO disagreement holds the mismatching pair.
        this.wr(s, b + TRACING, 1);
        this.wr(s, b + TRACE_COUNT, 0);
        this.wr(s, b + TRACE_MASK, 0);
        this.wr(s, b + HELD, io ? 1 : 0);
      } else if (after === ST2) {
        this.clearTrace(s, i);
        this.wr(s, b + TRACING, this.readings['S8-trace-after-async-exit'] === 'until-resync' ? 1 : 0);
      } else if (after === ST9 || after === ST10) {
        this.clearTrace(s, i);
        if (after === ST9) this.wr(s, this.f(i, RESYNC_FROM), this.actAmong(c, ST4) + 1);
        if (after === ST10 && this.rd(s, b + MODE) === ACT) actLost = true;
      }
    }
    this.afterSeparation(s, actLost);
    this.emit(sink, io ? this.ids.io_disagree[0] : this.ids.cpu_bus_disagree[0]);
  }

  // ---- FT controller 130: leaving Online async -------------------------------------

  /**
   * [0072] [0095] T117/T213 (D6 trigger, D2 target): at the buffer mark software
   * moves the ACT to Online ready and the SBY to Pre offline, issuing SMI to the SBY's CPUs.
   */
  private asyncExit(sink: SuccessorSink): void {
    const c = this.cur;
    let any = false, due = false;
    for (let i = 0; i < this.n; i++) {
      const st = this.st(c, i);
      if (st === ST3 || st === ST4) return;
      if (st !== ST5) continue;
      any = true;
      if (asyncExitDue(this.rd(c, this.f(i, TRACE_COUNT)), this.params.trace, this.rd(c, this.f(i, HELD)), this.params.buffer, this.readings)) due = true;
    }
    if (!any || !due) return;
    const s = this.begin();
    const act = this.actAmong(c, ST5);
    for (let i = 0; i < this.n; i++) {
      if (this.st(c, i) !== ST5) continue;
      this.ft(s, i, E_ASYNC_EXIT);
      if (this.st(s, i) === ST9) this.wr(s, this.f(i, RESYNC_FROM), act + 1);
      const b = i * this.ps;
      this.wr(s, b + HELD, 0); // ACT's held accesses are released, SBY's discarded
      const keepTracing = this.st(s, i) === ST2 && this.readings['S8-trace-after-async-exit'] === 'until-resync';
      this.wr(s, b + TRACING, keepTracing ? 1 : 0);
    }
    this.emit(sink, this.ids.async_exit[0]);
  }

  /** [0071] [0072] [0096] T118/T214: the SBY's CPUs enter SMM and return SMI ACK: ST9 -> ST8. */
  private smiAck(i: number, sink: SuccessorSink): void {
    const c = this.cur;
    if (this.st(c, i) !== ST9 || this.rd(c, this.f(i, CPU)) !== CPU_OS) return;
    const s = this.begin();
    this.cpu(s, i, C_SMI);
    this.ft(s, i, E_SMI_ACK);
    this.emit(sink, this.ids.smi_ack[i]);
  }

  // ---- DMA / shared resource controller 122 -----------------------------------------

  private canBeSource(c: Uint32Array, src: number): boolean {
    const st = this.st(c, src);
    if (this.rd(c, this.f(src, CPU)) !== CPU_OS) return false;
    if (st === ST2) return true;
    return st === ST4 && this.rd(c, this.f(src, MODE)) === ACT && this.readings['S13-n3-copy-source'] === 'act-in-online-sync';
  }

  /**
   * [0088] T105/T205, [0071]: software on the Online ready system starts
   * synchronization; the Offline system waiting in BIOS enters Recover offline
   * and the DMA starts a full copy ([0089] T106). S9: the source's writes are traced from here.
   */
  private syncStart(src: number, dst: number, sink: SuccessorSink): void {
    const c = this.cur, g = this.g;
    if (this.rd(c, g + JOB) !== JOB_IDLE || !this.linked(c, src, dst) || !this.canBeSource(c, src)) return;
    const dstSt = this.st(c, dst), dstCpu = this.rd(c, this.f(dst, CPU));
    const waiting = dstCpu === CPU_WAIT_SYNC;
    // An orphaned Recover offline system (its copy source was lost) may be synchronized again.
    if (!((dstSt === ST7 && waiting) || (dstSt === ST8 && (waiting || dstCpu === CPU_SMM)))) return;
    // S16: the source's trace memory may still hold the difference a partner waits for.
    if (this.readings['S16-trace-memory-sharing'] === 'finish-resync-first' && this.owesPartialCopy(c, src, dst)) return;
    const s = this.begin();
    if (dstSt === ST7) this.ft(s, dst, E_RECOVER);
    this.wr(s, g + JOB, JOB_FULL);
    this.wr(s, g + JOB_SRC, src);
    this.wr(s, g + JOB_DST, dst);
    this.wr(s, g + JOB_PROGRESS, 0);
    this.wr(s, this.f(dst, CTX), 0);
    this.wr(s, this.f(dst, RESYNC_FROM), 0);
    this.clearTrace(s, dst);
    const b = src * this.ps;
    this.wr(s, b + TRACE_COUNT, 0);
    this.wr(s, b + TRACE_MASK, 0);
    this.wr(s, b + TRACING, this.readings['S9-writes-during-full-copy'] === 'traced-and-recopied' ? 1 : 0);
    this.emit(sink, this.ids.sync_start[src * this.n + dst]);
  }

  /**
   * [0097] T119/T215: resynchronization after Online async: a partial copy of
   * the traced pages ([0045]) from the Online ready system into the Recover
   * offline one whose CPUs are in SMM. S10: which traces the copy covers.
   */
  private resyncStart(src: number, dst: number, sink: SuccessorSink): void {
    const c = this.cur, g = this.g;
    if (this.rd(c, g + JOB) !== JOB_IDLE || !this.linked(c, src, dst)) return;
    if (this.st(c, src) !== ST2 || this.rd(c, this.f(src, CPU)) !== CPU_OS) return;
    if (this.st(c, dst) !== ST8 || this.rd(c, this.f(dst, CPU)) !== CPU_SMM) return;
    // S15: the traced difference is relative to the system it was duplicated with.
    if (this.readings['S15-partial-copy-source'] === 'former-partner' && this.rd(c, this.f(dst, RESYNC_FROM)) !== src + 1) return;
    const s = this.begin();
    this.wr(s, g + JOB, JOB_PARTIAL);
    this.wr(s, g + JOB_SRC, src);
    this.wr(s, g + JOB_DST, dst);
    this.wr(s, g + JOB_PROGRESS, 0);
    if (this.readings['S10-partial-copy-range'] === 'both-traces') this.wr(s, this.f(src, TRACE_MASK), this.rd(s, this.f(src, TRACE_MASK)) | (this.rd(s, this.f(dst, TRACE_MASK))));
    this.wr(s, this.f(dst, TRACE_MASK), 0);
    this.wr(s, this.f(dst, TRACE_COUNT), 0);
    this.emit(sink, this.ids.resync_start[src * this.n + dst]);
  }

  /** D5: the system a copy between source `src` (Online ready) and destination `dst` (Recover offline) reads. */
  copyFromOf(src: number, dst: number): number {
    return this.readings['D5-copy-direction'] === 'to-recover-offline' ? src : dst;
  }

  /** D5: the system whose main storage that copy writes. */
  copyToOf(src: number, dst: number): number {
    return this.readings['D5-copy-direction'] === 'to-recover-offline' ? dst : src;
  }

  /**
   * [0049]-[0050] FIG. 6, T106/T119: the DMA copies one page over the crosslink.
   * The write reaches the destination as an inbound request from the other
   * system's DMA controller and must pass its access control (Table 4).
   */
  private dmaCopy(sink: SuccessorSink): void {
    const c = this.cur, g = this.g;
    const kind = this.rd(c, g + JOB) as JobKind;
    if (kind === JOB_IDLE) return;
    const src = this.rd(c, g + JOB_SRC), dst = this.rd(c, g + JOB_DST);
    const page = nextCopyPage(kind, this.rd(c, g + JOB_PROGRESS), this.pages, this.rd(c, this.f(src, TRACE_MASK)));
    if (page < 0) return;
    const from = this.copyFromOf(src, dst), to = this.copyToOf(src, dst);
    const outcome = this.access.outcome(INBOUND_CROSS_DMA, this.st(c, to), this.st(c, from), this.linked(c, src, dst));
    if (outcome !== DELIVERED) return;
    const s = this.begin();
    copyPage(this.layout, s, from * this.ps + MEM, to * this.ps + MEM, page);
    if (kind === JOB_FULL && this.rd(s, g + JOB_PROGRESS) < this.pages) this.wr(s, g + JOB_PROGRESS, this.rd(s, g + JOB_PROGRESS) + 1);
    else this.wr(s, this.f(src, TRACE_MASK), this.rd(s, this.f(src, TRACE_MASK)) & (~(1 << page)));
    this.emit(sink, this.ids.dma_copy[(src * this.n + dst) * this.pages + page]);
  }

  /** Applies CPU event e to the copy source and its lock-step companions (an Online sync source under S13). */
  private cpuOfSourceGroup(s: Uint32Array, src: number, e: number): void {
    if (this.st(s, src) !== ST4) {
      this.cpu(s, src, e);
      return;
    }
    for (let i = 0; i < this.n; i++) if (this.st(s, i) === ST4) this.cpu(s, i, e);
  }

  /** [0089] T108 (after a full copy), [0096] T118 (before a partial copy): SMI on the copy source. */
  private smiSource(sink: SuccessorSink): void {
    const c = this.cur;
    if (this.rd(c, this.g + JOB) === JOB_IDLE) return;
    const src = this.rd(c, this.g + JOB_SRC);
    if (this.rd(c, this.f(src, CPU)) !== CPU_OS) return;
    const s = this.begin();
    this.cpuOfSourceGroup(s, src, C_SMI);
    this.emit(sink, this.ids.smi_source[src]);
  }

  /** [0089] T109, [0097] T121: copy complete and the source in SMM: its cache/context goes to the destination. */
  private contextCopy(sink: SuccessorSink): void {
    const c = this.cur, g = this.g;
    const kind = this.rd(c, g + JOB) as JobKind;
    if (kind === JOB_IDLE) return;
    const src = this.rd(c, g + JOB_SRC), dst = this.rd(c, g + JOB_DST);
    if (this.rd(c, this.f(src, CPU)) !== CPU_SMM || this.rd(c, this.f(dst, CTX)) === 1 || !this.linked(c, src, dst)) return;
    if (nextCopyPage(kind, this.rd(c, g + JOB_PROGRESS), this.pages, this.rd(c, this.f(src, TRACE_MASK))) >= 0) return;
    const s = this.begin();
    this.wr(s, this.f(dst, CTX), 1);
    this.emit(sink, this.ids.context_copy[src * this.n + dst]);
  }

  /**
   * [0090] T110, [0098] T122: synchronization reset of both systems: source
   * ST2 -> ST3, destination ST8 -> ST3, modes per S2; both CPUs run BIOS.
   */
  private syncReset(sink: SuccessorSink): void {
    const c = this.cur, g = this.g;
    if (this.rd(c, g + JOB) === JOB_IDLE) return;
    const src = this.rd(c, g + JOB_SRC), dst = this.rd(c, g + JOB_DST);
    const dstCpu = this.rd(c, this.f(dst, CPU));
    if (this.rd(c, this.f(dst, CTX)) !== 1 || this.rd(c, this.f(src, CPU)) !== CPU_SMM || !this.linked(c, src, dst)) return;
    if (dstCpu !== CPU_SMM && dstCpu !== CPU_WAIT_SYNC) return;
    const s = this.begin();
    this.cpuOfSourceGroup(s, src, C_SYNC_RESET);
    if (!this.ft(s, src, E_RESET_SRC) || !this.ft(s, dst, E_RESET_DST)) return;
    this.ft(s, src, E_ASSIGN_ACT);
    this.ft(s, dst, E_ASSIGN_SBY);
    this.cpu(s, dst, C_SYNC_RESET);
    this.clearTrace(s, src);
    this.clearTrace(s, dst);
    this.wr(s, this.f(dst, CTX), 0);
    this.wr(s, this.f(dst, RESYNC_FROM), 0);
    this.wr(s, g + JOB, JOB_IDLE);
    this.wr(s, g + JOB_SRC, 0);
    this.wr(s, g + JOB_DST, 0);
    this.wr(s, g + JOB_PROGRESS, 0);
    this.emit(sink, this.ids.sync_reset[src * this.n + dst]);
  }

  /**
   * [0091] T114-T115, [0092] T210-T211, [0064]: the memory check of Pre online
   * sync. Equal storage: ST3 -> ST4. Otherwise each SBY whose storage differs
   * from the ACT's is separated; the ACT cannot be set to Fault.
   */
  private memoryCheck(i: number, sink: SuccessorSink): void {
    const c = this.cur;
    if (this.st(c, i) !== ST3 || this.rd(c, this.f(i, CPU)) !== CPU_OS) return;
    let equal = true;
    let leader = -1;
    for (let j = 0; j < this.n; j++) {
      if (!this.inGroupOf(c, i, j)) continue;
      if (leader < 0 || (this.rd(c, this.f(j, MODE)) === ACT && this.rd(c, this.f(leader, MODE)) !== ACT)) leader = j;
      if (j !== i && !pagesEqual(this.layout, c, this.f(i, MEM), this.f(j, MEM), this.pages)) equal = false;
    }
    const s = this.begin();
    if (equal) {
      this.ft(s, i, E_CHECK_OK);
      this.emit(sink, this.ids.memory_check[i]);
      return;
    }
    let separated = false;
    for (let j = 0; j < this.n; j++) {
      if (j === leader || this.st(c, j) !== ST3 || !this.inGroupOf(c, i, j)) continue;
      if (pagesEqual(this.layout, c, this.f(j, MEM), this.f(leader, MEM), this.pages)) continue;
      this.ft(s, j, E_CHECK_FAIL);
      if (this.st(s, j) === ST10) {
        separated = true;
        this.clearTrace(s, j);
      }
    }
    if (!separated) return;
    this.afterSeparation(s, false);
    this.emit(sink, this.ids.memory_check[i]);
  }

  /** [0070]: reset applied to a Fault system: Offline ST7, CPU reset, failure repaired. */
  private repairReset(i: number, sink: SuccessorSink): void {
    if (this.st(this.cur, i) !== ST10) return;
    const s = this.begin();
    this.ft(s, i, E_REPAIR);
    this.cpu(s, i, C_REPAIR);
    this.wr(s, this.f(i, FAILED), 0);
    this.wr(s, this.f(i, CTX), 0);
    this.wr(s, this.f(i, RESYNC_FROM), 0);
    this.clearTrace(s, i);
    this.emit(sink, this.ids.repair_reset[i]);
  }

  /**
   * Table 2 (D3), [0033]: the crosslink between i and j fails (failure
   * injection). A copy over it is abandoned; under D3 back-to-divide the SBY
   * of a lock-step pair leaves for Offline divide and restarts its BIOS, and a
   * system left without any crosslink returns to a divide state.
   */
  private crosslinkLost(i: number, j: number, sink: SuccessorSink): void {
    const c = this.cur, g = this.g;
    if (!this.linked(c, i, j) || this.rd(c, g + FAULTS_USED) >= this.params.faults) return;
    const s = this.begin();
    this.injectFault(s);
    this.wr(s, g + LINKS, disconnect(this.rd(s, g + LINKS), i, j, this.n));
    const src = this.rd(s, g + JOB_SRC), dst = this.rd(s, g + JOB_DST);
    // the copy is abandoned as if its destination had gone: the source leaves SMM and stops tracing
    if (this.rd(s, g + JOB) !== JOB_IDLE && ((src === i && dst === j) || (src === j && dst === i))) this.abortJobOf(s, dst);
    if (isLockstep(this.st(s, i)) && isLockstep(this.st(s, j))) {
      this.ft(s, i, E_LINK_LEAVE);
      this.ft(s, j, E_LINK_LEAVE);
    }
    const links = this.rd(s, g + LINKS);
    if (!anyLink(links, i, this.n)) this.ft(s, i, E_LINK_DIVIDE);
    if (!anyLink(links, j, this.n)) this.ft(s, j, E_LINK_DIVIDE);
    this.afterLinkLoss(s, i);
    this.afterLinkLoss(s, j);
    this.dropOrphanTrace(s);
    this.afterSeparation(s, false);
    this.emit(sink, this.ids.crosslink_lost[i * this.n + j]);
  }

  /** A system that changed state on a link loss: its trace is moot; an offline one restarts BIOS, an online one resumes its OS. */
  private afterLinkLoss(s: Uint32Array, k: number): void {
    const st = this.st(s, k);
    if (st === this.st(this.cur, k)) return;
    this.clearTrace(s, k);
    this.wr(s, this.f(k, RESYNC_FROM), 0);
    this.wr(s, this.f(k, CTX), 0);
    if (st === ST6) this.wr(s, this.f(k, CPU), CPU_BIOS);
    else if (this.rd(s, this.f(k, CPU)) === CPU_SMM) this.wr(s, this.f(k, CPU), CPU_OS);
  }

  /** [0062] [0070] [0085] T204: crosslinks connected: ST1 -> ST2, ST6 -> ST7 on both ends. */
  private crosslinkConnect(i: number, j: number, sink: SuccessorSink): void {
    const c = this.cur;
    if (this.linked(c, i, j)) return;
    if (!this.readyForLink(c, i) || !this.readyForLink(c, j)) return;
    const s = this.begin();
    this.wr(s, this.g + LINKS, connect(this.rd(s, this.g + LINKS), i, j, this.n));
    this.ft(s, i, E_LINK);
    this.ft(s, j, E_LINK);
    this.emit(sink, this.ids.crosslink_connect[i * this.n + j]);
  }

  /**
   * Powered on, and past the board controller's mode setting when in Offline
   * divide at power-on (FIG. 9: T101/T201 before T204). A system repaired, or
   * sent back to Offline divide by a crosslink loss, before it ever got a mode
   * has none until a synchronization reset assigns one (S2).
   */
  private readyForLink(c: Uint32Array, i: number): boolean {
    const st = this.st(c, i);
    return st !== OFF && (st !== ST6 || this.rd(c, this.f(i, MODE)) !== NONE || this.rd(c, this.f(i, CPU)) !== CPU_RESET);
  }

  // ---- labels -------------------------------------------------------------------

  private enumerateLabels(): Record<string, Int32Array> {
    const n = this.n, P = this.pages, V = this.values, t = this.labels;
    const ids: Record<string, Int32Array> = {};
    const perSystem = (action: Label['action']) => Int32Array.from({ length: n }, (_, i) => t.add({ action, sys: i }));
    const perPair = (action: Label['action'], ordered: boolean) => {
      const a = new Int32Array(n * n).fill(-1);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
        if (i === j || (!ordered && j < i)) continue;
        a[i * n + j] = t.add({ action, sys: i, other: j });
      }
      return a;
    };
    const global = (action: Label['action']) => Int32Array.of(t.add({ action }));
    ids.power_on = perSystem('power_on');
    ids.set_act = perSystem('set_act');
    ids.set_sby = perSystem('set_sby');
    ids.release_reset = perSystem('release_reset');
    ids.bios_wait_sync = perSystem('bios_wait_sync');
    ids.boot_os = perSystem('boot_os');
    ids.crosslink_connect = perPair('crosslink_connect', false);
    ids.crosslink_lost = perPair('crosslink_lost', false);
    ids.cpu_write = new Int32Array(n * P * V);
    for (let i = 0; i < n; i++) for (let p = 0; p < P; p++) for (let v = 0; v < V; v++) {
      ids.cpu_write[(i * P + p) * V + v] = t.add({ action: 'cpu_write', sys: i, page: p, value: v });
    }
    ids.io_out_held = perSystem('io_out_held');
    ids.cpu_bus_disagree = global('cpu_bus_disagree');
    ids.io_disagree = global('io_disagree');
    ids.cpu_fail = perSystem('cpu_fail');
    ids.force_isolate = perSystem('force_isolate');
    ids.async_exit = global('async_exit');
    ids.smi_ack = perSystem('smi_ack');
    ids.sync_start = perPair('sync_start', true);
    ids.resync_start = perPair('resync_start', true);
    ids.dma_copy = new Int32Array(n * n * P).fill(-1);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let p = 0; p < P; p++) {
      if (i !== j) ids.dma_copy[(i * n + j) * P + p] = t.add({ action: 'dma_copy', sys: i, other: j, page: p });
    }
    ids.smi_source = perSystem('smi_source');
    ids.context_copy = perPair('context_copy', true);
    ids.sync_reset = perPair('sync_reset', true);
    ids.memory_check = perSystem('memory_check');
    ids.repair_reset = perSystem('repair_reset');
    return ids;
  }
}

/** ftStep over every (event, state, mode): next st * MODE_COUNT + mode, or -1. */
function compileFtTable(r: Readings): Int8Array {
  const table = new Int8Array(FT_EVENTS.length * FT_STATE_COUNT * MODE_COUNT).fill(-1);
  FT_EVENTS.forEach((e, k) => {
    for (let st = 0; st < FT_STATE_COUNT; st++) for (let mode = 0; mode < MODE_COUNT; mode++) {
      const next = ftStep({ st: st as FtState, mode: mode as Mode }, e, r);
      if (next) table[(k * FT_STATE_COUNT + st) * MODE_COUNT + mode] = next.st * MODE_COUNT + next.mode;
    }
  });
  return table;
}

function compileCpuTable(): Int8Array {
  const table = new Int8Array(CPU_EVENTS.length * CPU_PHASE_COUNT).fill(-1);
  CPU_EVENTS.forEach((e, k) => {
    for (let ph = 0; ph < CPU_PHASE_COUNT; ph++) {
      const next = cpuStep(ph as CpuPhase, e);
      if (next !== null) table[k * CPU_PHASE_COUNT + ph] = next;
    }
  });
  return table;
}

// Re-exported for readers of the model.
export { ST1, ST2, ST3, ST4, ST5, ST6, ST7, ST8, ST9, ST10, CPU_BIOS };
