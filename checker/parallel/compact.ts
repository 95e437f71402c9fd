import { CURSOR, LEVEL_CLAIMED, LEVEL_END, LEVEL_START, NONE, RENUMBERED } from './control.js';
import type { Geometry, SharedViews } from './memory.js';

/**
 * Moves the chunks of the level just expanded from the scratch area to their
 * CSR place (leader.ts placed them: chunk c at chunks[3c + 2]), claiming
 * chunks on CURSOR: by every worker (P_COMPACT) or by the leader alone for a
 * small level. A state's start, an offset within its chunk, becomes absolute.
 * Targets in the level found are provisional indices: mapped to their final
 * place (rankOf once renumbered, keys once compacted). Chunks never claimed, or whose edges were
 * not committed, have none.
 */
export function compactChunks(v: SharedViews, g: Geometry): void {
  const { cu, ci } = v;
  const chunks = v.chunks!;
  const starts = v.starts!;
  const targets = v.edgeTargets!;
  const scratch = v.scratchTargets!;
  const labels = v.edgeLabels;
  const scratchLabels = v.scratchLabels;
  const levelStart = Atomics.load(cu, LEVEL_START);
  const levelEnd = Atomics.load(cu, LEVEL_END);
  const claim = g.claim;
  const count = Math.ceil((levelEnd - levelStart) / claim);
  const claimed = Atomics.load(cu, LEVEL_CLAIMED);
  const mapping = Atomics.load(ci, RENUMBERED);
  const rankOf = mapping === 1 ? v.rankOf : mapping === 2 ? v.keys : null;
  for (;;) {
    const c = Atomics.add(cu, CURSOR, 1);
    if (c >= count) return;
    const s0 = levelStart + c * claim;
    const s1 = Math.min(s0 + claim, levelEnd);
    const dst = chunks[3 * c + 2];
    if (c >= claimed || chunks[3 * c + 1] === NONE) {
      for (let s = s0; s < s1; s++) starts[s] = dst;
      continue;
    }
    const len = chunks[3 * c];
    const raw = chunks[3 * c + 1];
    if (rankOf === null) for (let k = 0; k < len; k++) targets[dst + k] = scratch[raw + k];
    else {
      for (let k = 0; k < len; k++) {
        const t = scratch[raw + k];
        targets[dst + k] = t >= levelEnd ? levelEnd + rankOf[t - levelEnd] : t;
      }
    }
    if (labels !== null) for (let k = 0; k < len; k++) labels[dst + k] = scratchLabels![raw + k];
    for (let s = s0; s < s1; s++) starts[s] += dst;
  }
}
