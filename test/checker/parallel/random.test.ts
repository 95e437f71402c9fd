import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canReach, explore, replayTrace, type ExploreResult, type StateIndex } from '../../../checker/index.js';
import { systemSpecArb, type SystemSpec } from '../support/random-system.js';
import { createSystem, member, type RandomSourceArgs } from './fixtures/random-source.js';
import { parallelHarness } from './support/harness.js';

const FIXTURE = 'test/checker/parallel/fixtures/random-source.ts';
const harness = parallelHarness([FIXTURE]);

/** Per stored state: its id (the random systems' states are ids). */
function idsOf(r: ExploreResult, decode: (w: Uint32Array) => { id: number }): number[] {
  const ids: number[] = [];
  for (let i = 0; i < r.graph.stateCount; i++) ids.push(decode(r.graph.readState(i as StateIndex)).id);
  return ids;
}

/** Per state id: its out-edges as sorted "label>targetId" strings (a multiset). */
function edgesById(r: ExploreResult, ids: number[]): Map<number, string> {
  const e = r.graph.edges!;
  const out = new Map<number, string>();
  for (let s = 0; s < r.graph.stateCount; s++) {
    const list: string[] = [];
    for (let k = e.firstEdge(s); k < e.firstEdge(s + 1); k++) list.push(`${e.label(k)}>${ids[e.target(k)]}`);
    out.set(ids[s], list.sort().join(' '));
  }
  return out;
}

const byId = <T>(ids: number[], value: (i: number) => T) => new Map(ids.map((id, i) => [id, value(i)]));
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

/**
 * Graph checks, as one count of failures per kind (cheaper than an expect
 * per state): depth as in the sequential run, indexOf round trip, parent one
 * level up through a real edge with its label, CSR starts non-decreasing.
 */
function graphFaults(par: ExploreResult, ids: number[], seqDepth: Map<number, number>, seqEdges: Map<number, string>) {
  const g = par.graph;
  const faults = { depth: 0, indexOf: 0, parent: 0, csr: 0 };
  for (let i = 0; i < g.stateCount; i++) {
    const s = i as StateIndex;
    if (g.depthOf(s) !== seqDepth.get(ids[i])) faults.depth++;
    if (g.indexOf(g.readState(s)) !== i) faults.indexOf++;
    const p = g.parentOf(s);
    if (p === null ? g.depthOf(s) !== 0 : g.depthOf(p) !== g.depthOf(s) - 1 || !seqEdges.get(ids[p])!.split(' ').includes(`${g.labelInto(s)}>${ids[i]}`)) {
      faults.parent++;
    }
    if (g.edges !== undefined && g.edges.firstEdge(i) > g.edges.firstEdge(i + 1)) faults.csr++;
  }
  return faults;
}

