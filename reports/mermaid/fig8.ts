/**
 * FIG. 8 reconstructed: one system's projection as a Mermaid flowchart.
 * States ST1-ST10 by name inside Online / Offline / Fault groups; one arrow
 * per projected transition and kind of label: what the patent names (solid,
 * labelled with the model labels and the paragraphs), what is only a model
 * reading (dashed), failure injections (red), and transitions the patent
 * names that the model never takes (grey dotted, NOT TAKEN). A legend in the
 * diagram explains the styles once. States never reached are dashed grey.
 */
import { OFF, type FtState, type StateGroup } from '../../hw/ft-controller.js';
import { actionIsFailure, actionOf, groupByAction, isFailureLabel, LABEL_WIDTH, packLines, SHOW_ALL, type ArrowSource, type ArrowStyle, type Hide } from './edge-style.js';
import { mermaidId } from './escape.js';
import { flowchartText, GROUP_STYLES, STATE_CLASSES, type FlowArrow, type FlowNode } from './flowchart.js';
import { PATENT_EDGES, patentEdge, patentNames } from './patent-edges.js';
import { wrapWords } from './sequence-diagram.js';
import { ALL_FT_STATES, describeState, nodeKey, type Projection } from './projection.js';

export interface Fig8Options {
  readonly labelNames: readonly string[];
  readonly title: string;
  readonly hide?: Hide;
}

const GROUPS: readonly { group: Exclude<StateGroup, 'off'>; title: string }[] = [
  { group: 'online', title: 'Online (service)' },
  { group: 'offline', title: 'Offline' },
  { group: 'fault', title: 'Fault (separated)' },
];

/** Label groups (by action) shown on one arrow before "+k more"; FIG. 8 arrows have at most four. */
const ACTIONS_PER_ARROW = 6;

/**
 * Layout settings found by rendering: with Mermaid's default spacing (50 px
 * between nodes and ranks) dagre puts the labels of ST1 -> ST2 and
 * ST2 -> ST1 on top of each other; this much room keeps every label of the
 * default run apart (diagrams.test.ts checks the rendered label boxes).
 */
export const FIG8_CONFIG = { flowchart: { nodeSpacing: 60, rankSpacing: 70, padding: 12, wrappingWidth: 400 } };

export interface DrawnTransition {
  readonly from: FtState;
  readonly to: FtState;
  readonly source: ArrowSource;
  readonly failure: boolean;
  /** Model labels behind it (none when not taken). */
  readonly labels: readonly string[];
  /** The patent's paragraphs, for patent and not-taken arrows. */
  readonly cites?: string;
}

export const styleOf = (t: { source: ArrowSource; failure: boolean }): ArrowStyle => ({ source: t.source, failure: t.failure });

/**
 * The transitions the diagram draws: each projected edge (self-loops left
 * out) split by whether the patent names the label's action for it and by
 * whether the label injects a failure; then the patent's transitions no
 * label takes. `hide` leaves out failure injections and/or readings.
 */
export function drawnTransitions(p: Projection, labelNames: readonly string[], hide: Hide = SHOW_ALL): DrawnTransition[] {
  const out: DrawnTransition[] = [];
  const stOf = (key: string): FtState => p.node(key).states[0];
  const taken = new Set<string>();
  for (const e of p.edges()) {
    if (e.v === e.w) continue;
    const from = stOf(e.v);
    const to = stOf(e.w);
    const parts = new Map<string, { source: ArrowSource; failure: boolean; labels: string[] }>();
    for (const l of p.edge(e).labels) {
      const name = labelNames[l];
      const named = patentNames(from, to, actionOf(name));
      if (named) taken.add(`${from}>${to}`);
      const source: ArrowSource = named ? 'patent' : 'reading';
      const failure = isFailureLabel(name);
      const k = `${source}/${failure}`;
      if (!parts.has(k)) parts.set(k, { source, failure, labels: [] });
      parts.get(k)!.labels.push(name);
    }
    for (const part of parts.values()) {
      out.push({ from, to, ...part, cites: part.source === 'patent' ? patentEdge(from, to)!.cites : undefined });
    }
  }
  for (const pe of PATENT_EDGES) {
    if (!taken.has(`${pe.from}>${pe.to}`)) out.push({ from: pe.from, to: pe.to, source: 'not-taken', failure: pe.actions.every(actionIsFailure), labels: [], cites: pe.cites });
  }
  const rank = (t: DrawnTransition) => t.from * 16 + t.to;
  return out.filter((t) => !(hide.failures && t.failure) && !(hide.readings && t.source === 'reading')).sort((a, b) => rank(a) - rank(b));
}

