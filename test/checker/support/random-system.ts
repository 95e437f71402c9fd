import fc from 'fast-check';
import type { SystemSpec } from './random-spec.js';

export { readableInvariants, toTransitionSystem, type IdState, type SystemSpec } from './random-spec.js';

/** mulberry32: a small deterministic PRNG for building big systems from one seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Raw {
  n: number;
  words: number;
  labelCount: number;
  bitOwner: number[];
  mult: number[];
  salt: number[];
  edges: Array<readonly [number, number, number]>;
  initial: number[];
  bad: number[][];
  terminal: number[];
}

const encodingParts = {
  words: fc.integer({ min: 1, max: 4 }),
  labelCount: fc.integer({ min: 1, max: 6 }),
  bitOwner: fc.array(fc.nat(3), { minLength: 12, maxLength: 12 }),
  mult: fc.array(fc.integer({ min: 0, max: 0x7fffffff }), { minLength: 4, maxLength: 4 }),
  salt: fc.array(fc.nat(0xffffffff), { minLength: 4, maxLength: 4 }),
};

/** Small systems written out edge by edge (shrinks well). */
const small: fc.Arbitrary<Raw> = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    ...encodingParts,
    edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(5), fc.nat(n - 1)), { maxLength: 40, size: 'max' }),
    initial: fc.array(fc.nat(n - 1), { maxLength: 3 }),
    bad: fc.array(fc.array(fc.nat(n - 1), { maxLength: 3 }), { maxLength: 3 }),
    terminal: fc.array(fc.nat(n - 1), { maxLength: 4 }),
  }),
);

/**
 * Big systems (up to 3000 states) built from a seed: on average `degree`
 * edges per state, a `local` fraction of them to a nearby id (long paths,
 * deep BFS), the rest to any id; a few initial states, sparse bad sets.
 */
const big: fc.Arbitrary<Raw> = fc
  .record({
    n: fc.integer({ min: 13, max: 3000 }),
    ...encodingParts,
    degree: fc.double({ min: 0.5, max: 4, noNaN: true }),
    local: fc.double({ min: 0, max: 1, noNaN: true }),
    initialCount: fc.integer({ min: 0, max: 5 }),
    invariantCount: fc.integer({ min: 0, max: 4 }),
    badRate: fc.double({ min: 0, max: 0.02, noNaN: true }),
    terminalRate: fc.double({ min: 0, max: 0.5, noNaN: true }),
    seed: fc.nat(),
  })
  .map((p) => {
    const rnd = prng(p.seed);
    const pick = (k: number) => Math.floor(rnd() * k);
    const edges: Array<readonly [number, number, number]> = [];
    const m = Math.round(p.n * p.degree);
    for (let e = 0; e < m; e++) {
      const s = pick(p.n);
      const d = rnd() < p.local ? (((s + pick(12) - 3) % p.n) + p.n) % p.n : pick(p.n);
      edges.push([s, pick(6), d]);
    }
    const subset = (rate: number) => Array.from({ length: p.n }, (_, id) => id).filter(() => rnd() < rate);
    return {
      n: p.n,
      words: p.words,
      labelCount: p.labelCount,
      bitOwner: p.bitOwner,
      mult: p.mult,
      salt: p.salt,
      edges,
      initial: Array.from({ length: p.initialCount }, () => pick(p.n)),
      bad: Array.from({ length: p.invariantCount }, () => subset(p.badRate)),
      terminal: subset(p.terminalRate),
    };
  });

const raw = fc.oneof(small, big);

/** fast-check arbitrary of random systems (up to 3000 states, 1..4 words, 1..6 labels). */
export const systemSpecArb: fc.Arbitrary<SystemSpec> = raw.map((r) => {
  const codes: Uint32Array[] = [];
  for (let id = 0; id < r.n; id++) {
    const chunks = new Array<number>(r.words).fill(0);
    const widths = new Array<number>(r.words).fill(0);
    for (let b = 0; b < 12; b++) {
      const owner = r.bitOwner[b] % r.words;
      chunks[owner] |= ((id >>> b) & 1) << widths[owner]++;
    }
    const code = new Uint32Array(r.words);
    // odd multiplier: a bijection on uint32, so distinct chunks stay distinct
    for (let k = 0; k < r.words; k++) code[k] = (Math.imul(chunks[k], 2 * r.mult[k] + 1) + r.salt[k]) >>> 0;
    codes.push(code);
  }
  return {
    n: r.n,
    words: r.words,
    labelCount: r.labelCount,
    codes,
    edges: r.edges.map(([s, l, d]) => [s, l % r.labelCount, d] as const),
    initial: r.initial,
    bad: r.bad,
    terminal: r.terminal,
  };
});
