import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../model/params.js';
import { defaultReadings } from '../../model/readings.js';
import { runCheck } from '../../properties/verify.js';

describe('three systems ([0102])', () => {
  it('every property is decided on a complete exploration; full triplication is unreachable when only Online ready can be a copy source', () => {
    const o = runCheck({ params: { ...DEFAULT_PARAMS, systems: 3, pages: 1, faults: 1 }, readings: defaultReadings(), allViolations: true });
    expect(o.complete).toBe(true);
    expect(o.verdicts.filter((v) => v.verdict === 'unknown')).toEqual([]);
    // S13 default (online-ready-only): once two systems run in Online sync, the third can only be synchronized
    // from an Online ready system, and neither of the pair ever returns to Online ready without a fault; with
    // one fault the pair can break up but the third cannot join both. So "all three in Online sync" is never reached.
    const violated = o.verdicts.filter((v) => v.verdict === 'violated').map((v) => v.property.name);
    expect(violated).toEqual(['redundancy-recoverable']);
    const recover = o.verdicts.find((v) => v.property.name === 'redundancy-recoverable')!;
    expect(recover.note).toContain('no reachable state reaches the goal at all');
    // the model is really three systems: some state has two systems in Online sync and the third offline
    expect(o.result.stats.states).toBeGreaterThan(50_000);
  });
});
