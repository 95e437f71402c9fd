/**
 * Failures and isolation: explicit failure of a CPU subsystem ([0065]
 * [0067] [0073], [0064] in Pre online sync), software's compulsory isolation
 * ([0073]), the reset that brings a Fault system back ([0070]), and the loss
 * of a crosslink (Table 2, D3). Each injection uses the failure budget F.
 */
import { CPU_BIOS, CPU_OS, CPU_SMM } from '../../hw/cpu-subsystem.js';
import { anyLink, disconnect } from '../../hw/crosslink.js';
import { JOB_IDLE } from '../../hw/dma-controller.js';
import { ACT, OFF, ST3, ST5, ST6, ST7, ST9, ST10, isLockstep } from '../../hw/ft-controller.js';
import {
  C_REPAIR, E_ACT_FAILED_ASYNC, E_FAIL, E_ISOLATE, E_LINK_DIVIDE, E_LINK_LEAVE, E_REPAIR, E_REPAIR_UNLINKED, E_ST3_SBY_OUT,
} from '../events.js';
import { ghost, guard, outcome } from '../hooks.js';
import { FAULT_CPU, FAULT_HANG, FAULT_ISOLATE, FAULT_LINK } from '../faults.js';
import type { Kernel } from '../kernel.js';
import { CORRUPTED, CPU, CTX, DMA_HUNG, FAILED, HUNG, ISOLATED, JOB, JOB_DST, JOB_SRC, LINKS, MODE, RESYNC_FROM, ST } from '../layout.js';
import { abortJobOf, afterSeparation, clearTrace, clearTraceOfLeaver, dropOrphanTrace } from './shared.js';

const G_BUDGET = guard('inject.budget'), G_NOT_FAILED = guard('cpu_fail.not-failed'), G_FAULT = guard('repair_reset.fault'),
  G_LINK_UP = guard('crosslink_lost.up');
const H_FAILED = ghost('failed-mark'), H_ISOLATED = ghost('isolated');
const O_SEPARATES = outcome('cpu_fail.separates'), O_LITERAL = outcome('cpu_fail.pre-online-sync-act'),
  O_ABANDONED = outcome('crosslink_lost.copy-abandoned');

/**
 * Explicit failure of system i's CPU subsystem: [0065] separated from Online
 * sync, [0067] SBY from Online async, [0073] any state; [0064] (S5) ACT in
 * Pre online sync; S6 ACT in Online async.
 */
export function cpuFail(k: Kernel, i: number): void {
  if (!k.budgetLeft() && k.enforce(G_BUDGET)) return;
  const st = k.now(i, ST);
  if ((st === OFF || st === ST10 || k.now(i, FAILED) === 1) && k.enforce(G_NOT_FAILED)) return;
  const s = k.begin();
  k.injectFault(s, FAULT_CPU, inLockstepGroupNow(k, i));
  if (!separateFailed(k, s, i)) return;
  k.emit(k.ids.cpu_fail[i]);
}

/**
 * The explicit failure of system i's CPU subsystem, applied to `s`: the
 * failure mark, Fault ([0064] S5 in Pre online sync), the survivors. False
 * when the controller refuses the event.
 */
function separateFailed(k: Kernel, s: Uint32Array, i: number): boolean {
  const st = k.now(i, ST);
  const wasAct = k.now(i, MODE) === ACT;
  if (k.keeps(H_FAILED)) k.set(s, i, FAILED, 1);
  if (!k.ft(s, i, E_FAIL)) return false;
  if (k.get(s, i, ST) === ST3) {
    // [0064] read literally: the ACT cannot be set to Fault, so the SBY is.
    k.took(O_LITERAL);
    for (let j = 0; j < k.n; j++) if (j !== i) k.ft(s, j, E_ST3_SBY_OUT);
  } else {
    k.took(O_SEPARATES);
    clearTrace(k, s, i);
  }
  afterLeavingService(k, s, st, wasAct);
  return true;
}

/**
 * Failure injection (S18): system i's CPU subsystem stops responding in the
 * middle of whatever it was doing. It takes no more steps (the phases test
 * `hung`) until a watchdog detects it or a reset clears it.
 */
