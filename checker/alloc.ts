/**
 * Typed-array allocation that never throws. V8 throws a RangeError when an
 * ArrayBuffer cannot be allocated ("Array buffer allocation failed") or is
 * longer than the engine allows ("Invalid typed array length"); the store
 * turns that into a clean stop with stopReason 'out-of-memory'.
 *
 * Kept in its own module so tests can replace it (vi.mock) to simulate
 * allocation failure at a chosen growth step.
 */

export type WordArray = Uint8Array | Uint16Array | Uint32Array;

/** A new zeroed Uint32Array of `length` elements, or null if it cannot be allocated. */
export function tryAllocU32(length: number): Uint32Array | null {
  try {
    return new Uint32Array(length);
  } catch (e) {
    if (e instanceof RangeError) return null;
    throw e;
  }
}

/** A new zeroed Int32Array of `length` elements, or null if it cannot be allocated. */
export function tryAllocI32(length: number): Int32Array | null {
  try {
    return new Int32Array(length);
  } catch (e) {
    if (e instanceof RangeError) return null;
    throw e;
  }
}

/**
 * A new zeroed array wide enough for values below `maxValue` (Uint8, Uint16 or
 * Uint32), or null if it cannot be allocated.
 */
export function tryAllocNarrow(length: number, maxValue: number): WordArray | null {
  try {
    if (maxValue <= 0x100) return new Uint8Array(length);
    if (maxValue <= 0x10000) return new Uint16Array(length);
    return new Uint32Array(length);
  } catch (e) {
    if (e instanceof RangeError) return null;
    throw e;
  }
}
