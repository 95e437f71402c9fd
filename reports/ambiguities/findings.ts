/**
 * What each run shows, in words: the summary lines of the report and the
 * per-reading result of the register. Pure functions of the matrix.
 */
import type { AmbiguityMatrix, Cell, Row } from './run.js';

/** Violations that the baseline does not have: what the reading itself breaks. */
export function newViolations(row: Row): Cell[] {
  return row.cells.filter((c) => c.verdict === 'violated' && !c.alsoAtBaseline);
}

export function unknownCells(row: Row): Cell[] {
  return row.cells.filter((c) => c.verdict === 'unknown');
}

function listViolations(cells: readonly Cell[]): string {
  return cells.map((c) => `${c.property} (${c.counterexample?.length ?? '?'} steps)`).join(', ');
}

/** One phrase: what this row leads to compared with the baseline. */
export function rowOutcome(row: Row, baseline?: Row): string {
  if (row.varied.length === 0) {
    const v = row.cells.filter((c) => c.verdict === 'violated');
    return v.length ? `the baseline; already violates ${listViolations(v)}` : 'the baseline; every property holds';
  }
  if (!row.complete) return `exploration incomplete (${row.stopReason}): ${unknownCells(row).length} verdict(s) unknown`;
  const repaired = baseline ? repairedBy(row, baseline) : [];
  const keeps = repaired.length ? `; keeps ${repaired.join(', ')}, which the base readings break` : '';
  const broken = newViolations(row);
  if (broken.length) return `violates ${listViolations(broken)}${keeps}`;
  if (row.graphDiff?.same) return 'reaches exactly the labelled graph the baseline reaches: no difference in this configuration';
  if (row.sameStatesAsBaseline && row.graphDiff) {
    return `same states as the baseline, different transitions (${row.graphDiff.extra + row.graphDiff.missing} edges differ: ${row.graphDiff.extra} only here, ${row.graphDiff.missing} only in the baseline; e.g. ${row.graphDiff.example}) but breaks no property${keeps}`;
  }
  const counts = baseline ? ` (${row.states.toLocaleString('en-US')} states, the baseline ${baseline.states.toLocaleString('en-US')})` : '';
  return `reaches other states than the baseline${counts} but breaks no property${keeps}`;
}

/** Properties the baseline violates and this row keeps. */
export function repairedBy(row: Row, baseline: Row): string[] {
  return row.cells
    .filter((c) => c.verdict === 'holds' && baseline.cells.find((b) => b.property === c.property)?.verdict === 'violated')
    .map((c) => c.property);
}

export interface Summary {
  readonly runs: number;
  readonly breaking: Row[];
  readonly noDifference: Row[];
  readonly harmless: Row[];
  readonly incomplete: Row[];
  readonly counterexamples: number;
  readonly replayed: number;
  readonly notReplayed: { row: string; property: string; detail: string }[];
}

export function summarize(m: AmbiguityMatrix): Summary {
  const rows = m.rows.filter((r) => r.varied.length > 0);
  const cxs = m.rows.flatMap((r) => r.cells.flatMap((c) => (c.counterexample ? [{ row: r.key, cx: c.counterexample }] : [])));
  return {
    runs: m.rows.length,
    breaking: rows.filter((r) => r.complete && newViolations(r).length > 0),
    noDifference: rows.filter((r) => r.complete && newViolations(r).length === 0 && r.graphDiff?.same === true),
    harmless: rows.filter((r) => r.complete && newViolations(r).length === 0 && r.graphDiff?.same !== true),
    incomplete: m.rows.filter((r) => !r.complete),
    counterexamples: cxs.length,
    replayed: cxs.filter((x) => x.cx.replay.ok).length,
    notReplayed: cxs.filter((x) => !x.cx.replay.ok).map((x) => ({ row: x.row, property: x.cx.property, detail: x.cx.replay.detail })),
  };
}

/** Exit code of `ftcheck ambiguities`: 0 every run complete and every counterexample confirmed by replay; 1 otherwise. */
export function exitCodeOf(m: AmbiguityMatrix): 0 | 1 {
  const s = summarize(m);
  return s.incomplete.length === 0 && s.notReplayed.length === 0 ? 0 : 1;
}

/** The main matrix and, in one-at-a-time mode with two systems, the three-system supplement. */
export interface AmbiguityReport {
  readonly main: AmbiguityMatrix;
  readonly supplement?: AmbiguityMatrix;
}

export function matricesOf(r: AmbiguityReport): AmbiguityMatrix[] {
  return r.supplement ? [r.main, r.supplement] : [r.main];
}

export function reportExitCode(r: AmbiguityReport): 0 | 1 {
  return matricesOf(r).every((m) => exitCodeOf(m) === 0) ? 0 : 1;
}
