import type { ByteBudget } from './budget.js';
import type { EdgeRecorder } from './edges.js';
import type { InvariantSet } from './invariants.js';
import type { ResolvedOptions } from './options.js';
import type { StopReason, Violation } from './result.js';
import { hashWords } from './hash.js';
import { ABSENT, NO_PARENT, type ExplorerStore } from './store.js';
import type { LabelId, PackedSystem, StateIndex, SuccessorSink } from './transition-system.js';
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
 * the store, insert if new (evaluating the invariant sets), count coverage,
 * record the edge. Nothing here allocates, except the batch buffer growing
 * the first time a state has more successors than any before. Once `halt`
 * has been called the rest of the batch and every later emit are ignored.
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
  private readonly sets: readonly InvariantSet[];
  /** Global index of bit 0 of each set. */
  private readonly setBase: Int32Array;
  /** Per set: bits of the invariants still to report (all of them until one is violated in 'continue' mode). */
  private readonly unreported: Uint32Array;
  private readonly masks = new Uint32Array(2);
  /** Per invariant (global index): states where its trigger held, and the first of them (-1: none yet). */
  readonly triggerCounts: Float64Array;
  readonly firstTrigger: Int32Array;
  readonly invariantNames: readonly string[];

  constructor(
    readonly system: PackedSystem,
    readonly store: ExplorerStore,
    readonly edges: EdgeRecorder | null,
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
    this.sets = options.sets;
    this.setBase = new Int32Array(this.sets.length);
    this.unreported = new Uint32Array(this.sets.length);
    const names: string[] = [];
    this.sets.forEach((set, k) => {
      if (set.names.length > 32) throw new RangeError(`an invariant set holds at most 32 invariants, got ${set.names.length}`);
      this.setBase[k] = names.length;
      this.unreported[k] = set.names.length === 32 ? 0xffffffff : (1 << set.names.length) - 1;
      names.push(...set.names);
    });
    this.invariantNames = names;
    this.triggerCounts = new Float64Array(names.length);
    this.firstTrigger = new Int32Array(names.length).fill(-1);
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
      if (this.sets.length > 0) this.evaluate(dst);
      if (!store.ensureRoom()) this.halt('out-of-memory');
    }
    if (!expanding) return;
    if (this.edges !== null && !this.edges.add(dst, label)) {
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

  /** Evaluates every invariant set on the newly stored state `index`: triggers, then violations. */
  private evaluate(index: number): void {
    const depth = this.levels.length - 1;
    let violated = false;
    for (let k = 0; k < this.sets.length; k++) {
      this.store.read(index, this.probe);
      this.sets[k].evaluate(this.probe, this.masks);
      const base = this.setBase[k];
      let t = this.masks[1];
      while (t !== 0) {
        const bit = 31 - Math.clz32(t & -t);
        t &= t - 1;
        if (this.triggerCounts[base + bit]++ === 0) this.firstTrigger[base + bit] = index;
      }
      let v = (this.masks[0] & this.unreported[k]) >>> 0;
      if (v === 0) continue;
      violated = true;
      while (v !== 0) {
        const bit = 31 - Math.clz32(v & -v);
        v = (v & (v - 1)) >>> 0;
        this.violations.push({ invariant: this.invariantNames[base + bit], invariantIndex: base + bit, state: index as StateIndex, depth });
        if (!this.options.stopAtViolation) this.unreported[k] = (this.unreported[k] & ~(1 << bit)) >>> 0;
      }
    }
    if (violated && this.options.stopAtViolation) this.halt('violation');
  }
}

function badLabel(label: number, count: number): never {
  throw new Error(`system emitted label ${label}, but labelNames has ${count} entries`);
}
