/** What one bench child process reports (bytes and seconds). */
export interface Measurement {
  readonly states: number;
  readonly transitions: number;
  readonly depth: number;
  readonly seconds: number;
  /** RSS just before exploring (system built, after gc). */
  readonly rssBaseline: number;
  /** Peak RSS of the whole process (resourceUsage().maxRSS). */
  readonly rssPeak: number;
  readonly heapBaseline: number;
  /** Largest heapUsed seen by the periodic probes. */
  readonly heapPeak: number;
  readonly externalBaseline: number;
  /** Largest ArrayBuffer memory seen by the periodic probes. */
  readonly externalPeak: number;
  /** Engine only: bytes of the store's typed arrays. */
  readonly storeBytes: number | null;
}

/** Memory attributable to the exploration: peak RSS above the baseline, per state. */
export function rssBytesPerState(m: Measurement): number {
  return (m.rssPeak - m.rssBaseline) / m.states;
}
