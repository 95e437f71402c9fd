/**
 * Coverage of one check run, for people and scripts: labels fired, rules of
 * the documented relation taken (model/coverage.ts), Tables 3-4 outcomes
 * exercised (properties/access-coverage.ts), with the rules never taken and
 * their citations. "Named" marks what the patent itself names; `--strict`
 * fails a run where one of those is never taken.
 */
import { stateLabel } from '../hw/ft-controller.js';
import { ruleCoverage, type RuleCount } from '../model/coverage.js';
import { labelOrbits } from '../model/symmetry.js';
import type { AccessCell } from '../properties/access-coverage.js';
import type { CheckOutcome } from '../properties/verify.js';


export interface CoverageReport {
  readonly complete: boolean;
  readonly labels: readonly { readonly label: string; readonly firings: number; readonly discovered: number }[];
  readonly rules: readonly RuleCount[];
  readonly access: readonly AccessCell[];
}

/**
 * Under symmetry reduction only representatives are expanded, so a label of
 * system #1 may never fire although its image for #0 does: each label is
 * then counted with its images under renaming the systems.
 */
export function coverageOf(o: CheckOutcome): CoverageReport {
  const c = o.result.coverage;
  const orbits = o.config.symmetry ? labelOrbits(c.labelNames, o.model.params.systems) : null;
  const sum = (counts: Float64Array, l: number) => (orbits === null ? counts[l] : orbits[l].reduce((t, m) => t + counts[m], 0));
  return {
    complete: o.complete,
    labels: c.labelNames.map((label, l) => ({ label, firings: sum(c.firings, l), discovered: sum(c.discovered, l) })),
    rules: ruleCoverage(o.model.readings, o.result.counters),
    access: o.access.cells(),
  };
}

/** Named rules never taken (what `--strict` refuses). */
export function namedNeverTaken(r: CoverageReport): RuleCount[] {
  return r.rules.filter((x) => x.named && x.count === 0);
}

export function coverageSummary(r: CoverageReport): string {
  const taken = r.rules.filter((x) => x.count > 0).length;
  const named = r.rules.filter((x) => x.named);
  const namedMissed = namedNeverTaken(r).length;
  const deadLabels = r.labels.filter((l) => l.firings === 0).length;
  const cells = r.access.filter((a) => a.count > 0).length;
  return (
    `coverage: ${taken} of ${r.rules.length} rules taken (${named.length - namedMissed} of ${named.length} that the patent names), ` +
    `${r.labels.length - deadLabels} of ${r.labels.length} labels fired, ${cells} of ${r.access.length} Tables 3-4 outcomes exercised` +
    (namedMissed > 0 || deadLabels > 0 ? ' (see --coverage)' : '')
  );
}

export function coverageText(r: CoverageReport): string {
  const out: string[] = ['Coverage' + (r.complete ? '' : ' (of the states explored before the run stopped)')];
  const never = r.rules.filter((x) => x.count === 0);
  out.push(`  rules never taken (${never.length} of ${r.rules.length}; * = named by the patent):`);
  for (const x of never) out.push(`    ${x.named ? '*' : ' '} [${x.block}] ${x.rule}  ${x.cites}${x.reading ? `  (reading ${x.reading})` : ''}`);
  const dead = r.labels.filter((l) => l.firings === 0);
  out.push(`  labels never fired (${dead.length} of ${r.labels.length})${dead.length ? ': ' + dead.map((l) => l.label).join(', ') : ''}`);
  const cells = r.access.filter((a) => a.count === 0);
  out.push(`  Tables 3-4 outcomes never exercised (${cells.length} of ${r.access.length}):`);
  for (const a of cells) out.push(`      ${a.kindText} in ${stateLabel(a.st)}: ${a.outcomeText}${a.byGate ? ' (crosslink down or far side closed)' : ''}`);
  out.push('  rules taken:');
  for (const x of r.rules.filter((y) => y.count > 0)) out.push(`      [${x.block}] ${x.rule}  ${Math.round(x.count).toLocaleString('en-US')}`);
  return out.join('\n');
}

/** The counts of the one-line summary `check` prints. */
export function coverageCounts(r: CoverageReport): object {
  const named = r.rules.filter((x) => x.named);
  return {
    rules: r.rules.length,
    rulesTaken: r.rules.filter((x) => x.count > 0).length,
    namedRules: named.length,
    namedRulesTaken: named.length - namedNeverTaken(r).length,
    labels: r.labels.length,
    labelsFired: r.labels.filter((l) => l.firings > 0).length,
    accessOutcomes: r.access.length,
    accessOutcomesExercised: r.access.filter((a) => a.count > 0).length,
  };
}

export function coverageJson(r: CoverageReport): object {
  return {
    complete: r.complete,
    summary: { ...coverageCounts(r), text: coverageSummary(r) },
    labels: r.labels,
    rules: r.rules,
    namedNeverTaken: namedNeverTaken(r).map((x) => x.rule),
    access: r.access.map((a) => ({ kind: a.kindText, state: stateLabel(a.st), outcome: a.outcomeText, count: a.count, byGate: a.byGate })),
  };
}

