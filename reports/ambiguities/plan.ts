/**
 * Which readings the ambiguity explorer runs. Two plans:
 * - one at a time: the base readings, then each alternative reading of each
 *   selected entry with every other entry at its base reading;
 * - product: every combination of the readings of the selected entries (the
 *   others at their base), to find what only readings together break;
 * - pairs: the one-at-a-time runs plus every pair of alternative readings of
 *   two different entries: the product restricted to two changes, over the
 *   whole register.
 * A row of the matrix is one run, named by the readings it changes from the base.
 */
import type { Params } from '../../model/params.js';
import { AMBIGUITIES, withReadings, type AmbiguityEntry, type Readings } from '../../model/readings.js';

/** One reading that a run changes from the base readings. */
export interface Choice {
  readonly id: string;
  readonly name: string;
}

export interface PlannedRun {
  /** Readings changed from the base; empty for the baseline run. */
  readonly varied: readonly Choice[];
  readonly readings: Readings;
}

export type PlanMode = 'single' | 'product' | 'pairs';

/** Past this many combinations `--product` refuses unless forced. */
export const MAX_PRODUCT_RUNS = 64;
/** Past this many runs `--pairs` refuses unless forced (at N = 2 defaults a run takes well under a second). */
export const MAX_PAIRS_RUNS = 400;
/** A three-system run costs about this many two-system runs at the same other sizes (states, measured at the defaults). */
export const THREE_SYSTEM_COST = 30;

/** The cost of a plan in two-system runs, for the limits above. */
export function planCost(runs: number, systems: number): number {
  return systems >= 3 ? runs * THREE_SYSTEM_COST : runs;
}

const ENTRIES = AMBIGUITIES as readonly AmbiguityEntry[];

export function entryIds(): string[] {
  return ENTRIES.map((e) => e.id);
}

/**
 * Resolves `--only` values: an exact id, or a unique prefix ending at a dash
 * or the end ("S5", "D6-async"). Returns the ids in register order, or an
 * error message naming the bad value.
 */
export function resolveOnly(values: readonly string[]): { ids: string[] } | { error: string } {
  if (values.length === 0) return { ids: entryIds() };
  const picked = new Set<string>();
  for (const v of values) {
    const exact = ENTRIES.filter((e) => e.id === v);
    const dashed = ENTRIES.filter((e) => e.id.startsWith(v + '-'));
    const matches = exact.length ? exact : dashed.length ? dashed : ENTRIES.filter((e) => e.id.startsWith(v));
    if (matches.length !== 1) {
      const why = matches.length === 0 ? 'no such entry' : `ambiguous: ${matches.map((e) => e.id).join(', ')}`;
      return { error: `--only ${v}: ${why} (entries: ${entryIds().join(', ')})` };
    }
    picked.add(matches[0].id);
  }
  return { ids: entryIds().filter((id) => picked.has(id)) };
}

function entry(id: string): AmbiguityEntry {
  return ENTRIES.find((e) => e.id === id)!;
}

function readingsWith(base: Readings, varied: readonly Choice[]): Readings {
  const r = withReadings(base, Object.fromEntries(varied.map((c) => [c.id, c.name])));
  if ('error' in r) throw new Error(r.error);
  return r;
}

/**
 * Entries about more than two systems ([0102]): their readings may make no
 * difference with two, so one-at-a-time runs also explore them with three.
 */
export function threeSystemEntries(ids: readonly string[]): string[] {
  return ids.filter((id) => entry(id).cites.includes('[0102]'));
}

/**
 * The sizes of the three-system supplement: N = 3 and one page, the other
 * sizes as given. At the defaults (F = 2) a run is about a million states;
 * the S15/S16 findings need two failures (a disagreement and a failure), so F
 * is not lowered; pass --faults 1 for a quick supplement.
 */
export function threeSystemParams(p: Params): Params {
  return { ...p, systems: 3, pages: 1 };
}

/** The baseline, then each reading of each entry that differs from the base, in register order. */
export function planSingle(base: Readings, ids: readonly string[]): PlannedRun[] {
  const runs: PlannedRun[] = [{ varied: [], readings: base }];
  for (const id of ids) {
    for (const o of entry(id).options) {
      if (o.name === base[id as keyof Readings]) continue;
      const varied = [{ id, name: o.name }];
      runs.push({ varied, readings: readingsWith(base, varied) });
    }
  }
  return runs;
}

/** How many runs the full product of the entries' readings takes. */
export function productSize(ids: readonly string[]): number {
  return ids.reduce((k, id) => k * entry(id).options.length, 1);
}

/**
 * Every combination of the entries' readings, the baseline first; within it,
 * combinations that change fewer entries come first, so every strict
 * sub-combination of a row precedes it.
 */
export function planProduct(base: Readings, ids: readonly string[]): PlannedRun[] {
  let combos: Choice[][] = [[]];
  for (const id of ids) {
    const next: Choice[][] = [];
    for (const c of combos) {
      for (const o of entry(id).options) {
        next.push(o.name === base[id as keyof Readings] ? c : [...c, { id, name: o.name }]);
      }
    }
    combos = next;
  }
  combos.sort((a, b) => a.length - b.length);
  return combos.map((varied) => ({ varied, readings: readingsWith(base, varied) }));
}

/** The one-at-a-time runs, then every pair of alternative readings of two different entries. */
export function planPairs(base: Readings, ids: readonly string[]): PlannedRun[] {
  const single = planSingle(base, ids);
  const alternatives = single.slice(1).map((r) => r.varied[0]);
  const runs = [...single];
  for (let a = 0; a < alternatives.length; a++) {
    for (let b = a + 1; b < alternatives.length; b++) {
      if (alternatives[a].id === alternatives[b].id) continue;
      const varied = [alternatives[a], alternatives[b]];
      runs.push({ varied, readings: readingsWith(base, varied) });
    }
  }
  return runs;
}

export function planFor(mode: PlanMode, base: Readings, ids: readonly string[]): PlannedRun[] {
  return mode === 'product' ? planProduct(base, ids) : mode === 'pairs' ? planPairs(base, ids) : planSingle(base, ids);
}

/** A stable key of a row: `baseline`, or `ID=NAME` joined by ` + ` in register order. */
export function rowKey(varied: readonly Choice[]): string {
  return varied.length === 0 ? 'baseline' : varied.map((c) => `${c.id}=${c.name}`).join(' + ');
}

/** A file-system-safe short name of a row: `baseline`, `S1.snapshot-at-power-on`, `D5.from-recover-offline+S9.single-pass`. */
export function rowSlug(varied: readonly Choice[]): string {
  if (varied.length === 0) return 'baseline';
  return varied.map((c) => `${c.id.split('-')[0]}.${c.name}`.replace(/[^A-Za-z0-9._-]/g, '_')).join('+');
}
