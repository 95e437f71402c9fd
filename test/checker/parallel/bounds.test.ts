import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explore, replayTrace, type ExploreProgress, type StateIndex } from '../../../checker/index.js';
import { systemSpecArb } from '../support/random-system.js';
import { createSystem, type RandomSourceArgs } from './fixtures/random-source.js';
import { createSystem as special, type SpecialArgs } from './fixtures/special-source.js';
import { parallelHarness } from './support/harness.js';
import { expectSameRun } from './support/same-run.js';

const RANDOM = 'test/checker/parallel/fixtures/random-source.ts';
const SPECIAL = 'test/checker/parallel/fixtures/special-source.ts';
const harness = parallelHarness([RANDOM, SPECIAL]);
const endless: SpecialArgs = { kind: 'endless' };

/** The endless counter's state i is the number i (two words); BFS over +1/+2 puts it at depth ceil(i/2). */
const valueOf = (w: Uint32Array) => w[0] + w[1] * 2 ** 32;

describe('bounds stop a parallel run cleanly: an incomplete run, never a proof', () => {
  it('maxStates: exactly maxStates states, every level before the last complete, shortest traces that replay', async () => {
    await fc.assert(
      fc.asyncProperty(systemSpecArb, fc.double({ min: 0, max: 1.2, noNaN: true }), fc.constantFrom(1, 2, 3), async (spec, fraction, workers) => {
        const args: RandomSourceArgs = { spec, invariants: false };
        const { system: view } = createSystem(args);
        const full = explore(view, { recordEdges: true });
        const maxStates = Math.floor(full.stats.states * fraction);
        const r = await harness.run(RANDOM, args, { workers, maxStates, initialCapacity: 2, chunkStates: 4, serialBelow: 0, recordEdges: true });
        if (maxStates >= full.stats.states) {
          expectSameRun(r, full);
          return;
        }
        expect(r.complete).toBe(false);
        expect(r.stopReason).toBe('max-states');
        expect(r.stats.states).toBe(maxStates);
        const g = r.graph;
        let misplaced = 0;
        for (let i = 0; i < g.stateCount; i++) {
          const w = g.readState(i as StateIndex);
          const j = full.graph.indexOf(w);
          if (j === null || full.graph.depthOf(j) !== g.depthOf(i as StateIndex) || g.indexOf(w) !== i) misplaced++;
        }
        expect(misplaced).toBe(0);
        // every state of a level before the last one stored is there
        const last = r.stats.depth;
        let missing = 0;
        for (let j = 0; j < full.graph.stateCount && full.graph.depthOf(j as StateIndex) < last; j++) {
          if (g.indexOf(full.graph.readState(j as StateIndex)) === null) missing++;
        }
        expect(missing).toBe(0);
        if (maxStates > 0) expect(replayTrace(view, g.traceTo((maxStates - 1) as StateIndex)).ok).toBe(true);
        const e = g.edges!;
        expect(e.count).toBe(r.stats.transitions);
        let outside = 0;
        for (let k = 0; k < e.count; k++) if (e.target(k) >= g.stateCount) outside++;
        expect(outside).toBe(0);
      }),
      { numRuns: 40 },
    );
  }, 300_000);

  it('maxSeconds: an endless system stops with max-seconds; 0 stops before expanding anything', async () => {
    const r = await harness.run(SPECIAL, endless, { workers: 2, maxSeconds: 0.2 });
    expect(r.complete).toBe(false);
    expect(r.stopReason).toBe('max-seconds');
    expect(r.stats.states).toBeGreaterThan(1);
    const lastState = (r.stats.states - 1) as StateIndex;
    expect(r.graph.traceTo(lastState).length - 1).toBe(r.graph.depthOf(lastState));
    const zero = await harness.run(SPECIAL, endless, { workers: 3, maxSeconds: 0 });
    expect(zero.stopReason).toBe('max-seconds');
    expect(zero.stats.expanded).toBe(0);
    expect(zero.stats.states).toBe(1);
  });

  it('interrupt(): at once, the initial states are still stored; later, the run stops promptly', async () => {
    const now = await harness.run(SPECIAL, endless, { workers: 2 }, (run) => run.interrupt());
    expect(now.stopReason).toBe('interrupted');
    expect(now.complete).toBe(false);
    expect(now.stats.states).toBe(1);
    let asked = 0;
    const later = await harness.run(SPECIAL, endless, { workers: 3 }, (run) => {
      setTimeout(() => {
        asked = performance.now();
        run.interrupt();
      }, 100);
    });
    expect(performance.now() - asked).toBeLessThan(2000);
    expect(later.stopReason).toBe('interrupted');
    expect(later.stats.states).toBeGreaterThan(1);
    let wrong = 0;
    for (let i = 0; i < later.graph.stateCount; i++) {
      const v = valueOf(later.graph.readState(i as StateIndex));
      if (later.graph.depthOf(i as StateIndex) !== Math.ceil(v / 2)) wrong++;
    }
    expect(wrong).toBe(0);
  });

  it('maxBytes: stops with out-of-memory within the budget, every stored state readable', async () => {
    for (const maxBytes of [2_000, 50_000, 300_000, 2_000_000]) {
      for (const recordEdges of [false, true]) {
        const r = await harness.run(SPECIAL, endless, { workers: 2, maxBytes, initialCapacity: 1, recordEdges });
        expect(r.complete).toBe(false);
        expect(r.stopReason).toBe('out-of-memory');
        expect(r.stats.storeBytes + r.stats.edgeBytes).toBeLessThanOrEqual(maxBytes);
        const seen = new Set<number>();
        let wrong = 0;
        for (let i = 0; i < r.stats.states; i++) {
          const w = r.graph.readState(i as StateIndex);
          seen.add(valueOf(w));
          if (r.graph.depthOf(i as StateIndex) !== Math.ceil(valueOf(w) / 2) || r.graph.indexOf(w) !== i) wrong++;
        }
        expect(wrong).toBe(0);
        expect(seen.size).toBe(r.stats.states);
        if (recordEdges) expect(r.graph.edges!.count).toBe(r.stats.transitions);
      }
    }
    const none = await harness.run(SPECIAL, endless, { workers: 2, maxBytes: 10 });
    expect(none.stopReason).toBe('out-of-memory');
    expect(none.stats.states).toBe(0);
    expect(none.graph.indexOf(new Uint32Array(2))).toBeNull();
  });

  it('onProgress is called on the main thread with growing figures', async () => {
    const seen: ExploreProgress[] = [];
    const r = await harness.run(SPECIAL, endless, { workers: 2, maxSeconds: 0.4, progressIntervalMs: 20, onProgress: (p) => seen.push(p) });
    expect(r.stopReason).toBe('max-seconds');
    expect(seen.length).toBeGreaterThan(3);
    for (let k = 1; k < seen.length; k++) {
      expect(seen[k].states).toBeGreaterThanOrEqual(seen[k - 1].states);
      expect(seen[k].seconds).toBeGreaterThan(seen[k - 1].seconds);
    }
    expect(seen[seen.length - 1].states).toBeGreaterThan(1);
    expect(seen[seen.length - 1].bytes).toBeGreaterThan(0);
  });
});

