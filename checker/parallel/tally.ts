/**
 * What one worker counted, posted to the main thread once the run is done;
 * the run's totals are the sums (and, for deadlocks, the merge) of these.
 * Every field is structured-cloneable.
 */
export interface WorkerTally {
  /** Transitions counted (those of its expanded states; on a halted run, also of an interrupted one, as in explore). */
  transitions: number;
  /** States whose successors it all handled. */
  expanded: number;
  readonly firings: Float64Array;
  readonly discovered: Float64Array;
  /** Per invariant: stored states (inserted by this worker) where the trigger held. */
  readonly triggerCounts: Float64Array;
  deadlockCount: number;
  /** Its first deadlocks in the order it expanded them (ascending), at most maxDeadlocksListed. */
  readonly deadlocks: number[];
  /** Its system's counters (PackedSystem.counters) after the run, or empty. */
  counters: Float64Array;
}

export function emptyTally(labelCount: number, invariants: number): WorkerTally {
  return {
    transitions: 0,
    expanded: 0,
    firings: new Float64Array(labelCount),
    discovered: new Float64Array(labelCount),
    triggerCounts: new Float64Array(invariants),
    deadlockCount: 0,
    deadlocks: [],
    counters: new Float64Array(0),
  };
}

/** The sum of the tallies; deadlocks merged in ascending index order, the first `listed` kept. */
export function mergeTallies(tallies: readonly WorkerTally[], labelCount: number, invariants: number, listed: number): WorkerTally {
  const total = emptyTally(labelCount, invariants);
  const deadlocks: number[] = [];
  for (const t of tallies) {
    total.transitions += t.transitions;
    total.expanded += t.expanded;
    total.deadlockCount += t.deadlockCount;
    addInto(total.firings, t.firings);
    addInto(total.discovered, t.discovered);
    addInto(total.triggerCounts, t.triggerCounts);
    if (total.counters.length < t.counters.length) total.counters = grown(total.counters, t.counters.length);
    addInto(total.counters, t.counters);
    deadlocks.push(...t.deadlocks);
  }
  deadlocks.sort((a, b) => a - b);
  total.deadlocks.push(...deadlocks.slice(0, listed));
  return total;
}

function addInto(into: Float64Array, from: Float64Array): void {
  for (let k = 0; k < from.length; k++) into[k] += from[k];
}

function grown(a: Float64Array, length: number): Float64Array {
  const b = new Float64Array(length);
  b.set(a);
  return b;
}
