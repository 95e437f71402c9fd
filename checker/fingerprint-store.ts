import { ChunkedColumn } from './chunked.js';
import type { ByteBudget } from './budget.js';
import { tryAllocU32 } from './alloc.js';
import { CHUNK_SHIFT, StateColumns } from './columns.js';
import { initialStatesOf, successorsOf, type Move } from './collect.js';
import { hashWords } from './hash.js';
import { ABSENT, NO_PARENT, PRESENT, type ExplorerStore } from './store.js';
import type { PackedSystem } from './transition-system.js';

const MAX_LOAD = 0.5;

/**
 * A second 32-bit hash of a packed state, independent of hashWords (other
 * multipliers, seed and finalizer): with it a state's fingerprint is 64 bits.
 * Never 0, so that 0 marks an empty slot.
 */
export function hashWords2(data: Uint32Array, offset: number, words: number): number {
  let h = 0x9747b28c;
  for (let k = 0; k < words; k++) {
    h = Math.imul(h ^ data[offset + k], 0x85ebca77);
    h = (h << 17) | (h >>> 15);
    h = Math.imul(h, 0x27d4eb2f);
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  h = Math.imul(h, 0x297a2d39);
  h ^= h >>> 15;
  return h >>> 0 || 1;
}

/**
 * Probability that two of `states` distinct states share a 64-bit
 * fingerprint, so that one of them was taken for the other and its
 * successors may have gone unexplored: about n(n-1)/2^65.
 */
export function collisionProbability(states: number): number {
  return Math.min(1, (states * (states - 1)) / 2 ** 65);
}

/**
 * The visited set as 64-bit fingerprints (as TLC's): a state is stored as
 * its two hashes, in an open-addressing table of fingerprint pairs, plus
 * its parent and incoming label. The full words of a state are kept only
 * from its discovery until its chunk of the BFS queue has been expanded
 * (`retire`); a state read after that is rebuilt by replaying the path of
 * parent links from an initial state, choosing at each step the successor
 * with the recorded label and fingerprint. Two states with the same
 * fingerprint are one state here (collisionProbability).
 *
 * Per state: 8 bytes of fingerprint column, 4 of parent, 1-4 of label and
 * 16 of table at most half full; the words only while queued.
 */
export class FingerprintStore implements ExplorerStore {
  count = 0;
  private table: Uint32Array;
  private mask: number;
  private threshold: number;
  private readonly columns: StateColumns;
  private readonly fpLo: ChunkedColumn;
  private readonly fpHi: ChunkedColumn;
  /** Chunks of `columns.states` below this one have been freed. */
  private retired = 0;
  private pendingSlot = 0;
  private pendingH2 = 0;

  private constructor(
    private readonly system: PackedSystem,
    readonly words: number,
    columns: StateColumns,
    fpLo: ChunkedColumn,
    fpHi: ChunkedColumn,
    table: Uint32Array,
    private readonly budget: ByteBudget,
  ) {
    this.columns = columns;
    this.fpLo = fpLo;
    this.fpHi = fpHi;
    this.table = table;
    this.mask = table.length / 2 - 1;
    this.threshold = Math.floor((table.length / 2) * MAX_LOAD);
  }

  static create(system: PackedSystem, capacity: number, budget: ByteBudget): FingerprintStore | null {
    const words = system.stateWords;
    const columns = new StateColumns(words, system.labelNames.length, budget);
    if (!columns.grow(Math.max(1, Math.floor(capacity)))) return null;
    const fpLo = new ChunkedColumn(CHUNK_SHIFT, 0xffffffff, budget);
    const fpHi = new ChunkedColumn(CHUNK_SHIFT, 0xffffffff, budget);
    if (!fpLo.ensure(columns.capacity - 1) || !fpHi.ensure(columns.capacity - 1)) return null;
    let slots = 8;
    while (slots * MAX_LOAD < columns.capacity + 1) slots *= 2;
    if (!budget.fits(slots * 8)) return null;
    const table = tryAllocU32(slots * 2);
    if (table === null) return null;
    budget.add(table.byteLength);
    return new FingerprintStore(system, words, columns, fpLo, fpHi, table, budget);
  }

  get bytes(): number {
    return this.columns.bytes + this.fpLo.bytes + this.fpHi.bytes + this.table.byteLength;
  }

  /** PRESENT if a state with this fingerprint is stored, else ABSENT (an insert may follow). */
  find(buf: Uint32Array, offset: number, h: number): number {
    const h2 = hashWords2(buf, offset, this.words);
    const table = this.table;
    const mask = this.mask;
    let slot = h & mask;
    for (;;) {
      const b = table[2 * slot + 1];
      if (b === 0) break;
      if (b === h2 && table[2 * slot] === h) return PRESENT;
      slot = (slot + 1) & mask;
    }
    this.pendingSlot = slot;
    this.pendingH2 = h2;
    return ABSENT;
  }

  warm(hashes: Uint32Array, n: number): number {
    const table = this.table;
    const mask = this.mask;
    let acc = 0;
    for (let j = 0; j < n; j++) acc ^= table[2 * (hashes[j] & mask) + 1];
    return acc;
  }

  insert(buf: Uint32Array, offset: number, h: number, parent: number, label: number): number {
    const index = this.count;
    this.columns.write(index, buf, offset, parent, label);
    this.fpLo.set(index, h);
    this.fpHi.set(index, this.pendingH2);
    this.table[2 * this.pendingSlot] = h;
    this.table[2 * this.pendingSlot + 1] = this.pendingH2;
    this.count = index + 1;
    return index;
  }

  ensureRoom(): boolean {
    if (this.count >= this.columns.capacity) {
      if (!this.columns.grow(this.count + 1)) return false;
      if (!this.fpLo.ensure(this.columns.capacity - 1) || !this.fpHi.ensure(this.columns.capacity - 1)) return false;
    }
    if (this.count >= this.threshold && !this.growTable()) return false;
    return true;
  }

  /** The BFS has expanded every state below `index`: the words of the chunks before its chunk are freed. */
  retire(index: number): void {
    const upTo = index >>> CHUNK_SHIFT;
    const states = this.columns.states;
    for (; this.retired < upTo; this.retired++) {
      this.budget.add(-states[this.retired].byteLength);
      states[this.retired] = new Uint32Array(0);
    }
  }

  read(index: number, out: Uint32Array): Uint32Array {
    if (index >>> CHUNK_SHIFT >= this.retired) return this.columns.read(index, out);
    out.set(this.rebuild(index));
    return out;
  }

  parentOf(index: number): number {
    return this.columns.parentOf(index);
  }

  labelOf(index: number): number {
    return this.columns.labelOf(index);
  }

  /** Index of the stored state with these words' fingerprint, or -1 (a scan: for cold paths only). */
  indexOf(state: Uint32Array): number {
    const h = hashWords(state, 0, this.words), h2 = hashWords2(state, 0, this.words);
    for (let i = 0; i < this.count; i++) if (this.fpLo.get(i) === h && this.fpHi.get(i) === h2) return i;
    return -1;
  }

  private hasFingerprintOf(index: number, state: Uint32Array): boolean {
    return hashWords(state, 0, this.words) === this.fpLo.get(index) && hashWords2(state, 0, this.words) === this.fpHi.get(index);
  }

  /** State `index` again, from an initial state along its parent links. */
  private rebuild(index: number): Uint32Array {
    const path: number[] = [];
    for (let i = index; ; i = this.parentOf(i)) {
      path.push(i);
      if (this.parentOf(i) === NO_PARENT) break;
    }
    path.reverse();
    const start = initialStatesOf(this.system).find((s) => this.hasFingerprintOf(path[0], s));
    if (start === undefined) throw new Error(`fingerprint store: no initial state has the fingerprint of state ${path[0]}`);
    let state: Uint32Array = start;
    for (let k = 1; k < path.length; k++) {
      const i = path[k];
      const move: Move | undefined = successorsOf(this.system, state).find((m) => m.label === this.labelOf(i) && this.hasFingerprintOf(i, m.state));
      if (move === undefined) throw new Error(`fingerprint store: state ${path[k - 1]} has no successor with the fingerprint of state ${i}`);
      state = move.state;
    }
    return state;
  }

  private growTable(): boolean {
    const slots = this.table.length; // twice the slots of the old table, whose length is two words per slot
    if (!this.budget.fits(slots * 8 - this.table.byteLength)) return false;
    const table = tryAllocU32(slots * 2);
    if (table === null) return false;
    const mask = slots - 1;
    const old = this.table;
    for (let s = 0; s < old.length; s += 2) {
      const b = old[s + 1];
      if (b === 0) continue;
      let slot = old[s] & mask;
      while (table[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      table[2 * slot] = old[s];
      table[2 * slot + 1] = b;
    }
    this.budget.add(table.byteLength - old.byteLength);
    this.table = table;
    this.mask = mask;
    this.threshold = Math.floor(slots * MAX_LOAD);
    return true;
  }
}