describe('table growth in the middle of a batch and of a level', () => {
  it('fan systems (batches of thousands of new states from a 1024-slot table) give the same run', async () => {
    const cases: SpecialArgs[] = [
      { kind: 'fan', roots: 3000, width: 2, depth: 2 },
      { kind: 'fan', roots: 1, width: 5000, depth: 3 },
      { kind: 'fan', roots: 6, width: 1500, depth: 1 },
    ];
    for (const args of cases) {
      const seq = explore(special(args).system, { recordEdges: 'labelled' });
      for (const workers of [1, 2, 3]) {
        for (const [chunkStates, serialBelow] of [[1, 0], [64, 65536]]) {
          expectSameRun(await harness.run(SPECIAL, args, { workers, chunkStates, serialBelow, recordEdges: 'labelled', initialCapacity: 1 }), seq);
        }
      }
    }
  }, 300_000);
});

describe('failures', () => {
  it('a system that throws rejects the run with its error; the pool stays usable', async () => {
    await expect(harness.run(SPECIAL, { kind: 'throws', at: 500 }, { workers: 3 })).rejects.toThrow(/model bug at state 500/);
    await expect(harness.run(SPECIAL, { kind: 'bad-label', at: 20 }, { workers: 2 })).rejects.toThrow(/label 7, but labelNames has 2 entries/);
    const r = await harness.run(SPECIAL, endless, { workers: 3, maxStates: 1000 });
    expect(r.stopReason).toBe('max-states');
    expect(r.stats.states).toBe(1000);
  });

  it('rejects bad options and sources', async () => {
    await expect(harness.run(SPECIAL, endless, { maxStates: -1 })).rejects.toThrow(RangeError);
    await expect(harness.run(SPECIAL, endless, { workers: 0 })).rejects.toThrow(RangeError);
    await expect(harness.run(SPECIAL, endless, { workers: 4 })).rejects.toThrow(/from 1 to 3/);
    await expect(harness.run(SPECIAL, endless, { chunkStates: 0 })).rejects.toThrow(RangeError);
    await expect(harness.run(SPECIAL, endless, { serialBelow: -1 })).rejects.toThrow(RangeError);
    await expect(harness.run(SPECIAL, endless, { invariants: [] } as never)).rejects.toThrow(/createSystem/);
    await expect(harness.run('checker/parallel/control.ts', {}, {})).rejects.toThrow(/does not export createSystem/);
  });
});


