import fc from 'fast-check';
import type { LabelId, PackedSystem, StateSymmetry, SuccessorSink } from '../../../checker/index.js';

/**
 * Random systems of K identical processes and one shared variable, written
 * only for these tests: one word per process (its local state), then the
 * shared word. Every process follows the same table: from (local, shared)
 * to each listed (local', shared'). `extra` gives process 0 one move the
 * others lack (an asymmetric variant).
 */
export interface ProcSpec {
  readonly k: number;
  readonly locals: number;
  readonly shared: number;
  /** moves[local * shared + sh]: the (local', shared') pairs. */
  readonly moves: readonly (readonly [number, number])[][];
  readonly initialLocals: readonly number[];
  readonly extra: boolean;
}

export const procSpecArb: fc.Arbitrary<ProcSpec> = fc
  .record({ k: fc.integer({ min: 2, max: 3 }), locals: fc.integer({ min: 2, max: 4 }), shared: fc.integer({ min: 1, max: 3 }), extra: fc.boolean() })
  .chain(({ k, locals, shared, extra }) =>
    fc.record({
      k: fc.constant(k),
      locals: fc.constant(locals),
      shared: fc.constant(shared),
      extra: fc.constant(extra),
      moves: fc.array(fc.array(fc.tuple(fc.nat({ max: locals - 1 }), fc.nat({ max: shared - 1 })), { maxLength: 2 }), {
        minLength: locals * shared,
        maxLength: locals * shared,
      }),
      initialLocals: fc.array(fc.nat({ max: locals - 1 }), { minLength: k, maxLength: k }),
    }),
  );

export function procSystem(spec: ProcSpec): PackedSystem {
  const { k, shared } = spec;
  const labelNames: string[] = [];
  for (let i = 0; i < k; i++) for (let m = 0; m < 2; m++) labelNames.push(`move(#${i},${m})`);
  labelNames.push('extra(#0)');
  return {
    stateWords: k + 1,
    labelNames,
    initial(sink: SuccessorSink) {
      spec.initialLocals.forEach((v, i) => (sink.out[i] = v));
      sink.out[k] = 0;
      sink.emit(0 as LabelId);
    },
    successors(state: Uint32Array, sink: SuccessorSink) {
      for (let i = 0; i < k; i++) {
        const list = spec.moves[state[i] * shared + (state[k] % shared)];
        list.forEach(([local, sh], m) => {
          sink.out.set(state);
          sink.out[i] = local;
          sink.out[k] = sh;
          sink.emit((i * 2 + m) as LabelId);
        });
      }
      // the only move that sets the shared word to `shared`: its successors form orbits of their own
      if (spec.extra && state[0] === 0) {
        sink.out.set(state);
        sink.out[k] = shared;
        sink.emit((k * 2) as LabelId);
      }
    },
  };
}

/** Permutations of the processes; element 0 the identity. */
export function perms(k: number): number[][] {
  return k === 2 ? [[0, 1], [1, 0]] : [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];
}

/** Sorting the local states is a canonical form of this symmetry (an implementation independent of leastImage). */
export function procSymmetry(k: number): StateSymmetry {
  const ps = perms(k);
  const find = (p: readonly number[]) => ps.findIndex((x) => x.every((v, i) => v === p[i]));
  const apply = (g: number, state: Uint32Array, out: Uint32Array) => {
    for (let i = 0; i < k; i++) out[ps[g][i]] = state[i];
    out[k] = state[k];
  };
  return {
    size: ps.length,
    apply,
    canonicalize(state) {
      // sort the locals, keeping where each came from: process i goes to its rank
      const order = Array.from({ length: k }, (_, i) => i).sort((a, b) => state[a] - state[b] || a - b);
      const rank = new Array<number>(k);
      order.forEach((from, to) => (rank[from] = to));
      const g = find(rank);
      const image = new Uint32Array(state.length);
      apply(g, state, image);
      state.set(image);
      return g;
    },
    compose: (a, b) => find(ps[b].map((to) => ps[a][to])),
    inverse: (a) => find(ps[a].map((_, i) => ps[a].indexOf(i))),
    // move(#i,m) is process i's; extra(#0) has no image (the symmetric systems never emit it)
    mapLabel: (g, l) => (l < 2 * k ? ps[g][l >> 1] * 2 + (l & 1) : l),
  };
}

/** The initial state of a system (it has one). */
export function initialOf(system: PackedSystem): Uint32Array {
  const out: Uint32Array[] = [];
  system.initial({ out: new Uint32Array(system.stateWords), emit() { out.push(this.out.slice()); } } as SuccessorSink);
  return out[0];
}
