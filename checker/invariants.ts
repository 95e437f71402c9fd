import type { PackedInvariant } from './transition-system.js';

/**
 * Up to 32 invariants evaluated together on each new state, so a model can
 * compile its whole catalogue into one pass over the packed words (decode
 * once, read only the fields each property needs).
 */
export interface InvariantSet {
  /** Names of the invariants; bit k of the masks stands for names[k]. At most 32. */
  readonly names: readonly string[];
  /**
   * Evaluates every invariant and its trigger on `state` (a scratch copy the
   * set may read but must not keep): masks[0] := bits of the violated
   * invariants, masks[1] := bits of those whose trigger holds (the states
   * where the invariant says something; see PackedInvariant.trigger).
   */
  evaluate(state: Uint32Array, masks: Uint32Array): void;
}

/** PackedInvariant objects as InvariantSets of at most 32 each (for tests and small systems). */
export function setsOf(invariants: readonly PackedInvariant[]): InvariantSet[] {
  const sets: InvariantSet[] = [];
  for (let at = 0; at < invariants.length; at += 32) {
    const part = invariants.slice(at, at + 32);
    sets.push({
      names: part.map((p) => p.name),
      evaluate(state, masks) {
        let violated = 0;
        let triggered = 0;
        for (let k = 0; k < part.length; k++) {
          const p = part[k];
          if (!p.holds(state)) violated |= 1 << k;
          if (p.trigger === undefined || p.trigger(state)) triggered |= 1 << k;
        }
        masks[0] = violated >>> 0;
        masks[1] = triggered >>> 0;
      },
    });
  }
  return sets;
}
