import type { LabelId, StateIndex } from './transition-system.js';
import { NO_PARENT } from './store.js';
import type { StoredStates } from './stored-states.js';

/** One step of a trace: the label taken to reach `state` (null for the initial state). */
export interface TraceStep {
  readonly label: LabelId | null;
  /** A copy of the packed words of the state (owned by the caller). */
  readonly state: Uint32Array;
}

/**
 * The path from an initial state to `index` through the parent links of the
 * store: first step is an initial state (label null), last step is `index`.
 * Parents are set at discovery in BFS order, so this path is a shortest one
 * (its length minus one is the BFS depth of `index`).
 */
export function buildTrace(store: StoredStates, index: StateIndex): TraceStep[] {
  if (!(index >= 0 && index < store.count)) throw new RangeError(`state index ${index} out of range 0..${store.count - 1}`);
  const steps: TraceStep[] = [];
  let i: number = index;
  for (;;) {
    const parent = store.parentOf(i);
    const label = parent === NO_PARENT ? null : (store.labelOf(i) as LabelId);
    steps.push({ label, state: store.read(i, new Uint32Array(store.words)) });
    if (parent === NO_PARENT) break;
    i = parent;
  }
  return steps.reverse();
}

/** The labels of a trace, without the initial step's null. */
export function traceLabels(trace: readonly TraceStep[]): LabelId[] {
  const labels: LabelId[] = [];
  for (const step of trace) if (step.label !== null) labels.push(step.label);
  return labels;
}

/** One line per step: `init` or the label name, then the state words in hex. */
export function formatTrace(trace: readonly TraceStep[], labelNames: readonly string[]): string {
  return trace
    .map((step, k) => {
      const words = Array.from(step.state, (w) => w.toString(16).padStart(8, '0')).join(' ');
      const label = step.label === null ? 'init' : (labelNames[step.label] ?? `#${step.label}`);
      return `${String(k).padStart(4)}  ${label}  [${words}]`;
    })
    .join('\n');
}
