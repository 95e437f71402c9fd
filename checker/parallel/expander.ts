import { hashWords } from '../hash.js';
import type { LabelId, PackedSystem, SuccessorSink } from '../transition-system.js';
import { HALT } from './control.js';
import type { Geometry, SharedViews } from './memory.js';
import { FAILED, NEEDS_ROOM, SharedTable } from './table.js';
import type { WorkerTally } from './tally.js';

/** How an Expander waits for a table growth: true to go on, false if the run ended meanwhile. */
export interface PausePoint {
  /** Called at a safe point (no claimed slot held); returns once the table grew (true) or the run is over (false). */
  pause(): boolean;
}

/**
 * One worker's SuccessorSink, as BfsRun is the sequential run's: `emit`
 * copies the successor into a batch; `flush` hashes the batch, warms the
 * caches, then stores the successors one by one in emission order into the
 * shared table (table.ts) and counts. A successor already stored in the level
 * being discovered is relinked to the smallest parent that found it (for the
 * renumbering, renumber.ts). Invariants are evaluated later, once the level
 * is in its final order (evaluator.ts). Per-worker counts are summed by the
 * main thread at the end (tally.ts).
 *
 * Nothing allocates on the hot path except the batch and edge buffers
 * growing past their largest size so far.
 */
export class Expander implements SuccessorSink {
  readonly out: Uint32Array;
  /** True while expanding states; false while storing initial states. */
  expanding = false;
  /** Index of the state being expanded. */
  parent = 0xffffffff;
  /** First index of the level being discovered (LEVEL_END) while expanding. */
  levelEnd = 0;
  /** Successors emitted by the state last flushed. */
  emitted = 0;
  /** True if the last flush handled its whole batch and the run is not halting (the state then counts as expanded). */
  complete = false;
  /** Edges of the chunk being expanded (targets, labels), when edges are recorded. */
  chunkTargets: Uint32Array;
  chunkLabels: Uint32Array;
  chunkEdges = 0;
  /** Sink for the prefetch reads. */
  warmth = 0;
  private selfHalted = false;
  private readonly words: number;
  private readonly labelCount: number;
  private batch: Uint32Array;
  private batchLabels: Uint32Array;
  private hashes: Uint32Array;
  private pending = 0;
  private readonly ci: Int32Array;
  private readonly edges: boolean;
  /** More than one worker (relinks are needed). */
  private readonly shared: boolean;

  constructor(
    readonly system: PackedSystem,
    private readonly v: SharedViews,
    g: Geometry,
    readonly table: SharedTable,
    private readonly pausePoint: PausePoint,
    readonly tally: WorkerTally,
    private readonly maxDeadlocksListed: number,
  ) {
    this.words = g.words;
    this.labelCount = g.labelCount;
    this.ci = v.ci;
    this.edges = g.recordEdges !== 'none';
    this.shared = g.workers > 1;
    this.out = new Uint32Array(this.words);
    this.batch = new Uint32Array(16 * this.words);
    this.batchLabels = new Uint32Array(16);
    this.hashes = new Uint32Array(16);
    this.chunkTargets = new Uint32Array(this.edges ? 256 : 0);
    this.chunkLabels = new Uint32Array(this.edges ? 256 : 0);
  }

  /** Raises `code` as the run's halt reason (unless one was raised before). */
  halt(code: number): void {
    this.selfHalted = true;
    Atomics.compareExchange(this.ci, HALT, 0, code);
  }

  /**
   * Whether the run is halting. While storing initial states only this
   * worker's own halts count (as in explore, whose initial states are stored
   * before anyone can interrupt it).
   */
  halting(): boolean {
    return this.expanding ? Atomics.load(this.ci, HALT) !== 0 : this.selfHalted;
  }

