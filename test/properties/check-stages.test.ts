/** What a complete check says it does after its exploration (CheckConfig.onStage), for the status line. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../model/params.js';
import { defaultReadings } from '../../model/readings.js';
import { runCheck, runCheckParallel, type CheckConfig } from '../../properties/verify.js';
import { checkWorkers } from './support/check-workers.js';

const workers = checkWorkers();
const base: CheckConfig = { params: { ...DEFAULT_PARAMS, faults: 1 }, readings: defaultReadings() };

describe('check stages', () => {
  it('one thread: the predicates, each search, then the other properties; under symmetry the unfolding first', () => {
    const said: string[] = [];
    const o = runCheck({ ...base, onStage: (t) => said.push(t) });
    const done = `explored ${o.result.stats.states.toLocaleString('en-US')} states; `;
    expect(said[0]).toBe(`${done}liveness: the predicates of 7 properties on ${o.result.stats.states.toLocaleString('en-US')} states`);
    const searches = said.slice(1, -1);
    expect(searches.length).toBeGreaterThanOrEqual(7);
    searches.forEach((t, k) => expect(t).toBe(`${done}liveness: search ${k + 1} of ${searches.length}`));
    expect(said.at(-1)).toBe(`${done}the other properties`);

    const reduced: string[] = [];
    const r = runCheck({ ...base, symmetry: true, onStage: (t) => reduced.push(t) });
    expect(reduced[0]).toBe(`explored ${r.result.stats.states.toLocaleString('en-US')} orbits; liveness: unfolding the reduced graph into the systems' own`);
    expect(reduced[1]).toMatch(/liveness: the predicates of 7 properties on [\d,]+ states$/);
  });

  it('two threads: the searches on the pool with the other properties meanwhile (under symmetry, the unfolding there with the predicates here meanwhile); an incomplete run says nothing', async () => {
    const said: string[] = [];
    await runCheckParallel({ ...base, onStage: (t) => said.push(t) }, 2, undefined, workers.where());
    expect(said.map((t) => t.replace(/^explored [\d,]+ states; /, ''))).toEqual([
      expect.stringMatching(/^liveness: the predicates of 7 properties on [\d,]+ states$/),
      expect.stringMatching(/^liveness: \d+ searches on 2 threads; the other properties meanwhile$/),
    ]);
    const reduced: string[] = [];
    await runCheckParallel({ ...base, symmetry: true, onStage: (t) => reduced.push(t) }, 2, undefined, workers.where());
    expect(reduced.map((t) => t.replace(/^explored [\d,]+ orbits; /, ''))).toEqual([
      'liveness: unfolding the reduced graph into the systems\' own',
      expect.stringMatching(/^liveness: the predicates of 7 properties on [\d,]+ states; the unfolding on 2 threads meanwhile$/),
      expect.stringMatching(/^liveness: \d+ searches on 2 threads; the other properties meanwhile$/),
    ]);
    const none: string[] = [];
    runCheck({ ...base, maxStates: 100, onStage: (t) => none.push(t) });
    expect(none).toEqual([]);
  }, 120_000);
});
