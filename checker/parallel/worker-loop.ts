import type { InvariantSet } from '../invariants.js';
import type { PackedSystem } from '../transition-system.js';
import { arrive } from './barrier.js';
import { commitEdges } from './commit.js';
import {
  ALLOC_BLOCK,
  COUNT,
  CURSOR,
  ECAP,
  ECURSOR,
  EDGE_BASE,
  H_MAX_SECONDS,
  H_OUT_OF_MEMORY,
  H_VIOLATION,
  LEVEL_END,
  LEVEL_START,
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
  RESUME,
  SCAP,
  TABLE_LOG,
} from './control.js';
import { compactChunks } from './compact.js';
import { Evaluator } from './evaluator.js';
import { Expander, type PausePoint } from './expander.js';
import { Leader } from './leader.js';
import type { Geometry, SharedViews } from './memory.js';
import { countShare, placeShare, scatterShare, sortShare } from './renumber.js';
import { SharedTable } from './table.js';
import { emptyTally, type WorkerTally } from './tally.js';

/** What a worker needs besides the shared buffers. */
export interface WorkerSettings {
  /** 0 .. workers-1; worker 0 stores the initial states. */
  readonly id: number;
  readonly stopAtViolation: boolean;
  readonly maxDeadlocksListed: number;
  /** Absolute time (performance.timeOrigin + performance.now(), ms) at which to stop; Infinity for none. */
  readonly deadline: number;
}

const now = () => performance.timeOrigin + performance.now();

/**
 * The life of one worker: phases separated by barriers, every worker running
 * the same phase (control.ts lists them, leader.ts decides the next one):
 *
 *   for (;;) { if (phase === DONE) stop; run my share of phase; barrier }
 *
 * A worker that must wait for a table growth in the middle of a phase
 * (`pause`, called at a safe point: it holds no claimed slot) arrives at the
 * barrier from there and serves the growth phases inline, then resumes where
 * it was; both paths call the barrier equally often, so the counts match.
 *
 * Expansion: a worker claims `claim` states (a chunk) of the current level at
 * a time (Atomics.add on CURSOR), evaluates them (evaluator.ts) and expands
 * them in order. With edges, the chunk's edges are collected locally, then
 * reserved at once in the scratch area (Atomics.add on ECURSOR) and copied
 * there; each state's start is kept as an offset within its chunk. After the
 * level, COMPACT moves every chunk to its CSR place (compact.ts), so the
 * edges of state s precede those of s+1, as in the sequential run.
 */
export class WorkerLoop implements PausePoint {
  readonly expander: Expander;
  readonly tally: WorkerTally;
  private readonly evaluator: Evaluator;
  private readonly table: SharedTable;
  private readonly leader: Leader;
  private readonly ci: Int32Array;
  private readonly cu: Uint32Array;
  private readonly current: Uint32Array;
  private readonly workers: number;
  /** The level whose evaluation this worker has begun (-1: none yet). */
  private evaluating = -1;

  constructor(
    system: PackedSystem,
    sets: readonly InvariantSet[],
    private readonly v: SharedViews,
    private readonly g: Geometry,
    private readonly settings: WorkerSettings,
  ) {
    this.ci = v.ci;
    this.cu = v.cu;
    this.workers = g.workers;
    this.table = new SharedTable(v, g);
    this.leader = new Leader(v, g, settings.stopAtViolation);
    this.current = new Uint32Array(g.words);
    this.tally = emptyTally(g.labelCount, g.invariants);
    this.expander = new Expander(system, v, g, this.table, this, this.tally, settings.maxDeadlocksListed);
    this.evaluator = new Evaluator(sets, v, g, this.tally);
  }

  /** Runs the worker's share of every phase until DONE. */
  run(): void {
    for (;;) {
      const phase = Atomics.load(this.ci, PHASE);
      if (phase === P_DONE) return;
      if (!this.runPhase(phase)) return;
      if (phase === P_EXPAND) this.evaluator.publish();
      this.table.dropBlock();
      arrive(this.ci, this.workers, this.leader);
    }
  }

