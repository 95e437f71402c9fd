import type { ByteBudget } from './budget.js';
import type { ResolvedOptions } from './options.js';
import type { StopReason, Violation } from './result.js';
import { hashWords } from './hash.js';
import { ABSENT, NO_PARENT, type StateStore } from './store.js';
import type { LabelId, PackedInvariant, PackedSystem, StateIndex, SuccessorSink } from './transition-system.js';
import type { U32List } from './u32-list.js';

/** Stop reasons other than running out of states. */
export type HaltReason = Exclude<StopReason, 'exhausted'>;

/**
 * The mutable state of one BFS run, and the single SuccessorSink the system
 * writes into.
 *
 * `emit` only appends the scratch words and the label to a batch buffer.
 * `flush`, called by the explorer once the system has emitted all the
 * successors of a state, hashes the whole batch, warms the caches for all
 * its lookups at once (store.warm: independent reads whose cache misses
 * overlap), then handles the successors one by one in emission order: probe
 * the store, insert if new (checking invariants), count coverage, record the
 * edge. Nothing here allocates, except the batch buffer growing the first
 * time a state has more successors than any before. Once `halt` has been
 * called the rest of the batch and every later emit are ignored.
 */
export class BfsRun implements SuccessorSink {
  readonly out: Uint32Array;
  /** Scratch copy handed to invariants (so they cannot disturb the store). */
  private readonly probe: Uint32Array;
  private readonly words: number;
  /** Pending successors: words, labels, hashes; `pending` of them. */
  private batch: Uint32Array;
  private batchLabels: Uint32Array;
  private hashes: Uint32Array;
  private pending = 0;
  /** Sink for the prefetch reads (kept so they are not optimized away). */
  warmth = 0;
  /** True while expanding a state; false while collecting initial states. */
  expanding = false;
  /** Index of the state being expanded (parent of new states). */
  parent = NO_PARENT;
  /** Successors emitted by the state last flushed. */
  emitted = 0;
  transitions = 0;
  halted: HaltReason | null = null;
  readonly firings: Float64Array;
  readonly discovered: Float64Array;
  readonly violations: Violation[] = [];
  private readonly labelCount: number;
  /** Invariants still checked, with their index in options.invariants. */
  private active: PackedInvariant[];
  private activeIndex: number[];

  constructor(
    readonly system: PackedSystem,
    readonly store: StateStore,
    readonly edges: U32List | null,
    readonly levels: U32List,
    readonly budget: ByteBudget,
    readonly options: ResolvedOptions,
  ) {
    this.words = system.stateWords;
    this.out = new Uint32Array(this.words);
    this.probe = new Uint32Array(this.words);
    this.batch = new Uint32Array(16 * this.words);
    this.batchLabels = new Uint32Array(16);
    this.hashes = new Uint32Array(16);
    this.labelCount = system.labelNames.length;
    this.firings = new Float64Array(this.labelCount);
    this.discovered = new Float64Array(this.labelCount);
    this.active = options.invariants.slice();
    this.activeIndex = options.invariants.map((_, k) => k);
  }

  /** Records the first halt reason; later ones are ignored. */
  halt(reason: HaltReason): void {
    if (this.halted === null) this.halted = reason;
  }

  emit(label: LabelId): void {
    if (this.expanding && !(label >= 0 && label < this.labelCount && (label | 0) === label)) {
      badLabel(label, this.labelCount);
    }
    const n = this.pending;
    if (n === this.batchLabels.length) this.growBatch();
    const words = this.words;
    const batch = this.batch;
    const out = this.out;
    for (let k = 0, at = n * words; k < words; k++) batch[at + k] = out[k];
    this.batchLabels[n] = label;
    this.pending = n + 1;
  }

  /** Handles the pending successors (or initial states), in emission order. */
  flush(): void {
    const n = this.pending;
    this.pending = 0;
    this.emitted = n;
    if (this.halted !== null) return;
    const words = this.words;
    const batch = this.batch;
    const hashes = this.hashes;
    for (let j = 0; j < n; j++) hashes[j] = hashWords(batch, j * words, words);
    if (n > 1) this.warmth ^= this.store.warm(hashes, n);
    for (let j = 0; j < n && this.halted === null; j++) this.handle(j);
  }

  /** The j-th pending successor: probe, insert if new, count, record. */
  private handle(j: number): void {
    const store = this.store;
    const expanding = this.expanding;
    const label = this.batchLabels[j];
    const offset = j * this.words;
    const h = this.hashes[j];
    let dst = store.find(this.batch, offset, h);
    if (dst === ABSENT) {
      if (store.count >= this.options.maxStates) {
        this.halt('max-states');
        return;
      }
      dst = store.insert(this.batch, offset, h, this.parent, expanding ? label : 0);
      if (expanding) this.discovered[label]++;
      if (this.active.length > 0) this.checkInvariants(dst);
      if (!store.ensureRoom()) this.halt('out-of-memory');
    }
    if (!expanding) return;
    if (this.edges !== null && !this.edges.push3(this.parent, label, dst)) {
      this.halt('out-of-memory');
      return;
    }
    // counted once target and edge are stored: transitions, coverage and edges agree even on a halted run
    this.transitions++;
    this.firings[label]++;
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

  /** Evaluates the active invariants on the newly stored state `index`. */
  private checkInvariants(index: number): void {
    let violated = false;
    const depth = this.levels.length - 1;
    for (let k = 0; k < this.active.length; k++) {
      this.store.read(index, this.probe);
      if (this.active[k].holds(this.probe)) continue;
      violated = true;
      const invariantIndex = this.activeIndex[k];
      this.violations.push({
        invariant: this.active[k].name,
        invariantIndex,
        state: index as StateIndex,
        depth,
      });
    }
    if (!violated) return;
    if (this.options.stopAtViolation) {
      this.halt('violation');
      return;
    }
    const reported = new Set(this.violations.map((v) => v.invariantIndex));
    const keep = this.activeIndex.map((_, k) => k).filter((k) => !reported.has(this.activeIndex[k]));
    this.active = keep.map((k) => this.active[k]);
    this.activeIndex = keep.map((k) => this.activeIndex[k]);
  }
}

function badLabel(label: number, count: number): never {
  throw new Error(`system emitted label ${label}, but labelNames has ${count} entries`);
}
