/**
 * What readings do together. In a row that changes k >= 2 readings:
 * - a violation of property P is an interaction when P holds in every row
 *   that changes a strict subset of those readings (the baseline included):
 *   no smaller choice explains it, only the readings together break P;
 * - P is masked when it holds in the row although some strict sub-combination
 *   violates it: one reading hides what another breaks, so a review of the
 *   combination alone would not see the defect.
 * Rows not run (a subset missing from the matrix) leave the question open,
 * and nothing is reported for them.
 */
import type { Choice } from './plan.js';
import { rowKey } from './plan.js';

export interface Interaction {
  readonly kind: 'breaks-together' | 'masks';
  readonly row: string;
  readonly varied: readonly Choice[];
  readonly property: string;
  /** breaks-together: the sub-combinations in which P holds (all of them); masks: those in which P is violated. */
  readonly subRows: readonly string[];
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

const verdictOf = (r: RowLike, property: string) => r.cells.find((c) => c.property === property)?.verdict;

export function findInteractions(rows: readonly RowLike[]): Interaction[] {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const out: Interaction[] = [];
  for (const row of rows) {
    if (row.varied.length < 2) continue;
    const found = strictSubsets(row.varied).map((s) => byKey.get(rowKey(s)));
    if (found.some((s) => s === undefined)) continue;
    const subs = found as RowLike[];
    for (const cell of row.cells) {
      if (cell.verdict === 'violated' && subs.every((s) => verdictOf(s, cell.property) === 'holds')) {
        out.push({ kind: 'breaks-together', row: row.key, varied: row.varied, property: cell.property, subRows: subs.map((s) => s.key) });
      }
      if (cell.verdict === 'holds') {
        const violating = subs.filter((s) => verdictOf(s, cell.property) === 'violated');
        if (violating.length) out.push({ kind: 'masks', row: row.key, varied: row.varied, property: cell.property, subRows: violating.map((s) => s.key) });
      }
    }
  }
  return out;
}
