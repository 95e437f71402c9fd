import { tryAllocNarrow, type WordArray } from './alloc.js';
import type { ByteBudget } from './budget.js';

/**
 * An append-only column of unsigned integers below `maxValue` (stored in
 * Uint8, Uint16 or Uint32 arrays), cut in chunks of 2^shift entries: entry k
 * lives in chunk k >>> shift at k & mask. Growth appends a chunk and never
 * copies one, except that the first chunk doubles while it is smaller than a
 * chunk (tiny runs stay tiny). Every array is charged to the ByteBudget; a
 * refused growth leaves the column unchanged and `ensure` returns false.
 */
export class ChunkedColumn {
  readonly chunks: WordArray[] = [];
  readonly mask: number;
  capacity = 0;
  bytes = 0;
  private readonly entryBytes: number;

  constructor(
    readonly shift: number,
    private readonly maxValue: number,
    private readonly budget: ByteBudget,
  ) {
    this.mask = (1 << shift) - 1;
    this.entryBytes = maxValue <= 0x100 ? 1 : maxValue <= 0x10000 ? 2 : 4;
  }

  /** Makes room for entry `k` (entries below k must already fit). */
  ensure(k: number): boolean {
    while (k >= this.capacity) {
      const size = 1 << this.shift;
      if (this.capacity < size) {
        const cap = Math.min(size, Math.max(1024, this.capacity * 2));
        if (!this.budget.fits((cap - this.capacity) * this.entryBytes)) return false;
        const chunk = tryAllocNarrow(cap, this.maxValue);
        if (chunk === null) return false;
        if (this.chunks.length > 0) chunk.set(this.chunks[0]);
        this.chunks[0] = chunk;
        this.budget.add((cap - this.capacity) * this.entryBytes);
        this.bytes = cap * this.entryBytes;
        this.capacity = cap;
      } else {
        if (!this.budget.fits(size * this.entryBytes)) return false;
        const chunk = tryAllocNarrow(size, this.maxValue);
        if (chunk === null) return false;
        this.chunks.push(chunk);
        this.budget.add(size * this.entryBytes);
        this.bytes += size * this.entryBytes;
        this.capacity += size;
      }
    }
    return true;
  }

  get(k: number): number {
    return this.chunks[k >>> this.shift][k & this.mask];
  }

  /** Writes entry k (within capacity). */
  set(k: number, v: number): void {
    this.chunks[k >>> this.shift][k & this.mask] = v;
  }
}
