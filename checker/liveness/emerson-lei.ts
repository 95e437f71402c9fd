import type { EdgeGraph } from '../edge-graph.js';
import { ComponentJudge, FAIR, REFINE } from './component-verdict.js';
import type { FairnessBits } from './fairness-bits.js';
import { REMOVED, UNSEEN } from './marks.js';
import type { SccSplitter } from './scc.js';

/**
 * A fair component: its states are marked `id`; `entry` is its state of
 * least `dist`; `enabled`, the constraints enabled somewhere in it.
 */
export interface FairComponent {
  readonly id: number;
  readonly entry: number;
  readonly enabled: Uint32Array;
}

/**
 * Emerson-Lei refinement over the components already written to
 * `members[0 .. count)` by `splitter` (each contiguous, its states marked
 * with its id). One left-to-right scan: a component is judged; when strong
 * constraints fail in it, the states where one of them is enabled are
 * removed (marked REMOVED, moved to the end of its slice) and the rest are
 * split again in place, and the scan resumes at the first sub-component. A
 * fair cycle is never lost: it lies in a component, avoids the removed
 * states (it would have to take a failing constraint), so it lies in a
 * sub-component. Each refinement drops, in its sub-components, every
 * constraint that failed, so a state is judged at most (strong constraints
 * + 1) times: O((states + edges) * rounds * words).
 *
 * Returns the fair component whose entry has the least `dist` (the first met
 * on a tie), or null; without `dist`, the first fair component met (its
 * entry, its first state). `scratch` needs room for the largest component.
 */
export function bestFairComponent(
  graph: EdgeGraph,
  bits: FairnessBits,
  judge: ComponentJudge,
  splitter: SccSplitter,
  members: Uint32Array,
  count: number,
  dist: Uint32Array | null,
  scratch: Uint32Array,
): FairComponent | null {
  const mark = splitter.mark;
  const enabled = new Uint32Array(bits.words);
  let best: FairComponent | null = null;
  let bestDist = UNSEEN;
  let p = 0;
  while (p < count) {
    const id = mark[members[p]];
    if (id === REMOVED) {
      p++;
      continue;
    }
    let q = p + 1;
    while (q < count && mark[members[q]] === id) q++;
    const verdict = judge.judge(members, p, q, id);
    if (verdict === REFINE) {
      const failing = judge.failing;
      let kept = 0;
      let dropped = q - p;
      for (let i = p; i < q; i++) {
        const v = members[i];
        bits.enabledAt(graph, v, enabled);
        if (bits.intersects(enabled, failing)) {
          scratch[--dropped] = v;
          mark[v] = REMOVED;
        } else {
          scratch[kept++] = v;
          mark[v] = UNSEEN;
        }
      }
      splitter.split(scratch, 0, kept, members, p);
      members.set(scratch.subarray(kept, q - p), p + kept);
      continue;
    }
    if (verdict === FAIR && dist === null) return { id, entry: members[p], enabled: judge.anyEnabled.slice() };
    if (verdict === FAIR && dist !== null) {
      let entry = members[p];
      for (let i = p + 1; i < q; i++) if (dist[members[i]] < dist[entry]) entry = members[i];
      if (dist[entry] < bestDist) {
        best = { id, entry, enabled: judge.anyEnabled.slice() };
        bestDist = dist[entry];
      }
    }
    p = q;
  }
  return best;
}
