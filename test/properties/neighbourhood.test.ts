import { describe, expect, it } from 'vitest';
import { explore, type StateIndex } from '../../checker/index.js';
import { FtModel } from '../../model/ft-model.js';
import { DEFAULT_PARAMS, type Params } from '../../model/params.js';
import { defaultReadings, type Readings } from '../../model/readings.js';
import { PROPERTIES, type InvariantProperty } from '../../properties/catalogue.js';
import { StateAccess } from '../../properties/state-access.js';

const INVARIANTS = PROPERTIES.filter((p): p is InvariantProperty => p.kind === 'invariant');

/**
 * The properties that memoize per neighbourhood (perNeighbourhood) judge
 * every state as a fresh StateAccess, which has memoized nothing, does.
 */
function compareOn(params: Params, readings: Readings, every: number): number {
  const model = new FtModel(params, readings, null);
  const { graph } = explore(model, {});
  const warm = new StateAccess(model);
  const words = new Uint32Array(model.stateWords);
  let compared = 0;
  for (let s = 0; s < graph.stateCount; s += every) {
    graph.readState(s as StateIndex, words);
    const cold = new StateAccess(model).load(words);
    warm.load(words);
    for (const p of INVARIANTS) {
      const want = [p.trigger(cold), p.holds(cold)];
      expect([p.trigger(warm), p.holds(warm)], `${p.name} on state ${s}`).toEqual(want);
    }
    compared++;
  }
  return compared;
}

describe('memoized per neighbourhood', () => {
  it('every invariant judges each state of the N = 2 defaults as with nothing memoized', () => {
    expect(compareOn(DEFAULT_PARAMS, defaultReadings(), 7)).toBeGreaterThan(10_000);
  });

  it('the same under readings that change the access tables and who reaches a Fault system', () => {
    const readings = { ...defaultReadings(), 'D7-table4-offline-rows': 'recover-restricted', 'S12-cross-system-gate': 'requester-only' } as Readings;
    expect(compareOn(DEFAULT_PARAMS, readings, 11)).toBeGreaterThan(5_000);
  });

  it('the same at N = 3', () => {
    expect(compareOn({ ...DEFAULT_PARAMS, systems: 3, pages: 1, faults: 1 }, defaultReadings(), 31)).toBeGreaterThan(5_000);
  });
});
