/**
 * How FIG. 8 and the product graph tell their arrows apart, and which ones
 * `--hide` leaves out. An arrow has a source (the patent names it, it is only
 * a model reading, or the patent names it and the model never takes it) and
 * is a failure injection or not (the actions that count against the failure
 * budget F: cpu_fail, force_isolate, crosslink_lost, the disagreements, the
 * hangs) or their detection by a watchdog (hang_timeout, dma_timeout).
 * Each combination is one line style, explained once in a legend drawn in
 * the diagram instead of a text repeated on every arrow.
 */
import { ACTION_DOCS } from '../../model/actions-doc.js';
import { parseLabel, type ActionName } from '../../model/labels.js';
import { mermaidLines, mermaidText } from './escape.js';
import { wrapWords } from './sequence-diagram.js';

/** Arrow kinds `--hide` can leave out. */
export const HIDE_VALUES = ['failures', 'readings'] as const;
export type HideValue = (typeof HIDE_VALUES)[number];

/** What the diagrams leave out; both false draws everything. */
export interface Hide {
  /** Arrows of failure injections and their detection. */
  readonly failures: boolean;
  /** Arrows the patent does not name (model readings). */
  readonly readings: boolean;
}

export const SHOW_ALL: Hide = { failures: false, readings: false };

/** Parses `failures`, `readings` or both, comma-separated; an error message otherwise. */
export function parseHide(text: string): Hide | { error: string } {
  const parts = text.split(',').map((s) => s.trim());
  const bad = parts.filter((s) => !(HIDE_VALUES as readonly string[]).includes(s));
  if (bad.length || !text.trim()) {
    return { error: `--hide takes ${HIDE_VALUES.join(', ')} or both comma-separated (got '${text}')` };
  }
  return { failures: parts.includes('failures'), readings: parts.includes('readings') };
}

/** What is hidden, in words for titles and captions ('' when nothing is). */
export function hiddenText(h: Hide): string {
  const what = [h.failures ? 'failure injections' : '', h.readings ? 'model readings' : ''].filter(Boolean);
  return what.length ? `${what.join(' and ')} hidden` : '';
}

export function actionOf(labelName: string): ActionName {
  const l = parseLabel(labelName);
  if (!l) throw new Error(`not a transition label: ${labelName}`);
  return l.action;
}

/** Whether an action injects a failure (counts against the failure budget F). */
export const actionInjected = (a: ActionName): boolean => ACTION_DOCS[a].injected === true;

/** Whether a label is a failure injection. */
export const isInjected = (labelName: string): boolean => actionInjected(actionOf(labelName));

/** Whether an action is drawn as a failure: it injects one, or is the watchdog that detects one (hang_timeout). */
export const actionIsFailure = (a: ActionName): boolean => ACTION_DOCS[a].injected === true || ACTION_DOCS[a].detects === true;

/** Whether a label is drawn as a failure (red; left out by --hide failures). */
export const isFailureLabel = (labelName: string): boolean => actionIsFailure(actionOf(labelName));

/** The actions that detect an injected failure. */
export const DETECTING_ACTIONS: readonly ActionName[] = (Object.keys(ACTION_DOCS) as ActionName[]).filter((a) => ACTION_DOCS[a].detects);

/** The actions that inject failures, in label order. */
export const INJECTED_ACTIONS: readonly ActionName[] = (Object.keys(ACTION_DOCS) as ActionName[]).filter((a) => ACTION_DOCS[a].injected);

/**
 * Labels grouped by action, in first-seen order: an action with one label
 * keeps its parameters (`memory_check(#0)`), one with several is counted
 * (`cpu_write x16`).
 */
export function groupByAction(labelNames: readonly string[]): string[] {
  const byAction = new Map<string, string[]>();
  for (const n of labelNames) {
    const a = actionOf(n);
    byAction.set(a, [...(byAction.get(a) ?? []), n]);
  }
  return [...byAction].map(([a, ns]) => (new Set(ns).size === 1 ? ns[0] : `${a} x${new Set(ns).size}`));
}

/** Characters per label line: Mermaid wraps edge labels wider than 200 px, about 25 characters. */
export const LABEL_WIDTH = 24;

/** Items joined with ", " into lines of at most `width` characters (a longer item stays whole). */
export function packLines(items: readonly string[], width = LABEL_WIDTH): string[] {
  const out: string[] = [];
  let line = '';
  for (const it of items) {
    if (line && line.length + 2 + it.length > width) {
      out.push(line + ',');
      line = it;
    } else line = line ? `${line}, ${it}` : it;
  }
  if (line) out.push(line);
  return out;
}

