/**
 * Growth policy of every growable array of the explorer: double while small,
 * then grow by half, so a big store does not need three times its size at
 * the moment it grows.
 */

/** Doubling below this many elements, +50% above. */
const DOUBLING_LIMIT = 1 << 24;

/** The next capacity after `capacity` (at least `capacity + 1`). */
export function nextCapacity(capacity: number): number {
  if (capacity < 4) return 4;
  return capacity < DOUBLING_LIMIT ? capacity * 2 : capacity + (capacity >>> 1);
}
