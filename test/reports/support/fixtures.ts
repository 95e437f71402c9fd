/** Shared model runs for the report tests (each built once per test file). */
import { DEFAULT_PARAMS, type Params } from '../../../model/params.js';
import { defaultReadings, withReadings, type Readings } from '../../../model/readings.js';

export function readings(overrides: Record<string, string> = {}): Readings {
  const r = withReadings(defaultReadings(), overrides);
  if ('error' in r) throw new Error(r.error);
  return r;
}

export const params = (p: Partial<Params> = {}): Params => ({ ...DEFAULT_PARAMS, ...p });

/** The reading under which property one-act has a 4-step counterexample (two systems both set ACT). */
export const ONE_ACT_BROKEN = { 'S1-power-on-arbitration': 'snapshot-at-power-on' };
