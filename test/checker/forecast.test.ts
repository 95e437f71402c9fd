import { describe, expect, it } from 'vitest';
import { forecastText, LevelGrowth, type ExploreProgress } from '../../checker/index.js';

/** Snapshots of a BFS whose level d holds sizes[d] states, 100 bytes per state, one snapshot per level. */
function snapshots(sizes: readonly number[]): ExploreProgress[] {
  let states = 0;
  return sizes.map((size, depth) => {
    states += size;
    return { states, transitions: 0, depth: depth + 1, queue: size, seconds: depth, bytes: states * 100 };
  });
}

describe('the early out-of-memory forecast from the BFS levels', () => {
  it('levels doubling: warns once, at the level after which the projected store passes the bound', () => {
    // 100,000 x 2^d states per level; seen at depth 3 with 700,000 stored: +0.8M, +1.6M, +3.2M, +6.4M -> 12.7M states = 1.27 GB > 1 GB at the fourth
    const g = new LevelGrowth(1e9);
    const out = snapshots([100_000, 200_000, 400_000, 800_000, 1_600_000, 3_200_000]).map((p) => g.observe(p));
    expect(out.slice(0, 2)).toEqual([null, null]);
    expect(out[2]).toMatchObject({ levelsAhead: 4, depth: 3 });
    expect(out[2]!.ratio).toBeCloseTo(2, 10);
    expect(out[2]!.states).toBeCloseTo(700_000 + 800_000 + 1_600_000 + 3_200_000 + 6_400_000, 0);
    expect(out.slice(3)).toEqual([null, null, null]);
    expect(forecastText(out[2]!)).toMatch(/grow about 2.00x per level \(depth 3\).* of 954 MiB in about 4 more level\(s\), near 12,700,000 states/);
  });

  it('levels shrinking, flat, or a bound far away: no warning', () => {
    for (const [sizes, limit] of [[[400_000, 300_000, 200_000, 100_000], 1e8], [[100_000, 100_000, 100_000, 100_000], 1e8], [[100_000, 110_000, 121_000], 1e12], [[100_000, 200_000, 400_000], Infinity]] as const) {
      const g = new LevelGrowth(limit);
      expect(snapshots(sizes).map((p) => g.observe(p)).every((f) => f === null)).toBe(true);
    }
  });
});
