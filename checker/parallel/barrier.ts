import { ARRIVED, GEN } from './control.js';

/** What the last worker to reach a barrier does before releasing the others. */
export interface BarrierLeader {
  /** Runs alone (every other worker waits); decides the next phase. */
  decide(): void;
}

/**
 * Sense-reversing barrier over the control block: each of `workers` threads
 * calls `arrive`; the last one runs `leader.decide()` and then releases all
 * (bumps GEN and notifies). The waiting side sleeps in Atomics.wait, so a
 * worker that finished its share early costs no CPU. GEN is read before
 * arriving, so a release can never be missed; ARRIVED is reset before the
 * release, so a fast worker cannot arrive early at the next barrier.
 */
export function arrive(ci: Int32Array, workers: number, leader: BarrierLeader): void {
  const gen = Atomics.load(ci, GEN);
  if (Atomics.add(ci, ARRIVED, 1) === workers - 1) {
    Atomics.store(ci, ARRIVED, 0);
    leader.decide();
    Atomics.add(ci, GEN, 1);
    Atomics.notify(ci, GEN);
    return;
  }
  while (Atomics.load(ci, GEN) === gen) Atomics.wait(ci, GEN, gen);
}
