import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../model/params.js';
import { defaultReadings } from '../../model/readings.js';
import { runCheck } from '../../properties/verify.js';
import { configLine } from '../../reports/check-report.js';
import { labelFirings, transitionsMarkdown } from '../../reports/transitions.js';
import { ftcheck } from '../cli/support/ftcheck.js';

describe('transitions --coverage', () => {
  const o = runCheck({ params: { ...DEFAULT_PARAMS, faults: 0 }, readings: defaultReadings(), properties: ['one-act'] });
  const firings = labelFirings(o.model.labelNames, o.result.coverage.firings);
  const md = transitionsMarkdown(o.model.readings, { counters: o.result.counters, firings, states: o.result.stats.states, line: configLine(o) });
  const takenOf = (action: string): number => {
    const row = md.split('\n').find((l) => l.startsWith(`| \`${action}\` |`) && /\| [\d,]+ \|$/.test(l));
    if (row === undefined) throw new Error(`no row with a count for ${action}`);
    return Number(/\| ([\d,]+) \|$/.exec(row)![1].replace(/,/g, ''));
  };

  it('every global action row counts its transitions: together they are every transition of the run', () => {
    let total = 0;
    for (const a of firings.keys()) total += takenOf(a);
    expect(total).toBe(o.result.stats.transitions);
    expect(takenOf('power_on')).toBeGreaterThan(0);
    // no failure budget: no failure is ever injected
    expect(takenOf('cpu_fail')).toBe(0);
    expect(takenOf('force_isolate')).toBe(0);
  });

  it('local moves carry their counts, and the outcomes of the global actions are listed', () => {
    expect(md).toMatch(/ST6\/SBY -> ST7\/SBY \([1-9][\d,]*\)/);
    expect(md).toMatch(/explicit-failure` \| [^|]*ST1\/ACT -> ST10\/ACT \(0\)/);
    expect(md).toContain('## Outcomes of the global actions');
    expect(md).toMatch(/\| memory_check: the memory check completes with equal storage[^|]* \|.*\| [1-9][\d,]* \|/);
    expect(md).toContain(`one complete exploration of ${configLine(o)}`);
  });

  it('the CLI option explores the model options given', () => {
    const r = ftcheck(['transitions', '--coverage', '--faults', '0']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('| label | guard | effect | citation | readings | taken |');
    expect(r.out).toContain(`${o.result.stats.states.toLocaleString('en-US')} states`);
  });
});
