/**
 * FIG. 11, resynchronization after a CPU-bus disagreement ([0095]-[0100]):
 * leaving Online async at the buffer mark (T117/T213), the SBY's SMI ACK
 * (T118/T214) and the partial copy of the traced difference (T119/T215).
 * The copy then proceeds as in FIG. 10 (model/phases/sync.ts).
 */
import { MARK_BUFFER, MARK_TRACE, asyncExitMarks } from '../../hw/comparison-buffer.js';
import { CPU_OS, CPU_SMM } from '../../hw/cpu-subsystem.js';
import { JOB_IDLE, JOB_PARTIAL } from '../../hw/dma-controller.js';
import { ST2, ST3, ST4, ST5, ST8, ST9 } from '../../hw/ft-controller.js';
import { C_SMI, E_ASYNC_EXIT, E_SMI_ACK } from '../events.js';
import { effect, guard, outcome } from '../hooks.js';
import type { Kernel } from '../kernel.js';
import { CPU, HELD, JOB, JOB_DST, JOB_PROGRESS, JOB_SRC, RESYNC_FROM, ST, TRACE_COUNT, TRACE_MASK, TRACING } from '../layout.js';
import { actAmongNow } from './shared.js';

const G_DUE = guard('async_exit.due'), G_NO_LOCKSTEP = guard('async_exit.no-lockstep'), G_PRE_OFFLINE = guard('smi_ack.pre-offline'),
  G_IDLE = guard('resync_start.idle'), G_LINK = guard('resync_start.link'), G_SOURCE = guard('resync_start.source'),
  G_DESTINATION = guard('resync_start.destination'), G_PARTNER = guard('resync_start.former-partner');
const X_DRAIN = effect('async_exit.drain');
const O_TRACE_MARK = outcome('async_exit.trace-mark'), O_BUFFER_MARK = outcome('async_exit.buffer-mark'), O_PARTIAL = outcome('resync_start.partial');

/**
 * [0072] [0095] T117/T213 (D6 trigger, D2 target): at the buffer mark software
 * moves the ACT to Online ready and the SBY to Pre offline, issuing SMI to the SBY's CPUs.
 */
export function asyncExit(k: Kernel): void {
  let any = false, marks = 0;
  for (let i = 0; i < k.n; i++) {
    const st = k.now(i, ST);
    if ((st === ST3 || st === ST4) && k.enforce(G_NO_LOCKSTEP)) return;
    if (st !== ST5) continue;
    any = true;
    marks |= asyncExitMarks(k.now(i, TRACE_COUNT), k.traceCap, k.now(i, HELD), k.bufferCap, k.readings);
  }
  if (!any || (marks === 0 && k.enforce(G_DUE))) return;
  const act = actAmongNow(k, ST5);
  if (act >= 0 && k.hungNow(act)) return; // the exit is a software instruction ([0072]) of the ACT
  const s = k.begin();
  if (marks & MARK_TRACE) k.took(O_TRACE_MARK);
  if (marks & MARK_BUFFER) k.took(O_BUFFER_MARK);
  for (let i = 0; i < k.n; i++) {
    if (k.now(i, ST) !== ST5) continue;
    if (!k.ft(s, i, E_ASYNC_EXIT)) return;
    if (k.get(s, i, ST) === ST9) k.set(s, i, RESYNC_FROM, act + 1);
    if (k.does(X_DRAIN)) k.set(s, i, HELD, 0); // ACT's held accesses are released, SBY's discarded
    const keepTracing = k.get(s, i, ST) === ST2 && k.readings['S8-trace-after-async-exit'] === 'until-resync';
    k.set(s, i, TRACING, keepTracing ? 1 : 0);
  }
  k.emit(k.ids.async_exit);
}

/** [0071] [0072] [0096] T118/T214: the SBY's CPUs enter SMM and return SMI ACK: ST9 -> ST8. */
export function smiAck(k: Kernel, i: number): void {
  if ((k.now(i, ST) !== ST9 || k.now(i, CPU) !== CPU_OS) && k.enforce(G_PRE_OFFLINE)) return;
  if (k.hungNow(i)) return; // no SMI ACK from a hung CPU
  const s = k.begin();
  if (!k.cpu(s, i, C_SMI) || !k.ft(s, i, E_SMI_ACK)) return;
  k.emit(k.ids.smi_ack[i]);
}

/**
 * [0097] T119/T215: resynchronization after Online async: a partial copy of
 * the traced pages ([0045]) from the Online ready system into the Recover
 * offline one whose CPUs are in SMM. S10: which traces the copy covers.
 */
export function resyncStart(k: Kernel, src: number, dst: number): void {
  if (k.nowG(JOB) !== JOB_IDLE && k.enforce(G_IDLE)) return;
  if (!k.linkedNow(src, dst) && k.enforce(G_LINK)) return;
  if ((k.now(src, ST) !== ST2 || k.now(src, CPU) !== CPU_OS) && k.enforce(G_SOURCE)) return;
  if (k.hungNow(src)) return;
  if ((k.now(dst, ST) !== ST8 || k.now(dst, CPU) !== CPU_SMM) && k.enforce(G_DESTINATION)) return;
  // S15: the traced difference is relative to the system it was duplicated with.
  if (k.readings['S15-partial-copy-source'] === 'former-partner' && k.now(dst, RESYNC_FROM) !== src + 1 && k.enforce(G_PARTNER)) return;
  const s = k.begin();
  k.took(O_PARTIAL);
  k.setG(s, JOB, JOB_PARTIAL);
  k.setG(s, JOB_SRC, src);
  k.setG(s, JOB_DST, dst);
  k.setG(s, JOB_PROGRESS, 0);
  if (k.readings['S10-partial-copy-range'] === 'both-traces') k.set(s, src, TRACE_MASK, k.now(src, TRACE_MASK) | k.now(dst, TRACE_MASK));
  k.set(s, dst, TRACE_MASK, 0);
  k.set(s, dst, TRACE_COUNT, 0);
  // N >= 3: one trace memory holds one difference, and this copy consumes it; any other system that waited for a
  // partial copy from the same source will need a full copy instead ([0047] one trace function per controller)
  for (let j = 0; j < k.n; j++) if (j !== dst && k.now(j, RESYNC_FROM) === src + 1) k.set(s, j, RESYNC_FROM, 0);
  k.emit(k.ids.resync_start[src * k.n + dst]);
}
