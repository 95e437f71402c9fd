import type { BenchCase } from '../case.js';
import { countersCase } from './counters.js';
import { ftModelCase } from './ft-model.js';
import { DEFAULT_PARAMS } from '../../model/params.js';

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
  // sizes the naive explorer can hold (a Map keeps at most 2^24 entries): the (2,3,3,4,1), and N = 3 with P = 1
  ftModelCase('ft-2-systems', { ...DEFAULT_PARAMS, buffer: 3, trace: 3, pages: 4, faults: 1 }, DEFAULT_PARAMS),
  ftModelCase('ft-3-systems', { ...DEFAULT_PARAMS, systems: 3, pages: 1 }, { ...DEFAULT_PARAMS, systems: 3, pages: 1, faults: 1 }),
];
