import { hashWords } from '../hash.js';
import { entryIndex, slotEntry, tagMatches } from '../slot.js';
import { commitStates } from './commit.js';
import { CAP, CLAIMED, COUNT, H_MAX_STATES, H_OUT_OF_MEMORY, HARD, HOLE, TABLE_LOG, THRESHOLD } from './control.js';
import type { Geometry, SharedViews } from './memory.js';

/** States hashed per batch when the table is rebuilt. */
const REHASH_BATCH = 32;

/** findOrInsert result when the state could not be stored (see `failure`). */
export const FAILED = -1;
/** findOrInsert result when the state is new but the table must grow first (nothing claimed: pause, then retry). */
export const NEEDS_ROOM = -2;

/**
 * One thread's access to the shared visited set: a lock-free open-addressing
 * table (linear probing) over the shared state columns. Slot values (int32):
 * 0 empty, CLAIMED (-1) taken by a worker still writing the state, otherwise
 * a published state: `index + 1` in the low bits (those of the mask) and its
 * hash's bits above them as a tag (`slotEntry`, ../slot.ts), so that a probe reads a state's
 * words only where the tag matches, as in StateStore. The low bits are never
 * all ones (the table is at most 3/4 full), so no entry is CLAIMED.
 *
 * Insert protocol: CAS the empty slot to CLAIMED, allocate the index (from a
 * block of the worker's, taken from COUNT), write words, parent and label,
 * then publish the index with an atomic store; a prober that meets CLAIMED
 * waits for the publication, then compares. The atomic publication orders the plain writes of the state before
 * any read of it by another worker. Two workers inserting the same state
 * therefore meet at the same slot and exactly one stores it.
 *
 * The table is the active prefix of one big buffer (2^TABLE_LOG slots). Load
 * is kept below 3/4 by the workers themselves: no insert starts while COUNT is
 * at HARD (3/4 of the slots) or more (NEEDS_ROOM), and at most one insert per
 * worker can be past that check, so the table never fills (a quarter of the
 * smallest table exceeds MAX_WORKERS; COUNT, which also counts the unused
 * indices of the blocks, only overstates the load). Growth (a bigger prefix, rebuilt from
 * the columns) happens while every worker waits at a barrier (worker-loop.ts).
 */
export class SharedTable {
  private readonly ci: Int32Array;
  private readonly cu: Uint32Array;
  private readonly table: Int32Array;
  private readonly states: Uint32Array;
  private readonly parents: Uint32Array;
  private readonly labels: Uint8Array | Uint16Array | Uint32Array;
  private readonly keys: Uint32Array;
  private readonly slots: Uint32Array;
  private readonly words: number;
  mask = 0;
  /** COUNT at which to ask for growth (half the slots). */
  threshold = 0;
  /** COUNT from which no insert may start (3/4 of the slots). */
  hard = 0;
  /** Whether the last successful findOrInsert stored a new state. */
  lastNew = false;
  /** The slot of the state the last successful findOrInsert returned. */
  lastSlot = 0;
  /**
   * First index of the level being discovered (LEVEL_END) while expanding, so
   * that new states record their emission index in `keys` and their slot in
   * `slotOf` (for the renumbering); -1 while storing initial states.
   */
  keyBase = -1;
  /** Halt code of the last FAILED findOrInsert (max-states or out-of-memory). */
  failure = 0;
  /** Sink for prefetch reads. */
  warmth = 0;
  /** Indices taken per block (allocate): 1 while storing initial states or under a state limit, so that no index is left unused. */
  blockSize = 1;
  private blockNext = 0;
  private blockEnd = 0;
  private readonly homes = new Int32Array(REHASH_BATCH);
  private readonly ids = new Uint32Array(REHASH_BATCH);
  private readonly values = new Int32Array(REHASH_BATCH);

  constructor(
    v: SharedViews,
    private readonly g: Geometry,
  ) {
    this.ci = v.ci;
    this.cu = v.cu;
    this.table = v.table;
    this.states = v.states;
    this.parents = v.parents;
    this.labels = v.labels;
    this.keys = v.keys;
    this.slots = v.slotOf;
    this.words = g.words;
    this.refresh();
  }

  /** Re-reads the table size after a growth. */
  refresh(): void {
    this.mask = 2 ** Atomics.load(this.ci, TABLE_LOG) - 1;
    this.threshold = Atomics.load(this.cu, THRESHOLD);
    this.hard = Atomics.load(this.cu, HARD);
  }