function arrowText(t: DrawnTransition, complete: boolean): string[] {
  if (t.source === 'not-taken') {
    const pe = patentEdge(t.from, t.to)!;
    return [`NOT TAKEN${complete ? '' : ' in this incomplete run'}`, ...wrapWords(pe.trigger, LABEL_WIDTH), pe.cites];
  }
  const groups = groupByAction(t.labels);
  const shown = groups.slice(0, ACTIONS_PER_ARROW);
  if (groups.length > shown.length) shown.push(`+${groups.length - shown.length} more`);
  const lines = packLines(shown);
  if (t.source === 'patent') lines.push(t.cites!);
  return lines;
}

const stateId = (st: FtState): string => mermaidId(st === OFF ? 'off' : `ST${st}`);
const groupId = (g: StateGroup): string => mermaidId(`group_${g}`);

/**
 * Transitions that leave every reached state of a group for the same target
 * with the same labels and style are drawn once, from the group (as FIG. 8
 * would draw "failure from any offline state").
 */
function arrows(ts: readonly DrawnTransition[], reached: (st: FtState) => boolean, complete: boolean): FlowArrow[] {
  const byKey = new Map<string, DrawnTransition[]>();
  for (const t of ts) {
    const g = describeState(t.from).group;
    if (t.source === 'not-taken' || g === describeState(t.to).group || g === 'off') continue;
    const k = [g, t.to, t.source, t.failure, t.cites ?? '', ...t.labels].join('\u0000');
    byKey.set(k, [...(byKey.get(k) ?? []), t]);
  }
  const merged = new Set<DrawnTransition>();
  const out: FlowArrow[] = [];
  for (const members of byKey.values()) {
    const g = describeState(members[0].from).group;
    const inGroup = ALL_FT_STATES.filter((st) => describeState(st).group === g && reached(st));
    if (members.length < 2 || members.length !== inGroup.length) continue;
    for (const m of members) merged.add(m);
    const t = members[0];
    const text = arrowText(t, complete);
    text.splice(t.source === 'patent' ? text.length - 1 : text.length, 0, `from every ${GROUPS.find((x) => x.group === g)!.title.replace(/ \(.*\)$/, '')} state`);
    out.push({ from: groupId(g), to: stateId(t.to), lines: text, style: styleOf(t) });
  }
  for (const t of ts) if (!merged.has(t)) out.push({ from: stateId(t.from), to: stateId(t.to), lines: arrowText(t, complete), style: styleOf(t) });
  return out;
}

/** The flowchart text of one system's projection; `edges` counts the arrows drawn. */
export function fig8Flowchart(p: Projection, o: Fig8Options): { text: string; edges: number } {
  const count = (st: FtState): number => (p.hasNode(nodeKey([st])) ? p.node(nodeKey([st])).count : 0);
  const complete = p.graph().complete;
  const node = (st: FtState): FlowNode => {
    const d = describeState(st);
    const n = count(st);
    const second = n > 0 ? `${n.toLocaleString('en-US')} model states` : complete ? 'never reached' : 'not reached (incomplete run)';
    const cls = n === 0 ? 'unreached' : d.group;
    return { id: stateId(st), lines: [st === OFF ? 'powered off' : `${d.id} ${d.name}`, second], cls };
  };
  const groups = GROUPS.map((g) => ({
    id: groupId(g.group),
    title: g.title,
    style: GROUP_STYLES[g.group],
    nodes: ALL_FT_STATES.filter((st) => st !== OFF && describeState(st).group === g.group).map(node),
  }));
  const drawn = arrows(drawnTransitions(p, o.labelNames, o.hide), (st) => count(st) > 0, complete);
  const fc = flowchartText({
    title: o.title,
    config: FIG8_CONFIG,
    classDefs: STATE_CLASSES,
    nodes: [{ id: 'initial', lines: [], shape: 'start', cls: 'start' }, node(OFF)],
    groups,
    arrows: [{ from: 'initial', to: stateId(OFF), lines: [] }, ...drawn],
    legend: { cites: true },
  });
  return { text: fc.text, edges: drawn.length };
}
