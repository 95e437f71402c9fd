import { totalmem } from 'node:os';
import type { WordArray } from '../alloc.js';
import { BUDGET_UNIT, CONTROL_WORDS } from './control.js';

/**
 * Memory layout of a parallel run. Every array lives in a SharedArrayBuffer
 * seen by all workers, and every buffer is allocated once, at its largest
 * size, by the main thread before the workers start:
 *
 * - Why not chunks: a buffer created during the run would have to be handed
 *   to every worker by message, which a worker blocked in a barrier or busy in
 *   a level cannot receive without a round trip through the main thread; and
 *   growable SharedArrayBuffers (maxByteLength) are about 10x slower to read.
 * - Why it costs nothing: the OS commits the pages of a fixed-size
 *   SharedArrayBuffer lazily, on first touch (measured on this machine: an
 *   8 GB one adds nothing to RSS until written). Columns are written in index
 *   order and the table only in its active prefix, so the resident memory is
 *   what the run touched.
 * - What is reported: the run charges the shared budget (`maxBytes`) for
 *   what it is about to touch, in commits of whole column chunks, edge chunks
 *   and table sizes (commit.ts), and `stats` report those charges. Nothing is
 *   touched before being charged.
 *
 * Sizes are bounded by min(maxBytes, physical memory): no column can hold
 * more than that budget anyway, so an unbounded run ends with 'out-of-memory'
 * at the physical memory instead of being killed by the kernel. Typed arrays
 * hold at most 2^32 elements, which bounds capacity x words as well. The
 * address space reserved is several times that bound (each array sized for
 * the whole budget); Linux's default overcommit accepts it (measured: tens
 * of GB reserved on this 23 GB machine, RSS unchanged).
 */
export interface Geometry {
  readonly workers: number;
  readonly words: number;
  readonly labelCount: number;
  /** Bytes per label in the label columns: 1, 2 or 4. */
  readonly labelBytes: number;
  /** Invariants (over all sets). */
  readonly invariants: number;
  /** States the columns can hold (every index below it is addressable). */
  readonly capacity: number;
  /** The maxStates bound (Infinity if none). */
  readonly maxStates: number;
  /** maxStates, or capacity if smaller: no index reaches it. */
  readonly stateLimit: number;
  /** log2 of the biggest table the run may grow to. */
  readonly tableMaxLog: number;
  /** log2 of the first table. */
  readonly tableLog: number;
  /** Edges the CSR arrays (and the scratch area) can hold; 0 without edges. */
  readonly edgeCapacity: number;
  /** Bytes charged per committed state: words, parent, label, emission index, table slot, and with edges its start and chunk-table share. */
  readonly stateBytes: number;
  /** Bytes of renumbering scratch per state of a level (renumber.ts). */
  readonly rankBytes: number;
  /** Bytes charged per committed edge (target and label). */
  readonly edgeBytes: number;
  /** The budget, in units of BUDGET_UNIT bytes. */
  readonly budgetUnits: number;
  readonly recordEdges: 'none' | 'targets' | 'labelled';
  /** States a worker claims at once (a chunk). */
  readonly claim: number;
  /** Levels that found at most this many states are renumbered by the leader alone (leader.ts). */
  readonly serialBelow: number;
  /** Bytes charged per committed state for edges (start and chunk-table share; 0 without edges). */
  readonly edgeStateBytes: number;
}

/** The shared buffers of one run; structured-cloneable (passed to each worker as is). */
export interface SharedBuffers {
  readonly control: SharedArrayBuffer;
  readonly states: SharedArrayBuffer;
  readonly parents: SharedArrayBuffer;
  readonly labels: SharedArrayBuffer;
  readonly table: SharedArrayBuffer;
  /** First state of each level. */
  readonly levels: SharedArrayBuffer;
  /**
   * Per invariant: first violating state, its depth, first trigger state
   * (NONE when absent), and the smallest violating and trigger states of the
   * level being evaluated.
   */
  readonly verdicts: SharedArrayBuffer;
  /** Per state of the level being discovered (index - LEVEL_END): the emission index of its discovering edge. */
  readonly keys: SharedArrayBuffer;
  /** Per state of the level being discovered (index - LEVEL_END): its table slot. */
  readonly slots: SharedArrayBuffer;
  /** Renumbering scratch (renumber.ts), per state of a level: 5 + words words. */
  readonly rank: SharedArrayBuffer;
  /** Per worker, on its own cache line: transitions so far (for progress reports). */
  readonly live: SharedArrayBuffer;
  readonly edges: EdgeBuffers | null;
}

