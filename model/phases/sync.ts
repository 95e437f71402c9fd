/**
 * FIG. 10, synchronization ([0088]-[0093]): software starts it on the Online
 * ready system (T105), the DMA copies main storage page by page (T106-T107,
 * or the traced pages after FIG. 11's T119), SMI and context copy
 * (T108-T109 / T118, T121), the synchronization reset (T110 / T122) and the
 * memory check of Pre online sync (T114-T115, T210-T211; [0064]).
 */
import { CPU_OS, CPU_SMM, CPU_WAIT_SYNC } from '../../hw/cpu-subsystem.js';
import { JOB_FULL, JOB_IDLE, nextCopyPage, type JobKind } from '../../hw/dma-controller.js';
import { ACT, ST2, ST3, ST4, ST7, ST8, ST10 } from '../../hw/ft-controller.js';
import { DELIVERED, INBOUND_CROSS_DMA } from '../../hw/io-subsystem.js';
import { pagesEqual } from '../../hw/main-storage.js';
import { C_SMI, C_SYNC_RESET, E_ASSIGN_ACT, E_ASSIGN_SBY, E_CHECK_FAIL, E_CHECK_OK, E_RECOVER, E_RESET_DST, E_RESET_SRC } from '../events.js';
import { effect, ghost, guard, outcome } from '../hooks.js';
import { FAULT_COPY } from '../faults.js';
import type { Kernel } from '../kernel.js';
import { CORRUPTED, CPU, CTX, DISAGREED, DMA_HUNG, JOB, JOB_DST, JOB_PROGRESS, JOB_SRC, MEM, MODE, RESYNC_FROM, ST, TRACE_COUNT, TRACE_MASK, TRACING } from '../layout.js';
import { afterSeparation, clearTrace, inGroupNow, owesPartialCopyNow } from './shared.js';

const G_BUDGET = guard('inject.budget'), G_IDLE = guard('sync_start.idle'), G_LINK = guard('sync_start.link'), G_SOURCE = guard('sync_start.source'),
  G_DESTINATION = guard('sync_start.destination'), G_TRACE_FREE = guard('sync_start.trace-free'), 
  G_ACCESS = guard('dma_copy.access'), G_SMI_OS = guard('smi_source.os'), G_CTX_SMM = guard('context_copy.source-in-smm'),
  G_CTX_DONE = guard('context_copy.copy-done'), G_RESET_CTX = guard('sync_reset.context'), G_RESET_WAITS = guard('sync_reset.destination-waits'),
  G_CHECK_ST3 = guard('memory_check.pre-online-sync'), G_COMPARE = guard('memory_check.compare');
const X_WRITE = effect('dma_copy.write');
const H_DISAGREED = ghost('disagreed');
const O_FROM_READY = outcome('sync_start.from-online-ready'), O_FROM_SYNC = outcome('sync_start.from-online-sync'),
  O_AGAIN = outcome('sync_start.resynchronizes-recover-offline'), O_FULL_PAGE = outcome('dma_copy.full-page'),
  O_TRACED_PAGE = outcome('dma_copy.traced-page'), O_RESET_FULL = outcome('sync_reset.after-full-copy'),
  O_RESET_PARTIAL = outcome('sync_reset.after-partial-copy'), O_PASSED = outcome('memory_check.passed'), O_FAILED = outcome('memory_check.failed');

/** Table 1 Online ready "serves as copy source"; S13: also the ACT of a running Online sync group. */
function canBeSourceNow(k: Kernel, src: number): boolean {
  const st = k.now(src, ST);
  if (k.now(src, CPU) !== CPU_OS) return false;
  if (st === ST2) return true;
  if (st !== ST4 || k.now(src, MODE) !== ACT) return false;
  const r = k.readings['S13-n3-copy-source'];
  if (r === 'act-in-online-sync') return true;
  if (r !== 'online-sync-group') return false;
  // a running group: a linked partner in Online sync, and no memory check of Pre online sync pending
  let partner = false;
  for (let j = 0; j < k.n; j++) {
    if (k.now(j, ST) === ST3) return false;
    if (j !== src && k.now(j, ST) === ST4 && k.linkedNow(src, j)) partner = true;
  }
  return partner;
}

