import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explore, packSystem, type LabelId, type PackedSystem, type StateIndex, type SuccessorSink } from '../../checker/index.js';
import { collisionProbability, hashWords2 } from '../../checker/fingerprint-store.js';
import { hashWords } from '../../checker/hash.js';
import { systemSpecArb, toTransitionSystem } from './support/random-system.js';

const member = (salt: number, rate: number) => (id: number) => ((Math.imul(id + 1, 0x9e3779b1) ^ salt) >>> 0) / 4294967296 < rate;

/**
 * A grid walk of w x w cells (w^2 states, more than a queue chunk of 65,536
 * for w = 300): right, down, and back to the corner from the last row. The
 * state has `words` words, the ones past the two coordinates always 7.
 */
function grid(w: number, words = 2): PackedSystem {
  return {
    stateWords: words,
    labelNames: ['right', 'down', 'home'],
    initial(sink: SuccessorSink) {
      sink.out.fill(7);
      sink.out[0] = 0;
      sink.out[1] = 0;
      sink.emit(0 as LabelId);
    },
    successors(s: Uint32Array, sink: SuccessorSink) {
      sink.out.fill(7);
      if (s[0] + 1 < w) (sink.out[0] = s[0] + 1, sink.out[1] = s[1], sink.emit(0 as LabelId));
      if (s[1] + 1 < w) (sink.out[0] = s[0], sink.out[1] = s[1] + 1, sink.emit(1 as LabelId));
      if (s[1] + 1 === w) (sink.out[0] = 0, sink.out[1] = 0, sink.emit(2 as LabelId));
    },
  };
}

describe('fingerprint mode (64-bit fingerprints instead of states)', () => {
  it('explores what the full store explores on random systems: states, transitions, violations, deadlocks and traces', () => {
    fc.assert(
      fc.property(systemSpecArb, fc.nat(), (spec, salt) => {
        const view = packSystem(toTransitionSystem(spec));
        const bad = member(salt, 0.05);
        const invariants = [{ name: 'rare', holds: (w: Uint32Array) => !bad(view.decode(w).id) }];
        const full = explore(view, { invariants, onViolation: 'continue' });
        const fp = explore(view, { invariants, onViolation: 'continue', fingerprint: true });
        expect(fp.stats.states).toBe(full.stats.states);
        expect(fp.stats.transitions).toBe(full.stats.transitions);
        expect(fp.stats.depth).toBe(full.stats.depth);
        expect(fp.violations).toEqual(full.violations);
        expect(fp.deadlocks).toEqual(full.deadlocks);
        for (const v of full.violations) expect(fp.graph.traceTo(v.state)).toEqual(full.graph.traceTo(v.state));
      }),
      { numRuns: 60 },
    );
  });

  it('drops the words of expanded chunks and rebuilds any state from its parent links (160,000 states of 8 words: less memory)', () => {
    const system = grid(400, 8);
    const full = explore(system);
    const fp = explore(system, { fingerprint: true });
    expect(fp.stats.states).toBe(160_000);
    expect(fp.stats.storeBytes).toBeLessThan(full.stats.storeBytes);
    for (const i of [0, 1, 399, 45_000, 65_535, 65_536, 131_072, 159_999]) {
      expect(Array.from(fp.graph.readState(i as StateIndex))).toEqual(Array.from(full.graph.readState(i as StateIndex)));
      expect(fp.graph.traceTo(i as StateIndex)).toEqual(full.graph.traceTo(i as StateIndex));
      expect(fp.graph.indexOf(full.graph.readState(i as StateIndex))).toBe(i);
    }
  });

  it('refuses to record edges, and the two hashes are independent enough to tell apart every state of a small space', () => {
    expect(() => explore(grid(3), { fingerprint: true, recordEdges: 'targets' })).toThrow(/fingerprint/);
    const seen = new Set<string>();
    const w = new Uint32Array(2);
    for (let a = 0; a < 300; a++) for (let b = 0; b < 300; b++) {
      w[0] = a;
      w[1] = b;
      seen.add(`${hashWords(w, 0, 2)}:${hashWords2(w, 0, 2)}`);
    }
    expect(seen.size).toBe(90_000);
    expect(collisionProbability(1e8)).toBeCloseTo((1e8 * (1e8 - 1)) / 2 ** 65, 15);
    expect(collisionProbability(1)).toBe(0);
  });
});
