import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explore, packSystem, replayLabels, replayTrace, traceLabels, type LabelId, type StateIndex } from '../../checker/index.js';
import { naiveExplore } from './support/naive.js';
import { systemSpecArb, toTransitionSystem } from './support/random-system.js';

const withStates = systemSpecArb.filter((s) => s.initial.length > 0);

describe('replayTrace', () => {
  it('accepts every trace the explorer returns, and replayLabels reaches its last state', () => {
    fc.assert(
      fc.property(withStates, fc.nat(), (spec, pick) => {
        const view = packSystem(toTransitionSystem(spec));
        const r = explore(view);
        const target = (pick % r.graph.stateCount) as StateIndex;
        const trace = r.graph.traceTo(target);
        const replayed = replayTrace(view, trace);
        expect(replayed.ok).toBe(true);
        const byLabels = replayLabels(view, traceLabels(trace));
        if (!byLabels.ok) throw new Error(byLabels.error.message);
        expect(byLabels.finalStates.map((s) => s.join())).toContain(trace[trace.length - 1].state.join());
        expect(byLabels.trace.length).toBe(trace.length);
      }),
      { numRuns: 60 },
    );
  });

  it('reports the first wrong step: not initial, label not enabled (with the enabled labels), wrong successor', () => {
    fc.assert(
      fc.property(withStates, fc.nat(), fc.nat(), (spec, pick, which) => {
        const ts = toTransitionSystem(spec);
        const view = packSystem(ts);
        const naive = naiveExplore(ts);
        const r = explore(view);
        const target = (pick % r.graph.stateCount) as StateIndex;
        const trace = r.graph.traceTo(target);
        const unreached = spec.codes.find((c) => !naive.indexOf.has(JSON.stringify(view.decode(c))));
        if (unreached !== undefined) {
          const bad = replayTrace(view, [{ label: null, state: unreached }, ...trace.slice(1)]);
          expect(bad.ok ? null : bad.error.kind).toBe('not-initial');
        }
        if (trace.length < 2) return;
        const k = 1 + (which % (trace.length - 1));
        const from = trace[k - 1].state;
        const moves = naive.edges.filter((e) => e[0] === naive.indexOf.get(JSON.stringify(view.decode(from))));
        const enabled = [...new Set(moves.map((e) => view.labelNames.indexOf(e[1])))].sort((a, b) => a - b);
        const disabled = view.labelNames.findIndex((_, l) => !enabled.includes(l));
        if (disabled >= 0) {
          const mutated = trace.map((s, i) => (i === k ? { ...s, label: disabled as LabelId } : s));
          const res = replayTrace(view, mutated);
          if (res.ok) throw new Error('accepted a disabled label');
          expect(res.error.kind).toBe('label-not-enabled');
          expect(res.error.step).toBe(k);
          if (res.error.kind === 'label-not-enabled') expect([...res.error.enabled]).toEqual(enabled);
          const byLabels = replayLabels(view, traceLabels(mutated));
          // another path with the same labels may exist; if the replay fails it is at step k or later
          if (!byLabels.ok) expect(byLabels.error.step).toBeGreaterThanOrEqual(k);
        }
        const label = trace[k].label!;
        const targets = new Set(moves.filter((e) => e[1] === view.labelNames[label]).map((e) => naive.keys[e[2]]));
        const wrong = spec.codes.find((c) => !targets.has(JSON.stringify(view.decode(c))));
        if (wrong !== undefined) {
          const mutated = trace.map((s, i) => (i === k ? { ...s, state: wrong } : s));
          const res = replayTrace(view, mutated);
          if (res.ok) throw new Error('accepted a wrong successor');
          expect(res.error.kind).toBe('state-mismatch');
          expect(res.error.step).toBe(k);
        }
      }),
      { numRuns: 80 },
    );
  });
});

describe('replayLabels', () => {
  it('follows every state a label sequence can lead to (naive set semantics)', () => {
    fc.assert(
      fc.property(withStates, fc.array(fc.nat(5), { maxLength: 12 }), (spec, rawLabels) => {
        const ts = toTransitionSystem(spec);
        const view = packSystem(ts);
        const naive = naiveExplore(ts);
        const labels = rawLabels.map((l) => (l % spec.labelCount) as LabelId);
        let current = new Set([...naive.initialKeys]);
        let failedAt = -1;
        labels.forEach((l, k) => {
          if (failedAt >= 0) return;
          const next = new Set<string>();
          for (const [s, name, d] of naive.edges) if (current.has(naive.keys[s]) && name === view.labelNames[l]) next.add(naive.keys[d]);
          if (next.size === 0) failedAt = k + 1;
          current = next;
        });
        const res = replayLabels(view, labels);
        if (failedAt >= 0) {
          if (res.ok) throw new Error('replay succeeded where the naive one fails');
          expect(res.error.kind).toBe('label-not-enabled');
          expect(res.error.step).toBe(failedAt);
          return;
        }
        if (!res.ok) throw new Error(res.error.message);
        expect(new Set(res.finalStates.map((s) => JSON.stringify(view.decode(s))))).toEqual(current);
        expect(replayTrace(view, res.trace).ok).toBe(true);
      }),
      { numRuns: 80 },
    );
  });

  it('rejects label ids that do not exist, and systems without initial states', () => {
    const spec = fc.sample(withStates, { numRuns: 1, seed: 5 })[0];
    const view = packSystem(toTransitionSystem(spec));
    const res = replayLabels(view, [99 as LabelId]);
    expect(res.ok ? null : res.error.kind).toBe('bad-label');
    const none = packSystem({ ...toTransitionSystem(spec), initialStates: () => [] });
    const empty = replayLabels(none, []);
    expect(empty.ok ? null : empty.error.kind).toBe('no-initial-state');
  });
});
