/**
 * The liveness predicates as generated call sites (properties/predicate-calls.ts)
 * against calling each property's functions directly, on the reachable
 * states of the N = 2 defaults; and the trigger counts a check reports
 * against a count made here.
 */
import { describe, expect, it } from 'vitest';
import { explore } from '../../checker/index.js';
import { FtModel } from '../../model/ft-model.js';
import { DEFAULT_PARAMS } from '../../model/params.js';
import { defaultReadings } from '../../model/readings.js';
import { selectProperties, runCheck } from '../../properties/verify.js';
import { isLiveness, type LivenessProperty } from '../../properties/kinds.js';
import { bitsOf, valuesOf, type PredicateCall } from '../../properties/predicate-calls.js';
import { StateAccess } from '../../properties/state-access.js';

const params = { ...DEFAULT_PARAMS, faults: 1 };
const model = new FtModel(params, defaultReadings());
const liveness = selectProperties(undefined).filter(isLiveness) as LivenessProperty[];
const calls: PredicateCall[] = liveness.flatMap((property): PredicateCall[] =>
  property.kind === 'leads-to'
    ? [0, 1].flatMap((system) => [{ property, which: 'p' as const, system }, { property, which: 'q' as const, system }])
    : [{ property, which: 'p' as const, system: 0 }],
);
const direct = (c: PredicateCall, v: StateAccess): boolean =>
  c.property.kind === 'leads-to' ? (c.which === 'p' ? c.property.p(v, c.system) : c.property.q(v, c.system)) : c.property.p(v);

describe('generated predicate calls', () => {
  const graph = explore(model).graph;
  const access = new StateAccess(model);

  it('give each predicate its own value, as bits of a word and as values', () => {
    // more calls than a word holds: the same predicates twice
    const many = [...calls, ...calls];
    const word = bitsOf(many.slice(0, 32));
    const values = valuesOf(many);
    const out = new Uint8Array(many.length);
    let seen = 0;
    for (let s = 0; s < graph.stateCount; s += 7) {
      const v = access.load(graph.readState(s as never));
      const expected = many.map((c) => (direct(c, v) ? 1 : 0));
      values(v, out);
      expect(Array.from(out)).toEqual(expected);
      expect(word(v)).toBe(expected.slice(0, 32).reduce<number>((b, x, k) => (b | (x << k)) >>> 0, 0));
      seen |= word(v);
    }
    expect(seen).not.toBe(0);
    expect(() => bitsOf(many)).toThrow(/do not fit one word/);
  });

  it('give the trigger counts a check reports: the states where P holds for some system', () => {
    const o = runCheck({ params, readings: defaultReadings() });
    for (const property of liveness) {
      let count = 0;
      for (let s = 0; s < graph.stateCount; s++) {
        const v = access.load(graph.readState(s as never));
        if (property.kind !== 'leads-to' || property.p(v, 0) || (property.perSystem && property.p(v, 1))) count++;
      }
      expect(o.verdicts.find((x) => x.property === property)!.triggered, property.name).toBe(count);
    }
  });
});

describe('generated invariant calls', () => {
  it('give each invariant its trigger and verdict bits', async () => {
    const { invariantMasksOf } = await import('../../properties/predicate-calls.js');
    const invariants = selectProperties(undefined).filter((p) => p.kind === 'invariant') as import('../../properties/kinds.js').InvariantProperty[];
    const part = invariants.slice(0, 32);
    const masksOf = invariantMasksOf(part);
    const graph = explore(model).graph;
    const access = new StateAccess(model);
    const masks = new Uint32Array(2);
    let triggered = 0;
    for (let s = 0; s < graph.stateCount; s += 5) {
      const v = access.load(graph.readState(s as never));
      masksOf(v, masks);
      expect(masks[0]).toBe(part.reduce((b, p, k) => (p.holds(v) ? b : (b | (1 << k)) >>> 0), 0));
      expect(masks[1]).toBe(part.reduce((b, p, k) => (p.trigger(v) ? (b | (1 << k)) >>> 0 : b), 0));
      triggered |= masks[1];
    }
    expect(triggered).not.toBe(0);
    expect(() => invariantMasksOf([...part, ...part])).toThrow(/do not fit one word/);
  });
});
