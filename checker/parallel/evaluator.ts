import type { InvariantSet } from '../invariants.js';
import { CURSOR, NONE } from './control.js';
import type { Geometry, SharedViews } from './memory.js';
import type { WorkerTally } from './tally.js';

/**
 * One worker's share of the evaluation of the states a level found, once
 * they are in their final order (P_EVALUATE): claims chunks on CURSOR, and
 * for each state evaluates every invariant set, counts triggers and the
 * discovering label (coverage), and keeps per invariant the first violating
 * and the first trigger state it met. A worker's chunks come in increasing
 * order, so its first is its smallest; at the end of its share it lowers the
 * level's shared minima (levelViol, levelTrig) to it, and the leader turns
 * the minima into verdicts (leader.ts). Hence, as in the sequential run, the
 * reported state of an invariant is the first in BFS order.
 */
export class Evaluator {
  private readonly probe: Uint32Array;
  private readonly masks = new Uint32Array(2);
  private readonly setBase: Int32Array;
  /** Per set: bits of the invariants not reported in an earlier level. */
  private readonly unreported: Uint32Array;
  private readonly firstViol: Uint32Array;
  private readonly firstTrig: Uint32Array;

  constructor(
    private readonly sets: readonly InvariantSet[],
    private readonly v: SharedViews,
    private readonly g: Geometry,
    private readonly tally: WorkerTally,
  ) {
    this.probe = new Uint32Array(g.words);
    this.setBase = new Int32Array(sets.length);
    this.unreported = new Uint32Array(sets.length);
    let base = 0;
    sets.forEach((set, k) => {
      this.setBase[k] = base;
      base += set.names.length;
    });
    this.firstViol = new Uint32Array(base);
    this.firstTrig = new Uint32Array(base);
  }

  /** Evaluates this worker's chunks of [CURSOR, end) (the leader set CURSOR); `discovering`: the states have an incoming label (not initial). */
  run(end: number, discovering: boolean): void {
    const { cu, labels } = this.v;
    const tally = this.tally;
    this.prepare();
    const sets = this.sets.length > 0;
    for (;;) {
      const from = Atomics.add(cu, CURSOR, this.g.claim);
      if (from >= end) break;
      const to = Math.min(from + this.g.claim, end);
      for (let i = from; i < to; i++) {
        if (discovering) tally.discovered[labels[i]]++;
        if (sets) this.evaluate(i);
      }
    }
    this.publish();
  }

  private prepare(): void {
    const violState = this.v.violState;
    for (let k = 0; k < this.sets.length; k++) {
      const n = this.sets[k].names.length;
      let bits = 0;
      for (let b = 0; b < n; b++) if (violState[this.setBase[k] + b] === NONE) bits |= 1 << b;
      this.unreported[k] = bits >>> 0;
    }
    this.firstViol.fill(NONE);
    this.firstTrig.fill(NONE);
  }

  private evaluate(index: number): void {
    const states = this.v.states;
    const words = this.g.words;
    const probe = this.probe;
    const masks = this.masks;
    const base = index * words;
    for (let k = 0; k < this.sets.length; k++) {
      for (let w = 0; w < words; w++) probe[w] = states[base + w];
      this.sets[k].evaluate(probe, masks);
      const setBase = this.setBase[k];
      let t = masks[1];
      while (t !== 0) {
        const bit = 31 - Math.clz32(t & -t);
        t &= t - 1;
        const inv = setBase + bit;
        this.tally.triggerCounts[inv]++;
        if (this.firstTrig[inv] === NONE) this.firstTrig[inv] = index;
      }
      let bad = (masks[0] & this.unreported[k]) >>> 0;
      while (bad !== 0) {
        const bit = 31 - Math.clz32(bad & -bad);
        bad = (bad & (bad - 1)) >>> 0;
        if (this.firstViol[setBase + bit] === NONE) this.firstViol[setBase + bit] = index;
      }
    }
  }

  /** Lowers the level's shared minima to this worker's firsts. */
  private publish(): void {
    const { levelViol, levelTrig } = this.v;
    for (let inv = 0; inv < this.firstViol.length; inv++) {
      lowerTo(levelViol, inv, this.firstViol[inv]);
      lowerTo(levelTrig, inv, this.firstTrig[inv]);
    }
  }
}

/** Atomic min: a[k] := min(a[k], value). */
function lowerTo(a: Uint32Array, k: number, value: number): void {
  for (;;) {
    const old = Atomics.load(a, k);
    if (old <= value || Atomics.compareExchange(a, k, old, value) === old) return;
  }
}