  /** PausePoint: asks for a growth, serves the barriers until the phase we were in resumes (true) or DONE (false). */
  pause(): boolean {
    const ci = this.ci;
    const resume = Atomics.load(ci, PHASE);
    Atomics.store(ci, PAUSE, 1);
    if (resume === P_EXPAND) this.evaluator.publish();
    this.table.dropBlock();
    for (;;) {
      arrive(ci, this.workers, this.leader);
      const phase = Atomics.load(ci, PHASE);
      if (phase === P_DONE) return false;
      if (phase === resume) {
        this.table.refresh();
        return true;
      }
      this.runPhase(phase);
    }
  }

  /** This worker's share of `phase`; false if the run ended inside it (no barrier may follow). */
  private runPhase(phase: number): boolean {
    const { v, g } = this;
    const id = this.settings.id;
    switch (phase) {
      case P_INIT:
        return id === 0 ? this.storeInitial() : true;
      case P_EXPAND:
        return this.expandLevel();
      case P_CLEAR:
        this.clearShare();
        return true;
      case P_REHASH:
        this.rehashShare();
        return true;
      case P_COUNT:
        countShare(v, id, this.workers);
        return true;
      case P_PLACE:
        placeShare(v, g, id, this.workers);
        return true;
      case P_SORT:
        sortShare(v, id, this.workers);
        return true;
      case P_SCATTER:
        scatterShare(v, g, id, this.workers);
        return true;
      case P_COMPACT:
        compactChunks(v, g);
        return true;
      case P_EVALUATE: {
        const levels = Atomics.load(this.cu, NLEVELS);
        this.evaluator.claimRange(Atomics.load(this.cu, COUNT), Atomics.load(this.cu, LEVEL_END), levels > 1, levels > 0);
        return true;
      }
      default:
        throw new Error(`parallel explorer: unknown phase ${phase}`);
    }
  }

  private storeInitial(): boolean {
    const x = this.expander;
    x.expanding = false;
    x.parent = 0xffffffff;
    this.table.keyBase = -1;
    // one index at a time: the initial states are not renumbered, so they may leave no hole
    this.table.blockSize = 1;
    x.system.initial(x);
    return x.flush();
  }

  private expandLevel(): boolean {
    const x = this.expander;
    const cu = this.cu;
    this.table.refresh();
    x.expanding = true;
    const level = Atomics.load(cu, NLEVELS) - 1;
    const levelStart = Atomics.load(cu, LEVEL_START);
    const levelEnd = Atomics.load(cu, LEVEL_END);
    x.levelEnd = levelEnd;
    this.table.keyBase = levelEnd;
    // under a state limit, one index at a time: a hole would count against the limit
    this.table.blockSize = this.g.maxStates === Infinity ? ALLOC_BLOCK : 1;
    if (this.evaluating !== level) {
      this.evaluator.begin();
      this.evaluating = level;
    }
    const timed = this.settings.deadline !== Infinity;
    const claim = this.g.claim;
    for (;;) {
      if (x.halting()) return true;
      if (timed && now() >= this.settings.deadline) {
        x.halt(H_MAX_SECONDS);
        return true;
      }
      if (Atomics.load(cu, COUNT) >= this.table.threshold) {
        if (!this.pause()) return false;
        continue;
      }
      const start = Atomics.add(cu, CURSOR, claim);
      if (start >= levelEnd) return true;
      const stop = Math.min(start + claim, levelEnd);
      // evaluated as soon as claimed, even if the run halts now: every claimed state is evaluated
      this.evaluator.range(start, stop, level > 0);
      if (this.settings.stopAtViolation && this.evaluator.violated) x.halt(H_VIOLATION);
      if (!this.expandChunk(start, stop, (start - levelStart) / claim)) return false;
      this.v.live[this.settings.id * 8] = x.tally.transitions;
    }
  }