export interface EdgeBuffers {
  readonly targets: SharedArrayBuffer;
  /** Null when only targets are kept. */
  readonly labels: SharedArrayBuffer | null;
  readonly scratchTargets: SharedArrayBuffer;
  readonly scratchLabels: SharedArrayBuffer | null;
  /** Per state: first edge (CSR), or during its level the offset within its chunk. */
  readonly starts: SharedArrayBuffer;
  /** Per chunk of the current level: edges, scratch position, CSR position. */
  readonly chunks: SharedArrayBuffer;
}

/** Typed-array views of the shared buffers, built in each thread. */
export interface SharedViews {
  readonly ci: Int32Array;
  readonly cu: Uint32Array;
  readonly states: Uint32Array;
  readonly parents: Uint32Array;
  readonly labels: WordArray;
  readonly table: Int32Array;
  readonly levels: Uint32Array;
  readonly violState: Uint32Array;
  readonly violDepth: Uint32Array;
  readonly firstTrigger: Uint32Array;
  readonly levelViol: Uint32Array;
  readonly levelTrig: Uint32Array;
  readonly keys: Uint32Array;
  /** Renumbering: final position -> provisional index. */
  readonly order: Uint32Array;
  /** Renumbering: provisional index -> final position (both relative to LEVEL_END). */
  readonly rankOf: Uint32Array;
  /** Table slot of each state of the level being discovered (index - LEVEL_END; table.ts keeps it). */
  readonly slotOf: Uint32Array;
  /** Renumbering: per parent (relative to LEVEL_START), its children count, then its group's end. */
  readonly groups: Uint32Array;
  readonly copyParents: Uint32Array;
  readonly copyLabels: Uint32Array;
  readonly copyWords: Uint32Array;
  readonly live: Float64Array;
  readonly edgeTargets: Uint32Array | null;
  readonly edgeLabels: WordArray | null;
  readonly scratchTargets: Uint32Array | null;
  readonly scratchLabels: WordArray | null;
  readonly starts: Uint32Array | null;
  /** chunkLen[c], chunkRaw[c], chunkDst[c] interleaved: 3 words per chunk. */
  readonly chunks: Uint32Array | null;
}

/** Smallest table: 2^10 slots, so that a quarter of it exceeds any worker count (see table.ts). */
export const MIN_TABLE_LOG = 10;
/** Biggest table: 2^31 slots (8 GiB), so that a slot mask is a non-negative int32. */
const MAX_TABLE_LOG = 31;
/** Biggest state index + 1, with room for the cursor overshooting by a chunk (at most 2^16) per worker (at most 64). */
const MAX_STATES = 2 ** 32 - 2 ** 23;
const MAX_ELEMENTS = 2 ** 32;
/** Most workers: a quarter of the smallest table must exceed it (table.ts). */
export const MAX_WORKERS = 64;

export function labelBytesOf(labelCount: number): number {
  return labelCount <= 0x100 ? 1 : labelCount <= 0x10000 ? 2 : 4;
}

/** Sizes every array of a run from its bounds (see the comment on Geometry). */
export function planGeometry(p: {
  workers: number;
  words: number;
  labelCount: number;
  invariants: number;
  maxStates: number;
  maxBytes: number;
  initialCapacity: number;
  recordEdges: 'none' | 'targets' | 'labelled';
  claim: number;
  serialBelow: number;
}): Geometry {
  const labelBytes = labelBytesOf(p.labelCount);
  const edges = p.recordEdges !== 'none';
  const reserve = Math.min(p.maxBytes, totalmem());
  // with edges: 4 bytes of edge start and 12 bytes per chunk of `claim` states (the chunk table), rounded up per state
  const stateBytes = p.words * 4 + 4 + labelBytes + 8 + (edges ? 4 + Math.ceil(12 / p.claim) : 0);
  // a table at most half full holds at least 8 bytes per state
  let capacity = Math.floor(reserve / (stateBytes + 8));
  capacity = Math.max(1, Math.min(capacity, MAX_STATES, Math.floor(MAX_ELEMENTS / p.words), p.maxStates));
  let tableMaxLog = MIN_TABLE_LOG;
  while (tableMaxLog < MAX_TABLE_LOG && 2 ** (tableMaxLog + 1) * 4 <= reserve && 2 ** tableMaxLog < 2 * capacity) tableMaxLog++;
  let tableLog = MIN_TABLE_LOG;
  while (tableLog < tableMaxLog && 2 ** tableLog < 2 * p.initialCapacity) tableLog++;
  const edgeBytes = edges ? 4 + (p.recordEdges === 'labelled' ? labelBytes : 0) : 0;
  const edgeCapacity = edges ? Math.max(1, Math.min(Math.floor(reserve / edgeBytes), MAX_ELEMENTS - 1)) : 0;
  return {
    workers: p.workers,
    words: p.words,
    labelCount: p.labelCount,
    labelBytes,
    invariants: p.invariants,
    capacity,
    maxStates: p.maxStates,
    stateLimit: Math.min(p.maxStates, capacity),
    tableMaxLog,
    tableLog,
    edgeCapacity,
    stateBytes,
    edgeStateBytes: edges ? 4 + Math.ceil(12 / p.claim) : 0,
    rankBytes: (5 + p.words) * 4,
    edgeBytes,
    budgetUnits: Math.min(2 ** 31 - 1, Math.floor(p.maxBytes / BUDGET_UNIT)),
    recordEdges: p.recordEdges,
    claim: p.claim,
    serialBelow: p.serialBelow,
  };
}

