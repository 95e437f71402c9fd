import type { BarrierLeader } from './barrier.js';
import { charge } from './commit.js';
import { compactChunks } from './compact.js';
import {
  COUNT,
  CURSOR,
  FOUND,
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
  TAIL_START,
  THRESHOLD,
} from './control.js';
import type { Geometry, SharedViews } from './memory.js';
import { compactHoles, countShare, groupStarts, placeShare, scatterShare, sortShare } from './renumber.js';


/**
 * The decisions taken at each barrier by the last worker to arrive, alone:
 * what the phase just finished leads to. All of the run's own state lives in
 * the control block (any worker may be the leader next time). One level:
 *
 *   EXPAND --(pause asked)--> CLEAR -> REHASH -> back to EXPAND (or INIT)
 *   EXPAND (its states evaluated as claimed: verdicts published here)
 *     -> COUNT -> PLACE -> SORT -> SCATTER   renumbering (renumber.ts); skipped once halted
 *     -> COMPACT                             if edges are recorded
 * (a level that found at most `serialBelow` states, or 4x as many edges, is
 * renumbered and compacted by the leader alone: a barrier costs more)
 *     -> EXPAND of the next level, or DONE if the level found nothing
 * The initial states: INIT -> EXPAND of level 0. A halted run ends with
 * EVALUATE (the states never claimed) -> DONE.
 */
export class Leader implements BarrierLeader {
  constructor(
    private readonly v: SharedViews,
    private readonly g: Geometry,
    private readonly stopAtViolation: boolean,
  ) {}

  decide(): void {
    const { ci, cu } = this.v;
    const phase = Atomics.load(ci, PHASE);
    switch (phase) {
      case P_INIT:
      case P_EXPAND:
        if (Atomics.load(ci, HALT) === 0 && Atomics.load(ci, PAUSE) !== 0 && this.grow(phase)) return;
        Atomics.store(ci, PAUSE, 0);
        if (phase === P_EXPAND) return this.afterExpand();
        Atomics.store(cu, TAIL_START, 0);
        return this.endLevel();
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
        this.renumbered();
        return this.afterRenumber();
      case P_COMPACT:
        return this.afterCompact();
      case P_EVALUATE:
        this.publishVerdicts();
        return this.enter(P_DONE);
      default:
        throw new Error(`parallel explorer: no decision after phase ${phase}`);
    }
  }

  private enter(phase: number): void {
    Atomics.store(this.v.ci, PHASE, phase);
  }

