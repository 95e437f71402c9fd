import { tryAllocNarrow, tryAllocU32, type WordArray } from './alloc.js';
import type { ByteBudget } from './budget.js';

/** States per chunk (once the store is past one chunk). */
export const CHUNK_SHIFT = 16;
export const CHUNK_STATES = 1 << CHUNK_SHIFT;
export const CHUNK_MASK = CHUNK_STATES - 1;

/**
 * The per-state arrays of the store (packed words, parent, incoming label),
 * cut in chunks of CHUNK_STATES states: state i lives in chunk
 * `i >>> CHUNK_SHIFT` at position `i & CHUNK_MASK`. Growth appends a chunk
 * and never copies or frees one, so a big store grows without a transient
 * second copy and without leaving garbage for the GC. While the store is
 * smaller than one chunk, the single chunk grows by doubling (copying at most
 * one chunk), so tiny explorations stay tiny.
 */
export class StateColumns {
  readonly states: Uint32Array[] = [];
  readonly parents: Uint32Array[] = [];
  readonly labels: WordArray[] = [];
  /** States the allocated chunks can hold. */
  capacity = 0;

  constructor(
    readonly words: number,
    private readonly labelCount: number,
    private readonly budget: ByteBudget,
  ) {}

  /** Writes state `index` (within capacity): its words from `buf[offset ..]`, its parent and incoming label. */
  write(index: number, buf: Uint32Array, offset: number, parent: number, label: number): void {
    const words = this.words;
    const c = index >>> CHUNK_SHIFT;
    const at = index & CHUNK_MASK;
    const chunk = this.states[c];
    const base = at * words;
    for (let k = 0; k < words; k++) chunk[base + k] = buf[offset + k];
    this.parents[c][at] = parent;
    this.labels[c][at] = label;
  }

  /** Copies the words of state `index` into `out` and returns it. */
  read(index: number, out: Uint32Array): Uint32Array {
    const words = this.words;
    const chunk = this.states[index >>> CHUNK_SHIFT];
    const base = (index & CHUNK_MASK) * words;
    for (let k = 0; k < words; k++) out[k] = chunk[base + k];
    return out;
  }

  parentOf(index: number): number {
    return this.parents[index >>> CHUNK_SHIFT][index & CHUNK_MASK];
  }

  labelOf(index: number): number {
    return this.labels[index >>> CHUNK_SHIFT][index & CHUNK_MASK];
  }

  /** Bytes of all chunks. */
  get bytes(): number {
    let total = 0;
    for (let c = 0; c < this.states.length; c++) {
      total += this.states[c].byteLength + this.parents[c].byteLength + this.labels[c].byteLength;
    }
    return total;
  }

  /**
   * Makes room for at least `minCapacity` states (one growth step at a time);
   * false (nothing changed) if the budget or the allocator refuses.
   */
  grow(minCapacity: number): boolean {
    while (this.capacity < minCapacity) {
      const ok = this.capacity < CHUNK_STATES ? this.growFirstChunk(minCapacity) : this.appendChunk();
      if (!ok) return false;
    }
    return true;
  }

  private growFirstChunk(minCapacity: number): boolean {
    let cap = Math.max(4, this.capacity);
    while (cap < minCapacity && cap < CHUNK_STATES) cap *= 2;
    cap = Math.min(cap, CHUNK_STATES);
    const chunk = this.allocChunk(cap);
    if (chunk === null) return false;
    if (this.states.length > 0) {
      chunk.states.set(this.states[0]);
      chunk.parents.set(this.parents[0]);
      chunk.labels.set(this.labels[0]);
      this.budget.add(-(this.states[0].byteLength + this.parents[0].byteLength + this.labels[0].byteLength));
    }
    this.states[0] = chunk.states;
    this.parents[0] = chunk.parents;
    this.labels[0] = chunk.labels;
    this.capacity = cap;
    return true;
  }

  private appendChunk(): boolean {
    const chunk = this.allocChunk(CHUNK_STATES);
    if (chunk === null) return false;
    this.states.push(chunk.states);
    this.parents.push(chunk.parents);
    this.labels.push(chunk.labels);
    this.capacity += CHUNK_STATES;
    return true;
  }

  /** Allocates one chunk of `n` states and charges it to the budget; null if refused. */
  private allocChunk(n: number): { states: Uint32Array; parents: Uint32Array; labels: WordArray } | null {
    const labelBytes = this.labelCount <= 0x100 ? 1 : this.labelCount <= 0x10000 ? 2 : 4;
    const bytes = n * (this.words * 4 + 4 + labelBytes);
    if (!this.budget.fits(bytes)) return null;
    const states = tryAllocU32(n * this.words);
    if (states === null) return null;
    const parents = tryAllocU32(n);
    if (parents === null) return null;
    const labels = tryAllocNarrow(n, this.labelCount);
    if (labels === null) return null;
    this.budget.add(bytes);
    return { states, parents, labels };
  }
}
