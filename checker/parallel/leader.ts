import type { BarrierLeader } from './barrier.js';
import { charge } from './commit.js';
import {
  COUNT,
  CURSOR,
  ECURSOR,
  EDGE_BASE,
  EDGE_NEXT,
  EXPANDED_LIMIT,
  H_OUT_OF_MEMORY,
  H_VIOLATION,
  HALT,
  HARD,
  LEVEL_CLAIMED,
  LEVEL_END,
  LEVEL_START,
  LEVELS_PER_CHARGE,
  NLEVELS,
  NONE,
  P_CLEAR,
  P_COMPACT,
  P_COUNT,
  P_DONE,
  P_EVALUATE,
  P_EXPAND,
  P_INIT,
  P_PLACE,
  P_REHASH,
  P_SCATTER,
  P_SORT,
  PAUSE,
  PHASE,
  RCAP,
  RENUMBERED,
  RESUME,
  TABLE_LOG,
  THRESHOLD,
} from './control.js';
import type { Geometry, SharedViews } from './memory.js';
import { groupStarts } from './renumber.js';

/**
 * The decisions taken at each barrier by the last worker to arrive, alone:
 * what the phase just finished leads to. All of the run's own state lives in
 * the control block (any worker may be the leader next time). One level:
 *
 *   EXPAND --(pause asked)--> CLEAR -> REHASH -> back to EXPAND (or INIT)
 *   EXPAND -> COUNT -> PLACE -> SORT -> SCATTER   renumbering (renumber.ts), skipped once halted
 *          -> COMPACT                             if edges are recorded
 *          -> EVALUATE                            invariants, triggers, coverage of the new states
 *          -> EXPAND of the next level, or DONE if halted or the level found nothing
 * The initial states: INIT -> EVALUATE -> EXPAND of level 0.
 */
export class Leader implements BarrierLeader {
  constructor(
    private readonly v: SharedViews,
    private readonly g: Geometry,
    private readonly stopAtViolation: boolean,
  ) {}

  decide(): void {
    const ci = this.v.ci;
    const phase = Atomics.load(ci, PHASE);
    switch (phase) {
      case P_INIT:
      case P_EXPAND:
        if (Atomics.load(ci, HALT) === 0 && Atomics.load(ci, PAUSE) !== 0 && this.grow(phase)) return;
        Atomics.store(ci, PAUSE, 0);
        return phase === P_INIT ? this.beginEvaluate() : this.afterExpand();
      case P_CLEAR:
        return this.enter(P_REHASH);
      case P_REHASH:
        return this.enter(Atomics.load(ci, RESUME));
      case P_COUNT:
        groupStarts(this.v);
        return this.enter(P_PLACE);
      case P_PLACE:
        return this.enter(P_SORT);
      case P_SORT:
        return this.enter(P_SCATTER);
      case P_SCATTER:
        Atomics.store(ci, RENUMBERED, 1);
        return this.afterRenumber();
      case P_COMPACT: {
        const cu = this.v.cu;
        Atomics.store(cu, EDGE_BASE, Atomics.load(cu, EDGE_NEXT));
        Atomics.store(cu, EXPANDED_LIMIT, Atomics.load(cu, LEVEL_END));
        return this.beginEvaluate();
      }
      case P_EVALUATE:
        this.publishVerdicts();
        return this.finishLevel();
      default:
        throw new Error(`parallel explorer: no decision after phase ${phase}`);
    }
  }

  private enter(phase: number): void {
    Atomics.store(this.v.ci, PHASE, phase);
  }

  /** Doubles the table (CLEAR then REHASH, then back to `resume`); false (halted) if the budget or the size refuses. */
  private grow(resume: number): boolean {
    const { ci, cu } = this.v;
    const log = Atomics.load(ci, TABLE_LOG);
    if (log >= this.g.tableMaxLog || !charge(ci, this.g, 2 ** log * 4)) {
      Atomics.compareExchange(ci, HALT, 0, H_OUT_OF_MEMORY);
      return false;
    }
    const size = 2 ** (log + 1);
    Atomics.store(ci, TABLE_LOG, log + 1);
    Atomics.store(cu, THRESHOLD, size / 2);
    Atomics.store(cu, HARD, size - size / 4);
    Atomics.store(ci, PAUSE, 0);
    Atomics.store(ci, RESUME, resume);
    this.enter(P_CLEAR);
    return true;
  }

  /** The level is expanded (or the run halted): renumber what it found, unless halted (the order then does not matter). */
  private afterExpand(): void {
    const { ci, cu } = this.v;
    Atomics.store(ci, RENUMBERED, 0);
    const n = Atomics.load(cu, COUNT) - Atomics.load(cu, LEVEL_END);
    const m = Atomics.load(cu, LEVEL_END) - Atomics.load(cu, LEVEL_START);
    if (Atomics.load(ci, HALT) === 0 && n > 0 && this.commitRank(Math.max(n, m))) {
      this.v.groups.fill(0, 0, m);
      return this.enter(P_COUNT);
    }
    this.afterRenumber();
  }

