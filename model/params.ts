/**
 * Size parameters of the model. Each bounds a piece of hardware so the state
 * space is finite; the defaults keep `npm run check` to a few seconds.
 */

export interface Params {
  /** N: number of systems ([0031]: 2; [0102]: 3 or more). */
  readonly systems: number;
  /** B: capacity of the IO comparison buffers 131/132, in held accesses ([0042]). */
  readonly buffer: number;
  /** T: capacity of the main-storage access trace, in entries ([0047], [0067]). */
  readonly trace: number;
  /** P: pages of main storage 112 per system ([0044]). */
  readonly pages: number;
  /** V: distinct values a page can hold. */
  readonly values: number;
  /** F: failure budget: explicit CPU failures, CPU-bus and IO-access disagreements, crosslink losses and forced isolations in a run. */
  readonly faults: number;
}

export const DEFAULT_PARAMS: Params = { systems: 2, buffer: 2, trace: 2, pages: 2, values: 2, faults: 2 };

export interface ParamSpec {
  readonly key: keyof Params;
  readonly flag: string;
  readonly letter: string;
  readonly min: number;
  readonly max: number;
  readonly meaning: string;
}

export const PARAM_SPECS: readonly ParamSpec[] = [
  { key: 'systems', flag: '--systems', letter: 'N', min: 2, max: 3, meaning: 'number of systems ([0031]; 3 per [0102])' },
  { key: 'buffer', flag: '--buffer', letter: 'B', min: 1, max: 7, meaning: 'IO comparison buffer capacity, held accesses ([0042])' },
  { key: 'trace', flag: '--trace', letter: 'T', min: 1, max: 7, meaning: 'main-storage access trace capacity, entries ([0047], [0067])' },
  { key: 'pages', flag: '--pages', letter: 'P', min: 1, max: 4, meaning: 'pages of main storage per system ([0044])' },
  { key: 'values', flag: '--values', letter: 'V', min: 2, max: 4, meaning: 'values a page can hold' },
  { key: 'faults', flag: '--faults', letter: 'F', min: 0, max: 7, meaning: 'failure budget: CPU failures, disagreements, crosslink losses and forced isolations' },
];

/** An error message naming the first parameter out of range, or null. */
export function validateParams(p: Params): string | null {
  for (const s of PARAM_SPECS) {
    const v = p[s.key];
    if (!Number.isInteger(v) || v < s.min || v > s.max) {
      return `${s.flag} must be an integer from ${s.min} to ${s.max} (got ${String(v)})`;
    }
  }
  return null;
}
