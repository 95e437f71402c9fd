import { tryAllocU32 } from './alloc.js';
import type { ByteBudget } from './budget.js';
import { nextCapacity } from './growth.js';

/**
 * Append-only list of uint32 values in one growable Uint32Array, charged to a
 * ByteBudget. `push` returns false (and leaves the list unchanged) when the
 * list would have to grow but the budget or the allocator refuses.
 */
export class U32List {
  data: Uint32Array;
  length = 0;

  private constructor(data: Uint32Array, private readonly budget: ByteBudget) {
    this.data = data;
  }

  /** A list with room for `capacity` values, or null if that cannot be allocated. */
  static create(capacity: number, budget: ByteBudget): U32List | null {
    const cap = Math.max(4, capacity);
    if (!budget.fits(cap * 4)) return null;
    const data = tryAllocU32(cap);
    if (data === null) return null;
    budget.add(data.byteLength);
    return new U32List(data, budget);
  }

  /** An empty list that never grows, built without the allocator (for a run that could not start). */
  static empty(budget: ByteBudget): U32List {
    return new U32List(new Uint32Array(0), budget);
  }

  /** Bytes held by the backing array (capacity, not length). */
  get bytes(): number {
    return this.data.byteLength;
  }

  /** Appends `value`; false if the list is full and cannot grow. */
  push(value: number): boolean {
    if (this.length === this.data.length && !this.grow(this.length + 1)) return false;
    this.data[this.length++] = value;
    return true;
  }

  /** Appends three values at once (all or none); false if the list cannot grow. */
  push3(a: number, b: number, c: number): boolean {
    const n = this.length;
    if (n + 3 > this.data.length && !this.grow(n + 3)) return false;
    const d = this.data;
    d[n] = a;
    d[n + 1] = b;
    d[n + 2] = c;
    this.length = n + 3;
    return true;
  }

  private grow(minLength: number): boolean {
    let cap = this.data.length;
    while (cap < minLength) cap = nextCapacity(cap);
    const extra = (cap - this.data.length) * 4;
    if (!this.budget.fits(extra)) return false;
    const next = tryAllocU32(cap);
    if (next === null) return false;
    next.set(this.data.subarray(0, this.length));
    this.data = next;
    this.budget.add(extra);
    return true;
  }
}