  /** Expands states [start, stop) (chunk number `chunk` of the level); false if the run ended during a pause. */
  private expandChunk(start: number, stop: number, chunk: number): boolean {
    const x = this.expander;
    const ci = this.ci;
    const current = this.current;
    const starts = this.v.starts;
    const chunks = this.v.chunks;
    if (chunks !== null) {
      chunks[3 * chunk] = 0;
      chunks[3 * chunk + 1] = NONE;
      x.chunkEdges = 0;
    }
    let expanded = 0;
    let i = start;
    for (; i < stop; i++) {
      if (x.halting()) break;
      // growth is asked for between chunks (expandLevel) and when an insert meets the hard load (expander.ts)
      if (Atomics.load(ci, PAUSE) !== 0) {
        if (!this.pause()) return false;
        if (x.halting()) break;
      }
      if (starts !== null) starts[i] = x.chunkEdges;
      x.read(i, current);
      x.parent = i;
      x.system.successors(current, x);
      if (!x.flush()) return false;
      if (!x.complete) break;
      x.settle(i, current);
      expanded++;
    }
    if (chunks === null) {
      x.tally.expanded += expanded;
      return true;
    }
    this.commitChunk(i, stop, chunk, expanded);
    return true;
  }

  /**
   * Reserves scratch room for the chunk's edges and copies them there; states
   * from `reached` on (not expanded: halt) get no edges. On a refused
   * reservation the chunk keeps no edges and its transitions are not counted.
   */
  private commitChunk(reached: number, stop: number, chunk: number, expanded: number): void {
    const x = this.expander;
    const { ci, cu } = this;
    const starts = this.v.starts!;
    const chunks = this.v.chunks!;
    const len = x.chunkEdges;
    for (let s = reached; s < stop; s++) starts[s] = len;
    let raw = 0;
    if (len > 0) {
      raw = Atomics.add(cu, ECURSOR, len);
      if (!(commitEdges(ci, cu, this.g, SCAP, raw + len) && commitEdges(ci, cu, this.g, ECAP, Atomics.load(cu, EDGE_BASE) + raw + len))) {
        x.halt(H_OUT_OF_MEMORY);
        return;
      }
      const targets = this.v.scratchTargets!;
      const labels = this.v.scratchLabels;
      const ct = x.chunkTargets;
      const cl = x.chunkLabels;
      for (let k = 0; k < len; k++) targets[raw + k] = ct[k];
      if (labels !== null) for (let k = 0; k < len; k++) labels[raw + k] = cl[k];
    }
    chunks[3 * chunk] = len;
    chunks[3 * chunk + 1] = raw;
    const tally = x.tally;
    tally.expanded += expanded;
    tally.transitions += len;
    for (let k = 0; k < len; k++) tally.firings[x.chunkLabels[k]]++;
  }

  /** Growth, step 1: zeroes this worker's share of the new table. */
  private clearShare(): void {
    const size = 2 ** Atomics.load(this.ci, TABLE_LOG);
    const [from, to] = this.share(size);
    this.table.refresh();
    this.table.clear(from, to);
  }

  /** Growth, step 2: reinserts the stored states whose home is in this worker's share of the new table. */
  private rehashShare(): void {
    const [lo, hi] = this.share(2 ** Atomics.load(this.ci, TABLE_LOG));
    const count = Atomics.load(this.cu, COUNT);
    // holes and recorded slots only in the level being discovered (not among the initial states)
    const levelFrom = Atomics.load(this.ci, RESUME) === P_EXPAND ? Atomics.load(this.cu, LEVEL_END) : count;
    this.table.rehashRegion(count, lo, hi, levelFrom);
  }

  /** This worker's contiguous share [from, to) of 0 .. n-1. */
  private share(n: number): [number, number] {
    const id = this.settings.id;
    return [Math.floor((n * id) / this.workers), Math.floor((n * (id + 1)) / this.workers)];
  }
}