describe('exploreParallel on random systems agrees with explore (1, 2 and 3 workers)', () => {
  it("'continue' mode: states, transitions, depth, deadlocks, coverage, triggers, violations, graph and edges", async () => {
    await fc.assert(
      fc.asyncProperty(
        systemSpecArb,
        fc.nat(),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.integer({ min: 1, max: 5000 }),
        async (spec, salt, rate, initialCapacity) => {
          const args: RandomSourceArgs = { spec, trigger: { salt, rate } };
          const { system: view, invariants } = createSystem(args);
          const decode = (w: Uint32Array) => view.decode(w);
          const options = { onViolation: 'continue', maxDeadlocksListed: Infinity, recordEdges: 'labelled', initialCapacity } as const;
          const seq = explore(view, { ...options, invariants });
          const seqIds = idsOf(seq, decode);
          const seqDepth = byId(seqIds, (i) => seq.graph.depthOf(i as StateIndex));
          const seqEdges = edgesById(seq, seqIds);
          const goal = member(salt ^ 0x1234, 0.1);
          const seqCan = canReach(seq.graph.edges!, Uint8Array.from(seqIds, (id) => (goal(id) ? 1 : 0)));
          for (const workers of [1, 2, 3]) {
            const par = await harness.run(FIXTURE, args, { ...options, workers });
            expect(par.complete).toBe(true);
            expect(par.stopReason).toBe('exhausted');
            const ids = idsOf(par, decode);
            expect(sorted(ids)).toEqual(sorted(seqIds));
            expect(par.stats.states).toBe(seq.stats.states);
            expect(par.stats.expanded).toBe(seq.stats.expanded);
            expect(par.stats.transitions).toBe(seq.stats.transitions);
            expect(par.stats.depth).toBe(seq.stats.depth);
            expect(par.deadlockCount).toBe(seq.deadlockCount);
            expect(sorted(par.deadlocks.map((i) => ids[i]))).toEqual(sorted(seq.deadlocks.map((i) => seqIds[i])));
            expect(Array.from(par.coverage.firings)).toEqual(Array.from(seq.coverage.firings));
            expect(Array.from(par.coverage.discovered)).toEqual(Array.from(seq.coverage.discovered));
            expect(graphFaults(par, ids, seqDepth, seqEdges)).toEqual({ depth: 0, indexOf: 0, parent: 0, csr: 0 });
            const g = par.graph;
            for (let i = 0; i < g.stateCount; i += Math.max(1, Math.floor(g.stateCount / 10))) {
              const trace = g.traceTo(i as StateIndex);
              expect(trace.length - 1).toBe(g.depthOf(i as StateIndex));
              expect(replayTrace(view, trace).ok).toBe(true);
            }
            const unreached = spec.codes.filter((c) => !seqDepth.has(view.decode(c).id));
            expect(unreached.filter((c) => g.indexOf(c) !== null)).toEqual([]);
            // triggers: exact counts, a first witness of minimal depth
            expect(par.triggers.map((t) => [t.invariant, t.count])).toEqual(seq.triggers.map((t) => [t.invariant, t.count]));
            expect(par.triggers.map((t) => (t.first === null ? null : g.depthOf(t.first)))).toEqual(
              seq.triggers.map((t) => (t.first === null ? null : seq.graph.depthOf(t.first))),
            );
            // violations: the same invariants, each at a state of minimal depth that violates it, with a shortest trace
            expect(par.violations.map((x) => [x.invariant, x.invariantIndex, x.depth]).sort()).toEqual(
              seq.violations.map((x) => [x.invariant, x.invariantIndex, x.depth]).sort(),
            );
            for (const x of par.violations) {
              const trace = g.traceTo(x.state);
              expect(trace.length - 1).toBe(x.depth);
              expect(replayTrace(view, trace).ok).toBe(true);
              expect(invariants[x.invariantIndex].holds(g.readState(x.state))).toBe(false);
            }
            // edges: CSR, the same out-edges per state, the same EF answers
            const e = g.edges!;
            expect(e.count).toBe(par.stats.transitions);
            expect(e.firstEdge(g.stateCount)).toBe(e.count);
            expect(edgesById(par, ids)).toEqual(seqEdges);
            const can = canReach(e, Uint8Array.from(ids, (id) => (goal(id) ? 1 : 0)));
            expect(byId(ids, (i) => can[i])).toEqual(byId(seqIds, (i) => seqCan[i]));
            expect(Array.from(par.counters)).toEqual([]);
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 600_000);

  it("'stop' mode: stops at a violation of minimal depth, with replayable shortest traces", async () => {
    await fc.assert(
      fc.asyncProperty(systemSpecArb, async (spec: SystemSpec) => {
        const args: RandomSourceArgs = { spec };
        const { system: view, invariants } = createSystem(args);
        const seq = explore(view, { invariants });
        for (const workers of [1, 2, 3]) {
          const par = await harness.run(FIXTURE, args, { workers });
          if (seq.violations.length === 0) {
            expect(par.complete).toBe(true);
            expect(par.violations).toEqual([]);
            expect(par.stats.states).toBe(seq.stats.states);
            continue;
          }
          expect(par.complete).toBe(false);
          expect(par.stopReason).toBe('violation');
          expect(par.violations.length).toBeGreaterThan(0);
          for (const x of par.violations) {
            expect(x.depth).toBe(seq.violations[0].depth);
            const trace = par.graph.traceTo(x.state);
            expect(trace.length - 1).toBe(x.depth);
            expect(replayTrace(view, trace).ok).toBe(true);
            expect(invariants[x.invariantIndex].holds(par.graph.readState(x.state))).toBe(false);
          }
        }
      }),
      { numRuns: 25 },
    );
  }, 600_000);

  it('targets-only edges: the same EF answers as the sequential run; labels are refused', async () => {
    const specs = fc.sample(systemSpecArb.filter((s) => s.initial.length > 0), { numRuns: 10, seed: 42 });
    for (const spec of specs) {
      const args: RandomSourceArgs = { spec, invariants: false };
      const { system: view } = createSystem(args);
      const seq = explore(view, { recordEdges: 'targets' });
      const seqIds = idsOf(seq, (w) => view.decode(w));
      const goal = (id: number) => id % 5 === 0;
      const seqCan = canReach(seq.graph.edges!, Uint8Array.from(seqIds, (id) => (goal(id) ? 1 : 0)));
      const par = await harness.run(FIXTURE, args, { workers: 2, recordEdges: 'targets' });
      expect(par.stats.transitions).toBe(seq.stats.transitions);
      const ids = idsOf(par, (w) => view.decode(w));
      const e = par.graph.edges!;
      expect(e.labelled).toBe(false);
      expect(e.count).toBe(seq.stats.transitions);
      if (e.count > 0) expect(() => e.label(0)).toThrow(/without labels/);
      const can = canReach(e, Uint8Array.from(ids, (id) => (goal(id) ? 1 : 0)));
      expect(byId(ids, (i) => can[i])).toEqual(byId(seqIds, (i) => seqCan[i]));
    }
  }, 300_000);
});