  emit(label: LabelId): void {
    if (this.expanding && !(label >= 0 && label < this.labelCount && (label | 0) === label)) badLabel(label, this.labelCount);
    const n = this.pending;
    if (n === this.batchLabels.length) this.growBatch();
    const words = this.words;
    const batch = this.batch;
    const out = this.out;
    for (let k = 0, at = n * words; k < words; k++) batch[at + k] = out[k];
    this.batchLabels[n] = label;
    this.pending = n + 1;
  }

  /**
   * Stores the pending successors (or initial states) in emission order.
   * `complete` says whether all were handled and the run is not halting;
   * false is returned only if the run ended during a pause (the caller must
   * then stop at once). Another worker's halt is noticed between states, not
   * within a batch: the state limit and the budget are enforced by the
   * allocation itself, whoever halts.
   */
  flush(): boolean {
    const n = this.pending;
    this.pending = 0;
    this.emitted = n;
    this.complete = false;
    if (this.halting()) return true;
    const words = this.words;
    const batch = this.batch;
    const hashes = this.hashes;
    const table = this.table;
    for (let j = 0; j < n; j++) hashes[j] = hashWords(batch, j * words, words);
    if (n > 1) this.warmth ^= table.warm(hashes, n);
    const expanding = this.expanding;
    const tally = this.tally;
    for (let j = 0; j < n; j++) {
      const label = this.batchLabels[j];
      let dst = table.findOrInsert(batch, j * words, hashes[j], this.parent, expanding ? label : 0, j);
      while (dst === NEEDS_ROOM) {
        if (!this.pausePoint.pause()) return false;
        if (this.halting()) return true;
        dst = table.findOrInsert(batch, j * words, hashes[j], this.parent, expanding ? label : 0, j);
      }
      if (dst === FAILED) {
        this.halt(table.failure);
        return true;
      }
      if (!expanding) continue;
      // alone, a worker expands parents in index order: a state it finds again already has a parent no bigger
      if (!table.lastNew && dst >= this.levelEnd && this.shared) table.relink(dst, table.lastSlot, this.parent, label, j);
      if (this.edges) {
        const at = this.chunkEdges;
        if (at === this.chunkTargets.length) this.growChunkEdges();
        this.chunkTargets[at] = dst;
        this.chunkLabels[at] = label;
        this.chunkEdges = at + 1;
      } else {
        tally.transitions++;
        tally.firings[label]++;
      }
    }
    this.complete = !this.halting();
    return true;
  }

  /** After a complete flush of state `index` (words in `state`): counts it as expanded, and as a deadlock if it is one. */
  settle(index: number, state: Uint32Array): void {
    if (this.emitted === 0) {
      const system = this.system;
      if (!(system.isTerminal !== undefined && system.isTerminal(this.read(index, state)))) {
        this.tally.deadlockCount++;
        if (this.tally.deadlocks.length < this.maxDeadlocksListed) this.tally.deadlocks.push(index);
      }
    }
  }

  /** Copies the words of stored state `index` into `out`. */
  read(index: number, out: Uint32Array): Uint32Array {
    const states = this.v.states;
    const base = index * this.words;
    for (let k = 0; k < this.words; k++) out[k] = states[base + k];
    return out;
  }

  private growBatch(): void {
    const cap = this.batchLabels.length * 2;
    const batch = new Uint32Array(cap * this.words);
    batch.set(this.batch);
    const labels = new Uint32Array(cap);
    labels.set(this.batchLabels);
    this.batch = batch;
    this.batchLabels = labels;
    this.hashes = new Uint32Array(cap);
  }

  private growChunkEdges(): void {
    const targets = new Uint32Array(this.chunkTargets.length * 2);
    targets.set(this.chunkTargets);
    const labels = new Uint32Array(targets.length);
    labels.set(this.chunkLabels);
    this.chunkTargets = targets;
    this.chunkLabels = labels;
  }
}

function badLabel(label: number, count: number): never {
  throw new Error(`system emitted label ${label}, but labelNames has ${count} entries`);
}
