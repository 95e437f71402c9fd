import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  concretizeTrace, explore, leastImage, quotientSystem, replayTrace, successorsOf, symmetryDefect, taggedQuotientSystem,
  type LabelId, type PackedSystem, type StateSymmetry, type SuccessorSink,
} from '../../checker/index.js';
import { coverEdges, coverState, splitTags } from '../../checker/symmetry-cover.js';
import { leadsTo, type FairnessConstraint } from '../../checker/liveness/index.js';
import type { EdgeGraph } from '../../checker/edge-graph.js';
import { initialOf, procSpecArb, procSymmetry, procSystem, type ProcSpec } from './support/proc-system.js';

/** Every reachable state by a naive BFS (string keys). */
function reachable(system: PackedSystem): Uint32Array[] {
  const seen = new Set<string>();
  const out: Uint32Array[] = [];
  const push = (s: Uint32Array) => {
    const key = s.join(',');
    if (!seen.has(key)) (seen.add(key), out.push(s.slice()));
  };
  const collect: SuccessorSink = { out: new Uint32Array(system.stateWords), emit: () => push(collect.out) };
  system.initial(collect);
  for (let at = 0; at < out.length; at++) system.successors(out[at], collect);
  return out;
}

const tooMany = (spec: ProcSpec) => (i: Uint32Array) => {
  let c = 0;
  for (let j = 0; j < spec.k; j++) if (i[j] === spec.locals - 1) c++;
  return c < 2;
};

