import { afterEach, describe, expect, it, vi } from 'vitest';

// Allocation failure cannot be provoked for real in a test (typed arrays are
// lazily committed), so the allocator module is replaced: after `budget`
// successful allocations, every allocation fails as V8 fails (null here,
// RangeError there).
const control = vi.hoisted(() => ({ remaining: Infinity }));
vi.mock('../../checker/alloc.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../checker/alloc.js')>();
  const gate =
    <A extends unknown[], R>(f: (...a: A) => R) =>
    (...a: A): R | null =>
      control.remaining-- > 0 ? f(...a) : null;
  return { ...real, tryAllocU32: gate(real.tryAllocU32), tryAllocI32: gate(real.tryAllocI32), tryAllocNarrow: gate(real.tryAllocNarrow) };
});

const { explore } = await import('../../checker/index.js');
const { endlessCounter } = await import('./support/counter-system.js');

afterEach(() => {
  control.remaining = Infinity;
});

describe('allocation failure', () => {
  it('stops cleanly with out-of-memory at whichever growth fails, keeping every stored state', () => {
    const seenCounts = new Set<number>();
    for (let allowed = 0; allowed < 40; allowed++) {
      for (const recordEdges of [false, true]) {
        control.remaining = allowed;
        const r = explore(endlessCounter, { initialCapacity: 1, recordEdges, maxStates: 1_000_000 });
        control.remaining = Infinity;
        expect(r.complete).toBe(false);
        expect(r.stopReason).toBe('out-of-memory');
        seenCounts.add(r.stats.states);
        for (let i = 0; i < r.stats.states; i++) {
          const w = r.graph.readState(i as never);
          if (w[0] !== i || w[1] !== 0) throw new Error(`state ${i} holds ${w[0]}`);
        }
        if (recordEdges) expect(r.graph.edges!.count).toBe(r.stats.transitions);
      }
    }
    // failures hit at many different sizes, from the first allocation on
    expect(seenCounts.has(0)).toBe(true);
    expect(seenCounts.size).toBeGreaterThan(10);
  });
});
