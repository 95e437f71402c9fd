import { describe, expect, it } from 'vitest';
import { ST4 } from '../../hw/ft-controller.js';
import { DEFAULT_PARAMS } from '../../model/params.js';
import { defaultReadings, withReadings, type Readings } from '../../model/readings.js';
import { StateAccess } from '../../properties/state-access.js';
import { runCheck } from '../../properties/verify.js';

const N3 = { ...DEFAULT_PARAMS, systems: 3, pages: 1, faults: 1 };

function readings(over: Record<string, string>): Readings {
  const r = withReadings(defaultReadings(), over);
  if ('error' in r) throw new Error(r.error);
  return r;
}

describe('three systems ([0102])', () => {
  it('under the default S13 reading (online-sync-group) every property holds and none is vacuous; all three reach Online sync together', () => {
    const o = runCheck({ params: N3, readings: defaultReadings(), allViolations: true });
    expect(o.complete).toBe(true);
    expect(o.verdicts.filter((v) => v.verdict !== 'holds').map((v) => `${v.property.name}: ${v.verdict}`)).toEqual([]);
    const access = new StateAccess(o.model);
    let triplex = 0;
    for (let i = 0; i < o.result.graph.stateCount; i++) {
      const s = access.load(o.result.graph.readState(i as never));
      if (s.st(0) === ST4 && s.st(1) === ST4 && s.st(2) === ST4) triplex++;
    }
    expect(triplex).toBeGreaterThan(0);
    expect(o.result.stats.states).toBeGreaterThan(100_000);
  });

  it('under the literal reading (only Online ready is a copy source) a third system never joins: continuity is vacuous, recovery impossible', () => {
    const o = runCheck({ params: N3, readings: readings({ 'S13-n3-copy-source': 'online-ready-only' }), allViolations: true });
    expect(o.complete).toBe(true);
    const verdict = (name: string) => o.verdicts.find((v) => v.property.name === name)!;
    expect(verdict('service-continuity').verdict).toBe('vacuous');
    expect(verdict('service-continuity').triggered).toBe(0);
    expect(verdict('redundancy-recoverable').verdict).toBe('violated');
    expect(verdict('redundancy-recoverable').note).toContain('no reachable state reaches the goal at all');
    // the 0-step counterexample: already the initial state cannot reach full triplication
    expect(o.result.graph.depthOf(verdict('redundancy-recoverable').state!)).toBe(0);
  });
});
