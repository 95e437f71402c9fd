import type { InvariantSet } from '../invariants.js';
import type { PackedSystem } from '../transition-system.js';
import { arrive } from './barrier.js';
import { commitEdges } from './commit.js';
import {
  COUNT,
  CURSOR,
  ECAP,
  ECURSOR,
  EDGE_BASE,
  H_MAX_SECONDS,
  H_OUT_OF_MEMORY,
  LEVEL_CLAIMED,
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
  RENUMBERED,
  SCAP,
  TABLE_LOG,
} from './control.js';
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
 * Expansion: a worker claims `claim` states (a chunk) of the current level at a
 * time (Atomics.add on CURSOR), and expands them in order. With edges, the
 * chunk's edges are collected locally, then reserved at once in the scratch
 * area (Atomics.add on ECURSOR) and copied there; each state's start is kept
 * as an offset within its chunk. After the level, COMPACT moves every chunk
 * to its CSR place (leader.ts computes the places), so the edges of state s
 * precede those of s+1, as in the sequential run.
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
  private readonly edges: boolean;

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
    this.edges = g.recordEdges !== 'none';
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
      arrive(this.ci, this.workers, this.leader);
    }
  }

  /** PausePoint: asks for a growth, serves the barriers until the phase we were in resumes (true) or DONE (false). */
  pause(): boolean {
    const ci = this.ci;
    const resume = Atomics.load(ci, PHASE);
    Atomics.store(ci, PAUSE, 1);
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
    switch (phase) {
      case P_INIT:
        return this.settings.id === 0 ? this.storeInitial() : true;
      case P_EXPAND:
        return this.expandLevel();
      case P_CLEAR:
        this.clearShare();
        return true;
      case P_REHASH:
        this.rehashShare();
        return true;
      case P_COUNT:
        countShare(this.v, this.settings.id, this.workers);
        return true;
      case P_PLACE:
        this.table.refresh();
        placeShare(this.v, this.g, this.table, this.settings.id, this.workers);
        return true;
      case P_SORT:
        sortShare(this.v, this.settings.id, this.workers);
        return true;
      case P_SCATTER:
        scatterShare(this.v, this.g, this.settings.id, this.workers);
        return true;
      case P_COMPACT:
        this.compactShare();
        return true;
      case P_EVALUATE:
        this.evaluator.run(Atomics.load(this.cu, COUNT), Atomics.load(this.cu, NLEVELS) > 0);
        return true;
      default:
        throw new Error(`parallel explorer: unknown phase ${phase}`);
    }
  }

  private storeInitial(): boolean {
    const x = this.expander;
    x.expanding = false;
    x.parent = 0xffffffff;
    this.table.keyBase = -1;
    x.system.initial(x);
    return x.flush();
  }

  private expandLevel(): boolean {
    const x = this.expander;
    const cu = this.cu;
    this.table.refresh();
    x.expanding = true;
    const levelStart = Atomics.load(cu, LEVEL_START);
    const levelEnd = Atomics.load(cu, LEVEL_END);
    x.levelEnd = levelEnd;
    this.table.keyBase = levelEnd;
    const timed = this.settings.deadline !== Infinity;
    const claim = this.g.claim;
    for (;;) {
      if (x.halting()) return true;
      if (timed && now() >= this.settings.deadline) {
        x.halt(H_MAX_SECONDS);
        return true;
      }
      const start = Atomics.add(cu, CURSOR, claim);
      if (start >= levelEnd) return true;
      const chunk = (start - levelStart) / claim;
      if (!this.expandChunk(start, Math.min(start + claim, levelEnd), chunk)) return false;
      this.v.live[this.settings.id * 8] = x.tally.transitions;
    }
  }

  /** Expands states [start, stop) (chunk number `chunk` of the level); false if the run ended during a pause. */
  private expandChunk(start: number, stop: number, chunk: number): boolean {
    const x = this.expander;
    const ci = this.ci;
    const cu = this.cu;
    const table = this.table;
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
      if (Atomics.load(cu, COUNT) >= table.threshold || Atomics.load(ci, PAUSE) !== 0) {
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

  /** Growth, step 2: reinserts this worker's share of the stored states. */
  private rehashShare(): void {
    const [from, to] = this.share(Atomics.load(this.cu, COUNT));
    const table = this.table;
    for (let i = from; i < to; i++) table.reinsert(i);
  }

  /** Moves chunks of the level just expanded from the scratch area to their CSR place (leader.ts placed them). */
  private compactShare(): void {
    const { cu } = this;
    const v = this.v;
    const chunks = v.chunks!;
    const starts = v.starts!;
    const levelStart = Atomics.load(cu, LEVEL_START);
    const levelEnd = Atomics.load(cu, LEVEL_END);
    const claim = this.g.claim;
    const count = Math.ceil((levelEnd - levelStart) / claim);
    const claimed = Atomics.load(cu, LEVEL_CLAIMED);
    // targets in the level found are provisional indices unless renumbered: then mapped to their final place
    const rankOf = Atomics.load(this.ci, RENUMBERED) === 1 ? v.rankOf : null;
    const newStart = levelEnd;
    for (;;) {
      const c = Atomics.add(cu, CURSOR, 1);
      if (c >= count) return;
      const s0 = levelStart + c * claim;
      const s1 = Math.min(s0 + claim, levelEnd);
      const dst = chunks[3 * c + 2];
      if (c >= claimed || chunks[3 * c + 1] === NONE) {
        for (let s = s0; s < s1; s++) starts[s] = dst;
        continue;
      }
      const len = chunks[3 * c];
      const raw = chunks[3 * c + 1];
      const targets = v.edgeTargets!;
      const scratch = v.scratchTargets!;
      if (rankOf === null) for (let k = 0; k < len; k++) targets[dst + k] = scratch[raw + k];
      else {
        for (let k = 0; k < len; k++) {
          const t = scratch[raw + k];
          targets[dst + k] = t >= newStart ? newStart + rankOf[t - newStart] : t;
        }
      }
      const labels = v.edgeLabels;
      if (labels !== null) {
        const scratchLabels = v.scratchLabels!;
        for (let k = 0; k < len; k++) labels[dst + k] = scratchLabels[raw + k];
      }
      for (let s = s0; s < s1; s++) starts[s] += dst;
    }
  }

  /** This worker's contiguous share [from, to) of 0 .. n-1. */
  private share(n: number): [number, number] {
    const id = this.settings.id;
    return [Math.floor((n * id) / this.workers), Math.floor((n * (id + 1)) / this.workers)];
  }
}