/** S13 online-sync-group: j is another member of the Online sync group whose ACT `src` is the copy source. */
export function groupMemberNow(k: Kernel, src: number, j: number): boolean {
  return j !== src && k.now(src, ST) === ST4 && k.now(j, ST) === ST4 && k.linkedNow(src, j) && k.readings['S13-n3-copy-source'] === 'online-sync-group';
}

/**
 * [0088] T105/T205, [0071]: software on the Online ready system starts
 * synchronization; the Offline system waiting in BIOS enters Recover offline
 * and the DMA starts a full copy ([0089] T106). S9: the source's writes are traced from here.
 */
export function syncStart(k: Kernel, src: number, dst: number): void {
  if (k.nowG(JOB) !== JOB_IDLE && k.enforce(G_IDLE)) return;
  if (!k.linkedNow(src, dst) && k.enforce(G_LINK)) return;
  if (!canBeSourceNow(k, src) && k.enforce(G_SOURCE)) return;
  if (k.hungNow(src) || k.hungNow(dst)) return;
  const dstSt = k.now(dst, ST), dstCpu = k.now(dst, CPU);
  const waiting = dstCpu === CPU_WAIT_SYNC;
  // An orphaned Recover offline system (its copy source was lost) may be synchronized again.
  if (!((dstSt === ST7 && waiting) || (dstSt === ST8 && (waiting || dstCpu === CPU_SMM))) && k.enforce(G_DESTINATION)) return;
  // S13 online-sync-group: the destination joins the whole group in lock-step, so it needs a link to every member
  for (let j = 0; j < k.n; j++) if (j !== dst && groupMemberNow(k, src, j) && !k.linkedNow(dst, j) && k.enforce(G_LINK)) return;
  // S16: the source's trace memory may still hold the difference a partner waits for.
  if (k.readings['S16-trace-memory-sharing'] === 'finish-resync-first' && owesPartialCopyNow(k, src, dst) && k.enforce(G_TRACE_FREE)) return;
  const s = k.begin();
  if (dstSt === ST7 && !k.ft(s, dst, E_RECOVER)) return;
  k.took(k.now(src, ST) === ST4 ? O_FROM_SYNC : O_FROM_READY);
  if (dstSt === ST8) k.took(O_AGAIN);
  k.setG(s, JOB, JOB_FULL);
  k.setG(s, JOB_SRC, src);
  k.setG(s, JOB_DST, dst);
  k.setG(s, JOB_PROGRESS, 0);
  k.set(s, dst, CTX, 0);
  k.set(s, dst, RESYNC_FROM, 0);
  k.set(s, dst, CORRUPTED, 0);
  clearTrace(k, s, dst);
  k.set(s, src, TRACE_COUNT, 0);
  k.set(s, src, TRACE_MASK, 0);
  k.set(s, src, TRACING, k.readings['S9-writes-during-full-copy'] === 'traced-and-recopied' ? 1 : 0);
  k.emit(k.ids.sync_start[src * k.n + dst]);
}

/** D5: the system a copy between source `src` (Online ready) and destination `dst` (Recover offline) reads. */
export function copyFromOf(k: { readonly readings: Kernel['readings'] }, src: number, dst: number): number {
  return k.readings['D5-copy-direction'] === 'to-recover-offline' ? src : dst;
}

/** D5: the system whose main storage that copy writes. */
export function copyToOf(k: { readonly readings: Kernel['readings'] }, src: number, dst: number): number {
  return k.readings['D5-copy-direction'] === 'to-recover-offline' ? dst : src;
}

/**
 * [0049]-[0050] FIG. 6, T106/T119: the DMA copies one page over the crosslink.
 * The write reaches the destination as an inbound request from the other
 * system's DMA controller and must pass its access control (Table 4).
 */
export function dmaCopy(k: Kernel): void {
  copyPageStep(k, false);
}

/**
 * Failure injection, [0064] [0091]: the DMA write of the next page reaches the
 * destination with a wrong value. Nothing notices until the memory check of
 * Pre online sync compares the storage of the two systems.
 */
