/**
 * Helpers several phases share: trace memory reset, who is ACT, lock-step
 * groups, and the consequences of separating a system from a lock-step group
 * ([0064]-[0067]) or abandoning a copy.
 */
import { CPU_OS, CPU_SMM } from '../../hw/cpu-subsystem.js';
import { JOB_FULL, JOB_IDLE } from '../../hw/dma-controller.js';
import { ACT, SBY, ST2, ST3, ST4, ST8, ST9, isLockstep, isOnline } from '../../hw/ft-controller.js';
import { E_LEFT_ALONE, E_PROMOTE, E_ST3_SBY_OUT } from '../events.js';
import { effect, guard, outcome } from '../hooks.js';
import type { Kernel } from '../kernel.js';
import { CPU, CTX, DISAGREED, HELD, JOB, JOB_DST, JOB_PROGRESS, JOB_SRC, MODE, RESYNC_FROM, ST, TRACE_COUNT, TRACE_MASK, TRACING } from '../layout.js';

const G_PROMOTE_ONE = guard('promote.one');
const X_ABORT = effect('abort-job');
const O_PROMOTES = outcome('separation.promotes'), O_LEFT_ALONE = outcome('separation.left-alone');

/** The main storage access trace and the comparison buffers of system i start empty. */
export function clearTrace(k: Kernel, s: Uint32Array, i: number): void {
  k.set(s, i, TRACING, 0);
  k.set(s, i, TRACE_COUNT, 0);
  k.set(s, i, TRACE_MASK, 0);
  k.set(s, i, HELD, 0);
}

/**
 * System i left lock-step or lost a link: its trace and comparison buffers
 * are moot, except the trace of the source of a running full copy, which
 * records the writes the copy must still carry over (S9; only at N >= 3 can
 * such a source change state during the copy).
 */
export function clearTraceOfLeaver(k: Kernel, s: Uint32Array, i: number): void {
  if (k.getG(s, JOB) === JOB_FULL && k.getG(s, JOB_SRC) === i) k.set(s, i, HELD, 0);
  else clearTrace(k, s, i);
}

/** The ACT among systems in FT state `st` of the state being expanded (lowest index), or -1. */
export function actAmongNow(k: Kernel, st: number): number {
  for (let i = 0; i < k.n; i++) if (k.now(i, ST) === st && k.now(i, MODE) === ACT) return i;
  return -1;
}

/** Some system other than i is online in ACT mode in `s`. */
export function onlineActOther(k: Kernel, s: Uint32Array, i: number): boolean {
  for (let j = 0; j < k.n; j++) if (j !== i && isOnline(k.get(s, j, ST)) && k.get(s, j, MODE) === ACT) return true;
  return false;
}

/** j runs in lock-step with i (Pre online sync / Online sync) over a connected crosslink, in the state being expanded; i itself counts. */
export function inGroupNow(k: Kernel, i: number, j: number): boolean {
  const sj = k.now(j, ST);
  return (sj === ST3 || sj === ST4) && (j === i || k.linkedNow(i, j));
}

/** Whether some system other than `except` waits in ST9/ST8 for a partial copy from `src` (state being expanded). */
export function owesPartialCopyNow(k: Kernel, src: number, except: number): boolean {
  for (let j = 0; j < k.n; j++) {
    if (j === except || k.now(j, RESYNC_FROM) !== src + 1) continue;
    const st = k.now(j, ST);
    if (st === ST9 || st === ST8) return true;
  }
  return false;
}

/**
 * [0035] [0055] [0065], S3, S4: after one or more systems were separated from
 * a lock-step group, promote a surviving SBY if the ACT was lost, and send a
 * lone survivor to the state S4 names. A survivor that leaves lock-step stops
 * tracing.
 */
