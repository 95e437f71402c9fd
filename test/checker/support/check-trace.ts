import { expect } from 'vitest';
import type { PackedView, TraceStep } from '../../../checker/index.js';
import type { NaiveResult } from './naive.js';

/**
 * Asserts, using only the naive exploration, that `trace` is a real path:
 * it starts at an initial state and each step is a transition of the system
 * (same label, same successor). Returns the order index of the last state.
 */
export function expectRealPath<S, L>(view: PackedView<S, L>, naive: NaiveResult<S>, trace: readonly TraceStep[]): number {
  expect(trace.length).toBeGreaterThan(0);
  const keys = trace.map((step) => JSON.stringify(view.decode(step.state)));
  expect(trace[0].label).toBeNull();
  expect(naive.initialKeys.has(keys[0])).toBe(true);
  for (let k = 1; k < trace.length; k++) {
    const label = trace[k].label;
    expect(label).not.toBeNull();
    const name = view.labelNames[label!];
    expect(naive.edgeSet.has(`${keys[k - 1]}|${name}|${keys[k]}`)).toBe(true);
  }
  const last = naive.indexOf.get(keys[keys.length - 1]);
  expect(last).toBeDefined();
  return last!;
}
