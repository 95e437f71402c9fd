import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteBudget } from '../../checker/budget.js';
import { CHUNK_STATES } from '../../checker/columns.js';
import { hashWords } from '../../checker/hash.js';
import { ABSENT, NO_PARENT, PRESENT, StateStore } from '../../checker/store.js';

/** Inserts `states` (words each) into a fresh store, as the explorer does; returns the store. */
function fill(words: number, states: Uint32Array[], needIndex: boolean, capacity = 1): StateStore {
  const store = StateStore.create(words, 3, capacity, needIndex, new ByteBudget(Infinity))!;
  for (const s of states) {
    const h = hashWords(s, 0, words);
    if (store.find(s, 0, h) !== ABSENT) continue;
    store.insert(s, 0, h, store.count === 0 ? NO_PARENT : store.count - 1, store.count % 3);
    if (!store.ensureRoom()) throw new Error('ensureRoom refused with an unlimited budget');
  }
  return store;
}

const key = (s: Uint32Array) => s.join(',');

describe('StateStore', () => {
  it('keeps every distinct state, in first-insertion order, whatever the width and layout', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        fc.array(fc.array(fc.nat(7), { minLength: 4, maxLength: 4 }), { maxLength: 400 }),
        fc.nat(0xffffffff),
        (words, needIndex, raw, salt) => {
          // few distinct values per word: many states share words, differing in one position
          const states = raw.map((r) => Uint32Array.from(r.slice(0, words), (v, k) => (v * 0x10001 + (k === 0 ? salt : 0)) >>> 0));
          const store = fill(words, states, needIndex);
          const order: string[] = [];
          for (const s of states) if (!order.includes(key(s))) order.push(key(s));
          expect(store.count).toBe(order.length);
          const out = new Uint32Array(words);
          order.forEach((k, i) => {
            expect(key(store.read(i, out))).toBe(k);
            expect(store.indexOf(out)).toBe(i);
            expect(store.parentOf(i)).toBe(i === 0 ? NO_PARENT : i - 1);
            expect(store.labelOf(i)).toBe(i % 3);
          });
          const found = store.find(states[0] ?? new Uint32Array(words), 0, hashWords(states[0] ?? new Uint32Array(words), 0, words));
          if (states.length > 0) expect(found).toBe(needIndex || words > 1 ? 0 : PRESENT);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('grows past several chunks from a capacity of one, in both layouts', () => {
    for (const needIndex of [false, true]) {
      const n = 3 * CHUNK_STATES + 123;
      const states = Array.from({ length: n }, (_, i) => Uint32Array.of(Math.imul(i, 0x9e3779b1) >>> 0));
      const store = fill(1, states, needIndex);
      expect(store.count).toBe(n);
      expect(store.columns.states.length).toBe(4);
      let wrong = 0;
      for (let i = 0; i < n; i += 7) if (store.indexOf(states[i]) !== i || store.wordOf(i, 0) !== states[i][0]) wrong++;
      expect(wrong).toBe(0);
      expect(store.indexOf(Uint32Array.of(0x12345678 ^ states[5][0]))).toBe(-1);
    }
  });

  it('ensureRoom fails cleanly when the budget is spent, leaving the store usable', () => {
    const budget = new ByteBudget(4_000);
    const store = StateStore.create(1, 3, 1, true, budget)!;
    let inserted = 0;
    for (let i = 0; i < 10_000; i++) {
      const s = Uint32Array.of(i);
      const h = hashWords(s, 0, 1);
      expect(store.find(s, 0, h)).toBe(ABSENT);
      store.insert(s, 0, h, NO_PARENT, 0);
      inserted++;
      if (!store.ensureRoom()) break;
    }
    expect(inserted).toBeLessThan(10_000);
    expect(budget.used).toBeLessThanOrEqual(4_000);
    expect(store.bytes).toBe(budget.used);
    for (let i = 0; i < inserted; i++) expect(store.indexOf(Uint32Array.of(i))).toBe(i);
  });
});
