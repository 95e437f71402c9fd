import type { BenchCase } from '../case.js';
import { countersCase } from './counters.js';

/** Every bench case, in the order they run. Add a case here (one file per case in bench/cases/). */
export const benchCases: readonly BenchCase[] = [
  countersCase(
    'counters-1w',
    { count: 6, modulus: 12, bits: 4, perWord: 8 },
    { count: 5, modulus: 12, bits: 4, perWord: 8 },
  ),
  countersCase(
    'counters-2w',
    { count: 8, modulus: 6, bits: 3, perWord: 4 },
    { count: 7, modulus: 6, bits: 3, perWord: 4 },
  ),
];
