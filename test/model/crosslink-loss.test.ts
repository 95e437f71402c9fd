import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, replay, scenarioModel, type Scenario } from '../../model/scenario.js';

/** FIG. 10 up to full duplication, then `extra` steps, under `readings`. */
function afterFig10(extra: string[], readings: Record<string, string> = {}) {
  const parsed = parseScenario(JSON.parse(readFileSync('scenarios/fig10-sync.json', 'utf8')));
  if (!parsed.ok) throw new Error(parsed.error);
  const sc: Scenario = { readings, steps: [...parsed.value.steps.map((s) => ({ label: s.label })), ...extra.map((label) => ({ label }))] };
  const model = scenarioModel(sc);
  if (!model.ok) throw new Error(model.error);
  const r = replay(model.value, sc);
  expect(r.error).toBeUndefined();
  return r.steps.slice(-extra.length).map((s) => s.view);
}

const states = (v: { systems: { state: string; mode: string | null }[] }) => v.systems.map((s) => `${s.state}/${s.mode ?? '-'}`).join(' ');

describe('D3: loss of the crosslink', () => {
  it('back-to-divide (default): the ACT keeps the service in Online divide, the SBY restarts in Offline divide; reconnecting leads back to FIG. 9 T204', () => {
    const [lost, again] = afterFig10(['crosslink_lost(#0,#1)', 'crosslink_connect(#0,#1)']);
    expect(states(lost)).toBe('ST1/ACT ST6/SBY'); // Table 2: a disconnected crosslink is the divide state
    expect(lost.systems[1].cpu).toBe('bios');
    expect(lost.crosslinks).toEqual([]);
    expect(states(again)).toBe('ST2/ACT ST7/SBY'); // [0085] T204
  });
  it('states-unchanged: both stay in Online sync without a link, and their storage drifts apart', () => {
    const views = afterFig10(['crosslink_lost(#0,#1)', 'cpu_write(#0,p1,v1)'], { 'D3-crosslink-loss': 'states-unchanged' });
    expect(states(views[0])).toBe('ST4/ACT ST4/SBY');
    const [a, b] = views[1].systems;
    expect(a.memory).not.toEqual(b.memory); // the write reached #0 only: nothing compares them any more
  });
});
