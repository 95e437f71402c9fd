import { tryAllocU32 } from './alloc.js';
import { ByteBudget } from './budget.js';
import { CHUNK_MASK, CHUNK_SHIFT, StateColumns } from './columns.js';
import { hashWords } from './hash.js';
import { entryIndex, slotEntry, tagMatches } from './slot.js';

/** Parent of an initial state. */
export const NO_PARENT = 0xffffffff;
/** `find` result: the state is not stored (`insert` may follow). */
export const ABSENT = -1;
/** `find` result in hash-only mode: the state is stored, its index is not looked up. */
export const PRESENT = -2;

/**
 * What the BFS loop needs of its visited set and queue: the full store below,
 * or the fingerprint store (fingerprint-store.ts).
 */
export interface ExplorerStore {
  readonly words: number;
  readonly count: number;
  readonly bytes: number;
  find(buf: Uint32Array, offset: number, h: number): number;
  warm(hashes: Uint32Array, n: number): number;
  insert(buf: Uint32Array, offset: number, h: number, parent: number, label: number): number;
  ensureRoom(): boolean;
  read(index: number, out: Uint32Array): Uint32Array;
  /** Every state below `index` has been expanded (a store may drop their words). */
  retire(index: number): void;
  indexOf(state: Uint32Array): number;
  parentOf(index: number): number;
  labelOf(index: number): number;
}

/** The hash table is grown when more than this fraction of its slots is used. */
const MAX_LOAD = 0.5;

/**
 * The visited set and BFS queue of one exploration, in typed arrays only.
 *
 * - `columns` (StateColumns): the full packed words of every stored state,
 *   its parent index (NO_PARENT for initial states) and incoming label, in
 *   insertion (BFS) order, chunked. Because states are appended in discovery
 *   order, this is also the BFS queue: the explorer expands 0, 1, 2, ...
 * - `table`: open-addressing hash table with linear probing, one uint32 per
 *   slot, at most half full. Two layouts:
 *   - indexed (the general case): a slot holds `index + 1` in its low bits
 *     (those of the mask; 0 = empty) and, above them, the state's hash bits
 *     that the slot number does not already say (a tag). A probe compares
 *     the full packed state only where the tag matches, so a collision costs
 *     no read of another state (the cache miss a lookup would otherwise pay
 *     about once in two at this load); index + 1 fits below the mask since
 *     the table is at most half full. States whose hashes collide are all
 *     kept;
 *   - hash-only (one-word states, when the caller needs no index for known
 *     states): a slot holds the state's hash (0 = empty). For one word the
 *     hash is a bijection (hash.ts), so the hash *is* the state and a probe
 *     needs no access to the state words: one memory access per lookup
 *     instead of two. The one state whose hash is 0 is tracked in `zeroIndex`.
 *
 * Insert-only. All arrays are charged to the ByteBudget. The table grows by
 * rebuilding a table twice as big from the stored states; a refused growth
 * leaves the store intact and usable (lookups, traces): it only refuses
 * further inserts.
 */
export class StateStore implements ExplorerStore {
  readonly columns: StateColumns;
  table: Uint32Array;
  /** Number of stored states. */
  count = 0;
  /** Hash-only layout (see class comment). */
  readonly hashOnly: boolean;
  private mask: number;
  private threshold: number;
  /** Slot found by the last `find` that returned ABSENT (-1: the zero-hash state). */
  private pendingSlot = 0;
  /** Hash-only layout: index of the state whose hash is 0, or -1. */
  private zeroIndex = -1;
  /** Hash-only layout: lazily built slot -> index table for indexOf (valid while count === slotIndexCount). */
  private slotIndex: Uint32Array | null = null;
  private slotIndexCount = -1;

  private constructor(
    readonly words: number,
    columns: StateColumns,
    table: Uint32Array,
    hashOnly: boolean,
    private readonly budget: ByteBudget,
  ) {
    this.columns = columns;
    this.table = table;
    this.hashOnly = hashOnly;
    this.mask = table.length - 1;
    this.threshold = Math.floor(table.length * MAX_LOAD);
  }

