import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Layout } from '../../model/layout.js';
import { PARAM_SPECS, type Params } from '../../model/params.js';

const paramsArb = fc.record(Object.fromEntries(PARAM_SPECS.map((s) => [s.key, fc.integer({ min: s.min, max: s.max })]))) as fc.Arbitrary<Params>;

describe('packed state layout', () => {
  it('decode(encode(fields)) returns the fields for every in-range value', () => {
    fc.assert(
      fc.property(paramsArb, fc.infiniteStream(fc.nat()), (params, noise) => {
        const layout = new Layout(params);
        const fields = new Int32Array(layout.size);
        const it = noise[Symbol.iterator]();
        // fill each field with a value within its declared range: the encode mask is the width
        const probe = new Int32Array(layout.size).fill(-1);
        const words = new Uint32Array(layout.words);
        layout.encode(probe, words);
        layout.decode(words, probe); // probe now holds each field's all-ones mask
        for (let k = 0; k < layout.size; k++) fields[k] = (it.next().value as number) % (probe[k] + 1);
        layout.encode(fields, words);
        const back = new Int32Array(layout.size);
        layout.decode(words, back);
        expect(Array.from(back)).toEqual(Array.from(fields));
      }),
    );
  });
  it('the default two-system state fits in three words', () => {
    expect(new Layout({ systems: 2, buffer: 2, trace: 2, pages: 2, values: 2, faults: 2 }).words).toBe(3);
  });
});
