import type { EdgeGraph } from '../edge-graph.js';
import { rangeContaining } from '../ranges.js';

/**
 * A smaller graph the searched graph maps onto: node v is in class c when
 * classStart[c] <= v < classStart[c + 1], and every edge v -> w of the
 * searched graph has an edge class(v) -> class(w) in `graph` (more edges
 * are allowed). Under symmetry: the reduced graph, whose representatives'
 * orbits are the unfolding's consecutive node ranges.
 *
 * Every cycle of the searched graph then maps onto a closed walk of the
 * quotient: a region whose image has no cycle has none either, and
 * checking that on the quotient costs its size, not the searched graph's.
 */
export interface GraphQuotient {
  readonly graph: EdgeGraph;
  /** Length graph.stateCount + 1, increasing, from 0 to the searched graph's node count. */
  readonly classStart: ArrayLike<number>;
}

/** Throws unless `q` can be a quotient of a graph of `n` nodes (the edge condition is the caller's to keep). */
export function checkQuotient(q: GraphQuotient, n: number): void {
  const s = q.classStart;
  const classes = q.graph.stateCount;
  if (s.length !== classes + 1) throw new Error(`quotient: ${s.length} class starts for ${classes} classes (expected ${classes + 1})`);
  if (s[0] !== 0 || s[classes] !== n) throw new Error(`quotient: the classes cover ${s[0]} .. ${s[classes]}, the graph has nodes 0 .. ${n}`);
  for (let c = 0; c < classes; c++) if (!(s[c + 1] > s[c])) throw new Error(`quotient: class ${c} is empty`);
}

const OUTSIDE = 1;
const ON_PATH = 2;
const DONE = 3;

/**
 * True when no counterexample can start at `entries[0 .. entryCount)`:
 * the classes with a region node that the entries' classes reach through
 * such classes have no cycle (no self-loop either), and none holds a
 * region-and-accept node where a behaviour may end (`endsAt`). A sound
 * over-approximation (the level is ignored, and a class counts as in the
 * region when any node of it is); false means "search", never "fails".
 * An iterative DFS that stops at the first edge back onto its path or the
 * first such node, so a region with a cycle costs little here.
 *
 * Scratch: `color` (one per class), `frames` (two per class).
 */
export function noCounterexampleOnQuotient(
  q: GraphQuotient,
  region: Uint8Array,
  accept: Uint8Array,
  endsAt: (v: number) => boolean,
  entries: Uint32Array,
  entryCount: number,
  color: Uint32Array,
  frames: Uint32Array,
): boolean {
  const { graph, classStart } = q;
  color.fill(0, 0, graph.stateCount);
  let root = 0;
  for (let i = 0; i < entryCount; i++) {
    const v = entries[i];
    // entries usually ascend (states numbered in BFS order): then the walk over the classes is linear
    if (v < classStart[root]) root = rangeContaining((c) => classStart[c], graph.stateCount, v);
    while (classStart[root + 1] <= v) root++;
    if (color[root] !== 0) continue;
    if (!enter(root)) return false;
    let top = 0;
    frames[0] = root;
    frames[1] = graph.firstEdge(root);
    while (top >= 0) {
      const c = frames[2 * top];
      const k = frames[2 * top + 1];
      if (k === graph.firstEdge(c + 1)) {
        color[c] = DONE;
        top--;
        continue;
      }
      frames[2 * top + 1] = k + 1;
      const t = graph.target(k);
      const seen = color[t];
      if (seen === ON_PATH) return false;
      if (seen !== 0) continue;
      if (!holdsAny(region, classStart, t)) {
        color[t] = OUTSIDE;
        continue;
      }
      if (!enter(t)) return false;
      top++;
      frames[2 * top] = t;
      frames[2 * top + 1] = graph.firstEdge(t);
    }
  }
  return true;

  /** Puts class c on the path; false if one of its nodes may end a counterexample. */
  function enter(c: number): boolean {
    color[c] = ON_PATH;
    const end = classStart[c + 1];
    for (let v = classStart[c]; v < end; v++) if (region[v] !== 0 && accept[v] !== 0 && endsAt(v)) return false;
    return true;
  }
}

function holdsAny(mask: ArrayLike<number>, classStart: ArrayLike<number>, c: number): boolean {
  const end = classStart[c + 1];
  for (let v = classStart[c]; v < end; v++) if (mask[v] !== 0) return true;
  return false;
}
