/**
 * `ftcheck ambiguities --json`: the matrix as one stable JSON object.
 *
 * { mode, params, baseReadings: {ID: NAME}, entries: [ID], seconds, exitCode,
 *   properties: [{name, kind, statement, cites}],
 *   rows: [{ key, varied: [{id, name}], states, transitions, depth, seconds, complete, stopReason,
 *            sameStatesAsBaseline, outcome,
 *            verdicts: { [property]: { verdict, note?, alsoAtBaseline?, length?, labels?, scenario?, diagram?,
 *                                      replay?: {ok, detail} } } }],
 *   interactions: [{kind: 'breaks-together' | 'masks', row, varied, property, subRows}],
 *   supplement?: { the same keys, for the three-system runs } }
 */
import { exitCodeOf, reportExitCode, rowOutcome, type AmbiguityReport } from './findings.js';
import type { AmbiguityMatrix } from './run.js';

export function ambiguitiesJson(r: AmbiguityReport): object {
  return {
    ...matrixJson(r.main),
    exitCode: reportExitCode(r),
    ...(r.supplement ? { supplement: matrixJson(r.supplement) } : {}),
  };
}

function matrixJson(m: AmbiguityMatrix): object {
  return {
    mode: m.mode,
    params: m.params,
    baseReadings: m.base,
    entries: m.entries,
    seconds: m.seconds,
    exitCode: exitCodeOf(m),
    properties: m.properties,
    rows: m.rows.map((r) => ({
      key: r.key,
      varied: r.varied,
      states: r.states,
      transitions: r.transitions,
      depth: r.depth,
      seconds: r.seconds,
      complete: r.complete,
      stopReason: r.stopReason,
      sameStatesAsBaseline: r.sameStatesAsBaseline,
      sameGraphAsBaseline: r.graphDiff?.same ?? null,
      ...(r.graphDiff && !r.graphDiff.same ? { edgesOnlyHere: r.graphDiff.extra, edgesOnlyInBaseline: r.graphDiff.missing, exampleEdge: r.graphDiff.example } : {}),
      outcome: rowOutcome(r, m.rows[0]),
      verdicts: Object.fromEntries(
        r.cells.map((c) => [
          c.property,
          {
            verdict: c.verdict,
            ...(c.note ? { note: c.note } : {}),
            ...(c.verdict === 'violated' ? { alsoAtBaseline: c.alsoAtBaseline } : {}),
            ...(c.counterexample
              ? {
                  length: c.counterexample.length,
                  labels: c.counterexample.scenario.steps.map((s) => s.label),
                  ...(c.counterexample.file ? { scenario: c.counterexample.file } : {}),
                  ...(c.counterexample.diagramFile ? { diagram: c.counterexample.diagramFile } : {}),
                  ...(c.counterexample.svgFile ? { svg: c.counterexample.svgFile } : {}),
                  replay: c.counterexample.replay,
                }
              : {}),
          },
        ]),
      ),
    })),
    interactions: m.interactions,
  };
}
