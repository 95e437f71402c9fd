/**
 * An early warning that a run will not fit its memory bound, from the growth
 * of the BFS levels seen in the progress snapshots: the mean level size
 * between the last two depths observed, its growth factor per level, and the
 * bytes per state so far, projected forward. Levels of a BFS grow and then
 * shrink: where the growth factor is falling (it was larger between the
 * snapshots before), the projection lets the excess over 1 keep falling at
 * the same rate, so a run whose growth is slowing down is not warned about
 * from its steep first levels. It is an estimate, printed as one.
 */
import type { ExploreProgress } from './options.js';

export interface MemoryForecast {
  /** Levels after the current one at which the bound is projected to be passed. */
  readonly levelsAhead: number;
  /** States stored when it is passed, projected. */
  readonly states: number;
  /** Growth of the level size per level. */
  readonly ratio: number;
  readonly depth: number;
  readonly limit: number;
}

/** Levels looked ahead: past that, the projection says too little (at the N = 3 defaults levels grow 2.1x per level at depth 14, 10 levels from a bound they never reach). */
const HORIZON = 6;
/** No forecast before this many states (the first levels say little about the rest). */
const MIN_STATES = 50_000;
/**
 * Nor before the run holds this share of its bound: the first levels grow
 * fastest (at the N = 3 defaults 4.5x per level at depth 11, where the whole
 * run never holds a tenth of its bound); from here on there is still room
 * for 15 times what was stored so far.
 */
const MIN_SHARE = 1 / 16;

export class LevelGrowth {
  private readonly seen: { depth: number; states: number }[] = [];
  private warned = false;

  constructor(private readonly limit: number) {}

  /** Takes one progress snapshot; returns a forecast the first time the bound is projected to be passed, else null. */
  observe(p: ExploreProgress): MemoryForecast | null {
    if (this.warned || !Number.isFinite(this.limit) || p.states === 0) return null;
    const last = this.seen[this.seen.length - 1];
    if (last !== undefined && p.depth <= last.depth) return null;
    this.seen.push({ depth: p.depth, states: p.states });
    if (this.seen.length < 4 || p.states < MIN_STATES || p.bytes < this.limit * MIN_SHARE) return null;
    const [z, a, b, c] = this.seen.slice(-4);
    const earlier = (a.states - z.states) / (a.depth - z.depth);
    const before = (b.states - a.states) / (b.depth - a.depth);
    const now = (c.states - b.states) / (c.depth - b.depth);
    if (!(before > 0 && now > before)) return null;
    const ratio = (now / before) ** (1 / (c.depth - b.depth));
    const previous = earlier > 0 ? (before / earlier) ** (1 / (b.depth - a.depth)) : ratio;
    // the excess growth shrinks by this factor per level (1: steady growth)
    const decay = previous > ratio ? (ratio - 1) / (previous - 1) : 1;
    const perState = p.bytes / p.states;
    let states = p.states, level = now, excess = ratio - 1;
    for (let k = 1; k <= HORIZON; k++) {
      level *= 1 + excess;
      excess *= decay;
      states += level;
      if (states * perState > this.limit) {
        this.warned = true;
        return { levelsAhead: k, states, ratio, depth: p.depth, limit: this.limit };
      }
    }
    return null;
  }
}

/** 512 MiB, 3.2 GiB. */
export const gib = (bytes: number): string => (bytes < 2 ** 30 ? `${Math.round(bytes / 2 ** 20)} MiB` : `${(bytes / 2 ** 30).toFixed(1)} GiB`);

export function forecastText(f: MemoryForecast): string {
  return (
    `warning: the BFS levels grow about ${f.ratio.toFixed(2)}x per level (depth ${f.depth}); at that rate the store passes its memory bound ` +
    `of ${gib(f.limit)} in about ${f.levelsAhead} more level(s), near ${Math.round(f.states).toLocaleString('en-US')} states, and the run ` +
    `will stop incomplete (an estimate; raise --max-memory, or try --symmetry or --fingerprint)`
  );
}
