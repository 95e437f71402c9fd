import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  coverageRows,
  deadLabels,
  explore,
  formatStats,
  formatTrace,
  packSystem,
  type LabelId,
  type PackedSystem,
  type StateIndex,
  type TransitionSystem,
} from '../../checker/index.js';
import { naiveExplore } from './support/naive.js';
import { systemSpecArb, toTransitionSystem } from './support/random-system.js';

interface Light {
  readonly colour: 'red' | 'green' | 'amber';
  readonly count: number;
}
interface Step {
  readonly kind: string;
}

/** A small readable system whose labels are fresh objects on every call (matched by name). */
const lights: TransitionSystem<Light, Step> = {
  encoding: {
    words: 1,
    encode: (s, out) => {
      out[0] = ['red', 'green', 'amber'].indexOf(s.colour) | (s.count << 2);
    },
    decode: (w) => ({ colour: (['red', 'green', 'amber'] as const)[w[0] & 3], count: w[0] >>> 2 }),
  },
  labels: [{ kind: 'go' }, { kind: 'slow' }, { kind: 'stop' }, { kind: 'never' }],
  labelName: (l) => l.kind,
  initialStates: () => [{ colour: 'red', count: 0 }],
  successors: (s) => {
    const count = Math.min(s.count + 1, 3);
    if (s.colour === 'red') return [[{ kind: 'go' }, { colour: 'green', count }]];
    if (s.colour === 'green') return [[{ kind: 'slow' }, { colour: 'amber', count }]];
    return s.count < 3 ? [[{ kind: 'stop' }, { colour: 'red', count }]] : [];
  },
  isTerminal: (s) => s.count === 3 && s.colour === 'amber',
};

describe('packSystem', () => {
  it('round-trips states through the encoding and maps labels by name', () => {
    const view = packSystem(lights);
    expect(view.labelNames).toEqual(['go', 'slow', 'stop', 'never']);
    expect(view.labelIdOf({ kind: 'stop' })).toBe(2);
    expect(view.labelOf(1 as LabelId)).toEqual({ kind: 'slow' });
    const s: Light = { colour: 'amber', count: 2 };
    expect(view.decode(view.encode(s))).toEqual(s);
    const r = explore(view);
    expect(r.complete).toBe(true);
    expect(r.deadlockCount).toBe(0);
    expect(deadLabels(r.coverage)).toEqual([3]);
    const last = (r.stats.states - 1) as StateIndex;
    const decoded = view.decodeTrace(r.graph.traceTo(last));
    expect(decoded[0]).toEqual({ label: null, labelName: null, state: { colour: 'red', count: 0 } });
    expect(decoded.map((d) => d.labelName).slice(1)).toEqual(decoded.slice(1).map((d) => d.label!.kind));
    expect(formatTrace(r.graph.traceTo(last), view.labelNames).split('\n')).toHaveLength(decoded.length);
    expect(formatStats(r.stats)).toMatch(/states, .* transitions, depth \d+/);
  });

  it('refuses two labels with one name, and successors with an unlisted label', () => {
    expect(() => packSystem({ ...lights, labels: [{ kind: 'go' }, { kind: 'go' }] })).toThrow(/share the name/);
    const odd = packSystem({ ...lights, labels: [{ kind: 'go' }] });
    expect(() => explore(odd)).toThrow(/not listed/);
  });

  it('isTerminal turns a dead end into a non-deadlock', () => {
    const view = packSystem({ ...lights, isTerminal: undefined });
    const r = explore(view);
    expect(r.deadlockCount).toBe(1);
    expect(view.decode(r.graph.readState(r.deadlocks[0]))).toEqual({ colour: 'amber', count: 3 });
  });
});

describe('coverage', () => {
  it('dead labels are exactly the labels the naive explorer never fires', () => {
    fc.assert(
      fc.property(systemSpecArb, (spec) => {
        const ts = toTransitionSystem(spec);
        const view = packSystem(ts);
        const naive = naiveExplore(ts);
        const r = explore(view);
        const dead = view.labelNames.flatMap((name, l) => (naive.firings.has(name) ? [] : [l]));
        expect(deadLabels(r.coverage)).toEqual(dead);
        const rows = coverageRows(r.coverage);
        expect(rows.map((row) => row.name)).toEqual(view.labelNames);
        expect(rows.reduce((sum, row) => sum + row.firings, 0)).toBe(r.stats.transitions);
        expect(rows.reduce((sum, row) => sum + row.discovered, 0)).toBe(r.stats.states - naive.initialKeys.size);
      }),
      { numRuns: 40 },
    );
  });
});

describe('system misbehaviour', () => {
  it('a label id outside labelNames is an error, not a silent miscount', () => {
    const bad: PackedSystem = {
      stateWords: 1,
      labelNames: ['only'],
      initial: (sink) => sink.emit(0 as LabelId),
      successors: (_s, sink) => sink.emit(1 as LabelId),
    };
    expect(() => explore(bad)).toThrow(/label 1/);
  });

  it('stateWords must be a positive integer', () => {
    expect(() => explore({ stateWords: 0, labelNames: [], initial: () => {}, successors: () => {} })).toThrow(RangeError);
  });

  it('a system without initial states gives an empty, complete run', () => {
    const r = explore({ stateWords: 3, labelNames: ['a'], initial: () => {}, successors: () => {} });
    expect(r.complete).toBe(true);
    expect(r.stats.states).toBe(0);
    expect(r.stats.depth).toBe(0);
  });
});
