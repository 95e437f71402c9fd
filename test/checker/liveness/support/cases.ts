import fc from 'fast-check';
import { FlatEdgeGraph } from '../../../../checker/edge-graph.js';
import type { FairnessConstraint } from '../../../../checker/liveness/index.js';

/**
 * A small liveness problem as plain data. `triples` are sorted by source,
 * so edge id k of the FlatEdgeGraph is `triples[k]`.
 */
export interface LiveCase {
  readonly n: number;
  readonly labelCount: number;
  readonly triples: ReadonlyArray<readonly [number, number, number]>;
  readonly initial: number[];
  readonly fairness: FairnessConstraint[];
  /** Random masks, read as P, Q (or sources, region, accept). */
  readonly p: Uint8Array;
  readonly q: Uint8Array;
  readonly r: Uint8Array;
  readonly level: Uint32Array | null;
}

/** A mask of density 1/4, 1/2 or 3/4 (or 0, if `empty`: Q empty, the region is everything). */
const mask = (n: number, empty = false) =>
  fc
    .tuple(fc.integer({ min: empty ? 0 : 1, max: 3 }), fc.array(fc.nat(3), { minLength: n, maxLength: n }))
    .map(([density, xs]) => Uint8Array.from(xs, (x) => Number(x < density)));

/** 0 -> 1 -> ... -> n-1 -> 0 on label 0: big components, where refinement has work to do. */
const ringEdges = (n: number) => Array.from({ length: n }, (_, s) => [s, 0, (s + 1) % n] as const);

const edgeLabel = (labelCount: number) =>
  fc.oneof({ weight: 2, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.nat(labelCount - 1) });

/**
 * Up to `maxStates` states, 1..4 labels, up to 3 fairness constraints, random
 * masks and levels, often a ring through every state. Edge labels lean
 * towards label 0 and constraints towards one other label, so that a family
 * is often enabled in a component without being taken inside it (what
 * strong fairness refines on).
 */
function genericCaseArb(maxStates: number): fc.Arbitrary<LiveCase> {
  return fc
    .record({ n: fc.integer({ min: 1, max: maxStates }), labelCount: fc.integer({ min: 1, max: 4 }) })
    .chain(({ n, labelCount }) =>
      fc.record({
        n: fc.constant(n),
        labelCount: fc.constant(labelCount),
        triples: fc
          .tuple(fc.boolean(), fc.array(fc.tuple(fc.nat(n - 1), edgeLabel(labelCount), fc.nat(n - 1)), { maxLength: 3 * n, size: 'max' }))
          .map(([ring, t]) => [...(ring ? ringEdges(n) : []), ...t].sort((a, b) => a[0] - b[0])),
        initial: fc.array(fc.nat(n - 1), { minLength: 1, maxLength: 3 }),
        fairness: fc.array(
          fc.record({
            kind: fc.constantFrom<'weak' | 'strong'>('weak', 'strong'),
            name: fc.constant('f'),
            labels: fc.oneof(
              { weight: 3, arbitrary: fc.integer({ min: Math.min(1, labelCount - 1), max: labelCount - 1 }).map((l) => Uint8Array.from({ length: labelCount }, (_, k) => Number(k === l))) },
              { weight: 1, arbitrary: mask(labelCount) },
            ),
          }),
          { maxLength: 3 },
        ),
        p: mask(n),
        q: mask(n, true),
        r: mask(n),
        level: fc.option(fc.array(fc.nat(2), { minLength: n, maxLength: n }).map((l) => Uint32Array.from(l)), { nil: null }),
      }),
    );
}

/**
 * Components with exits: label-0 edges among random states, exit edges on
 * labels 1..3 (mostly to the one Q state, n-1), fairness on single exit
 * labels. A strong exit family is enabled at the states with an exit and
 * taken inside a component only if some exit stays in it: refinement cuts
 * components into pieces, nested when there are several families.
 */
const exitTarget = (n: number) => fc.oneof({ weight: 3, arbitrary: fc.constant(n - 1) }, { weight: 1, arbitrary: fc.nat(n - 1) });

function exitCaseArb(maxStates: number): fc.Arbitrary<LiveCase> {
  return fc.integer({ min: 2, max: maxStates }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      labelCount: fc.constant(4),
      triples: fc
        .tuple(
          fc.array(fc.tuple(fc.nat(n - 1), fc.constant(0), fc.nat(n - 1)), { minLength: n, maxLength: 3 * n }),
          fc.array(fc.tuple(fc.nat(n - 1), fc.integer({ min: 1, max: 3 }), exitTarget(n)), { maxLength: n }),
        )
        .map(([inner, out]) => [...inner, ...out].sort((a, b) => a[0] - b[0])),
      initial: fc.array(fc.nat(n - 1), { minLength: 1, maxLength: 2 }),
      fairness: fc.array(
        fc.record({
          kind: fc.constantFrom<'weak' | 'strong'>('strong', 'strong', 'weak'),
          name: fc.constant('f'),
          labels: fc.integer({ min: 1, max: 3 }).map((l) => Uint8Array.from({ length: 4 }, (_, k) => Number(k === l))),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      p: mask(n),
      q: fc.constant(Uint8Array.from({ length: n }, (_, s) => Number(s === n - 1))),
      r: mask(n),
      level: fc.constant(null),
    }),
  );
}

/** Random liveness problems of up to `maxStates` states, of both shapes. */
export function liveCaseArb(maxStates = 8): fc.Arbitrary<LiveCase> {
  return fc
    .oneof(genericCaseArb(maxStates), exitCaseArb(maxStates))
    .map((c) => ({ ...c, fairness: c.fairness.map((f, j) => ({ ...f, name: `f${j}` })) }));
}

export function graphOf(c: LiveCase): FlatEdgeGraph {
  return FlatEdgeGraph.fromTriples(c.n, c.labelCount, c.triples);
}

export const not = (m: Uint8Array) => m.map((x) => (x === 0 ? 1 : 0));
export const all = (n: number) => new Uint8Array(n).fill(1);
