import type { TransitionSystem } from '../../../checker/index.js';

/*
 * The random systems' data and their readable view, without fast-check (so
 * that worker threads of the parallel tests can load them cheaply); the
 * arbitraries are in random-system.ts, which re-exports all of this.
 */

/**
 * A random transition system as plain data. States are ids 0..n-1; each id
 * has a distinct code of `words` uint32 words (the bits of the id are spread
 * over the words, each word scrambled), so equality needs every word.
 */
export interface SystemSpec {
  readonly n: number;
  readonly words: number;
  readonly labelCount: number;
  readonly codes: readonly Uint32Array[];
  readonly edges: ReadonlyArray<readonly [number, number, number]>;
  readonly initial: readonly number[];
  /** One list of "bad" ids per invariant. */
  readonly bad: ReadonlyArray<readonly number[]>;
  readonly terminal: readonly number[];
}

export interface IdState {
  readonly id: number;
}

const key = (words: ArrayLike<number>) => Array.prototype.join.call(words, ',');

/** The spec as a readable TransitionSystem over `{ id }` states, labels `l0`, `l1`, ... */
export function toTransitionSystem(spec: SystemSpec): TransitionSystem<IdState, string> {
  const byCode = new Map<string, number>();
  spec.codes.forEach((c, id) => byCode.set(key(c), id));
  const out: Array<Array<readonly [string, IdState]>> = Array.from({ length: spec.n }, () => []);
  for (const [s, l, d] of spec.edges) out[s].push([`l${l}`, { id: d }]);
  const terminal = new Set(spec.terminal);
  return {
    encoding: {
      words: spec.words,
      encode: (s, words) => words.set(spec.codes[s.id]),
      decode: (words) => {
        const id = byCode.get(key(words.subarray(0, spec.words)));
        if (id === undefined) throw new Error(`no state has code ${key(words)}`);
        return { id };
      },
    },
    labels: Array.from({ length: spec.labelCount }, (_, l) => `l${l}`),
    labelName: (l) => l,
    initialStates: () => spec.initial.map((id) => ({ id })),
    successors: (s) => out[s.id],
    isTerminal: (s) => terminal.has(s.id),
  };
}

/** The spec's invariants over readable states: invariant k fails on the ids of bad[k]. */
export function readableInvariants(spec: SystemSpec): Array<{ name: string; holds: (s: IdState) => boolean }> {
  return spec.bad.map((ids, k) => {
    const bad = new Set(ids);
    return { name: `inv${k}`, holds: (s: IdState) => !bad.has(s.id) };
  });
}