  /** Charges the renumbering scratch for `n` states; false (halted: out of memory) if refused. */
  private commitRank(n: number): boolean {
    const { ci, cu } = this.v;
    const have = Atomics.load(cu, RCAP);
    if (n <= have) return true;
    if (!charge(ci, this.g, (n - have) * this.g.rankBytes)) {
      Atomics.compareExchange(ci, HALT, 0, H_OUT_OF_MEMORY);
      return false;
    }
    Atomics.store(cu, RCAP, n);
    return true;
  }

  private afterRenumber(): void {
    if (this.g.recordEdges !== 'none') this.beginCompact();
    else this.beginEvaluate();
  }

  /**
   * Places the level's chunks in the CSR arrays, in state order: chunk c's
   * edges go at EDGE_BASE + the edges of chunks 0 .. c-1. Chunks never
   * claimed, or whose edges were not committed (halt), have none.
   */
  private beginCompact(): void {
    const { cu } = this.v;
    const chunks = this.v.chunks!;
    const start = Atomics.load(cu, LEVEL_START);
    const claim = this.g.claim;
    const count = Math.ceil((Atomics.load(cu, LEVEL_END) - start) / claim);
    const claimed = Math.min(count, Math.floor(Math.max(0, Atomics.load(cu, CURSOR) - start) / claim));
    let dst = Atomics.load(cu, EDGE_BASE);
    for (let c = 0; c < count; c++) {
      chunks[3 * c + 2] = dst;
      if (c < claimed && chunks[3 * c + 1] !== NONE) dst += chunks[3 * c];
    }
    Atomics.store(cu, EDGE_NEXT, dst);
    Atomics.store(cu, LEVEL_CLAIMED, claimed);
    Atomics.store(cu, CURSOR, 0);
    this.enter(P_COMPACT);
  }

  /** Evaluates the states found (the initial states after INIT), if any. */
  private beginEvaluate(): void {
    const { cu } = this.v;
    const from = Atomics.load(cu, LEVEL_END);
    if (Atomics.load(cu, COUNT) === from) return this.finishLevel();
    this.v.levelViol.fill(NONE);
    this.v.levelTrig.fill(NONE);
    Atomics.store(cu, CURSOR, from);
    this.enter(P_EVALUATE);
  }

  /**
   * Turns the level's minima into verdicts: the first violation of each
   * invariant not reported before (in 'stop' mode only those of the first
   * violating state, and the run halts), the first trigger of each.
   */
  private publishVerdicts(): void {
    const { ci, cu, violState, violDepth, firstTrigger, levelViol, levelTrig } = this.v;
    const depth = Atomics.load(cu, NLEVELS);
    let first = NONE;
    for (let inv = 0; inv < this.g.invariants; inv++) {
      if (firstTrigger[inv] === NONE) firstTrigger[inv] = levelTrig[inv];
      if (violState[inv] === NONE && levelViol[inv] < first) first = levelViol[inv];
    }
    if (first === NONE) return;
    for (let inv = 0; inv < this.g.invariants; inv++) {
      if (violState[inv] !== NONE || levelViol[inv] === NONE) continue;
      if (this.stopAtViolation && levelViol[inv] !== first) continue;
      violState[inv] = levelViol[inv];
      violDepth[inv] = depth;
    }
    if (this.stopAtViolation) Atomics.compareExchange(ci, HALT, 0, H_VIOLATION);
  }

  private finishLevel(): void {
    if (Atomics.load(this.v.ci, HALT) !== 0) this.enter(P_DONE);
    else this.nextLevel();
  }

  /** The states found while expanding the last level become the next level (DONE if there are none). */
  private nextLevel(): void {
    const { ci, cu, levels } = this.v;
    const start = Atomics.load(cu, LEVEL_END);
    const end = Atomics.load(cu, COUNT);
    if (end === start) return this.enter(P_DONE);
    const n = Atomics.load(cu, NLEVELS);
    if (n > 0 && n % LEVELS_PER_CHARGE === 0 && !charge(ci, this.g, LEVELS_PER_CHARGE * 4)) {
      Atomics.compareExchange(ci, HALT, 0, H_OUT_OF_MEMORY);
      return this.enter(P_DONE);
    }
    levels[n] = start;
    Atomics.store(cu, NLEVELS, n + 1);
    Atomics.store(cu, LEVEL_START, start);
    Atomics.store(cu, LEVEL_END, end);
    Atomics.store(cu, CURSOR, start);
    Atomics.store(cu, ECURSOR, 0);
    this.enter(P_EXPAND);
  }
}
