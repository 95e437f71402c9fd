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
    // 100,000 x 2^d states per level; seen at depth 4 (four snapshots) with 1,500,000 stored: +1.6M, +3.2M, +6.4M -> 12.7M states = 1.27 GB > 1 GB at the third
    const g = new LevelGrowth(1e9);
    const out = snapshots([100_000, 200_000, 400_000, 800_000, 1_600_000, 3_200_000]).map((p) => g.observe(p));
    expect(out.slice(0, 3)).toEqual([null, null, null]);
    expect(out[3]).toMatchObject({ levelsAhead: 3, depth: 4 });
    expect(out[3]!.ratio).toBeCloseTo(2, 10);
    expect(out[3]!.states).toBeCloseTo(1_500_000 + 1_600_000 + 3_200_000 + 6_400_000, 0);
    expect(out.slice(4)).toEqual([null, null]);
    expect(forecastText(out[3]!)).toMatch(/grow about 2.00x per level \(depth 4\).* of 954 MiB in about 3 more level\(s\), near 12,700,000 states/);
  });

  it('growth slowing down: the excess over 1 falls at the rate seen, and a bound the steady projection passes is not', () => {
    // level growth 3x, 2x, 1.5x: the excess 2 -> 1 -> 0.5 halves per level, so the levels go on 1.5x, 1.25x, 1.125x, ...
    const sizes = [100_000, 300_000, 600_000, 900_000];
    const stored = sizes.reduce((a, b) => a + b, 0);
    const project = (decay: number) => {
      let level = 900_000, excess = 0.5, total = stored;
      for (let k = 0; k < 6; k++) (level *= 1 + excess), (excess *= decay), (total += level);
      return total;
    };
    const bound = 20_000_000;
    // six levels ahead: slowing, about 13.1M states; steady at 1.5x, 30M
    expect(project(0.5)).toBeLessThan(bound);
    expect(project(1)).toBeGreaterThan(bound);
    const g = new LevelGrowth(bound * 100);
    expect(snapshots(sizes).map((p) => g.observe(p)).every((f) => f === null)).toBe(true);
    const steady = new LevelGrowth(bound * 100);
    // levels of 1.5x from 100,000: at depth 6 (2.08M stored) six more reach 25.7M states
    const out = snapshots([100_000, 150_000, 225_000, 337_500, 506_250, 759_375]).map((p) => steady.observe(p));
    expect(out.find((f) => f !== null)).toMatchObject({ depth: 6, levelsAhead: 6 });
  });

  it('levels shrinking, flat, or a bound far away: no warning', () => {
    for (const [sizes, limit] of [[[400_000, 300_000, 200_000, 100_000], 1e8], [[100_000, 100_000, 100_000, 100_000], 1e8], [[100_000, 110_000, 121_000], 1e12], [[100_000, 200_000, 400_000], Infinity]] as const) {
      const g = new LevelGrowth(limit);
      expect(snapshots(sizes).map((p) => g.observe(p)).every((f) => f === null)).toBe(true);
    }
  });
});