/** Allocates every shared buffer of a run (virtual memory only; see Geometry). Throws a RangeError if V8 refuses. */
export function allocateBuffers(g: Geometry): SharedBuffers {
  const edges = g.recordEdges !== 'none';
  const labelled = g.recordEdges === 'labelled';
  return {
    control: new SharedArrayBuffer(CONTROL_WORDS * 4),
    states: new SharedArrayBuffer(g.capacity * g.words * 4),
    parents: new SharedArrayBuffer(g.capacity * 4),
    labels: new SharedArrayBuffer(g.capacity * g.labelBytes),
    table: new SharedArrayBuffer(2 ** g.tableMaxLog * 4),
    levels: new SharedArrayBuffer((g.capacity + 1) * 4),
    verdicts: new SharedArrayBuffer(Math.max(1, g.invariants) * 5 * 4),
    keys: new SharedArrayBuffer(g.capacity * 4),
    slots: new SharedArrayBuffer(g.capacity * 4),
    rank: new SharedArrayBuffer(g.capacity * g.rankBytes),
    live: new SharedArrayBuffer(g.workers * 64),
    edges: edges
      ? {
          targets: new SharedArrayBuffer(g.edgeCapacity * 4),
          labels: labelled ? new SharedArrayBuffer(g.edgeCapacity * g.labelBytes) : null,
          scratchTargets: new SharedArrayBuffer(g.edgeCapacity * 4),
          scratchLabels: labelled ? new SharedArrayBuffer(g.edgeCapacity * g.labelBytes) : null,
          starts: new SharedArrayBuffer(g.capacity * 4),
          chunks: new SharedArrayBuffer((Math.ceil(g.capacity / g.claim) + 1) * 12),
        }
      : null,
  };
}

function narrow(buffer: SharedArrayBuffer, labelBytes: number): WordArray {
  return labelBytes === 1 ? new Uint8Array(buffer) : labelBytes === 2 ? new Uint16Array(buffer) : new Uint32Array(buffer);
}

/** The typed-array views of `b` (cheap: no copy). */
export function viewsOf(b: SharedBuffers, g: Geometry): SharedViews {
  const n = Math.max(1, g.invariants);
  const c = g.capacity;
  const e = b.edges;
  return {
    ci: new Int32Array(b.control),
    cu: new Uint32Array(b.control),
    states: new Uint32Array(b.states),
    parents: new Uint32Array(b.parents),
    labels: narrow(b.labels, g.labelBytes),
    table: new Int32Array(b.table),
    levels: new Uint32Array(b.levels),
    violState: new Uint32Array(b.verdicts, 0, n),
    violDepth: new Uint32Array(b.verdicts, n * 4, n),
    firstTrigger: new Uint32Array(b.verdicts, n * 8, n),
    levelViol: new Uint32Array(b.verdicts, n * 12, n),
    levelTrig: new Uint32Array(b.verdicts, n * 16, n),
    keys: new Uint32Array(b.keys),
    order: new Uint32Array(b.rank, 0, c),
    rankOf: new Uint32Array(b.rank, c * 4, c),
    slotOf: new Uint32Array(b.slots),
    groups: new Uint32Array(b.rank, c * 8, c),
    copyParents: new Uint32Array(b.rank, c * 12, c),
    copyLabels: new Uint32Array(b.rank, c * 16, c),
    copyWords: new Uint32Array(b.rank, c * 20, c * g.words),
    live: new Float64Array(b.live),
    edgeTargets: e === null ? null : new Uint32Array(e.targets),
    edgeLabels: e === null || e.labels === null ? null : narrow(e.labels, g.labelBytes),
    scratchTargets: e === null ? null : new Uint32Array(e.scratchTargets),
    scratchLabels: e === null || e.scratchLabels === null ? null : narrow(e.scratchLabels, g.labelBytes),
    starts: e === null ? null : new Uint32Array(e.starts),
    chunks: e === null ? null : new Uint32Array(e.chunks),
  };
}
