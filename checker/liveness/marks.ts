/** Sentinels shared by the per-state uint32 arrays of a liveness search. */

/** Not reached (distance, parent) / not yet visited (SCC mark). */
export const UNSEEN = 0xffffffff;
/** Parent of a state where the search entered (initial state, source). */
export const ENTRY = 0xfffffffe;
/** SCC mark of a state outside the states being decomposed. */
export const REMOVED = 0xfffffffe;
/** Parent of an entry of the region search not expanded yet. */
export const PENDING = 0xfffffffd;
