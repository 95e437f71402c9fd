import { BUDGET_UNIT, CAP, ECAP, SCAP, USED } from './control.js';
import type { Geometry } from './memory.js';

/**
 * The shared byte budget and the commits charged to it. Pages of the shared
 * buffers are touched only below what has been committed (memory.ts), and
 * every commit is charged first, so the budget's count is the run's memory.
 *
 * Lock-free: the budget is one counter (units of BUDGET_UNIT bytes) raised by
 * CAS; a commit charges first and then moves its mark by CAS, refunding the
 * charge if another worker moved the mark first. A commit can thus fail
 * spuriously only when the budget cannot hold one more step anyway.
 */

/** States committed per step once past the first steps (the charge grows with the run, like the sequential chunks). */
const STATE_STEP_MAX = 1 << 16;
const STATE_STEP_MIN = 1 << 10;
/** Edges committed per step. */
const EDGE_STEP_MAX = 1 << 18;
const EDGE_STEP_MIN = 1 << 12;

/** Charges `bytes` to the budget; false (nothing charged) if that would pass it. */
export function charge(ci: Int32Array, g: Geometry, bytes: number): boolean {
  const units = Math.ceil(bytes / BUDGET_UNIT);
  for (;;) {
    const used = Atomics.load(ci, USED);
    if (used + units > g.budgetUnits) return false;
    if (Atomics.compareExchange(ci, USED, used, used + units) === used) return true;
  }
}

export function refund(ci: Int32Array, bytes: number): void {
  Atomics.sub(ci, USED, Math.ceil(bytes / BUDGET_UNIT));
}

/** Bytes the budget counts (units rounded up). */
export function usedBytes(ci: Int32Array): number {
  return Atomics.load(ci, USED) * BUDGET_UNIT;
}

/**
 * Makes the state columns usable at least up to `cap + 1` states, where
 * `cap` is the CAP the caller saw: one commit step (unless another worker
 * moved CAP meanwhile). False if the budget or the capacity refuses and CAP
 * has not moved.
 */
export function commitStates(ci: Int32Array, cu: Uint32Array, g: Geometry, cap: number): boolean {
  for (;;) {
    if (Atomics.load(cu, CAP) !== cap) return true;
    if (cap >= g.capacity) return false;
    const step = Math.min(Math.max(cap, STATE_STEP_MIN), STATE_STEP_MAX, g.capacity - cap);
    const bytes = step * g.stateBytes;
    if (!charge(ci, g, bytes)) return Atomics.load(cu, CAP) !== cap;
    if (Atomics.compareExchange(cu, CAP, cap, cap + step) === cap) return true;
    refund(ci, bytes);
  }
}

/**
 * Makes an edge area (`field`: ECAP for the CSR arrays, SCAP for the scratch
 * area) usable up to `need` edges. False if the budget or the capacity refuses.
 */
export function commitEdges(ci: Int32Array, cu: Uint32Array, g: Geometry, field: typeof ECAP | typeof SCAP, need: number): boolean {
  for (;;) {
    const cap = Atomics.load(cu, field);
    if (cap >= need) return true;
    if (need > g.edgeCapacity) return false;
    const step = Math.min(Math.max(need - cap, Math.min(Math.max(cap, EDGE_STEP_MIN), EDGE_STEP_MAX)), g.edgeCapacity - cap);
    const bytes = step * g.edgeBytes;
    if (!charge(ci, g, bytes)) {
      if (Atomics.load(cu, field) !== cap) continue;
      return false;
    }
    if (Atomics.compareExchange(cu, field, cap, cap + step) !== cap) refund(ci, bytes);
  }
}
