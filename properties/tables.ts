/**
 * Tables 3 and 4 ([0074]-[0077]) written down as the specification the access
 * properties check against, row by row as the reading guide cleans them up.
 * Deliberately independent of hw/io-subsystem.ts, which implements them.
 */
import type { Readings } from '../model/readings.js';

/** o: accessible; own: restricted to the own side (Δ); dma: restricted to a DMA/shared resource controller (Δ); X: master abort. */
export type Cell = 'o' | 'own' | 'dma' | 'X';

/** Table 3, CPU outbound request, by state number 1..10. */
export const TABLE3: Record<number, Cell> = {
  4: 'o', 3: 'o', 2: 'o', 5: 'o', // Online sync, Pre online sync, Online ready, Online async
  1: 'own', 6: 'own', // Online divide, Offline divide: destination own IO and DMA/shared resource controller
  7: 'o', 8: 'o', // Offline, Recover offline: asynchronous requests ([0077])
  9: 'X', 10: 'X', // Pre offline, Fault
};

/** Table 4, IO inbound request, by state number; rows 7/8 follow reading D7. */
export function table4(r: Readings): Record<number, Cell> {
  const offlineRestricted = r['D7-table4-offline-rows'] === 'offline-restricted';
  return {
    4: 'o', 3: 'o', 2: 'o', 5: 'o',
    1: 'own', 6: 'own', // source = only IO of own system
    8: offlineRestricted ? 'o' : 'dma',
    7: offlineRestricted ? 'dma' : 'o',
    9: 'X', 10: 'X',
  };
}

/** Whether a cell lets a request from/to `peer` through (for a request that stays inside the system or is local to the row). */
export function cellAllows(cell: Cell, dir: 'outbound' | 'inbound', peer: 'own-io' | 'dma' | 'other-io'): boolean {
  switch (cell) {
    case 'o':
      return true;
    case 'X':
      return false;
    case 'own':
      // outbound: own IO and the DMA/shared resource controller; inbound: own IO only
      return dir === 'outbound' ? peer !== 'other-io' : peer === 'own-io';
    case 'dma':
      return peer === 'dma';
  }
}
