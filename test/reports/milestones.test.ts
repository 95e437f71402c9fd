/**
 * Milestones are decided from the states of a trace (the FIG. 9-11
 * scenarios replayed on the model), the fold is the longest fault-free
 * prefix of at least 8 steps that ends exactly at one, and the text of a
 * trace prints it as one line naming the steps and the milestone.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readScenarioFile, replay, scenarioModel, type ReplayResult } from '../../model/scenario.js';
import type { StateView } from '../../model/view.js';
import { packageRoot } from '../../reports/diagrams.js';
import { FOLD_MIN_STEPS, foldOf, milestonesOf } from '../../reports/milestones.js';
import { replayFold, replayText } from '../../reports/replay.js';
import { traceJson, traceText, type ReadableStep } from '../../reports/trace.js';

function replayed(name: string): ReplayResult {
  const sc = readScenarioFile(join(packageRoot(), 'scenarios', `${name}.json`));
  if (!sc.ok) throw new Error(sc.error);
  const model = scenarioModel(sc.value);
  if (!model.ok) throw new Error(model.error);
  const r = replay(model.value, sc.value);
  if (!r.ok) throw new Error(r.error);
  return r;
}

const views = (r: ReplayResult): StateView[] => [r.initial, ...r.steps.map((s) => s.view)];
const stepsOf = (r: ReplayResult): ReadableStep[] => [{ step: 0, label: null, view: r.initial }, ...r.steps.map((s, k) => ({ step: k + 1, label: s.label, view: s.view }))];

const fig11 = replayed('fig11-resync');
const fig9 = replayed('fig9-power-on');

describe('milestones', () => {
  it('FIG. 11 reaches power-on at T204 (step 9), the synchronization reset at T110 (16), full duplication at T211 (20)', () => {
    expect(milestonesOf(views(fig11)).map((m) => [m.id, m.step])).toEqual([
      ['power-on', 9],
      ['sync-reset', 16],
      ['duplex', 20],
    ]);
    expect(fig11.steps[8].label).toBe('crosslink_connect(#0,#1)');
    expect(fig11.steps[15].label).toBe('sync_reset(#0->#1)');
    expect(fig11.steps[19].label).toBe('memory_check(#1)');
  });

  it('a milestone counts only when no failure was injected before it', () => {
    const faulty = views(fig11).map((v, k) => (k >= 3 ? { ...v, faultsInjected: 1 } : v));
    expect(milestonesOf(faulty)).toEqual([]);
    expect(foldOf(faulty)).toBeNull();
  });

  it('the fold is the longest prefix ending at a milestone, at least 8 steps, with a step left after it', () => {
    expect(foldOf(views(fig11))).toMatchObject({ from: 1, to: 20, milestone: { id: 'duplex' } });
    // FIG. 9 ends one step after its milestone: steps 1-9 fold, step 10 stays
    expect(foldOf(views(fig9))).toMatchObject({ from: 1, to: 9, milestone: { id: 'power-on' } });
    // the whole of FIG. 10 up to its last step: the last state is a milestone, but the step that reaches it stays visible
    const fig10 = replayed('fig10-sync');
    expect(foldOf(views(fig10))).toMatchObject({ to: 16, milestone: { id: 'sync-reset' } });
    // too short: a prefix of fewer than 8 steps is never folded
    expect(foldOf(views(fig9).slice(0, FOLD_MIN_STEPS))).toBeNull();
  });

  it('a lasso: the fold ends before the loop starts; steps to keep end it too', () => {
    expect(foldOf(views(fig11), { loopStart: 18 })).toMatchObject({ to: 16 });
    expect(foldOf(views(fig11), { loopStart: 12 })).toMatchObject({ to: 9 });
    expect(foldOf(views(fig11), { keep: (k) => k === 17 })).toMatchObject({ to: 16 });
    expect(foldOf(views(fig11), { keep: (k) => k === 5 })).toBeNull();
  });
});

describe('folded text', () => {
  it('a trace prints the folded prefix as one line naming the steps and the milestone; full prints every step', () => {
    const model = fig11.model;
    const text = traceText(model, stepsOf(fig11));
    const lines = text.split('\n');
    expect(lines[0]).toBe('  0. initial state: #0 off Powered off | #1 off Powered off');
    expect(lines[1]).toBe(
      '  steps 1-20: power-on and first synchronization, as in FIGS. 9-10 (T100-T211), no failure; ' +
        'then #0 ST4 Online sync ACT | #1 ST4 Online sync SBY  (--full-trace shows the 20 steps)',
    );
    expect(lines[2]).toMatch(/^ {2}21\. cpu_bus_disagree {2}\[/);
    expect(text).not.toMatch(/^ {2}(1|9|20)\. /m);
    const full = traceText(model, stepsOf(fig11), { full: true });
    expect(full).not.toContain('steps 1-20');
    for (const k of [1, 9, 20, 21, 35]) expect(full).toMatch(new RegExp(`^  ${k}\\. `, 'm'));
  });

  it('a lasso marks where its loop begins', () => {
    const text = traceText(fig11.model, stepsOf(fig11), { loopStart: 30 });
    expect(text).toContain('(loop back to step 30: steps 31-35 repeat forever; step 35 returns to the state of step 30)');
    expect(text.indexOf('(loop back')).toBeGreaterThan(text.indexOf('  30. '));
    expect(text.indexOf('(loop back')).toBeLessThan(text.indexOf('  31. '));
  });

  it('JSON keeps every step and marks the milestones', () => {
    const json = traceJson(fig11.model, stepsOf(fig11)) as { step: number; label: string | null; cites?: string; milestone?: { id: string } }[];
    expect(json).toHaveLength(36);
    expect(json.filter((s) => s.milestone).map((s) => [s.step, s.milestone!.id])).toEqual([
      [9, 'power-on'],
      [16, 'sync-reset'],
      [20, 'duplex'],
    ]);
    expect(json[1]).toMatchObject({ label: 'power_on(#0)', block: 'Board controller 101', cites: '[0083] T100, [0069]', moved: ['#0'] });
  });

  it('replay folds a counterexample scenario but never over the notes of a figure', () => {
    expect(replayFold(fig11)).toBeNull();
    const sc = { steps: fig11.steps.map((s) => ({ label: s.label })) };
    const bare = replay(fig11.model, sc);
    expect(replayFold(bare)).toMatchObject({ to: 20 });
    const text = replayText(sc, bare, undefined);
    expect(text).toContain('  steps 1-20: power-on and first synchronization, as in FIGS. 9-10 (T100-T211)');
    expect(text).toMatch(/^ {2}21\. cpu_bus_disagree/m);
    expect(replayText(sc, bare, undefined, { full: true })).toMatch(/^ {2}1\. power_on\(#0\)/m);
  });
});