  private get halted(): boolean {
    return Atomics.load(this.v.ci, HALT) !== 0;
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

  /**
   * The level is expanded (or the run halted): verdicts, then the
   * renumbering of what it found; a halted run's level (whose order does not
   * matter) only loses its holes.
   */
  private afterExpand(): void {
    const { ci, cu } = this.v;
    const levelEnd = Atomics.load(cu, LEVEL_END);
    // chunks are claimed in order: the states before CURSOR were all evaluated
    Atomics.store(cu, TAIL_START, Math.min(Atomics.load(cu, CURSOR), levelEnd));
    this.publishVerdicts();
    Atomics.store(ci, RENUMBERED, 0);
    const n = Atomics.load(cu, COUNT) - levelEnd;
    const m = levelEnd - Atomics.load(cu, LEVEL_START);
    if (n === 0) return this.afterRenumber();
    // one worker expands in index order and stores successors in emission order: the sequential order already
    if (this.halted || this.g.workers === 1 || !this.commitRank(Math.max(n, m))) {
      compactHoles(this.v, this.g);
      Atomics.store(ci, RENUMBERED, 2);
      return this.afterRenumber();
    }
    this.v.groups.fill(0, 0, m);
    if (n > this.g.serialBelow) return this.enter(P_COUNT);
    countShare(this.v, 0, 1);
    groupStarts(this.v);
    placeShare(this.v, this.g, 0, 1);
    sortShare(this.v, 0, 1);
    scatterShare(this.v, this.g, 0, 1);
    this.renumbered();
    this.afterRenumber();
  }

  /** After SCATTER: the level found FOUND states, now in their final places (the holes are gone). */
  private renumbered(): void {
    const { ci, cu } = this.v;
    Atomics.store(cu, COUNT, Atomics.load(cu, LEVEL_END) + Atomics.load(cu, FOUND));
    Atomics.store(ci, RENUMBERED, 1);
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

  /** Edges: places the level's chunks in the CSR arrays and moves them (COMPACT, or here if small). */
  private afterRenumber(): void {
    if (this.g.recordEdges === 'none') return this.endLevel();
    const edges = this.placeChunks();
    Atomics.store(this.v.cu, CURSOR, 0);
    if (edges > 4 * this.g.serialBelow && this.g.workers > 1) return this.enter(P_COMPACT);
    compactChunks(this.v, this.g);
    this.afterCompact();
  }

  /**
   * Chunk c's edges go at EDGE_BASE + the edges of chunks 0 .. c-1 (state
   * order). Chunks never claimed, or whose edges were not committed (halt),
   * have none. Returns the level's edges.
   */
  private placeChunks(): number {
    const { cu } = this.v;
    const chunks = this.v.chunks!;
    const start = Atomics.load(cu, LEVEL_START);
    const claim = this.g.claim;
    const count = Math.ceil((Atomics.load(cu, LEVEL_END) - start) / claim);
    const claimed = Math.min(count, Math.floor(Math.max(0, Atomics.load(cu, CURSOR) - start) / claim));
    const base = Atomics.load(cu, EDGE_BASE);
    let dst = base;
    for (let c = 0; c < count; c++) {
      chunks[3 * c + 2] = dst;
      if (c < claimed && chunks[3 * c + 1] !== NONE) dst += chunks[3 * c];
    }
    Atomics.store(cu, EDGE_NEXT, dst);
    Atomics.store(cu, LEVEL_CLAIMED, claimed);
    return dst - base;
  }

  private afterCompact(): void {
    const cu = this.v.cu;
    Atomics.store(cu, EDGE_BASE, Atomics.load(cu, EDGE_NEXT));
    Atomics.store(cu, EXPANDED_LIMIT, Atomics.load(cu, LEVEL_END));
    this.endLevel();
  }

  /** Next level, or (halted) the last pass over the states never evaluated. */
  private endLevel(): void {
    if (!this.halted) return this.nextLevel();
    const { cu } = this.v;
    const from = Atomics.load(cu, TAIL_START);
    if (Atomics.load(cu, COUNT) <= from) return this.enter(P_DONE);
    this.v.levelViol.fill(NONE);
    this.v.levelTrig.fill(NONE);
    Atomics.store(cu, CURSOR, from);
    this.enter(P_EVALUATE);
  }

  /**
   * Turns the minima of what was just evaluated into verdicts: the first
   * violation of each invariant not reported before (in 'stop' mode only
   * those of the first violating state, and the run halts), the first
   * trigger of each. A state's depth: the level being expanded, or the next
   * one for a state it found (last pass).
   */
  private publishVerdicts(): void {
    const { ci, cu, violState, violDepth, firstTrigger, levelViol, levelTrig } = this.v;
    const levels = Atomics.load(cu, NLEVELS);
    const levelEnd = Atomics.load(cu, LEVEL_END);
    let first = NONE;
    for (let inv = 0; inv < this.g.invariants; inv++) {
      if (firstTrigger[inv] === NONE) firstTrigger[inv] = levelTrig[inv];
      if (violState[inv] === NONE && levelViol[inv] < first) first = levelViol[inv];
    }
    if (first === NONE) return;
    if (this.stopAtViolation && Atomics.load(ci, HALT) === H_VIOLATION && violState.some((s) => s !== NONE)) return;
    for (let inv = 0; inv < this.g.invariants; inv++) {
      const state = levelViol[inv];
      if (violState[inv] !== NONE || state === NONE) continue;
      if (this.stopAtViolation && state !== first) continue;
      violState[inv] = state;
      violDepth[inv] = state >= levelEnd ? levels : levels - 1;
    }
    if (this.stopAtViolation) Atomics.compareExchange(ci, HALT, 0, H_VIOLATION);
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
      return this.endLevel();
    }
    levels[n] = start;
    Atomics.store(cu, NLEVELS, n + 1);
    Atomics.store(cu, LEVEL_START, start);
    Atomics.store(cu, LEVEL_END, end);
    Atomics.store(cu, CURSOR, start);
    Atomics.store(cu, ECURSOR, 0);
    this.v.levelViol.fill(NONE);
    this.v.levelTrig.fill(NONE);
    this.enter(P_EXPAND);
  }
}
