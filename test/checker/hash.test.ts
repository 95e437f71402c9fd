import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explore, hashWords, type StateIndex } from '../../checker/index.js';
import { listBfsOrder, listSystem } from './support/list-system.js';
import { unhash1 } from './support/unhash.js';

function exploresAll(states: Uint32Array[], words: number): void {
  const order = listBfsOrder(states.length);
  for (const recordEdges of [false, true]) {
    const r = explore(listSystem(states, words), { recordEdges, initialCapacity: 1 });
    expect(r.complete).toBe(true);
    expect(r.stats.states).toBe(states.length);
    let wrong = 0;
    order.forEach((k, i) => {
      const got = r.graph.readState(i as StateIndex);
      if (got.join(',') !== states[k].join(',') || r.graph.indexOf(states[k]) !== i) wrong++;
    });
    expect(wrong).toBe(0);
  }
}

describe('hash', () => {
  it('is a bijection on one-word states (it has an inverse)', () => {
    fc.assert(
      fc.property(fc.nat(0xffffffff), (x) => {
        expect(unhash1(hashWords(Uint32Array.of(x), 0, 1))).toBe(x);
        expect(hashWords(Uint32Array.of(unhash1(x)), 0, 1)).toBe(x);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads only the given window of words', () => {
    const data = Uint32Array.of(9, 1, 2, 3, 9);
    expect(hashWords(data, 1, 3)).toBe(hashWords(Uint32Array.of(1, 2, 3), 0, 3));
  });
});

describe('colliding states are all kept', () => {
  it('one word: 3000 states crafted to share the low 16 bits of their hash, plus the zero-hash state', () => {
    const states = Array.from({ length: 3000 }, (_, k) => Uint32Array.of(unhash1(((k + 1) << 16) | 0x1234)));
    states.splice(1500, 0, Uint32Array.of(unhash1(0)));
    expect(hashWords(states[1500], 0, 1)).toBe(0);
    exploresAll(states, 1);
  });

  it('two words: genuine full 32-bit hash collisions found by a birthday search', () => {
    let seed = 12345;
    const rnd = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0);
    const byHash = new Map<number, Uint32Array>();
    const colliding: Uint32Array[] = [];
    while (colliding.length < 24) {
      const s = Uint32Array.of(rnd(), rnd());
      const h = hashWords(s, 0, 2);
      const other = byHash.get(h);
      if (other === undefined) byHash.set(h, s);
      else if (other.join() !== s.join()) colliding.push(other, s);
    }
    for (let k = 0; k < colliding.length; k += 2) expect(hashWords(colliding[k], 0, 2)).toBe(hashWords(colliding[k + 1], 0, 2));
    // states equal in one word and different in the other, in both positions
    const sameFirst = Array.from({ length: 200 }, (_, k) => Uint32Array.of(7, k));
    const sameSecond = Array.from({ length: 200 }, (_, k) => Uint32Array.of(k + 1000, 7));
    exploresAll([...colliding, ...sameFirst, ...sameSecond], 2);
  });

  it('four words: states sharing the low 12 bits of their hash', () => {
    const states: Uint32Array[] = [];
    for (let x = 0; states.length < 400; x++) {
      const s = Uint32Array.of(x, x ^ 0xffff, 3, x >>> 3);
      if ((hashWords(s, 0, 4) & 0xfff) === 0xabc) states.push(s);
    }
    exploresAll(states, 4);
  });
});