  /**
   * The index of the state at `buf[offset ..]` (hash `h`), storing it with
   * `parent`, `label` and emission index `j` if it is new (`lastNew`).
   * FAILED if it is new but the state limit or the budget refuses it
   * (`failure` says which; nothing stored); NEEDS_ROOM if it is new and the
   * table is at its hard load (nothing claimed).
   */
  findOrInsert(buf: Uint32Array, offset: number, h: number, parent: number, label: number, j: number): number {
    const table = this.table;
    const states = this.states;
    const words = this.words;
    const mask = this.mask;
    let slot = h & mask;
    for (;;) {
      let e = Atomics.load(table, slot);
      if (e === 0) {
        if (Atomics.load(this.cu, COUNT) >= this.hard) return NEEDS_ROOM;
        if (Atomics.compareExchange(table, slot, 0, CLAIMED) !== 0) continue;
        const index = this.allocate();
        if (index < 0) {
          Atomics.store(table, slot, 0);
          return FAILED;
        }
        const base = index * words;
        for (let k = 0; k < words; k++) states[base + k] = buf[offset + k];
        this.parents[index] = parent;
        this.labels[index] = label;
        if (this.keyBase >= 0) {
          this.keys[index - this.keyBase] = j;
          this.slots[index - this.keyBase] = slot;
        }
        Atomics.store(table, slot, slotEntry(h, mask, index));
        this.lastNew = true;
        this.lastSlot = slot;
        return index;
      }
      if (e === CLAIMED) {
        e = this.waitPublished(slot);
        if (e === 0) continue;
      }
      if (tagMatches(e, h, mask)) {
        const i = entryIndex(e, mask);
        const base = i * words;
        let k = 0;
        while (k < words && states[base + k] === buf[offset + k]) k++;
        if (k === words) {
          this.lastNew = false;
          this.lastSlot = slot;
          return i;
        }
      }
      slot = (slot + 1) & mask;
    }
  }

  /**
   * State `t` (at `slot`), found by `parent` at emission `j`, is in the level
   * being discovered: makes `parent` its parent (with `label` and `j`) if it
   * is smaller than the one it has. The smallest parent, and for it the first
   * emission, is the edge through which the sequential run discovers `t`.
   * Parents only decrease, and one parent is expanded by one worker only, so
   * a parent read not above `parent` settles it without a lock; otherwise the
   * slot serves as the lock (CLAIMED while the three fields change: probers
   * wait for it as for an insert).
   */
  relink(t: number, slot: number, parent: number, label: number, j: number): void {
    const parents = this.parents;
    if (Atomics.load(parents, t) <= parent) return;
    const table = this.table;
    let value = Atomics.load(table, slot);
    while (value === CLAIMED || Atomics.compareExchange(table, slot, value, CLAIMED) !== value) value = this.waitPublished(slot);
    if (parents[t] > parent) {
      parents[t] = parent;
      this.labels[t] = label;
      this.keys[t - this.keyBase] = j;
    }
    Atomics.store(table, slot, value);
  }

  /** Index of `state` among the published states, or -1 (no insert). */
  indexOf(state: Uint32Array): number {
    const table = this.table;
    const states = this.states;
    const words = this.words;
    const mask = this.mask;
    const h = hashWords(state, 0, words);
    let slot = h & mask;
    for (;;) {
      const e = Atomics.load(table, slot);
      if (e === 0) return -1;
      if (e !== CLAIMED && tagMatches(e, h, mask)) {
        const base = entryIndex(e, mask) * words;
        let k = 0;
        while (k < words && states[base + k] === state[k]) k++;
        if (k === words) return entryIndex(e, mask);
      }
      slot = (slot + 1) & mask;
    }
  }

  /**
   * Reads the home slot of each of `n` hashes and the first word of the state
   * there, so that the cache misses of a batch overlap (as StateStore.warm).
   * Returns a meaningless value to keep.
   */
  warm(hashes: Uint32Array, n: number): number {
    const table = this.table;
    const states = this.states;
    const mask = this.mask;
    const words = this.words;
    let acc = 0;
    for (let j = 0; j < n; j++) acc ^= table[hashes[j] & mask];
    for (let j = 0; j < n; j++) {
      const h = hashes[j];
      let slot = h & mask;
      let e = table[slot];
      // the first slot of the probe whose tag matches: almost always the state itself
      while (e !== 0 && (e === CLAIMED || !tagMatches(e, h, mask))) {
        slot = (slot + 1) & mask;
        e = table[slot];
      }
      if (e !== 0) acc ^= states[entryIndex(e, mask) * words];
    }
    return acc;
  }

