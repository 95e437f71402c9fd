import type { EdgeGraph } from '../edge-graph.js';
import type { FairnessBits } from './fairness-bits.js';
import { ENTRY } from './marks.js';
import { edgeSource, pathTo } from './paths.js';

/**
 * A short fair cycle through `entry` inside a FAIR component (its states
 * marked `id`; `enabledInComponent`: the constraints enabled somewhere in
 * it), as the
 * edge ids of a closed walk from entry back to entry (at least one edge).
 *
 * Greedy waypoints: what the cycle still owes is an accept state, for each
 * weak constraint an edge of it or a state where it is disabled, for each
 * strong constraint enabled somewhere in the component an edge of it. From
 * the current state a breadth-first search inside the component finds the
 * nearest edge or state that pays something; the walk goes there, paying
 * everything it meets on the way, and repeats; a last search returns to
 * entry. The component being FAIR, every debt can be paid inside it. At most
 * (constraints + 2) searches, each stopping at its nearest hit.
 *
 * Scratch of length stateCount: `stamp` (zero-filled here: a search stamps
 * the states it reaches with its number), `parent` (edge a state was reached
 * through), `queue`.
 */
export function fairCycle(
  graph: EdgeGraph,
  bits: FairnessBits,
  accept: Uint8Array,
  mark: Uint32Array,
  id: number,
  enabledInComponent: Uint32Array,
  entry: number,
  stamp: Uint32Array,
  parent: Uint32Array,
  queue: Uint32Array,
): number[] {
  const { words, byLabel } = bits;
  const enabled = new Uint32Array(words);
  const oweWeak = bits.weak.slice();
  const oweStrong = new Uint32Array(words);
  for (let w = 0; w < words; w++) oweStrong[w] = bits.strong[w] & enabledInComponent[w];
  let oweAccept = true;

  const payAt = (v: number): void => {
    if (accept[v] !== 0) oweAccept = false;
    bits.enabledAt(graph, v, enabled);
    for (let w = 0; w < words; w++) oweWeak[w] &= enabled[w];
  };
  const paysAt = (v: number): boolean => {
    if (oweAccept && accept[v] !== 0) return true;
    bits.enabledAt(graph, v, enabled);
    for (let w = 0; w < words; w++) if ((oweWeak[w] & ~enabled[w]) !== 0) return true;
    return false;
  };
  const paysOn = (k: number): boolean => {
    const row = graph.label(k) * words;
    for (let w = 0; w < words; w++) if ((byLabel[row + w] & (oweWeak[w] | oweStrong[w])) !== 0) return true;
    return false;
  };
  const owes = (): boolean => {
    if (oweAccept) return true;
    for (let w = 0; w < words; w++) if ((oweWeak[w] | oweStrong[w]) !== 0) return true;
    return false;
  };

  // One BFS from x inside the component; the first edge that `hit` accepts
  // (or whose new target `hitState` accepts) ends it. Returns that edge.
  stamp.fill(0);
  let round = 0;
  const search = (x: number, hit: (k: number) => boolean, hitState: (v: number) => boolean): number => {
    round++;
    stamp[x] = round;
    parent[x] = ENTRY;
    queue[0] = x;
    let tail = 1;
    for (let head = 0; head < tail; head++) {
      const u = queue[head];
      const last = graph.firstEdge(u + 1);
      for (let k = graph.firstEdge(u); k < last; k++) {
        const w = graph.target(k);
        if (mark[w] !== id) continue;
        if (hit(k)) return k;
        if (stamp[w] === round) continue;
        stamp[w] = round;
        parent[w] = k;
        if (hitState(w)) return k;
        queue[tail++] = w;
      }
    }
    throw new Error('internal: the component has no fair cycle');
  };

  const cycle: number[] = [];
  // Appends the path of the last search from its start to edge k, paying on the way.
  const walk = (k: number): number => {
    const path = pathTo(graph, parent, edgeSource(graph, k));
    path.push(k);
    for (const e of path) {
      const row = graph.label(e) * words;
      for (let w = 0; w < words; w++) {
        oweWeak[w] &= ~byLabel[row + w];
        oweStrong[w] &= ~byLabel[row + w];
      }
      payAt(graph.target(e));
      cycle.push(e);
    }
    return graph.target(k);
  };

  let x = entry;
  payAt(x);
  while (owes()) x = walk(search(x, paysOn, paysAt));
  if (x !== entry || cycle.length === 0) walk(search(x, (k) => graph.target(k) === entry, () => false));
  return cycle;
}
