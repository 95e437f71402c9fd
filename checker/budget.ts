/**
 * Byte budget shared by every typed array of one exploration (state store,
 * level index, recorded edges). A growth step asks `fits(extra)` before it
 * allocates and `add(delta)` after it swapped arrays.
 *
 * The budget counts the arrays that stay allocated (steady state). While an
 * array grows, the old and the new copy coexist for a moment; that transient
 * is not counted (see docs/internals.md).
 */
export class ByteBudget {
  /** Bytes currently held by the arrays registered with this budget. */
  used = 0;

  constructor(readonly limit: number) {}

  /** True if `extra` more bytes stay within the limit. */
  fits(extra: number): boolean {
    return this.used + extra <= this.limit;
  }

  /** Records that the held bytes changed by `delta` (may be negative). */
  add(delta: number): void {
    this.used += delta;
  }
}
