import type { InvariantSet } from '../invariants.js';
import { CURSOR, NONE } from './control.js';
import type { Geometry, SharedViews } from './memory.js';
import type { WorkerTally } from './tally.js';

/**
 * One worker's evaluation of stored states (invariant sets, triggers, the
 * discovering label for coverage), in the final order: a worker evaluates
 * each chunk of a level when it claims it, before expanding it (worker-loop.ts),
 * and, on a halted run, the states never claimed in a last pass (P_EVALUATE).
 * It keeps, per invariant, the first violating and the first trigger state
 * it met since `begin`; its chunks come in increasing order, so its first is
 * its smallest. `publish` lowers the level's shared minima (levelViol,
 * levelTrig) to them, and the leader turns the minima into verdicts
 * (leader.ts): as in the sequential run, the reported state of an invariant
 * is the first in BFS order. Chunks are claimed in increasing order, so once
 * a chunk is claimed every state before it is (or is being) evaluated.
 */
export class Evaluator {
  private readonly probe: Uint32Array;
  private readonly masks = new Uint32Array(2);
  private readonly setBase: Int32Array;
  /** Per set: bits of the invariants not reported in an earlier level. */
  private readonly unreported: Uint32Array;
  private readonly firstViol: Uint32Array;
  private readonly firstTrig: Uint32Array;
  private readonly active: boolean;

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
    this.firstViol = new Uint32Array(base).fill(NONE);
    this.firstTrig = new Uint32Array(base).fill(NONE);
    this.active = sets.length > 0;
  }

  /** Starts a level (or the last pass): forgets the firsts, skips the invariants already reported. */
  begin(): void {
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

  /** Evaluates states [from, to); `discovering`: they have an incoming label (not initial states). */
  range(from: number, to: number, discovering: boolean): void {
    if (discovering) {
      const { labels } = this.v;
      const discovered = this.tally.discovered;
      for (let i = from; i < to; i++) discovered[labels[i]]++;
    }
    if (this.active) for (let i = from; i < to; i++) this.evaluate(i);
  }

  /**
   * The last pass of a halted run: this worker's chunks of [CURSOR, end) (the
   * leader set CURSOR), then publish. States below `levelEnd` belong to the
   * level being expanded, the others to the next one; `discovering` says for
   * each whether its states have an incoming label.
   */
  claimRange(end: number, levelEnd: number, currentDiscovering: boolean, nextDiscovering: boolean): void {
    const cu = this.v.cu;
    const claim = this.g.claim;
    this.begin();
    for (;;) {
      const from = Atomics.add(cu, CURSOR, claim);
      if (from >= end) break;
      const to = Math.min(from + claim, end);
      if (from < levelEnd) this.range(from, Math.min(to, levelEnd), currentDiscovering);
      if (to > levelEnd) this.range(Math.max(from, levelEnd), to, nextDiscovering);
    }
    this.publish();
  }

  /** True if a violation has been met since `begin` (for 'stop' mode). */
  get violated(): boolean {
    for (let inv = 0; inv < this.firstViol.length; inv++) if (this.firstViol[inv] !== NONE) return true;
    return false;
  }

  /** Lowers the shared minima to this worker's firsts (idempotent). */
  publish(): void {
    const { levelViol, levelTrig } = this.v;
    for (let inv = 0; inv < this.firstViol.length; inv++) {
      lowerTo(levelViol, inv, this.firstViol[inv]);
      lowerTo(levelTrig, inv, this.firstTrig[inv]);
    }
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
}

/** Atomic min: a[k] := min(a[k], value). */
function lowerTo(a: Uint32Array, k: number, value: number): void {
  for (;;) {
    const old = Atomics.load(a, k);
    if (old <= value || Atomics.compareExchange(a, k, old, value) === old) return;
  }
}