export function cpuHang(k: Kernel, i: number): void {
  if (!k.budgetLeft() && k.enforce(G_BUDGET)) return;
  const st = k.now(i, ST);
  if (st === OFF || st === ST10 || k.now(i, FAILED) === 1 || k.now(i, HUNG) === 1) return;
  const s = k.begin();
  k.injectFault(s, FAULT_HANG, inLockstepGroupNow(k, i));
  k.set(s, i, HUNG, 1);
  k.emit(k.ids.cpu_hang[i]);
}

/** S18 watchdog: a timeout detects the hung CPU subsystem, which is separated as for an explicit failure ([0052] [0065]). */
export function hangTimeout(k: Kernel, i: number): void {
  if (k.now(i, HUNG) !== 1 || k.now(i, ST) === ST10 || k.readings['S18-hang-detection'] !== 'watchdog') return;
  const s = k.begin();
  if (!separateFailed(k, s, i)) return;
  k.set(s, i, HUNG, 0); // detected: now a failed, separated CPU subsystem like any other
  k.emit(k.ids.hang_timeout[i]);
}

/** Failure injection (S18): the DMA controller stops responding in the middle of its copy job. */
export function dmaHang(k: Kernel): void {
  if (!k.budgetLeft() && k.enforce(G_BUDGET)) return;
  if (k.nowG(JOB) === JOB_IDLE || k.nowG(DMA_HUNG) === 1) return;
  const s = k.begin();
  k.injectFault(s, FAULT_HANG);
  k.setG(s, DMA_HUNG, 1);
  k.emit(k.ids.dma_hang);
}

/** S18 watchdog: a timeout detects the hung DMA controller: the copy is abandoned and the controller recovers. */
export function dmaTimeout(k: Kernel): void {
  if (k.nowG(DMA_HUNG) !== 1 || k.readings['S18-hang-detection'] !== 'watchdog') return;
  const s = k.begin();
  abortJobOf(k, s, k.nowG(JOB_DST));
  k.setG(s, DMA_HUNG, 0);
  dropOrphanTrace(k, s);
  k.emit(k.ids.dma_timeout);
}

/**
 * [0073]: software compulsorily isolates system i: Fault with no failure
 * mark (a reset brings it back, [0070]); bounded by the failure budget like
 * the injected failures. S17: whether the ACT of Pre online sync may be.
 */
export function forceIsolate(k: Kernel, i: number): void {
  if (!k.budgetLeft() && k.enforce(G_BUDGET)) return;
  const st = k.now(i, ST);
  const wasAct = k.now(i, MODE) === ACT;
  const s = k.begin();
  if (!k.ft(s, i, E_ISOLATE)) return;
  k.injectFault(s, FAULT_ISOLATE);
  if (k.keeps(H_ISOLATED)) k.set(s, i, ISOLATED, 1);
  clearTrace(k, s, i);
  afterLeavingService(k, s, st, wasAct);
  k.emit(k.ids.force_isolate[i]);
}

/**
 * The common tail of a failure or an isolation: the SBYs of an ACT lost in
 * Online async (S6), copies involving a system now in Fault, orphaned traces,
 * and the survivors (S3, S4).
 */
function afterLeavingService(k: Kernel, s: Uint32Array, stBefore: number, wasAct: boolean): void {
  let actLost = false;
  for (let i = 0; i < k.n; i++) {
    if (k.get(s, i, ST) !== ST10 || k.now(i, ST) === ST10) continue;
    if (k.now(i, MODE) === ACT) actLost = true;
    abortJobOf(k, s, i);
  }
  if (stBefore === ST5 && wasAct && actLost) {
    for (let j = 0; j < k.n; j++) {
      if (k.get(s, j, ST) !== ST5) continue;
      k.ft(s, j, E_ACT_FAILED_ASYNC);
      if (k.get(s, j, ST) === ST9) clearTrace(k, s, j);
    }
  }
  dropOrphanTrace(k, s);
  afterSeparation(k, s, actLost);
}

/** [0035] [0066]: system i runs in lock-step (Pre online sync, Online sync or Online async) with a linked partner. */
function inLockstepGroupNow(k: Kernel, i: number): boolean {
  if (!isLockstep(k.now(i, ST))) return false;
  for (let j = 0; j < k.n; j++) if (j !== i && isLockstep(k.now(j, ST)) && k.linkedNow(i, j)) return true;
  return false;
}

function linkedToAny(k: Kernel, i: number): boolean {
  for (let j = 0; j < k.n; j++) if (j !== i && k.linkedNow(i, j)) return true;
  return false;
}

