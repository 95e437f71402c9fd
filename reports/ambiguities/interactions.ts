/**
 * What only readings together break. A violation of property P in a row that
 * changes k >= 2 readings is an interaction when P holds in every row that
 * changes a strict subset of those readings (the baseline included): no
 * smaller choice explains it. Rows not run (a subset missing from the matrix)
 * leave the question open, and the violation is not reported.
 */
import type { Choice } from './plan.js';
import { rowKey } from './plan.js';

export interface Interaction {
  readonly row: string;
  readonly varied: readonly Choice[];
  readonly property: string;
  /** The rows of the strict sub-combinations, in which the property holds. */
  readonly holdsIn: readonly string[];
}

interface RowLike {
  readonly key: string;
  readonly varied: readonly Choice[];
  readonly cells: readonly { readonly property: string; readonly verdict: string }[];
}

function strictSubsets<T>(xs: readonly T[]): T[][] {
  const out: T[][] = [];
  const full = (1 << xs.length) - 1;
  for (let m = 0; m < full; m++) out.push(xs.filter((_, k) => (m >> k) & 1));
  return out;
}

export function findInteractions(rows: readonly RowLike[]): Interaction[] {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const out: Interaction[] = [];
  for (const row of rows) {
    if (row.varied.length < 2) continue;
    const subs = strictSubsets(row.varied).map((s) => byKey.get(rowKey(s)));
    if (subs.some((s) => s === undefined)) continue;
    for (const cell of row.cells) {
      if (cell.verdict !== 'violated') continue;
      const holdsEverywhere = subs.every((s) => s!.cells.find((c) => c.property === cell.property)?.verdict === 'holds');
      if (holdsEverywhere) out.push({ row: row.key, varied: row.varied, property: cell.property, holdsIn: subs.map((s) => s!.key) });
    }
  }
  return out;
}
