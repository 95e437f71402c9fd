import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, PARAM_SPECS } from '../../model/params.js';
import { parseScenario, readScenarioFile, replay, replayJson, scenarioModel, type Scenario } from '../../model/scenario.js';

function load(name: string): Scenario {
  const parsed = parseScenario(JSON.parse(readFileSync(`scenarios/${name}`, 'utf8')));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

function replayed(sc: Scenario) {
  const model = scenarioModel(sc);
  if (!model.ok) throw new Error(model.error);
  return replay(model.value, sc);
}

/** Replays without the file's own expectations: the tests below state the patent's states themselves. */
function statesAfterEachStep(sc: Scenario): string[] {
  const bare: Scenario = { ...sc, steps: sc.steps.map((s) => ({ label: s.label })) };
  const model = scenarioModel(bare);
  if (!model.ok) throw new Error(model.error);
  const r = replay(model.value, bare);
  expect(r.error).toBeUndefined();
  return r.steps.map((s) => s.view.systems.map((x) => `${x.state}/${x.mode ?? '-'}`).join(' '));
}

// States of #0 and #1 after each step, as [0083]-[0100] name them.
const FIG9 = [
  'ST6/- off/-', // T100 power-on reset of #0: Offline divide [0083]
  'ST1/ACT off/-', // T101 board controller sets ACT: Online divide [0083]
  'ST1/ACT off/-', // T102 reset released
  'ST1/ACT off/-', // T103-T104 BIOS boots the OS
  'ST1/ACT off/-', // the OS writes main storage
  'ST1/ACT ST6/-', // power-on reset of #1: Offline divide [0084]
  'ST1/ACT ST6/SBY', // T201 board controller sets SBY; #1 stays Offline divide
  'ST1/ACT ST6/SBY', // T202-T203
  'ST2/ACT ST7/SBY', // T204 crosslinks: Online ready / Offline [0085]
  'ST2/ACT ST7/SBY', // T205 BIOS loop [0086]
];
const FIG10 = [
  'ST2/ACT ST8/SBY', // T105 synchronization starts, #1 Recover offline, #0 stays Online ready [0088]
  'ST2/ACT ST8/SBY', // T106 DMA copy
  'ST2/ACT ST8/SBY', // T107 copy complete
  'ST2/ACT ST8/SBY', // T108 SMI on #0
  'ST2/ACT ST8/SBY', // T109 context copied
  'ST3/ACT ST3/SBY', // T110 synchronization reset: both Pre online sync, #0 ACT, #1 SBY [0090]
  'ST3/ACT ST3/SBY', // T111-T113
  'ST4/ACT ST3/SBY', // T114-T115 #0 memory check done: Online sync [0091]
  'ST4/ACT ST3/SBY', // T207-T209
  'ST4/ACT ST4/SBY', // T210-T211 #1 memory check done [0092]; modes [0093]
];
const FIG11 = [
  'ST5/ACT ST5/SBY', // T116/T212 CPU-bus disagreement: both Online async [0095]
  'ST5/ACT ST5/SBY', // writes traced
  'ST5/ACT ST5/SBY',
  'ST2/ACT ST9/SBY', // T117/T213 trace almost full: #0 Online ready, #1 Pre offline [0095]
  'ST2/ACT ST8/SBY', // T214 SMI ACK: #1 Recover offline, #0 remains Online ready [0096]
  'ST2/ACT ST8/SBY', // partial copy starts
  'ST2/ACT ST8/SBY', // T118 SMI on #0
  'ST2/ACT ST8/SBY', // T119
  'ST2/ACT ST8/SBY', // T120 copy done
  'ST2/ACT ST8/SBY', // T121 context copied
  'ST3/ACT ST3/SBY', // T122 synchronization reset [0098]
  'ST3/ACT ST3/SBY', // T123-T125
  'ST4/ACT ST3/SBY', // T126-T127 [0099]
  'ST4/ACT ST3/SBY', // T218-T220
  'ST4/ACT ST4/SBY', // T221-T222 [0100]
];

describe('the patent timing charts replay on the model', () => {
  it('FIG. 9 power-on: each system reaches the states [0083]-[0086] name', () => {
    expect(statesAfterEachStep(load('fig9-power-on.json'))).toEqual(FIG9);
  });
  it('FIG. 10 synchronization: [0088]-[0093], and main storage is equal at the end', () => {
    const sc = load('fig10-sync.json');
    expect(statesAfterEachStep(sc)).toEqual([...FIG9, ...FIG10]);
    const r = replayed(sc);
    const last = r.steps[r.steps.length - 1].view.systems;
    expect(last[0].memory).toEqual(last[1].memory);
    // the copy carried real data: #0 wrote page 0 before #1 was powered on
    expect(last[1].memory[0]).toBe(1);
  });
  it('FIG. 11 resynchronization: [0095]-[0100], storage equal at the end although both sides wrote while async', () => {
    const sc = load('fig11-resync.json');
    expect(statesAfterEachStep(sc)).toEqual([...FIG9, ...FIG10, ...FIG11]);
    const r = replayed(sc);
    expect(r.ok).toBe(true);
    const async = r.steps.find((s) => s.label === 'async_exit')!.view.systems;
    expect(async[0].memory).not.toEqual(async[1].memory); // they diverged in Online async
    const last = r.steps[r.steps.length - 1].view.systems;
    expect(last[0].memory).toEqual(last[1].memory);
  });
  it('each figure states the parameters it needs and replays whatever the run\'s other parameters are', () => {
    const own = Object.fromEntries(['fig9-power-on.json', 'fig10-sync.json', 'fig11-resync.json'].map((f) => [f, load(f).params]));
    // two systems; FIGS. 10-11 copy two pages; FIG. 11's trace is almost full after two writes and it injects one disagreement
    expect(own).toEqual({
      'fig9-power-on.json': { systems: 2 },
      'fig10-sync.json': { systems: 2, pages: 2 },
      'fig11-resync.json': { systems: 2, pages: 2, trace: 2, faults: 1 },
    });
    for (const f of Object.keys(own)) {
      const sc = load(f);
      for (const spec of PARAM_SPECS) {
        for (let v = spec.min; v <= spec.max; v++) {
          const model = scenarioModel(sc, { ...DEFAULT_PARAMS, [spec.key]: v });
          if (!model.ok) throw new Error(model.error);
          expect(replay(model.value, sc).error, `${f} with ${spec.flag} ${v}`).toBeUndefined();
        }
      }
    }
  });
  it('a scenario file with a UTF-8 byte order mark reads; an unreadable one says why', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftcheck-scenario-'));
    const f = join(dir, 'bom.json');
    writeFileSync(f, '\uFEFF' + JSON.stringify(['power_on(#0)']));
    expect(readScenarioFile(f)).toEqual({ ok: true, value: { steps: [{ label: 'power_on(#0)' }] } });
    expect(readScenarioFile(join(dir, 'none.json'))).toEqual({ ok: false, error: `cannot read scenario '${join(dir, 'none.json')}': no such file` });
    expect(readScenarioFile(dir)).toEqual({ ok: false, error: `cannot read scenario '${dir}': it is a directory` });
  });
  it('the scenario files state the same expectations, and replay checks them', () => {
    for (const f of ['fig9-power-on.json', 'fig10-sync.json', 'fig11-resync.json']) expect(replayed(load(f)).ok).toBe(true);
  });
});

