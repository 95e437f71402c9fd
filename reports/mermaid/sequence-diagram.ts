/**
 * Any trace as a Mermaid `sequenceDiagram`, in the manner of the patent's
 * timing charts (FIGS. 9-11): one participant per FT controller and per
 * block that acts, one numbered message per step, and a note over the FT
 * controller of every system whose state or mode the step changes. A
 * counterexample ends in a shaded step and a note naming the property.
 */
import { parseLabel } from '../../model/labels.js';
import type { StateView, SystemView } from '../../model/view.js';
import { ft, messageOf, type Participant } from './blocks.js';
import { mermaidLines, mermaidText } from './escape.js';

export interface SequenceStep {
  readonly label: string;
  /** Free text shown under the label, e.g. the T-step of a figure. */
  readonly note?: string;
  /** The state after the step. */
  readonly view: StateView;
}

/** What a counterexample trace refutes. */
export interface SequenceVerdict {
  readonly property: string;
  readonly statement: string;
  /** 'violating' (invariant), 'deadlocked', or 'stuck' (cannot recover). */
  readonly ends: string;
  readonly note?: string;
}

export interface SequenceTrace {
  readonly title: string;
  readonly initial: StateView;
  readonly steps: readonly SequenceStep[];
  readonly verdict?: SequenceVerdict;
  /** A closing note over every FT controller, e.g. why a replay stopped. */
  readonly footer?: string;
  /**
   * A lasso (liveness counterexample): the trace step (0 = the initial
   * state) the last step returns to. The steps after it are drawn in a
   * `loop` box; equal to the number of steps: the run stops there forever.
   */
  readonly loopStart?: number;
}

/** A no-break space: an empty line Mermaid does not drop. */
export const SELF_MESSAGE_LIFT = '#160;';

/** Longest line of a note before it is wrapped. */
const NOTE_WIDTH = 56;

/** Splits `text` at spaces into lines of at most `width` characters (longer words stay whole). */
export function wrapWords(text: string, width = NOTE_WIDTH): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out.length ? out : [''];
}

function stateText(s: SystemView): string {
  return s.state === 'off' ? 'off' : `${s.state} ${s.name}`;
}

/** The note for one system's change, or null if its state and mode did not change. */
export function changeNote(before: SystemView, after: SystemView): string | null {
  const stMoved = before.st !== after.st;
  const modeMoved = before.mode !== after.mode;
  if (!stMoved && !modeMoved) return null;
  const mode = modeMoved ? `mode ${before.mode ?? '-'} → ${after.mode ?? '-'}` : after.mode ?? '';
  if (!stMoved) return `#${after.id} ${after.state}, ${mode}`;
  return `#${after.id} ${before.state} → ${stateText(after)}${mode ? `, ${mode}` : ''}`;
}

function verdictNote(v: SequenceVerdict): string {
  return mermaidLines([`✖ ${v.ends} state: ${v.property} fails`, ...wrapWords(v.statement), ...(v.note ? wrapWords(`(${v.note})`) : [])]);
}

export function sequenceDiagram(t: SequenceTrace): string {
  const n = t.initial.systems.length;
  const fts = Array.from({ length: n }, (_, i) => ft(i));
  const span = n > 1 ? `${fts[0].id},${fts[n - 1].id}` : fts[0].id;
  const body: string[] = [];
  const used = new Map<string, Participant>(fts.map((p) => [p.id, p]));
  const initial = t.initial.systems.every((s) => s.state === 'off')
    ? 'initial state: every system powered off'
    : `initial state: ${t.initial.systems.map((s) => `#${s.id} ${stateText(s)}${s.mode ? ' ' + s.mode : ''}`).join(', ')}`;
  body.push(`  Note over ${span}: ${mermaidText(initial)}`);
  let prev = t.initial;
  const looping = t.loopStart !== undefined && t.loopStart < t.steps.length;
  t.steps.forEach((step, k) => {
    if (looping && k === t.loopStart) body.push(`  loop forever: back to step ${t.loopStart}`);
    const last = k === t.steps.length - 1 && t.verdict !== undefined && t.loopStart === undefined;
    const notes: { sys: number; text: string }[] = [];
    step.view.systems.forEach((s, i) => {
      const c = changeNote(prev.systems[i], s);
      if (c) notes.push({ sys: i, text: c });
    });
    const label = parseLabel(step.label);
    const msg = label ? messageOf(label, notes.map((x) => x.sys)) : { from: fts[0], to: fts[0], arrow: '->>' as const };
    used.set(msg.from.id, msg.from);
    used.set(msg.to.id, msg.to);
    const indent = last ? '    ' : '  ';
    if (last) body.push('  rect rgb(255, 228, 228)');
    const text = step.note ? mermaidLines([step.label, ...wrapWords(step.note)]) : mermaidText(step.label);
    // a self-message's text sits on its loop, under the step number: an empty last line lifts it clear
    const lift = msg.from.id === msg.to.id ? `<br/>${SELF_MESSAGE_LIFT}` : '';
    body.push(`${indent}${msg.from.id}${msg.arrow}${msg.to.id}: ${text}${lift}`);
    for (const x of notes) body.push(`${indent}Note over ${fts[x.sys].id}: ${mermaidText(x.text)}`);
    if (last) {
      body.push(`    Note over ${span}: ${verdictNote(t.verdict!)}`);
      body.push('  end');
    }
    prev = step.view;
  });
  if (looping) body.push('  end');
  if (t.verdict && t.loopStart !== undefined) {
    const ends = looping ? `the loop repeats forever` : `the run stops at step ${t.loopStart}: nothing fair is enabled, forever`;
    body.push('  rect rgb(255, 228, 228)', `    Note over ${span}: ${mermaidLines([ends])}<br/>${verdictNote(t.verdict)}`, '  end');
  }
  if (t.verdict && t.steps.length === 0) {
    // the initial state itself refutes the property
    body.push('  rect rgb(255, 228, 228)', `    Note over ${span}: ${verdictNote(t.verdict)}`, '  end');
  }
  if (t.footer) body.push(`  Note over ${span}: ${mermaidLines(wrapWords(t.footer))}`);
  const head = ['sequenceDiagram', `  title ${mermaidText(t.title)}`, '  autonumber'];
  for (const p of [...used.values()].sort((a, b) => a.order - b.order)) head.push(`  participant ${p.id} as ${mermaidText(p.title)}`);
  return [...head, ...body].join('\n') + '\n';
}
