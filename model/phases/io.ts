/**
 * IO and comparison: the CPUs' writes to main storage 112 (in lock-step or
 * alone, traced after a disagreement), outbound IO accesses held in the
 * comparison buffers 131/132 ([0042]), and the disagreements the comparison
 * sections 114 and 133 detect ([0042] [0046] [0064] [0066], FIG. 11 T116).
 */
import { canHoldAnother } from '../../hw/comparison-buffer.js';
import { CPU_OS, CPU_SMM } from '../../hw/cpu-subsystem.js';
import { JOB_IDLE } from '../../hw/dma-controller.js';
import { ACT, ST2, ST3, ST4, ST5, ST9, ST10, isOnline } from '../../hw/ft-controller.js';
import { RECORDED, STALLED, traceWrite } from '../../hw/ft-trace.js';
import { E_BUS_DISAGREE, E_IO_DISAGREE, E_OUTVOTED, E_ST3_SBY_OUT } from '../events.js';
import { effect, ghost, guard, outcome } from '../hooks.js';
import { FAULT_COMPARE } from '../faults.js';
import type { Kernel } from '../kernel.js';
import { CPU, DISAGREED, HELD, JOB, JOB_DST, JOB_SRC, MEM, MODE, RESYNC_FROM, ST, TRACE_COUNT, TRACE_MASK, TRACING } from '../layout.js';
import { abortJobOf, actAmongNow, afterSeparation, clearTrace, inGroupNow } from './shared.js';

const G_ONLINE = guard('cpu_write.online'), G_GROUP = guard('cpu_write.lockstep-group'), G_TRACE_ROOM = guard('cpu_write.trace-room'),
  G_ASYNC = guard('io_out_held.online-async'), G_ROOM = guard('io_out_held.buffer-room'), G_BUDGET = guard('inject.budget'),
  G_PAIR = guard('disagreement.lockstep-pair');
const H_DISAGREED = ghost('disagreed');
const X_TRACE = effect('cpu_write.trace'), X_START_TRACE = effect('disagreement.start-trace');
const O_LOCKSTEP = outcome('cpu_write.lockstep'), O_ALONE = outcome('cpu_write.alone'), O_TRACED = outcome('cpu_write.traced'),
  O_UNTRACED = outcome('cpu_write.untraced'), O_SYNC = outcome('disagreement.online-sync'), O_PRE = outcome('disagreement.pre-online-sync'),
  O_SPLIT = outcome('disagreement.split-check'), O_OUTVOTED = outcome('disagreement.outvoted'), O_IO_SYNC = outcome('io_disagreement.online-sync'), O_IO_PRE = outcome('io_disagreement.pre-online-sync');

/**
 * S19 majority: system `odd` disagreed with the rest of its Online sync group
 * of three or more: it alone leaves for Pre offline ([0072]: SMI to its CPUs),
 * as an SBY to be synchronized again by a full copy; an outvoted ACT hands
 * the service to a promoted SBY ([0035]).
 */
function outvote(k: Kernel, io: boolean, odd: number): void {
  const s = k.begin();
  k.injectFault(s, FAULT_COMPARE);
  const src = k.nowG(JOB_SRC);
  if (k.nowG(JOB) !== JOB_IDLE && k.now(src, ST) === ST4) {
    abortJobOf(k, s, k.nowG(JOB_DST));
    for (let j = 0; j < k.n; j++) if (k.now(j, ST) === ST4 && k.get(s, j, CPU) === CPU_SMM) k.set(s, j, CPU, CPU_OS);
  }
  const wasAct = k.now(odd, MODE) === ACT;
  if (!k.ft(s, odd, E_OUTVOTED)) return;
  k.took(O_OUTVOTED);
  if (k.keeps(H_DISAGREED)) k.set(s, odd, DISAGREED, 1);
  clearTrace(k, s, odd);
  k.set(s, odd, RESYNC_FROM, 0);
  afterSeparation(k, s, wasAct);
  k.emit(io ? k.ids.io_disagree : k.ids.cpu_bus_disagree);
}

/** Whether system i's CPU can write now: online, running its OS; in ST3/ST4 it acts for its lock-step group. */
export function mayWrite(k: Kernel, i: number): boolean {
  const st = k.now(i, ST);
  if ((!isOnline(st) || k.now(i, CPU) !== CPU_OS) && k.enforce(G_ONLINE)) return false;
  if (k.hungNow(i)) return false;
  if (st !== ST3 && st !== ST4) return true;
  for (let j = 0; j < k.n; j++) {
    if (!inGroupNow(k, i, j)) continue;
    if (k.hungNow(j)) return false; // a hung member stops the whole lock-step group
    // the lowest member acts for the group; all must run
    if ((j < i || k.now(j, CPU) !== CPU_OS) && k.enforce(G_GROUP)) return false;
  }
  return true;
}

/**
 * [0034] [0045]: the CPU of system i writes value v into page p. Systems in
 * Pre online sync / Online sync write together in lock-step; in Online async
 * each writes alone; a system whose FT controller traces records the page
 * ([0047], S11). Called only when mayWrite(i).
 */
