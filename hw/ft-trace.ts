/**
 * Main-storage access trace of the FT controller ([0045], [0047]): after a
 * CPU-bus disagreement the controller records which pages are written, so a
 * partial copy can resynchronize. Capacity T entries; "almost full" is one
 * entry short of it ([0062], [0072]), "full" is T ([0067]).
 */
import type { BlockReadings as Readings } from './choices.js';

export const RECORDED = 0, STALLED = 1, UNTRACED = 2;
export type TraceWriteResult = 0 | 1 | 2;

/** What happens to a write while the trace runs with `count` of `capacity` entries used. */
export function traceWrite(count: number, capacity: number, r: Readings): TraceWriteResult {
  if (count < capacity) return RECORDED;
  return r['S11-trace-overflow'] === 'stall' ? STALLED : UNTRACED;
}

export const almostFull = (count: number, capacity: number): boolean => count >= capacity - 1;
export const isFull = (count: number, capacity: number): boolean => count >= capacity;