export function copyError(k: Kernel): void {
  if (!k.budgetLeft() && k.enforce(G_BUDGET)) return;
  copyPageStep(k, true);
}

function copyPageStep(k: Kernel, corrupt: boolean): void {
  const kind = k.nowG(JOB) as JobKind;
  if (kind === JOB_IDLE || k.nowG(DMA_HUNG) === 1) return;
  const src = k.nowG(JOB_SRC), dst = k.nowG(JOB_DST);
  const progress = k.nowG(JOB_PROGRESS);
  const page = nextCopyPage(kind, progress, k.pages, k.now(src, TRACE_MASK));
  if (page < 0) return;
  const from = copyFromOf(k, src, dst), to = copyToOf(k, src, dst);
  const delivered = k.outcome(INBOUND_CROSS_DMA, k.now(to, ST), k.now(from, ST), k.linkedNow(src, dst)) === DELIVERED;
  if (!delivered && k.enforce(G_ACCESS)) return;
  const s = k.begin();
  const value = k.now(from, MEM + page);
  if (corrupt) {
    k.injectFault(s, FAULT_COPY);
    k.set(s, to, MEM + page, (value + 1) % k.values);
    k.set(s, to, CORRUPTED, 1);
  } else if (k.does(X_WRITE)) k.set(s, to, MEM + page, value);
  if (kind === JOB_FULL && progress < k.pages) {
    k.setG(s, JOB_PROGRESS, progress + 1);
    k.took(O_FULL_PAGE);
  } else {
    k.set(s, src, TRACE_MASK, k.now(src, TRACE_MASK) & ~(1 << page));
    k.took(O_TRACED_PAGE);
  }
  k.emit((corrupt ? k.ids.copy_error : k.ids.dma_copy)[(src * k.n + dst) * k.pages + page]);
}

/** Applies CPU event e to the copy source and its lock-step companions (an Online sync source under S13); false if the source refuses. */
function cpuOfSourceGroup(k: Kernel, s: Uint32Array, src: number, e: number): boolean {
  if (k.get(s, src, ST) !== ST4) return k.cpu(s, src, e);
  let ok = true;
  for (let i = 0; i < k.n; i++) if (k.get(s, i, ST) === ST4 && !k.cpu(s, i, e) && i === src) ok = false;
  return ok;
}

/** [0089] T108 (after a full copy), [0096] T118 (before a partial copy): SMI on the copy source. */
export function smiSource(k: Kernel): void {
  if (k.nowG(JOB) === JOB_IDLE) return;
  const src = k.nowG(JOB_SRC);
  if (k.now(src, CPU) !== CPU_OS && k.enforce(G_SMI_OS)) return;
  if (k.hungNow(src)) return;
  const s = k.begin();
  if (!cpuOfSourceGroup(k, s, src, C_SMI)) return;
  k.emit(k.ids.smi_source[src]);
}

/** [0089] T109, [0097] T121: copy complete and the source in SMM: its cache/context goes to the destination. */
export function contextCopy(k: Kernel): void {
  const kind = k.nowG(JOB) as JobKind;
  if (kind === JOB_IDLE) return;
  const src = k.nowG(JOB_SRC), dst = k.nowG(JOB_DST);
  if (k.now(dst, CTX) === 1 || k.hungNow(src)) return;
  if ((k.now(src, CPU) !== CPU_SMM || !k.linkedNow(src, dst)) && k.enforce(G_CTX_SMM)) return;
  if (nextCopyPage(kind, k.nowG(JOB_PROGRESS), k.pages, k.now(src, TRACE_MASK)) >= 0 && k.enforce(G_CTX_DONE)) return;
  const s = k.begin();
  k.set(s, dst, CTX, 1);
  k.emit(k.ids.context_copy[src * k.n + dst]);
}

/**
 * [0090] T110, [0098] T122: synchronization reset of both systems: source
 * ST2 -> ST3, destination ST8 -> ST3, modes per S2; both CPUs run BIOS.
 */
