/**
 * The bench's check cases: `ftcheck check` as a user runs it (model, whole
 * catalogue or a part, 1 or 2 worker threads), each in its own child process
 * (run-check.ts), so that each peak RSS is its own.
 */
import { DEFAULT_PARAMS, type Params } from '../model/params.js';

/** safety: all but liveness; invariants: the invariants and deadlock freedom (what --fingerprint checks). */
export type PropertySelection = 'all' | 'safety' | 'invariants' | 'one-invariant';

export interface CheckCase {
  readonly name: string;
  readonly params: Params;
  readonly properties: PropertySelection;
  readonly workers: number;
  readonly symmetry?: boolean;
  readonly fingerprint?: boolean;
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
    { name: 'reference-safety-1w', params: ref, properties: 'safety', workers: 1 },
    { name: 'reference-safety-symmetry-1w', params: ref, properties: 'safety', workers: 1, symmetry: true },
    { name: 'n3-defaults-safety-symmetry-1w', params: n3, properties: 'safety', workers: 1, symmetry: true },
    { name: 'n3-defaults-safety-symmetry-2w', params: n3, properties: 'safety', workers: 2, symmetry: true },
    { name: 'n3-defaults-all-symmetry-1w', params: n3, properties: 'all', workers: 1, symmetry: true },
    { name: 'n3-defaults-all-symmetry-2w', params: n3, properties: 'all', workers: 2, symmetry: true },
    { name: 'reference-invariants-1w', params: ref, properties: 'invariants', workers: 1 },
    { name: 'reference-invariants-fingerprint-1w', params: ref, properties: 'invariants', workers: 1, fingerprint: true },
  ];
}

export function paramsText(p: Params): string {
  return `N=${p.systems} B=${p.buffer} T=${p.trace} P=${p.pages} V=${p.values} F=${p.faults}`;
}