/** Where an arrow comes from. */
export type ArrowSource = 'patent' | 'reading' | 'not-taken';

export interface ArrowStyle {
  readonly source: ArrowSource;
  readonly failure: boolean;
}

/** Every style, in legend order. */
export const ARROW_STYLES: readonly ArrowStyle[] = [
  { source: 'patent', failure: false },
  { source: 'reading', failure: false },
  { source: 'patent', failure: true },
  { source: 'reading', failure: true },
  { source: 'not-taken', failure: false },
];

/** One key per line style: a transition never taken is drawn the same whatever its trigger. */
export const styleKey = (s: ArrowStyle): string => (s.source === 'not-taken' ? 'not-taken' : `${s.source}${s.failure ? '-failure' : ''}`);

const INK = '#333333';
const READING = '#2f6db5';
const FAILURE = '#c0392b';
const NOT_TAKEN = '#9a9a9a';

/** The `linkStyle` CSS of a style: colour says failure or not, the dash says patent or reading. */
export function linkCss(s: ArrowStyle): string {
  if (s.source === 'not-taken') return `stroke:${NOT_TAKEN},stroke-width:1.5px,stroke-dasharray:2 4,color:${NOT_TAKEN}`;
  const colour = s.failure ? FAILURE : s.source === 'reading' ? READING : INK;
  const dash = s.source === 'reading' ? ',stroke-dasharray:8 5' : '';
  return `stroke:${colour},stroke-width:2px${dash},color:${colour}`;
}

/** The legend's text for one style; `cites`: patent arrows carry their paragraphs. */
export function legendText(s: ArrowStyle, cites = false): string {
  switch (styleKey(s)) {
    case 'patent':
      return cites ? 'named in the patent (with its paragraphs)' : 'named in the patent';
    case 'reading':
      return 'not named in the patent: a model reading';
    case 'patent-failure':
      return 'failure injection named in the patent';
    case 'reading-failure':
      return 'failure injection, a model reading';
    default:
      return 'named in the patent, NOT TAKEN by the model';
  }
}

/** Failure-injection actions as the legend lists them. */
export const FAILURE_NOTE = `red: failure injections (${INJECTED_ACTIONS.join(', ')}) and their detection (${DETECTING_ACTIONS.join(', ')})`;

/**
 * The legend as a flowchart subgraph: one short sample arrow per style used,
 * drawn in that style, with its meaning as the arrow's label. Returns the
 * lines and the styles of the arrows it adds, in order (for `linkStyle`).
 */
export function legendLines(used: readonly ArrowStyle[], o: { notes?: readonly string[]; cites?: boolean } = {}): { lines: string[]; arrows: ArrowStyle[] } {
  const styles = ARROW_STYLES.filter((s) => used.some((u) => styleKey(u) === styleKey(s)));
  const lines = ['  subgraph legend ["Legend"]', '    direction LR'];
  const arrows: ArrowStyle[] = [];
  styles.forEach((s, k) => {
    lines.push(`    legend_${k}a[" "]:::legendEnd -->|"${mermaidText(legendText(s, o.cites))}"| legend_${k}b[" "]:::legendEnd`);
    arrows.push(s);
  });
  const notes = [...(styles.some((s) => s.failure && s.source !== 'not-taken') ? [FAILURE_NOTE] : []), ...(o.notes ?? [])];
  notes.forEach((t, k) => lines.push(`    legend_note${k}["${mermaidLines(wrapWords(t, 44))}"]:::legendNote`));
  lines.push('  end');
  lines.push('  classDef legendEnd fill:#ffffff,stroke:#ffffff,color:#ffffff');
  lines.push('  classDef legendNote fill:#ffffff,stroke:#ffffff,color:#333333');
  lines.push('  style legend fill:#ffffff,stroke:#999999');
  return { lines, arrows };
}

/** `linkStyle` lines: `styles[k]` is the style of the arrow numbered `ids[k]` (Mermaid numbers arrows in order of definition). */
export function linkStyleLines(styles: readonly ArrowStyle[], ids: readonly number[]): string[] {
  const byKey = new Map<string, { style: ArrowStyle; ids: number[] }>();
  styles.forEach((s, k) => {
    const key = styleKey(s);
    if (!byKey.has(key)) byKey.set(key, { style: s, ids: [] });
    byKey.get(key)!.ids.push(ids[k]);
  });
  return [...byKey.values()].map((v) => `  linkStyle ${v.ids.join(',')} ${linkCss(v.style)}`);
}
