/**
 * The bench's check cases: `ftcheck check` as a user runs it (model, whole
 * catalogue or a part, 1 or 2 worker threads), each in its own child process
 * (run-check.ts), so that each peak RSS is its own.
 */
import { DEFAULT_PARAMS, type Params } from '../model/params.js';

export type PropertySelection = 'all' | 'safety' | 'one-invariant';

export interface CheckCase {
  readonly name: string;
  readonly params: Params;
  readonly properties: PropertySelection;
  readonly workers: number;
}

/** The reference configuration (N, B, T, P, F) = (2, 3, 3, 4, 1). */
const REFERENCE: Params = { ...DEFAULT_PARAMS, buffer: 3, trace: 3, pages: 4, faults: 1 };
const N3: Params = { ...DEFAULT_PARAMS, systems: 3 };
const QUICK_REFERENCE: Params = { ...DEFAULT_PARAMS, faults: 1 };
const QUICK_N3: Params = { ...DEFAULT_PARAMS, systems: 3, pages: 1, faults: 1 };

export function checkCases(quick: boolean): CheckCase[] {
  const ref = quick ? QUICK_REFERENCE : REFERENCE;
  const n3 = quick ? QUICK_N3 : N3;
  return [
    { name: 'n2-defaults-safety', params: DEFAULT_PARAMS, properties: 'safety', workers: 1 },
    { name: 'n2-defaults-all', params: DEFAULT_PARAMS, properties: 'all', workers: 1 },
    { name: 'reference-one-invariant', params: ref, properties: 'one-invariant', workers: 1 },
    { name: 'reference-all-1w', params: ref, properties: 'all', workers: 1 },
    { name: 'reference-all-2w', params: ref, properties: 'all', workers: 2 },
    { name: 'n3-defaults-all-1w', params: n3, properties: 'all', workers: 1 },
    { name: 'n3-defaults-all-2w', params: n3, properties: 'all', workers: 2 },
  ];
}

export function paramsText(p: Params): string {
  return `N=${p.systems} B=${p.buffer} T=${p.trace} P=${p.pages} V=${p.values} F=${p.faults}`;
}