  /**
   * An empty store for states of `words` words and labels below `labelCount`,
   * with room for `capacity` states before the first growth; null if the
   * budget or the allocator refuses even that. `needIndex`: `find` must
   * return the index of a stored state (forces the indexed layout).
   */
  static create(
    words: number,
    labelCount: number,
    capacity: number,
    needIndex: boolean,
    budget: ByteBudget,
  ): StateStore | null {
    const columns = new StateColumns(words, labelCount, budget);
    if (!columns.grow(Math.max(1, Math.floor(capacity)))) return null;
    let tableSize = 8;
    while (tableSize * MAX_LOAD < columns.capacity + 1) tableSize *= 2;
    if (!budget.fits(tableSize * 4)) return null;
    const table = tryAllocU32(tableSize);
    if (table === null) return null;
    budget.add(table.byteLength);
    return new StateStore(words, columns, table, words === 1 && !needIndex, budget);
  }

  /**
   * A store holding nothing and refusing every insert (ensureRoom is false),
   * built without the allocator: the result of a run whose first allocation
   * was refused.
   */
  static empty(words: number, labelCount: number): StateStore {
    const budget = new ByteBudget(0);
    return new StateStore(words, new StateColumns(words, labelCount, budget), new Uint32Array(8), false, budget);
  }

  /** Bytes held by all arrays of the store (capacities, not counts). */
  get bytes(): number {
    return this.columns.bytes + this.table.byteLength;
  }

  /**
   * Looks up the state at `buf[offset .. offset+words)`, whose hash
   * (hashWords) is `h`: its index if stored, PRESENT if stored in hash-only
   * mode, ABSENT if not stored, in which case an `insert` of the same state
   * may follow (before any other `find`).
   */
  find(buf: Uint32Array, offset: number, h: number): number {
    const words = this.words;
    const table = this.table;
    const mask = this.mask;
    let slot = h & mask;
    if (this.hashOnly) {
      if (h === 0) {
        this.pendingSlot = -1;
        return this.zeroIndex < 0 ? ABSENT : PRESENT;
      }
      for (;;) {
        const e = table[slot];
        if (e === h) return PRESENT;
        if (e === 0) break;
        slot = (slot + 1) & mask;
      }
      this.pendingSlot = slot;
      return ABSENT;
    }
    const chunks = this.columns.states;
    for (;;) {
      const e = table[slot];
      if (e === 0) break;
      if (tagMatches(e, h, mask)) {
        const i = entryIndex(e, mask);
        const chunk = chunks[i >>> CHUNK_SHIFT];
        const base = (i & CHUNK_MASK) * words;
        let k = 0;
        while (k < words && chunk[base + k] === buf[offset + k]) k++;
        if (k === words) return i;
      }
      slot = (slot + 1) & mask;
    }
    this.pendingSlot = slot;
    return ABSENT;
  }

  /**
   * Software prefetch for a batch of lookups: reads the home slot of each of
   * the `n` hashes and, in the indexed layout, the first word of the state
   * that slot points to. The reads do not depend on each other, so the CPU
   * overlaps their cache misses; the `find` calls that follow then hit warm
   * caches. Returns a meaningless value (the caller must keep it so the reads
   * are not optimized away). No effect on the store's contents.
   */
  warm(hashes: Uint32Array, n: number): number {
    const table = this.table;
    const mask = this.mask;
    let acc = 0;
    for (let j = 0; j < n; j++) acc ^= table[hashes[j] & mask];
    if (this.hashOnly) return acc;
    const chunks = this.columns.states;
    const words = this.words;
    for (let j = 0; j < n; j++) {
      const h = hashes[j];
      let slot = h & mask;
      let e = table[slot];
      // the first slot of the probe whose tag matches: almost always the state itself
      while (e !== 0 && !tagMatches(e, h, mask)) {
        slot = (slot + 1) & mask;
        e = table[slot];
      }
      if (e !== 0) {
        const i = entryIndex(e, mask);
        acc ^= chunks[i >>> CHUNK_SHIFT][(i & CHUNK_MASK) * words];
      }
    }
    return acc;
  }