/** [0070]: reset applied to a Fault system: Offline ST7, CPU reset, failure repaired. */
export function repairReset(k: Kernel, i: number): void {
  if (k.now(i, ST) !== ST10 && k.enforce(G_FAULT)) return;
  const s = k.begin();
  // S20: Offline is Offline divide with a crosslink ([0069] [0070]); without one the reset system is in Offline divide
  const unlinked = k.readings['S20-reset-fault-without-link'] === 'offline-divide' && !linkedToAny(k, i);
  if (!k.ft(s, i, unlinked ? E_REPAIR_UNLINKED : E_REPAIR) || !k.cpu(s, i, C_REPAIR)) return;
  if (k.keeps(H_FAILED)) k.set(s, i, FAILED, 0);
  if (k.keeps(H_ISOLATED)) k.set(s, i, ISOLATED, 0);
  k.set(s, i, HUNG, 0); // the reset clears a hang
  k.set(s, i, CORRUPTED, 0);
  k.set(s, i, CTX, 0);
  k.set(s, i, RESYNC_FROM, 0);
  clearTrace(k, s, i);
  k.emit(k.ids.repair_reset[i]);
}

/**
 * Table 2 (D3), [0033]: the crosslink between i and j fails (failure
 * injection). A copy over it is abandoned; under D3 back-to-divide the SBY
 * of a lock-step pair leaves for Offline divide and restarts its BIOS, and a
 * system left without any crosslink returns to a divide state.
 */
export function crosslinkLost(k: Kernel, i: number, j: number): void {
  if (!k.linkedNow(i, j) && k.enforce(G_LINK_UP)) return;
  if (!k.budgetLeft() && k.enforce(G_BUDGET)) return;
  // two SBYs of a lock-step group (N >= 3) cannot both stay once their link fails, and nothing says which
  // leaves: either may (one successor each); otherwise the SBY of the two leaves, as at N = 2
  const bothSby = isLockstep(k.now(i, ST)) && isLockstep(k.now(j, ST)) && k.now(i, MODE) !== ACT && k.now(j, MODE) !== ACT;
  if (bothSby) {
    loseLink(k, i, j, i);
    loseLink(k, i, j, j);
  } else loseLink(k, i, j, -1);
}

/** The successor of crosslink_lost(i, j) in which `leaver` (or, when -1, the SBY of a lock-step pair) leaves its group. */
function loseLink(k: Kernel, i: number, j: number, leaver: number): void {
  const s = k.begin();
  k.injectFault(s, FAULT_LINK);
  k.setG(s, LINKS, disconnect(k.nowG(LINKS), i, j, k.n));
  const src = k.nowG(JOB_SRC), dst = k.nowG(JOB_DST);
  // the copy is abandoned as if its destination had gone: the source leaves SMM and stops tracing
  if (k.nowG(JOB) !== JOB_IDLE && ((src === i && dst === j) || (src === j && dst === i))) {
    abortJobOf(k, s, dst);
    k.took(O_ABANDONED);
  }
  if (isLockstep(k.get(s, i, ST)) && isLockstep(k.get(s, j, ST))) {
    if (leaver !== j) k.ft(s, i, E_LINK_LEAVE);
    if (leaver !== i) k.ft(s, j, E_LINK_LEAVE);
  }
  const links = k.getG(s, LINKS);
  if (!anyLink(links, i, k.n)) k.ft(s, i, E_LINK_DIVIDE);
  if (!anyLink(links, j, k.n)) k.ft(s, j, E_LINK_DIVIDE);
  afterLinkLoss(k, s, i);
  afterLinkLoss(k, s, j);
  dropOrphanTrace(k, s);
  afterSeparation(k, s, false);
  k.emit(k.ids.crosslink_lost[i * k.n + j]);
}

/** A system that changed state on a link loss: its trace is moot; an offline one restarts BIOS, an online one resumes its OS. */
function afterLinkLoss(k: Kernel, s: Uint32Array, i: number): void {
  const st = k.get(s, i, ST);
  if (st === k.now(i, ST)) return;
  clearTraceOfLeaver(k, s, i);
  k.set(s, i, RESYNC_FROM, 0);
  k.set(s, i, CTX, 0);
  if (st === ST6 || st === ST7) k.set(s, i, CPU, CPU_BIOS);
  else if (k.get(s, i, CPU) === CPU_SMM) k.set(s, i, CPU, CPU_OS);
}