describe('symmetry reduction on random systems of identical processes', () => {
  const symmetric = procSpecArb.map((s) => ({ ...s, extra: false }));

  it('stores exactly one state per orbit of the reachable states (orbits by brute force)', () => {
    fc.assert(
      fc.property(symmetric, (spec) => {
        const system = procSystem(spec);
        const sym = procSymmetry(spec.k);
        const brute = leastImage(sym.size, system.stateWords, sym.apply);
        const orbits = new Set(reachable(system).map((s) => {
          const c = s.slice();
          brute(c);
          return c.join(',');
        }));
        const r = explore(quotientSystem(system, sym));
        expect(r.complete).toBe(true);
        expect(r.stats.states).toBe(orbits.size);
      }),
      { numRuns: 80 },
    );
  });

  it('the canonical form is leastImage: the least image in word order', () => {
    fc.assert(
      fc.property(symmetric, (spec) => {
        const system = procSystem(spec);
        const sym = procSymmetry(spec.k);
        const brute = leastImage(sym.size, system.stateWords, sym.apply);
        for (const s of reachable(system)) {
          const a = s.slice(), b = s.slice();
          sym.canonicalize(a);
          brute(b);
          expect(Array.from(a)).toEqual(Array.from(b));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('gives the verdict, shortest depth and deadlocks of the plain run; its traces replay on the plain system and end in the stored state', () => {
    fc.assert(
      fc.property(symmetric, (spec) => {
        const system = procSystem(spec);
        const sym = procSymmetry(spec.k);
        const invariants = [{ name: 'at-most-one-last', holds: tooMany(spec) }];
        // complete runs: a run stopped at its first violation has expanded a prefix that depends on the store's order
        const plain = explore(system, { invariants, onViolation: 'continue' });
        const reduced = explore(quotientSystem(system, sym), { invariants, onViolation: 'continue' });
        expect(reduced.violations.length).toBe(plain.violations.length);
        expect(reduced.deadlockCount > 0).toBe(plain.deadlockCount > 0);
        if (plain.violations.length === 0) return;
        expect(reduced.violations[0].depth).toBe(plain.violations[0].depth);
        const stored = reduced.graph.readState(reduced.violations[0].state);
        const trace = concretizeTrace(system, sym, reduced.graph.traceTo(reduced.violations[0].state));
        expect(trace.length).toBe(plain.violations[0].depth + 1);
        expect(replayTrace(system, trace).ok).toBe(true);
        const last = trace[trace.length - 1].state;
        expect(tooMany(spec)(last)).toBe(false);
        const c = last.slice();
        sym.canonicalize(c);
        expect(Array.from(c)).toEqual(Array.from(stored));
        // the initial state here is not always symmetric: where it is, the trace ends in the stored state itself
        if (spec.initialLocals.every((v) => v === spec.initialLocals[0])) expect(Array.from(last)).toEqual(Array.from(stored));
      }),
      { numRuns: 80 },
    );
  });

  it('symmetryDefect finds nothing in a symmetric system and a state in one where process 0 has a move of its own', () => {
    fc.assert(
      fc.property(procSpecArb, (spec) => {
        const system = procSystem(spec);
        const defect = symmetryDefect(system, procSymmetry(spec.k));
        const mixed = (st: Uint32Array) => {
          const locals = Array.from(st.subarray(0, spec.k));
          return locals.includes(0) && locals.some((v) => v !== 0);
        };
        // process 0's own move tells the processes apart exactly where some are in local 0 and some are not
        expect(defect !== null).toBe(spec.extra && reachable(system).some(mixed));
        if (defect !== null) expect(mixed(defect.state)).toBe(true);
      }),
      { numRuns: 80 },
    );
  });
});

describe('the unfolding of a symmetry-reduced run (liveness under fairness per process)', () => {
  const symmetric = procSpecArb.map((s) => ({ ...s, extra: false, initialLocals: s.initialLocals.map(() => s.initialLocals[0]) }));
  const query = fc.record({ a: fc.nat({ max: 3 }), b: fc.nat({ max: 3 }), strong: fc.boolean() });

  /** The states of `graph` (0 .. n-1) as words, by the given reader. */
  const masks = (n: number, read: (v: number) => Uint32Array, f: (s: Uint32Array) => boolean) => Uint8Array.from({ length: n }, (_, v) => (f(read(v)) ? 1 : 0));

  it('is the system\'s own graph: a node per reachable state, whose edges are its real successors, labels and all', () => {
    fc.assert(
      fc.property(symmetric, (spec) => {
        const system = procSystem(spec);
        const sym = procSymmetry(spec.k);
        const raw = explore(taggedQuotientSystem(system, sym), { recordEdges: 'labelled' });
        const { result, tags } = splitTags(raw, system.labelNames.length);
        const g = result.graph;
        expect(result.coverage.firings.length).toBe(system.labelNames.length);
        const read = (q: number, out: Uint32Array) => g.readState(q as never, out);
        const cover = coverEdges(g.edges!, tags!, sym, read, 1, [initialOf(system)], system.stateWords);
        const e = cover.edges;
        const scratch = new Uint32Array(system.stateWords);
        const stateOf = (v: number) => coverState(sym, cover, read, v, scratch, new Uint32Array(system.stateWords));
        for (let v = 0; v < e.stateCount; v++) {
          const mine = [];
          for (let k = e.firstEdge(v); k < e.firstEdge(v + 1); k++) mine.push(`${e.label(k)}:${stateOf(e.target(k)).join(',')}`);
          const real = successorsOf(system, stateOf(v)).map((m) => `${m.label}:${m.state.join(',')}`);
          expect(mine.sort()).toEqual(real.sort());
        }
        // one node per reachable state of the system, none twice
        const nodes = Array.from({ length: e.stateCount }, (_, v) => stateOf(v).join(','));
        expect(new Set(nodes).size).toBe(nodes.length);
        expect(nodes.sort()).toEqual(reachable(system).map((x) => x.join(',')).sort());
      }),
      { numRuns: 60 },
    );
  });

  it('gives every leads-to verdict of the plain graph and its shortest stem, under weak or strong fairness per process; its lassos are paths of the system', () => {
    fc.assert(
      fc.property(symmetric, query, (spec, { a, b, strong }) => {
        const system = procSystem(spec);
        const sym = procSymmetry(spec.k);
        const words = system.stateWords;
        const fairness: FairnessConstraint[] = Array.from({ length: spec.k }, (_, i) => ({
          kind: strong ? 'strong' : 'weak', name: `proc ${i}`, labels: Uint8Array.from(system.labelNames, (_, l) => (l < 2 * spec.k && l >> 1 === i ? 1 : 0)),
        }));
        // process 0's local reaches b after it is a (per-process: the plain graph is asked for process 0)
        const p = (s: Uint32Array) => s[0] === a % spec.locals;
        const q = (s: Uint32Array) => s[0] === b % spec.locals;
        const plain = explore(system, { recordEdges: 'labelled' });
        const pg = plain.graph;
        const pr = (v: number) => pg.readState(v as never);
        const expected = leadsTo(pg.edges!, [0], masks(pg.stateCount, pr, p), masks(pg.stateCount, pr, q), fairness);

        const { result, tags } = splitTags(explore(taggedQuotientSystem(system, sym), { recordEdges: 'labelled' }), system.labelNames.length);
        const g = result.graph;
        const read = (x: number, out: Uint32Array) => g.readState(x as never, out);
        const cover = coverEdges(g.edges!, tags!, sym, read, 1, [initialOf(system)], words);
        const scratch = new Uint32Array(words);
        const cr = (v: number) => coverState(sym, cover, read, v, scratch, new Uint32Array(words));
        const got = leadsTo(cover.edges, cover.initial, masks(cover.edges.stateCount, cr, p), masks(cover.edges.stateCount, cr, q), fairness);
        expect(got.holds).toBe(expected.holds);
        if (got.holds || expected.holds) return;
        expect(got.loopStart).toBe(expected.loopStart);
        isRealPath(system, cover.edges, got.states, got.edges, cr);
      }),
      {
        numRuns: 150,
        // an initial state fixed by the swap, whose fair cycle a node per element would enter only through its other copy (a stem one step longer)
        examples: [[{ k: 2, locals: 3, shared: 3, extra: false, moves: [[], [], [[2, 0]], [[0, 1]], [[1, 2]], [[0, 0]], [[1, 0]], [[0, 0]], []], initialLocals: [1, 1] }, { a: 2, b: 0, strong: false }]],
      },
    );
  });
});


function isRealPath(system: PackedSystem, e: EdgeGraph, states: readonly number[], edges: readonly number[], read: (v: number) => Uint32Array): void {
  expect(Array.from(read(states[0]))).toEqual(Array.from(initialOf(system)));
  for (let k = 0; k < edges.length; k++) {
    const from = read(states[k]), to = read(states[k + 1]);
    const label = e.label(edges[k]);
    expect(successorsOf(system, from).some((m) => m.label === label && m.state.every((w, j) => w === to[j]))).toBe(true);
  }
}
