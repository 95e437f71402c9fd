/**
 * The control block shared by the workers of a parallel run: one
 * SharedArrayBuffer seen as an Int32Array (`ci`, flags and the barrier) and
 * a Uint32Array (`cu`, counters and indices up to 2^32 - 1) over the same
 * words. Fields written on the hot path each get their own 64-byte cache
 * line, so that workers bumping one do not invalidate the others.
 */

const LINE = 16;

// --- hot counters (own lines), in `cu`
/**
 * Indices allocated so far (by blocks, CAS, never past CAP or the limit).
 * Between levels, the states stored; during one, also the holes and the
 * unused indices of the workers' blocks.
 */
export const COUNT = 0;
/** Next state index of the current level to claim (Atomics.add of a chunk); in COMPACT, next chunk. */
export const CURSOR = LINE;
/** Edges reserved in the scratch area during the current level. */
export const ECURSOR = 2 * LINE;

// --- commits and budget (written rarely), in `cu` except USED
/** States charged to the budget (columns usable below this index). */
export const CAP = 3 * LINE;
/** Edges of the CSR arrays charged to the budget. */
export const ECAP = CAP + 1;
/** Edges of the scratch area charged to the budget. */
export const SCAP = CAP + 2;
/** Budget in use, in units of BUDGET_UNIT bytes (`ci`). */
export const USED = CAP + 3;
/** First state not evaluated when the run halted (the last pass evaluates from there; `cu`). */
export const TAIL_START = CAP + 4;

// --- read-mostly line: written only between phases (by the leader) or once (halt)
/** 0 while running, else the first HaltCode raised (`ci`, set by CAS). */
export const HALT = 4 * LINE;
/** 1 once a worker asked for the table to grow (`ci`). */
export const PAUSE = HALT + 1;
/** The current Phase (`ci`). */
export const PHASE = HALT + 2;
/** The phase a table growth returns to (`ci`). */
export const RESUME = HALT + 3;
/** First state of the level being expanded (`cu`). */
export const LEVEL_START = HALT + 4;
/** End (exclusive) of the level being expanded (`cu`). */
export const LEVEL_END = HALT + 5;
/** Levels recorded in the levels array (`cu`); the level being expanded is NLEVELS - 1. */
export const NLEVELS = HALT + 6;
/** log2 of the table size in use (`ci`). */
export const TABLE_LOG = HALT + 7;
/** COUNT at which a worker asks for the table to grow (half the slots; `cu`). */
export const THRESHOLD = HALT + 8;
/** COUNT past which no insert may start before the table grew (3/4 of the slots; `cu`). */
export const HARD = HALT + 9;
/** Edges in the CSR arrays before the current level (`cu`). */
export const EDGE_BASE = HALT + 10;
/** States whose out-edges are final in the CSR arrays (`cu`). */
export const EXPANDED_LIMIT = HALT + 11;
/** CSR edges once the level being compacted is in place (`cu`). */
export const EDGE_NEXT = HALT + 12;
/** Chunks of the level being compacted that a worker claimed (the others were never touched; `cu`). */
export const LEVEL_CLAIMED = HALT + 13;
/**
 * How the targets of the level's edges map to final indices (`ci`): 0 as
 * they are, 1 through rankOf (renumbered), 2 through keys (holes compacted).
 */
export const RENUMBERED = HALT + 14;
/** States the renumbering scratch arrays have been charged for (`cu`). */
export const RCAP = HALT + 15;
/** States (not holes) the level being renumbered found (`cu`). */
export const FOUND = CAP + 5;

// --- barrier (own lines), in `ci`
export const ARRIVED = 5 * LINE;
export const GEN = 6 * LINE;

/** Int32 words of the control block. */
export const CONTROL_WORDS = 7 * LINE;

// Phases: what the workers do between two barriers (the value of PHASE).
/** Worker 0 stores the initial states; the others wait. */
export const P_INIT = 1;
/** Every worker claims chunks of the current level and expands them. */
export const P_EXPAND = 2;
/** Table growth, step 1: every worker zeroes its share of the new (bigger) table. */
export const P_CLEAR = 3;
/** Table growth, step 2: every worker reinserts its share of the stored states. */
export const P_REHASH = 4;
/** Renumbering (renumber.ts), step 1: count the new states of each parent. */
export const P_COUNT = 5;
/** Renumbering, step 2: give each new state a place in its parent's group; copy it out, find its slot. */
export const P_PLACE = 6;
/** Renumbering, step 3: order each group by emission index: the final (sequential) order. */
export const P_SORT = 7;
/** Renumbering, step 4: write the new states back in the final order, and their slots. */
export const P_SCATTER = 8;
/** Edges: the workers move the level's chunks from the scratch area to their CSR place. */
export const P_COMPACT = 9;
/** Last pass of a halted run: the workers evaluate the states never claimed (evaluator.ts). */
export const P_EVALUATE = 10;
export const P_DONE = 11;

// Halt codes: why a run stopped early (the value of HALT; 0 = running).
export const H_VIOLATION = 1;
export const H_MAX_STATES = 2;
export const H_MAX_SECONDS = 3;
export const H_OUT_OF_MEMORY = 4;
export const H_INTERRUPTED = 5;
/** A worker failed (the system threw): the run is abandoned and exploreParallel rejects. */
export const H_ERROR = 6;

/** Stop reason of each halt code. */
export const HALT_REASONS = ['', 'violation', 'max-states', 'max-seconds', 'out-of-memory', 'interrupted', 'error'] as const;

/** Default states claimed at once by a worker (a chunk; Geometry.claim); also the unit of edge reservation. */
export const CLAIM_STATES = 64;
/** Levels recorded per budget charge of the levels array (64 bytes). */
export const LEVELS_PER_CHARGE = 16;
/** Granularity of the budget counter. */
export const BUDGET_UNIT = 64;
/** Table slot value of a claimed slot whose state is still being written. */
export const CLAIMED = -1;
/** Shared "no state" marker of the violation and trigger arrays. */
export const NONE = 0xffffffff;
/** Parent of an index allocated but never used (a hole in the level being discovered: table.ts dropBlock). */
export const HOLE = 0xffffffff;
/** Indices a worker takes at once when no state limit applies (table.ts allocate). */
export const ALLOC_BLOCK = 64;
