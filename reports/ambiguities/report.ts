/**
 * The whole ambiguity report as one call: plan the runs (one at a time, the
 * product, or the pairs), run them, and in one-at-a-time mode with two systems add the
 * three-system supplement for the entries that cite [0102].
 */
import type { Params } from '../../model/params.js';
import type { Readings } from '../../model/readings.js';
import type { AmbiguityReport } from './findings.js';
import { planFor, threeSystemEntries, threeSystemParams, type PlanMode } from './plan.js';
import { exploreAmbiguities, type AmbiguityMatrix, type DiagramFn, type Row } from './run.js';

export interface ReportConfig {
  readonly params: Params;
  readonly base: Readings;
  /** Entry ids to explore (register order). */
  readonly entries: readonly string[];
  readonly mode: PlanMode;
  /** Add the three-system supplement (one-at-a-time mode, N = 2 only). */
  readonly threeSystems: boolean;
  readonly properties?: readonly string[];
  readonly maxStates?: number;
  readonly maxSeconds?: number;
  /** Default: the sequence diagram of reports/mermaid; null: none. */
  readonly diagram?: DiagramFn | null;
  /** After each run: the matrix it belongs to ('' or 'n3'), its index and the run count of that matrix. */
  readonly onRun?: (tag: string, row: Row, baseline: Row, index: number, total: number) => void;
}

function runMatrix(c: ReportConfig, tag: string, params: Params, entries: readonly string[], mode: PlanMode): AmbiguityMatrix {
  const runs = planFor(mode, c.base, entries);
  let baseline: Row | undefined;
  return exploreAmbiguities({
    tag,
    params,
    base: c.base,
    mode,
    entries,
    runs,
    properties: c.properties,
    maxStates: c.maxStates,
    maxSeconds: c.maxSeconds,
    diagram: c.diagram,
    onRun: (row, k, n) => {
      baseline ??= row;
      c.onRun?.(tag, row, baseline, k, n);
    },
  });
}

/** Whether the three-system supplement applies, and to which entries. */
export function supplementEntries(c: Pick<ReportConfig, 'params' | 'entries' | 'mode' | 'threeSystems'>): string[] {
  if (c.mode !== 'single' || !c.threeSystems || c.params.systems !== 2) return [];
  return threeSystemEntries(c.entries);
}

export function ambiguityReport(c: ReportConfig): AmbiguityReport {
  const main = runMatrix(c, '', c.params, c.entries, c.mode);
  const n3 = supplementEntries(c);
  return n3.length ? { main, supplement: runMatrix(c, 'n3', threeSystemParams(c.params), n3, 'single') } : { main };
}
