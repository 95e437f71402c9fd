import { COUNT, FOUND, HOLE, LEVEL_END, LEVEL_START, TABLE_LOG } from './control.js';
import type { Geometry, SharedViews } from './memory.js';
import { reindexed } from '../slot.js';

/**
 * Renumbering of the states a level found into the sequential run's order.
 *
 * The sequential run discovers the states of level d+1 by expanding level d
 * in index order, each state's successors in emission order: state t gets
 * the rank of its discovering edge (p, j), the smallest parent p that emits
 * it and p's first emission j of it, among the level's discovering edges.
 * The workers find these edges in any order, but keep for every new state
 * the smallest (p, j) seen (table.ts relink). So if level d is in the
 * sequential order, sorting level d+1 by (p, j) puts it in the sequential
 * order too; level 0 (the initial states, stored by one worker in emission
 * order) is, hence by induction every level is: a complete parallel run
 * numbers, links and labels every state exactly as explore() does.
 *
 * Four phases over the indices [LEVEL_END, COUNT) (the new states, and the
 * holes the workers' blocks left, skipped) and the parents
 * [LEVEL_START, LEVEL_END) (m), each split evenly among the workers, a
 * barrier between them (indices below are relative to LEVEL_END, parents to
 * LEVEL_START):
 *   COUNT    groups[p] = number of new states whose parent is p (atomic adds)
 *   (leader) groups[p] = start of p's group (exclusive prefix sums); FOUND =
 *            the n new states; afterwards COUNT = LEVEL_END + n
 *   PLACE    each new state takes a place in its parent's group (atomic add:
 *            groups[p] ends as the group's end); its words, parent and label
 *            are copied out (its table slot was kept at insert: slotOf)
 *   SORT     each group is sorted by emission index: order[k] is the state of
 *            final position k, rankOf its inverse
 *   SCATTER  every state is written back at its final index, and its slot
 *            made to point there (slots are distinct: no conflict)
 */

/** Split of 0 .. n-1 among the workers: [from, to) of worker `id`. */
function shareOf(n: number, id: number, workers: number): [number, number] {
  return [Math.floor((n * id) / workers), Math.floor((n * (id + 1)) / workers)];
}

export function countShare(v: SharedViews, id: number, workers: number): void {
  const { cu, parents, groups } = v;
  const levelEnd = Atomics.load(cu, LEVEL_END);
  const levelStart = Atomics.load(cu, LEVEL_START);
  const [from, to] = shareOf(Atomics.load(cu, COUNT) - levelEnd, id, workers);
  for (let r = from; r < to; r++) {
    const p = parents[levelEnd + r];
    if (p !== HOLE) Atomics.add(groups, p - levelStart, 1);
  }
}

/** Leader, after COUNT: counts to group starts; FOUND := the new states. */
export function groupStarts(v: SharedViews): void {
  const { cu, groups } = v;
  const m = Atomics.load(cu, LEVEL_END) - Atomics.load(cu, LEVEL_START);
  let at = 0;
  for (let p = 0; p < m; p++) {
    const c = groups[p];
    groups[p] = at;
    at += c;
  }
  Atomics.store(cu, FOUND, at);
}

export function placeShare(v: SharedViews, g: Geometry, id: number, workers: number): void {
  const { cu, parents, labels, states, groups, order, copyParents, copyLabels, copyWords } = v;
  const words = g.words;
  const levelEnd = Atomics.load(cu, LEVEL_END);
  const levelStart = Atomics.load(cu, LEVEL_START);
  const [from, to] = shareOf(Atomics.load(cu, COUNT) - levelEnd, id, workers);
  for (let r = from; r < to; r++) {
    const t = levelEnd + r;
    const p = parents[t];
    if (p === HOLE) continue;
    order[Atomics.add(groups, p - levelStart, 1)] = r;
    copyParents[r] = p;
    copyLabels[r] = labels[t];
    for (let k = 0, a = r * words, b = t * words; k < words; k++) copyWords[a + k] = states[b + k];
  }
}

/** Groups bigger than this are sorted with Array.prototype.sort (insertion sort below). */
const INSERTION_MAX = 32;

export function sortShare(v: SharedViews, id: number, workers: number): void {
  const { cu, groups, order, rankOf, keys } = v;
  const [from, to] = shareOf(Atomics.load(cu, LEVEL_END) - Atomics.load(cu, LEVEL_START), id, workers);
  for (let p = from; p < to; p++) {
    const start = p === 0 ? 0 : groups[p - 1];
    const end = groups[p];
    if (end - start > INSERTION_MAX) {
      const group = Array.from(order.subarray(start, end)).sort((a, b) => keys[a] - keys[b]);
      order.set(group, start);
    } else {
      for (let k = start + 1; k < end; k++) {
        const r = order[k];
        const key = keys[r];
        let at = k - 1;
        while (at >= start && keys[order[at]] > key) {
          order[at + 1] = order[at];
          at--;
        }
        order[at + 1] = r;
      }
    }
    for (let k = start; k < end; k++) rankOf[order[k]] = k;
  }
}

export function scatterShare(v: SharedViews, g: Geometry, id: number, workers: number): void {
  const { cu, parents, labels, states, table, order, slotOf, copyParents, copyLabels, copyWords } = v;
  const words = g.words;
  const mask = 2 ** Atomics.load(v.ci, TABLE_LOG) - 1;
  const levelEnd = Atomics.load(cu, LEVEL_END);
  const [from, to] = shareOf(Atomics.load(cu, FOUND), id, workers);
  for (let k = from; k < to; k++) {
    const r = order[k];
    const f = levelEnd + k;
    parents[f] = copyParents[r];
    labels[f] = copyLabels[r];
    for (let w = 0, a = f * words, b = r * words; w < words; w++) states[a + w] = copyWords[b + w];
    // a plain store: nobody reads the table during SCATTER (the barrier publishes it), and a plain store lets the misses overlap
    const slot = slotOf[r];
    table[slot] = reindexed(table[slot], mask, f);
  }
}

/**
 * A level that needs no reordering only loses its holes: a halted run's
 * (its order does not matter), or one worker's (it found the states in the
 * sequential order). The leader slides the states of [LEVEL_END, COUNT)
 * down over the holes, in place and in order, repointing each moved state's
 * slot (slotOf), and keeps in `keys` each state's new place (for the edges'
 * targets). Then COUNT = LEVEL_END + the states.
 */
export function compactHoles(v: SharedViews, g: Geometry): void {
  const { cu, parents, labels, states, keys, slotOf } = v;
  const words = g.words;
  const mask = 2 ** Atomics.load(v.ci, TABLE_LOG) - 1;
  const levelEnd = Atomics.load(cu, LEVEL_END);
  const count = Atomics.load(cu, COUNT);
  let at = levelEnd;
  for (let t = levelEnd; t < count; t++) {
    if (parents[t] === HOLE) continue;
    if (at !== t) {
      const slot = slotOf[t - levelEnd];
      parents[at] = parents[t];
      labels[at] = labels[t];
      for (let w = 0; w < words; w++) states[at * words + w] = states[t * words + w];
      v.table[slot] = reindexed(v.table[slot], mask, at);
    }
    keys[t - levelEnd] = at - levelEnd;
    at++;
  }
  Atomics.store(cu, COUNT, at);
}
