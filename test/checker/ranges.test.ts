import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rangeContaining } from '../../checker/ranges.js';

describe('rangeContaining', () => {
  it('is the last range whose start is at most v, as a scan finds it (empty ranges and values before the first start included)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(5), { minLength: 1, maxLength: 30 }), fc.nat(160), (gaps, v) => {
        const starts: number[] = [];
        gaps.reduce((at, g) => (starts.push(at + g), at + g), 0);
        let expected = 0;
        for (let i = 0; i < starts.length; i++) if (starts[i] <= v) expected = i;
        expect(rangeContaining((i) => starts[i], starts.length, v)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});
