/**
 * IO-access comparison of the FT controller ([0040]-[0043], FIG. 4): buffer
 * 131 (own CPU) and buffer 132 (other CPU, over the crosslink) feed comparison
 * section 133. While the two CPUs agree, each outbound access pair is compared
 * and released at once; after a disagreement the accesses are held, and both
 * systems run on "as far as the capacities of the buffers 131 and 132 permit"
 * ([0042]). The model keeps the number of held accesses, 0..B.
 */
import type { BlockReadings as Readings } from './choices.js';
import { almostFull, isFull } from './ft-trace.js';

export const canHoldAnother = (held: number, capacity: number): boolean => held < capacity;

/** Which mark ended Online async: the trace memory's, the comparison buffer's, or both (bits). */
export const MARK_TRACE = 1, MARK_BUFFER = 2;

/** D6: the marks Online async has reached, at which software must leave it (0: none). */
export function asyncExitMarks(traceCount: number, traceCapacity: number, held: number, bufferCapacity: number, r: Readings): number {
  switch (r['D6-async-exit-trigger']) {
    case 'almost-full':
      return (almostFull(traceCount, traceCapacity) ? MARK_TRACE : 0) | (almostFull(held, bufferCapacity) ? MARK_BUFFER : 0);
    case 'full':
      return (isFull(traceCount, traceCapacity) ? MARK_TRACE : 0) | (isFull(held, bufferCapacity) ? MARK_BUFFER : 0);
    case 'trace-almost-full':
      return almostFull(traceCount, traceCapacity) ? MARK_TRACE : 0;
  }
}

/** D6: has Online async reached the mark at which software must leave it? */
export function asyncExitDue(traceCount: number, traceCapacity: number, held: number, bufferCapacity: number, r: Readings): boolean {
  return asyncExitMarks(traceCount, traceCapacity, held, bufferCapacity, r) !== 0;
}