export function syncReset(k: Kernel): void {
  const kind = k.nowG(JOB) as JobKind;
  if (kind === JOB_IDLE) return;
  const src = k.nowG(JOB_SRC), dst = k.nowG(JOB_DST);
  const dstCpu = k.now(dst, CPU);
  if ((k.now(dst, CTX) !== 1 || k.now(src, CPU) !== CPU_SMM || !k.linkedNow(src, dst)) && k.enforce(G_RESET_CTX)) return;
  if (dstCpu !== CPU_SMM && dstCpu !== CPU_WAIT_SYNC && k.enforce(G_RESET_WAITS)) return;
  if (k.hungNow(src) || k.hungNow(dst)) return;
  // S13 online-sync-group: the destination must still be linked to every member it joins
  for (let j = 0; j < k.n; j++) if (j !== dst && groupMemberNow(k, src, j) && !k.linkedNow(dst, j) && k.enforce(G_RESET_CTX)) return;
  const s = k.begin();
  if (!cpuOfSourceGroup(k, s, src, C_SYNC_RESET)) return;
  if (!k.ft(s, src, E_RESET_SRC) || !k.ft(s, dst, E_RESET_DST)) return;
  if (!k.ft(s, src, E_ASSIGN_ACT) || !k.ft(s, dst, E_ASSIGN_SBY) || !k.cpu(s, dst, C_SYNC_RESET)) return;
  // S13 online-sync-group: the reset applies to every system the synchronization involves ([0090])
  for (let j = 0; j < k.n; j++) {
    if (j === dst || !groupMemberNow(k, src, j)) continue;
    if (!k.ft(s, j, E_RESET_SRC) || !k.ft(s, j, E_ASSIGN_SBY)) return;
    clearTrace(k, s, j);
  }
  k.took(kind === JOB_FULL ? O_RESET_FULL : O_RESET_PARTIAL);
  clearTrace(k, s, src);
  clearTrace(k, s, dst);
  k.set(s, dst, CTX, 0);
  k.set(s, dst, RESYNC_FROM, 0);
  if (k.keeps(H_DISAGREED)) k.set(s, dst, DISAGREED, 0); // re-synchronized by the copy
  k.setG(s, JOB, JOB_IDLE);
  k.setG(s, JOB_SRC, 0);
  k.setG(s, JOB_DST, 0);
  k.setG(s, JOB_PROGRESS, 0);
  k.emit(k.ids.sync_reset[src * k.n + dst]);
}

/**
 * [0091] T114-T115, [0092] T210-T211, [0064]: the memory check of Pre online
 * sync. Equal storage: ST3 -> ST4. Otherwise each SBY whose storage differs
 * from the ACT's is separated; the ACT cannot be set to Fault.
 */
export function memoryCheck(k: Kernel, i: number): void {
  if ((k.now(i, ST) !== ST3 || k.now(i, CPU) !== CPU_OS) && k.enforce(G_CHECK_ST3)) return;
  if (k.hungNow(i)) return;
  const c = k.cur;
  const lay = k.layout;
  let equal = true;
  let leader = -1;
  for (let j = 0; j < k.n; j++) {
    if (!inGroupNow(k, i, j)) continue;
    if (leader < 0 || (k.now(j, MODE) === ACT && k.now(leader, MODE) !== ACT)) leader = j;
    if (j !== i && !pagesEqual(lay, c, lay.at(i, MEM), lay.at(j, MEM), k.pages)) equal = false;
  }
  const s = k.begin();
  if (equal || !k.enforce(G_COMPARE)) {
    if (!k.ft(s, i, E_CHECK_OK)) return;
    k.took(O_PASSED);
    k.emit(k.ids.memory_check[i]);
    return;
  }
  let separated = false;
  for (let j = 0; j < k.n; j++) {
    if (j === leader || k.now(j, ST) !== ST3 || !inGroupNow(k, i, j)) continue;
    if (pagesEqual(lay, c, lay.at(j, MEM), lay.at(leader, MEM), k.pages)) continue;
    k.ft(s, j, E_CHECK_FAIL);
    if (k.get(s, j, ST) === ST10) {
      separated = true;
      clearTrace(k, s, j);
    }
  }
  if (!separated) return;
  k.took(O_FAILED);
  afterSeparation(k, s, false);
  k.emit(k.ids.memory_check[i]);
}
