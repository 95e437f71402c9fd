/**
 * The value of an indexed hash-table slot (StateStore, parallel/table.ts):
 * `index + 1` in the bits of the mask (0 = empty) and, above them, the
 * state's hash bits that the slot number does not already give (a tag), so
 * that a probe reads a stored state only where the tag matches. `index + 1`
 * fits under the mask because neither table is ever full.
 */

/** The slot value of state `index`, whose hash is `h`. */
export function slotEntry(h: number, mask: number, index: number): number {
  return (h & ~mask) | (index + 1);
}

/** The same slot value with its index replaced (the tag kept: a slot value's bits above the mask are its hash's). */
export function reindexed(e: number, mask: number, index: number): number {
  return slotEntry(e, mask, index);
}

/** Whether the state in slot value `e` may be the one whose hash is `h` (its tag matches). */
export function tagMatches(e: number, h: number, mask: number): boolean {
  return ((e ^ h) & ~mask) === 0;
}

/** The state index a (non-empty) slot value holds. */
export function entryIndex(e: number, mask: number): number {
  return (e & mask) - 1;
}