describe('holes: the unused indices of the workers\' blocks', () => {
  const meshArgs: SpecialArgs = { kind: 'mesh', n: 150_000 };

  it('a complete run through many mid-level table growths (rehash with holes) is explore\'s', async () => {
    const seq = explore(special(meshArgs).system, { recordEdges: 'labelled' });
    for (const workers of [2, 3]) {
      for (const [chunkStates, serialBelow] of [[1, 0], [64, 65536]]) {
        expectSameRun(await harness.run(SPECIAL, meshArgs, { workers, chunkStates, serialBelow, recordEdges: 'labelled', initialCapacity: 1 }), seq);
      }
    }
  }, 300_000);

  it('a halted run compacts them away: every stored state once, at its BFS depth, found by indexOf, its edges inside', async () => {
    const seq = explore(special(meshArgs).system);
    const depthOf = new Map<number, number>();
    for (let i = 0; i < seq.graph.stateCount; i++) depthOf.set(seq.graph.readState(i as StateIndex)[0], seq.graph.depthOf(i as StateIndex));
    const runs = [
      ...[300_000, 1_000_000, 3_000_000].map((maxBytes) => ({ maxBytes })),
      // time bounds far below the 0.2-0.3 s the whole run takes here (0.2 s was seen to let it finish on an idle machine)
      { maxSeconds: 0.01 },
      { maxSeconds: 0.05 },
    ];
    for (const bound of runs) {
      for (const recordEdges of [false, true]) {
        const r = await harness.run(SPECIAL, meshArgs, { workers: 3, chunkStates: 4, initialCapacity: 1, recordEdges, ...bound });
        expect(r.complete).toBe(false);
        const g = r.graph;
        const seen = new Set<number>();
        let wrong = 0;
        for (let i = 0; i < g.stateCount; i++) {
          const s = i as StateIndex;
          const w = g.readState(s);
          seen.add(w[0]);
          if (g.indexOf(w) !== i || g.depthOf(s) !== depthOf.get(w[0])) wrong++;
          const p = g.parentOf(s);
          if (p !== null && g.depthOf(p) !== g.depthOf(s) - 1) wrong++;
        }
        expect(wrong).toBe(0);
        expect(seen.size).toBe(g.stateCount);
        if (recordEdges) {
          const e = g.edges!;
          expect(e.count).toBe(r.stats.transitions);
          let outside = 0;
          for (let k = 0; k < e.count; k++) if (e.target(k) >= g.stateCount) outside++;
          expect(outside).toBe(0);
        }
      }
    }
  }, 300_000);
});
