import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../model/params.js';
import { defaultReadings } from '../../model/readings.js';
import { exitCodeOf, runCheck } from '../../properties/verify.js';

describe('vacuity', () => {
  it('with no failure budget the properties about failures are vacuous, not proved, and the run fails unless allowed', () => {
    const o = runCheck({ params: { ...DEFAULT_PARAMS, faults: 0 }, readings: defaultReadings(), allViolations: true });
    expect(o.complete).toBe(true);
    const vacuous = o.verdicts.filter((v) => v.verdict === 'vacuous').map((v) => v.property.name).sort();
    // no failure can happen: nothing is ever in Fault, in Online async or Pre offline, no failure mark, no lock-step
    // failure, no repair
    expect(vacuous).toEqual(
      [
        'comparison-buffer-bound', 'comparison-buffer-drained', 'disagreement-needs-copy', 'failed-cpu-separated', 'fault-has-cause', 'fault-isolated', 'isolation-available',
        'high-speed-resync-possible', 'isolation-separates', 'online-async-from-online-sync', 'pre-offline-isolated', 'service-survives-single-fault',
        'online-async-is-temporary', 'pre-offline-progresses', 'repaired-system-rejoins',
      ].sort(),
    );
    for (const v of o.verdicts.filter((x) => x.verdict === 'vacuous')) {
      expect(v.triggered).toBe(0);
      expect(v.witness).toBeUndefined();
      expect(v.note).toMatch(/vacuous/);
    }
    expect(o.verdicts.filter((v) => v.verdict === 'violated')).toEqual([]);
    expect(exitCodeOf(o)).toBe(1);
    expect(exitCodeOf(o, true)).toBe(0);
  });

  it('at the N = 2 defaults no property is vacuous, and each witness is a shortest trace to its first trigger state', () => {
    const o = runCheck({ params: DEFAULT_PARAMS, readings: defaultReadings(), allViolations: true });
    for (const v of o.verdicts) {
      expect(v.verdict, v.property.name).toBe('holds');
      expect(v.triggered, v.property.name).toBeGreaterThan(0);
      expect(v.witness, v.property.name).toBeDefined();
    }
    // the witness of a property about Online sync pairs: FIGS. 9-10 up to both memory checks (19 steps)
    const pair = o.verdicts.find((v) => v.property.name === 'online-sync-storage-equal')!;
    expect(o.result.graph.depthOf(pair.witness!)).toBe(19);
  });
});