describe('replay errors and JSON', () => {
  const model = () => {
    const m = scenarioModel({ steps: [] });
    if (!m.ok) throw new Error(m.error);
    return m.value;
  };
  it('a label that is not enabled names the step and the enabled labels', () => {
    const r = replay(model(), { steps: [{ label: 'power_on(#0)' }, { label: 'sync_reset(#0->#1)' }] });
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/^step 2: 'sync_reset\(#0->#1\)' is not enabled; enabled: .*set_act\(#0\)/);
  });
  it('an unknown label is reported as such', () => {
    expect(replay(model(), { steps: [{ label: 'warp_drive(#0)' }] }).error).toMatch(/^step 1: unknown label 'warp_drive\(#0\)'/);
  });
  it('a wrong expectation stops the replay', () => {
    const r = replay(model(), { steps: [{ label: 'power_on(#0)', expect: { '0': 'ST1' } }] });
    expect(r.error).toMatch(/#0 is ST6 .*expected ST1/);
  });
  it('--json shape: ok, steps[label, systems[id,state,name,mode]], error only on failure', () => {
    const j = replayJson(replay(model(), { steps: [{ label: 'power_on(#0)' }, { label: 'set_act(#0)' }] })) as Record<string, unknown>;
    expect(j).toEqual({
      ok: true,
      steps: [
        { label: 'power_on(#0)', systems: [{ id: 0, state: 'ST6', name: 'Offline divide', mode: null }, { id: 1, state: 'off', name: 'Powered off', mode: null }] },
        { label: 'set_act(#0)', systems: [{ id: 0, state: 'ST1', name: 'Online divide', mode: 'ACT' }, { id: 1, state: 'off', name: 'Powered off', mode: null }] },
      ],
    });
  });
  it('parseScenario rejects unknown keys and bad steps with one-line errors', () => {
    expect(parseScenario({ steps: [], colour: 1 })).toEqual({ ok: false, error: 'unknown scenario key "colour" (known: description, params, readings, steps, violates, loop, fairness)' });
    // a misspelt step key is named as such, not reported as a missing label
    expect(parseScenario({ steps: ['power_on(#0)', { lable: 'set_act(#0)' }] })).toEqual({ ok: false, error: 'step 2: unknown key "lable" (known: label, note, expect)' });
    expect(parseScenario({ steps: [{ note: 'x' }] })).toEqual({ ok: false, error: 'step 1: missing "label"' });
    expect(parseScenario({ steps: [{ label: 'power_on(#0)', expect: { zero: 'ST6' } }] }).ok).toBe(false);
    expect(parseScenario({ steps: [], violates: 3 }).ok).toBe(false);
    expect(parseScenario({ steps: [3] })).toEqual({ ok: false, error: 'step 1: expected a label string or an object with "label"' });
    expect(parseScenario({ steps: [], params: { size: 3 } }).ok).toBe(false);
  });
});