export function cpuWrite(k: Kernel, i: number, p: number, v: number): void {
  const st = k.now(i, ST);
  const together = st === ST3 || st === ST4;
  if (!changesSomeMember(k, i, p, v, together)) return;
  const s = k.begin();
  k.took(together ? O_LOCKSTEP : O_ALONE);
  let writers = 0;
  for (let j = 0; j < k.n; j++) {
    const writes = together ? inGroupNow(k, i, j) : j === i;
    if (!writes) continue;
    writers |= 1 << j;
    if (k.now(j, TRACING) === 1 && k.does(X_TRACE)) {
      const count = k.get(s, j, TRACE_COUNT);
      const r = traceWrite(count, k.traceCap, k.readings);
      if (r === STALLED && k.enforce(G_TRACE_ROOM)) return;
      if (r === RECORDED || r === STALLED) {
        k.set(s, j, TRACE_COUNT, count + 1);
        k.set(s, j, TRACE_MASK, k.get(s, j, TRACE_MASK) | (1 << p));
        k.took(O_TRACED);
      } else k.took(O_UNTRACED);
    }
    k.set(s, j, MEM + p, v);
  }
  k.emit(k.ids.cpu_write[(writers * k.pages + p) * k.values + v]);
}

/**
 * A write is modelled only where it changes a page: for a lock-step group,
 * the page of any member (a member whose page differs, e.g. after a
 * corrupting copy, is overwritten with the group's value), not only the
 * page of the member that acts for the group, which would make the
 * interchangeable systems behave differently by index.
 */
function changesSomeMember(k: Kernel, i: number, p: number, v: number, together: boolean): boolean {
  if (!together) return k.now(i, MEM + p) !== v;
  for (let j = 0; j < k.n; j++) if (inGroupNow(k, i, j) && k.now(j, MEM + p) !== v) return true;
  return false;
}

/** [0042]: in Online async an outbound IO access is held in comparison buffers 131/132 while they have room. */
export function ioOutHeld(k: Kernel, i: number): void {
  if ((k.now(i, ST) !== ST5 || k.now(i, CPU) !== CPU_OS) && k.enforce(G_ASYNC)) return;
  if (k.hungNow(i)) return;
  if (!canHoldAnother(k.now(i, HELD), k.bufferCap) && k.enforce(G_ROOM)) return;
  const s = k.begin();
  k.set(s, i, HELD, k.now(i, HELD) + 1);
  k.emit(k.ids.io_out_held[i]);
}

/**
 * A disagreement between the lock-step systems: CPU bus (comparison section
 * 114, [0046], [0066], FIG. 11 T116/T212) or IO access (comparison section
 * 133, [0042], S7). In Pre online sync the SBY goes to Fault ([0064]).
 */
export function disagreement(k: Kernel, io: boolean): void {
  if (!k.budgetLeft() && k.enforce(G_BUDGET)) return;
  let members = 0, pre = 0;
  for (let i = 0; i < k.n; i++) {
    const st = k.now(i, ST);
    if (st === ST3 || st === ST4) members++;
    if (st === ST3) pre++;
    else if (st === ST5 && k.enforce(G_PAIR)) return; // already running apart
  }
  if (members < 2 && k.enforce(G_PAIR)) return;
  // S19 majority: in a group of three or more in Online sync, the two that agree outvote the one that differs
  if (members >= 3 && pre === 0 && k.readings['S19-disagreement-among-three'] === 'majority') {
    for (let odd = 0; odd < k.n; odd++) if (k.now(odd, ST) === ST4) outvote(k, io, odd);
    return;
  }
  const s = k.begin();
  k.injectFault(s, FAULT_COMPARE);
  // S13 online-sync-group: a group that stops running in lock-step can no longer be the copy source
  const src = k.nowG(JOB_SRC);
  if (k.nowG(JOB) !== JOB_IDLE && k.readings['S13-n3-copy-source'] === 'online-sync-group' && k.now(src, ST) === ST4) {
    abortJobOf(k, s, k.nowG(JOB_DST));
    for (let j = 0; j < k.n; j++) if (k.now(j, ST) === ST4 && k.get(s, j, CPU) === CPU_SMM) k.set(s, j, CPU, CPU_OS);
  }
  k.took(pre === 0 ? (io ? O_IO_SYNC : O_SYNC) : pre === members ? (io ? O_IO_PRE : O_PRE) : O_SPLIT);
  // S14: with the pair split between Pre online sync and Online sync, the [0064] rule may govern the whole pair.
  const pairRule = pre > 0 && pre < members && k.readings['S14-disagreement-during-split-check'] === 'pair-still-pre-online-sync';
  let actLost = false;
  for (let i = 0; i < k.n; i++) {
    const before = k.now(i, ST);
    if (before !== ST3 && before !== ST4) continue;
    // [0045] [0064] [0066]: the SBY's storage can no longer be trusted until a copy re-synchronizes it
    if (k.now(i, MODE) !== ACT && k.keeps(H_DISAGREED)) k.set(s, i, DISAGREED, 1);
    if (!k.ft(s, i, pairRule ? E_ST3_SBY_OUT : io ? E_IO_DISAGREE : E_BUS_DISAGREE)) return;
    const after = k.get(s, i, ST);
    if (after === ST5) {
      // [0067]: the main storage access trace starts; an IO disagreement holds the mismatching pair.
      if (k.does(X_START_TRACE)) k.set(s, i, TRACING, 1);
      k.set(s, i, TRACE_COUNT, 0);
      k.set(s, i, TRACE_MASK, 0);
      k.set(s, i, HELD, io ? 1 : 0);
    } else if (after === ST2) {
      clearTrace(k, s, i);
      k.set(s, i, TRACING, k.readings['S8-trace-after-async-exit'] === 'until-resync' ? 1 : 0);
    } else if (after === ST9 || after === ST10) {
      clearTrace(k, s, i);
      if (after === ST9) k.set(s, i, RESYNC_FROM, actAmongNow(k, ST4) + 1);
      if (after === ST10 && k.get(s, i, MODE) === ACT) actLost = true;
    }
  }
  afterSeparation(k, s, actLost);
  k.emit(io ? k.ids.io_disagree : k.ids.cpu_bus_disagree);
}

