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

/** D6: has Online async reached the mark at which software must leave it? */
export function asyncExitDue(traceCount: number, traceCapacity: number, held: number, bufferCapacity: number, r: Readings): boolean {
  switch (r['D6-async-exit-trigger']) {
    case 'almost-full':
      return almostFull(traceCount, traceCapacity) || almostFull(held, bufferCapacity);
    case 'full':
      return isFull(traceCount, traceCapacity) || isFull(held, bufferCapacity);
    case 'trace-almost-full':
      return almostFull(traceCount, traceCapacity);
  }
}
