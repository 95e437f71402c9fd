/** Figures of one exploration run. */
export interface ExploreStats {
  /** Distinct states stored (discovered), including those not yet expanded. */
  readonly states: number;
  /** States whose successors were all generated. */
  readonly expanded: number;
  /**
   * Transitions fired (duplicates included): those of every expanded state,
   * plus, on a halted run, those of the interrupted state handled before the halt.
   * Equals the number of recorded edges when recordEdges is on.
   */
  readonly transitions: number;
  /** Largest BFS level among stored states (initial states are level 0). */
  readonly depth: number;
  readonly seconds: number;
  readonly statesPerSecond: number;
  readonly transitionsPerSecond: number;
  /** Bytes of the visited store (state words, parents, labels, hash table, level index). */
  readonly storeBytes: number;
  /** storeBytes / states (capacity slack included). */
  readonly bytesPerState: number;
  /** Bytes of the recorded edges (0 unless recordEdges). */
  readonly edgeBytes: number;
}

/** Derives the rates and ratios from the raw counts. */
export function makeStats(raw: {
  states: number;
  expanded: number;
  transitions: number;
  depth: number;
  seconds: number;
  storeBytes: number;
  edgeBytes: number;
}): ExploreStats {
  const secs = raw.seconds > 0 ? raw.seconds : Number.EPSILON;
  return {
    ...raw,
    statesPerSecond: raw.states / secs,
    transitionsPerSecond: raw.transitions / secs,
    bytesPerState: raw.states > 0 ? raw.storeBytes / raw.states : 0,
  };
}

/** A one-line summary, e.g. for the CLI. */
export function formatStats(s: ExploreStats): string {
  const n = (x: number) => Math.round(x).toLocaleString('en-US');
  return (
    `${n(s.states)} states, ${n(s.transitions)} transitions, depth ${s.depth}, ` +
    `${s.seconds.toFixed(2)} s (${n(s.statesPerSecond)} states/s), ` +
    `${s.bytesPerState.toFixed(1)} bytes/state (${(s.storeBytes / 1048576).toFixed(1)} MiB store)`
  );
}
