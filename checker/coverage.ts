import type { LabelId } from './transition-system.js';

/**
 * Per-label counts of one exploration, indexed by LabelId (like TLC's
 * coverage). On an incomplete run they cover only the expanded states.
 */
export interface Coverage {
  readonly labelNames: readonly string[];
  /** Times each label fired (every emitted successor, duplicates included). */
  readonly firings: Float64Array;
  /** States first discovered through each label (their incoming label in the store). */
  readonly discovered: Float64Array;
}

export interface CoverageRow {
  readonly label: LabelId;
  readonly name: string;
  readonly firings: number;
  readonly discovered: number;
}

/** Labels that never fired: dead transitions (only meaningful if the run was complete). */
export function deadLabels(coverage: Coverage): LabelId[] {
  const dead: LabelId[] = [];
  for (let l = 0; l < coverage.firings.length; l++) if (coverage.firings[l] === 0) dead.push(l as LabelId);
  return dead;
}

/** One row per label, in LabelId order. */
export function coverageRows(coverage: Coverage): CoverageRow[] {
  return coverage.labelNames.map((name, l) => ({
    label: l as LabelId,
    name,
    firings: coverage.firings[l],
    discovered: coverage.discovered[l],
  }));
}