  /**
   * Growth, step 2: stores into the rebuilt (zeroed) table every state below
   * `count` whose home slot is in [lo, hi); from `levelFrom` on (the level
   * being discovered) it skips the holes and records each state's new slot.
   * Each worker takes one region of
   * the table, so workers write apart (a probe running past the region's end
   * is the only overlap, hence the CAS); every worker hashes every state,
   * which costs less than sharing the table's cache lines. Home slots are
   * read a batch ahead so that their cache misses overlap.
   */
  rehashRegion(count: number, lo: number, hi: number, levelFrom: number): void {
    const table = this.table;
    const states = this.states;
    const parents = this.parents;
    const words = this.words;
    const mask = this.mask;
    const homes = this.homes;
    const ids = this.ids;
    const values = this.values;
    let acc = 0;
    for (let start = 0; start < count; start += REHASH_BATCH) {
      const end = Math.min(start + REHASH_BATCH, count);
      let n = 0;
      for (let i = start; i < end; i++) {
        if (i >= levelFrom && parents[i] === HOLE) continue;
        const h = hashWords(states, i * words, words);
        const home = h & mask;
        if (home < lo || home >= hi) continue;
        homes[n] = home;
        values[n] = slotEntry(h, mask, i);
        ids[n++] = i;
        acc ^= table[home];
      }
      for (let k = 0; k < n; k++) {
        let slot = homes[k];
        const i = ids[k];
        const value = values[k];
        while (Atomics.compareExchange(table, slot, 0, value) !== 0) slot = (slot + 1) & mask;
        if (i >= levelFrom) this.slots[i - levelFrom] = slot;
      }
    }
    this.warmth ^= acc;
  }

  /** Growth, step 1: zeroes slots [from, to) of the table. */
  clear(from: number, to: number): void {
    this.table.fill(0, from, to);
  }

  /**
   * The next state index, or -1 (`failure` set) if the limit or the budget
   * refuses. Indices come from this worker's block, taken `blockSize` at a
   * time from COUNT (by CAS, never past CAP or the state limit), so that
   * workers write the columns apart instead of sharing their cache lines.
   */
  private allocate(): number {
    if (this.blockNext < this.blockEnd) return this.blockNext++;
    const cu = this.cu;
    const g = this.g;
    for (;;) {
      const c = Atomics.load(cu, COUNT);
      if (c >= g.stateLimit) {
        this.failure = c >= g.maxStates ? H_MAX_STATES : H_OUT_OF_MEMORY;
        return -1;
      }
      const want = Math.min(this.blockSize, g.stateLimit - c);
      const cap = Atomics.load(cu, CAP);
      // below CAP the columns are charged; commit more (or see another worker's commit) and look again
      if (c + want > cap && commitStates(this.ci, cu, g, cap)) continue;
      const take = Math.min(want, cap - c);
      if (take <= 0) {
        this.failure = H_OUT_OF_MEMORY;
        return -1;
      }
      if (Atomics.compareExchange(cu, COUNT, c, c + take) === c) {
        this.blockNext = c + 1;
        this.blockEnd = c + take;
        return c;
      }
    }
  }

  /**
   * Gives up the rest of this worker's block: its indices become holes
   * (parent HOLE), which the renumbering or, on a halted run, the compaction
   * of the level removes (renumber.ts). Called whenever the worker stops
   * expanding (barrier), so that every index below COUNT is a state or a hole.
   */
  dropBlock(): void {
    const parents = this.parents;
    for (let t = this.blockNext; t < this.blockEnd; t++) parents[t] = HOLE;
    this.blockNext = this.blockEnd = 0;
  }

  /** Waits until the claimed `slot` is published (or released, 0); returns its value. */
  private waitPublished(slot: number): number {
    const table = this.table;
    for (let spins = 0; ; spins++) {
      const e = Atomics.load(table, slot);
      if (e !== CLAIMED) return e;
      // the writer may have been descheduled (shared cores): sleep a little instead of spinning a whole time slice
      if (spins > 256) Atomics.wait(table, slot, CLAIMED, 0.05);
    }
  }
}
