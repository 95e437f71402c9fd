/**
 * Sequence diagrams read back from their text: one message per step in
 * order, a note for exactly the systems whose state or mode changed, each
 * message touching the block that performs the action, participants
 * declared once and before use; a counterexample ends in its refuting step.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_DOCS, type Block } from '../../model/actions-doc.js';
import { parseLabel } from '../../model/labels.js';
import { parseScenario, replay, scenarioModel } from '../../model/scenario.js';
import { viewOf, type StateView } from '../../model/view.js';
import type { StateIndex } from '../../checker/index.js';
import { runCheck } from '../../properties/verify.js';
import { counterexampleTrace, FIGURE_SCENARIOS, packageRoot } from '../../reports/diagrams.js';
import { changeNote, sequenceDiagram, wrapWords, type SequenceTrace } from '../../reports/mermaid/sequence-diagram.js';
import { decodeMermaid } from './support/mermaid-page.js';
import { ONE_ACT_BROKEN, params, readings } from './support/fixtures.js';

interface Parsed {
  participants: { id: string; title: string }[];
  messages: { from: string; arrow: string; to: string; lines: string[] }[];
  /** Notes over one FT controller, per step (index 0: before the first message). */
  notesByStep: { over: string; text: string }[][];
  lines: string[];
}

function parse(text: string): Parsed {
  const out: Parsed = { participants: [], messages: [], notesByStep: [[]], lines: text.split('\n') };
  for (const line of out.lines) {
    let m: RegExpExecArray | null;
    if ((m = /^\s*participant (\w+) as (.*)$/.exec(line))) out.participants.push({ id: m[1], title: decodeMermaid(m[2]) });
    else if ((m = /^\s*(\w+)(->>|-x)(\w+): (.*)$/.exec(line))) {
      const lines = m[4].split('<br/>').map(decodeMermaid);
      // a self-message ends in an empty (no-break space) line that lifts its text clear of the loop
      if (m[1] === m[3]) expect(lines.pop()).toBe('\u00a0');
      out.messages.push({ from: m[1], arrow: m[2], to: m[3], lines });
      out.notesByStep.push([]);
    } else if ((m = /^\s*Note over (\w+): (.*)$/.exec(line))) out.notesByStep[out.notesByStep.length - 1].push({ over: m[1], text: decodeMermaid(m[2]) });
  }
  return out;
}

/** Which participants may stand for the block ACTION_DOCS names. */
const BLOCK_PARTICIPANTS: Record<Block, RegExp> = {
  'Board controller 101': /^BC$/,
  'CPU subsystem 110': /^CPU\d$/,
  'Memory controller comparison 114': /^CMP$/,
  'FT controller 130': /^FT\d$/,
  'IO subsystem 120 / comparison 133': /^(CMP|FT\d)$/,
  'DMA / shared resource controller 122': /^DMA\d$/,
  'Crosslink 140': /^XL$/,
  'Failure injection': /^FAIL$/,
};

function changedSystems(before: StateView, after: StateView): number[] {
  return after.systems.filter((s, i) => s.st !== before.systems[i].st || s.mode !== before.systems[i].mode).map((s) => s.id);
}

function checkTrace(t: SequenceTrace, text: string): Parsed {
  const d = parse(text);
  expect(d.lines[0]).toBe('sequenceDiagram');
  // one message per step, in order, first line = the label, then the step's note
  expect(d.messages.map((m) => m.lines[0])).toEqual(t.steps.map((s) => s.label));
  t.steps.forEach((s, k) => {
    if (s.note) expect(d.messages[k].lines.slice(1).join(' ')).toBe(s.note.replace(/\s+/g, ' ').trim());
  });
  // a note over FT i after step k exactly when step k changed system i's state or mode
  let prev = t.initial;
  t.steps.forEach((s, k) => {
    const ftNotes = d.notesByStep[k + 1].filter((x) => /^FT\d$/.test(x.over));
    const changed = changedSystems(prev, s.view);
    expect(ftNotes.map((x) => Number(x.over.slice(2))), `step ${k + 1} ${s.label}`).toEqual(changed);
    for (const i of changed) expect(ftNotes.find((x) => x.over === `FT${i}`)!.text).toBe(changeNote(prev.systems[i], s.view.systems[i]));
    prev = s.view;
  });
  // every message touches the block that performs its action
  d.messages.forEach((m, k) => {
    const l = parseLabel(t.steps[k].label)!;
    const block = ACTION_DOCS[l.action].block;
    expect([m.from, m.to].some((p) => BLOCK_PARTICIPANTS[block].test(p)), `${t.steps[k].label}: ${m.from} -> ${m.to} for ${block}`).toBe(true);
    expect(m.arrow).toBe(l.action === 'cpu_fail' ? '-x' : '->>');
  });
  // participants: declared once, before the body, every one used; FT controllers of all systems present
  const ids = d.participants.map((p) => p.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const m of d.messages) expect(ids).toEqual(expect.arrayContaining([m.from, m.to]));
  for (let i = 0; i < t.initial.systems.length; i++) expect(ids).toContain(`FT${i}`);
  const lastDecl = Math.max(...d.participants.map((p) => d.lines.findIndex((l) => l.includes(`participant ${p.id} as`))));
  const firstUse = d.lines.findIndex((l) => /^\s*(Note|\w+(->>|-x))/.test(l));
  expect(lastDecl).toBeLessThan(firstUse);
  return d;
}