export function afterSeparation(k: Kernel, s: Uint32Array, actLost: boolean): void {
  if (actLost) {
    let hasAct = false, preOnline = 0, elsewhere = 0;
    for (let i = 0; i < k.n; i++) {
      const st = k.get(s, i, ST);
      if (isOnline(st) && k.get(s, i, MODE) === ACT) hasAct = true;
      if (st === ST3) preOnline++;
      else if (isOnline(st)) elsewhere++;
    }
    if (!hasAct) {
      // [0064]: no mode switches in Pre online sync, so an SBY elsewhere takes over first; with only Pre online
      // sync SBYs left (N >= 3), a failure sets them to Fault but one, which takes over and leaves per S4
      if (elsewhere === 0 && preOnline >= 2) {
        const keep = takeoverPick(k, preOnline);
        for (let i = 0, seen = 0; i < k.n; i++) if (k.get(s, i, ST) === ST3 && seen++ !== keep) k.ft(s, i, E_ST3_SBY_OUT);
      }
      let candidates = 0;
      for (let i = 0; i < k.n; i++) if (takesOver(k, s, i, elsewhere)) candidates++;
      const one = k.enforce(G_PROMOTE_ONE);
      const pick = one ? takeoverPick(k, candidates) : -1;
      for (let i = 0, seen = 0; i < k.n; i++) {
        if (!takesOver(k, s, i, elsewhere) || (one && seen++ !== pick)) continue;
        if (k.ft(s, i, E_PROMOTE) && k.get(s, i, MODE) === ACT) {
          k.took(O_PROMOTES);
          k.set(s, i, DISAGREED, 0); // its storage is the reference now
        }
      }
    }
  }
  let lockstep = 0;
  for (let i = 0; i < k.n; i++) if (isLockstep(k.get(s, i, ST))) lockstep++;
  if (lockstep === 1) {
    for (let i = 0; i < k.n; i++) {
      if (!isLockstep(k.get(s, i, ST))) continue;
      k.ft(s, i, E_LEFT_ALONE);
      k.took(O_LEFT_ALONE);
      if (!isLockstep(k.get(s, i, ST))) clearTraceOfLeaver(k, s, i);
    }
  }
}

/** Whether system i of `s` is an SBY that may take over the service: online, and not in Pre online sync while an SBY elsewhere can. */
function takesOver(k: Kernel, s: Uint32Array, i: number, elsewhere: number): boolean {
  const st = k.get(s, i, ST);
  return isOnline(st) && k.get(s, i, MODE) === SBY && (st !== ST3 || elsewhere === 0);
}

/** S21: which of `m` SBYs able to take over does (counted in index order): any of them, or the lowest. */
function takeoverPick(k: Kernel, m: number): number {
  return m >= 2 && k.readings['S21-takeover-choice'] === 'any-sby' ? k.choose(m) : 0;
}

/**
 * A copy whose source or destination (system i) was separated is abandoned
 * (the text is silent): a source waiting in SMM returns to its OS and stops
 * tracing; the traced difference goes with it, so only a full copy can
 * synchronize the destination now.
 */
export function abortJobOf(k: Kernel, s: Uint32Array, i: number): void {
  if (k.getG(s, JOB) === JOB_IDLE || !k.does(X_ABORT)) return;
  const src = k.getG(s, JOB_SRC), dst = k.getG(s, JOB_DST);
  if (src !== i && dst !== i) return;
  if (k.get(s, dst, RESYNC_FROM) === src + 1) k.set(s, dst, RESYNC_FROM, 0);
  // the source's trace still holds the difference another system waits for (N >= 3): keep it
  let othersWait = false;
  for (let j = 0; j < k.n; j++) {
    const st = k.get(s, j, ST);
    if (j !== dst && k.get(s, j, RESYNC_FROM) === src + 1 && (st === ST9 || st === ST8)) othersWait = true;
  }
  if (src !== i && !othersWait) {
    k.set(s, src, TRACING, 0);
    k.set(s, src, TRACE_COUNT, 0);
    k.set(s, src, TRACE_MASK, 0);
  }
  // the CPUs that entered SMM for the copy (its source, and under S13 the source's group) return to their OS
  for (let j = 0; j < k.n; j++) if (j !== i && isOnline(k.get(s, j, ST)) && k.get(s, j, CPU) === CPU_SMM) k.set(s, j, CPU, CPU_OS);
  k.set(s, dst, CTX, 0);
  k.setG(s, JOB, JOB_IDLE);
  k.setG(s, JOB_SRC, 0);
  k.setG(s, JOB_DST, 0);
  k.setG(s, JOB_PROGRESS, 0);
}

/** An Online ready system traces for a resynchronization only while a partner still awaits it (ST9, or ST8 in SMM). */
export function dropOrphanTrace(k: Kernel, s: Uint32Array): void {
  if (k.getG(s, JOB) !== JOB_IDLE) return;
  for (let j = 0; j < k.n; j++) {
    const st = k.get(s, j, ST);
    if (st === ST9 || (st === ST8 && k.get(s, j, CPU) === CPU_SMM)) return;
  }
  for (let j = 0; j < k.n; j++) if (k.get(s, j, ST) === ST2) clearTrace(k, s, j);
}