  /**
   * Index of `state`, or -1 if it is not stored. In hash-only mode the first
   * call after an insert builds a slot -> index side table (one pass over the
   * states, table-sized); later calls are O(1).
   */
  indexOf(state: Uint32Array): number {
    const h = hashWords(state, 0, this.words);
    const found = this.find(state, 0, h);
    if (found !== PRESENT) return found;
    if (h === 0) return this.zeroIndex;
    if (this.slotIndex === null || this.slotIndexCount !== this.count) this.buildSlotIndex();
    return this.slotIndex![this.slotOfHash(h)];
  }

  /** Hash-only mode: the slot holding hash `h` (which must be stored). */
  private slotOfHash(h: number): number {
    let slot = h & this.mask;
    while (this.table[slot] !== h) slot = (slot + 1) & this.mask;
    return slot;
  }

  private buildSlotIndex(): void {
    const slotIndex = new Uint32Array(this.table.length);
    for (let i = 0; i < this.count; i++) {
      if (i === this.zeroIndex) continue;
      slotIndex[this.slotOfHash(hashWords(this.columns.states[i >>> CHUNK_SHIFT], (i & CHUNK_MASK) * this.words, this.words))] = i;
    }
    this.slotIndex = slotIndex;
    this.slotIndexCount = this.count;
  }

  /**
   * Appends the state at `buf[offset ..]` (hash `h`) as index `count`, with
   * its parent and incoming label, into the slot found by the `find` that
   * just returned ABSENT for it; returns the new index. Requires
   * `count < columns.capacity` (guaranteed while `ensureRoom` returned true).
   */
  insert(buf: Uint32Array, offset: number, h: number, parent: number, label: number): number {
    const index = this.count;
    this.columns.write(index, buf, offset, parent, label);
    if (!this.hashOnly) this.table[this.pendingSlot] = slotEntry(h, this.mask, index);
    else if (this.pendingSlot < 0) this.zeroIndex = index;
    else this.table[this.pendingSlot] = h;
    this.count = index + 1;
    return index;
  }

  /**
   * Makes room for one more insert (grows the columns when full, the table
   * when past its load factor). False if a needed growth was refused by the
   * budget or the allocator; the store is then still valid.
   */
  ensureRoom(): boolean {
    if (this.count >= this.columns.capacity && !this.columns.grow(this.count + 1)) return false;
    if (this.count >= this.threshold && !this.growTable()) return false;
    return true;
  }

  /** Every state stays readable: nothing to drop. */
  retire(_index: number): void {}

  /** Copies the words of state `index` into `out` (which must hold `words` words). */
  read(index: number, out: Uint32Array): Uint32Array {
    return this.columns.read(index, out);
  }

  /** Word `k` of state `index`. */
  wordOf(index: number, k: number): number {
    return this.columns.states[index >>> CHUNK_SHIFT][(index & CHUNK_MASK) * this.words + k];
  }

  /** Parent index of `index` (NO_PARENT for initial states). */
  parentOf(index: number): number {
    return this.columns.parentOf(index);
  }

  /** Incoming label of `index` (meaningless for initial states). */
  labelOf(index: number): number {
    return this.columns.labelOf(index);
  }

  /** Rebuilds the table at twice the size from the stored states (the old table is not read). */
  private growTable(): boolean {
    const size = this.table.length * 2;
    if (!this.budget.fits(size * 4 - this.table.byteLength)) return false;
    const table = tryAllocU32(size);
    if (table === null) return false;
    const mask = size - 1;
    const words = this.words;
    const chunks = this.columns.states;
    for (let i = 0; i < this.count; i++) {
      if (i === this.zeroIndex) continue;
      const h = hashWords(chunks[i >>> CHUNK_SHIFT], (i & CHUNK_MASK) * words, words);
      let slot = h & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = this.hashOnly ? h : slotEntry(h, mask, i);
    }
    this.budget.add(table.byteLength - this.table.byteLength);
    this.table = table;
    this.mask = mask;
    this.threshold = Math.floor(size * MAX_LOAD);
    return true;
  }
}