describe('sequenceDiagram of the FIG. 9-11 scenarios', () => {
  for (const file of FIGURE_SCENARIOS) {
    it(`${file}: one message per step, a note per state change, the acting blocks`, () => {
      const sc = parseScenario(JSON.parse(readFileSync(join(packageRoot(), 'scenarios', file), 'utf8')));
      if (!sc.ok) throw new Error(sc.error);
      const model = scenarioModel(sc.value);
      if (!model.ok) throw new Error(model.error);
      const r = replay(model.value, sc.value);
      expect(r.error).toBeUndefined();
      const t: SequenceTrace = { title: sc.value.description!, initial: r.initial, steps: r.steps };
      const d = checkTrace(t, sequenceDiagram(t));
      // the #0 blocks stand left of the #1 blocks, as in the timing charts
      const order = d.participants.map((p) => p.id);
      expect(order.indexOf('FT0')).toBeLessThan(order.indexOf('FT1'));
      if (order.includes('CPU1')) expect(order.indexOf('FT1')).toBeLessThan(order.indexOf('CPU1'));
    });
  }
});

describe('sequenceDiagram of a counterexample', () => {
  const o = runCheck({ params: params(), readings: readings(ONE_ACT_BROKEN), properties: ['one-act'], allViolations: true });
  const v = o.verdicts[0];

  it('draws the shortest trace and ends in a shaded step naming the property', () => {
    expect(v.verdict).toBe('violated');
    const t = counterexampleTrace(o, v);
    expect(t.steps.length).toBe(o.result.graph.depthOf(v.state!));
    const text = sequenceDiagram(t);
    const d = checkTrace(t, text);
    const lines = d.lines.filter(Boolean);
    expect(lines.at(-1)!.trim()).toBe('end');
    const rect = lines.findIndex((l) => l.trim().startsWith('rect '));
    expect(lines.slice(rect).filter((l) => /->>|-x/.test(l))).toHaveLength(1);
    const closing = lines.at(-2)!;
    expect(closing).toMatch(/^\s*Note over FT0,FT1: /);
    expect(decodeMermaid(closing)).toContain('one-act');
    expect(decodeMermaid(text)).toContain(v.property.statement);
  });
});

describe('sequenceDiagram of a refuting initial state', () => {
  it('shades a closing note when the trace has no step', () => {
    const o = runCheck({ params: params(), readings: readings(), properties: ['one-act'] });
    const initial = counterexampleTraceOfInitial(o);
    const text = sequenceDiagram({ title: 't', initial, steps: [], verdict: { property: 'p', statement: 's', ends: 'stuck' } });
    const lines = text.trim().split('\n').map((l) => l.trim());
    expect(lines.slice(-3)[0]).toMatch(/^rect /);
    expect(decodeMermaid(lines.slice(-2)[0])).toMatch(/^Note over FT0,FT1: ✖ stuck state: p fails<br\/>s$/);
    expect(lines.at(-1)).toBe('end');
    expect(parse(text).messages).toHaveLength(0);
  });
});

function counterexampleTraceOfInitial(o: ReturnType<typeof runCheck>): StateView {
  return viewOf(o.model, o.result.graph.readState(0 as StateIndex));
}

describe('helpers', () => {
  it('wrapWords keeps every word, in order, in lines no longer than the width unless a word is', () => {
    const text = 'T105 #0 starts synchronization; #1 ST7 -> ST8 after the BIOS loop [0088] averyveryveryverylongwordthatcannotbesplitatall';
    for (const w of [10, 20, 56]) {
      const lines = wrapWords(text, w);
      expect(lines.join(' ')).toBe(text);
      for (const l of lines) expect(l.length <= w || !l.includes(' ')).toBe(true);
    }
  });
});
