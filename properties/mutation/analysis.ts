/**
 * Mutation analysis of the property catalogue: the unmutated model must pass
 * (every property holds), then every first-order mutant (model/mutants.ts)
 * is run with the whole catalogue; the kill rate over the mutants that are
 * not equivalent measures how much of the model the catalogue constrains.
 */
import { generateMutants, type Mutant } from '../../model/mutants.js';
import type { Params } from '../../model/params.js';
import type { Readings } from '../../model/readings.js';
import { runCheck } from '../verify.js';
import { fingerprintOf, type GraphFingerprint } from './fingerprint.js';
import { runMutants } from './pool.js';
import type { MutantResult } from './run-mutant.js';

export interface MutationConfig {
  readonly params: Params;
  readonly readings: Readings;
  readonly workers: number;
  /** Run only a sample of at most this many mutants (stratified by operator); all when absent. */
  readonly sample?: number;
  /** Run only the mutants whose id this matches. */
  readonly only?: RegExp;
  /** State cap per mutant, as a multiple of the unmutated model's states. Default 8. */
  readonly stateFactor?: number;
  readonly onResult?: (r: MutantResult, done: number, total: number) => void;
  readonly shouldStop?: () => boolean;
}

export interface MutantRecord {
  readonly mutant: Mutant;
  readonly result: MutantResult;
}

export interface MutationAnalysis {
  readonly params: Params;
  readonly readings: Readings;
  readonly baseline: { readonly states: number; readonly transitions: number; readonly seconds: number };
  /** Every mutant generated (before sampling). */
  readonly generated: number;
  readonly records: readonly MutantRecord[];
  /** Mutants left out by an interruption. */
  readonly notRun: number;
  readonly counts: Readonly<Record<MutantResult['status'], number>>;
  /** killed / (every mutant run that is not equivalent); undecided and errors count as not killed. */
  readonly killRate: number;
  readonly seconds: number;
  readonly workers: number;
}

/** Thrown when the unmutated model does not pass: mutation analysis would mean nothing. */
export class BaselineFailsError extends Error {}

export async function analyseMutations(c: MutationConfig): Promise<MutationAnalysis> {
  const t0 = performance.now();
  const base = runCheck({ params: c.params, readings: c.readings, allViolations: true, recordLabelledEdges: true });
  const failing = base.verdicts.filter((v) => v.verdict !== 'holds');
  if (!base.complete || failing.length > 0) {
    throw new BaselineFailsError(`the unmutated model does not pass (${failing.map((v) => `${v.property.name}: ${v.verdict}`).join(', ') || base.result.stopReason}): fix it or choose readings under which every property holds`);
  }
  const baseline: GraphFingerprint = fingerprintOf(base.model, base.result);
  const all = generateMutants(c.params, c.readings, base.model.consulted);
  const wanted = c.only ? all.filter((m) => c.only!.test(m.id)) : all;
  const chosen = c.sample === undefined ? wanted : sampleMutants(wanted, c.sample);
  const limits = { maxStates: Math.max(10_000, Math.round(base.result.stats.states * (c.stateFactor ?? 8))) };
  const results = await runMutants(
    { params: c.params, readings: c.readings, baseline, limits },
    chosen,
    c.workers,
    (r, done) => c.onResult?.(r, done, chosen.length),
    c.shouldStop,
  );
  const records: MutantRecord[] = [];
  chosen.forEach((mutant, k) => {
    const result = results[k];
    if (result) records.push({ mutant, result });
  });
  const counts = { killed: 0, survived: 0, equivalent: 0, undecided: 0, error: 0 };
  for (const r of records) counts[r.result.status]++;
  const nonEquivalent = records.length - counts.equivalent;
  return {
    params: c.params,
    readings: c.readings,
    baseline: { states: base.result.stats.states, transitions: base.result.stats.transitions, seconds: base.result.stats.seconds },
    generated: all.length,
    records,
    notRun: chosen.length - records.length,
    counts,
    killRate: nonEquivalent === 0 ? 1 : counts.killed / nonEquivalent,
    seconds: (performance.now() - t0) / 1000,
    workers: c.workers,
  };
}

/**
 * At most `n` mutants, the same for every run: from each operator in
 * proportion to its size (at least one), evenly spaced through its list,
 * skipping those equivalent by construction.
 */
export function sampleMutants(all: readonly Mutant[], n: number): Mutant[] {
  const runnable = all.filter((m) => !m.unread);
  if (runnable.length <= n) return runnable;
  const byOp = new Map<string, Mutant[]>();
  for (const m of runnable) byOp.set(m.operator, [...(byOp.get(m.operator) ?? []), m]);
  const out: Mutant[] = [];
  for (const list of byOp.values()) {
    const take = Math.max(1, Math.round((list.length / runnable.length) * n));
    for (let k = 0; k < take; k++) out.push(list[Math.floor((k * list.length) / take)]);
  }
  return out;
}
