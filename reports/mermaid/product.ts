/**
 * The product graph as a Mermaid flowchart: all systems' FT states together,
 * one node per reachable tuple of ST numbers, one arrow per pair of tuples
 * and arrow style with its labels grouped by action (`cpu_fail x2`), styled
 * like FIG. 8. For products past what reads, the projection onto state
 * groups: one node per tuple of groups (Online / Offline / Fault / off)
 * listing the ST tuples inside it, with the arrows between them merged.
 */
import { groupOf, stateLabel, type FtState, type StateGroup } from '../../hw/ft-controller.js';
import { actionOf, groupByAction, isFailureLabel, packLines, SHOW_ALL, styleKey, type ArrowStyle, type Hide } from './edge-style.js';
import { mermaidId } from './escape.js';
import { flowchartText, STATE_CLASSES, type Flowchart, type FlowNode } from './flowchart.js';
import { patentNames } from './patent-edges.js';
import { describeState, type Projection } from './projection.js';

export interface ProductOptions {
  readonly labelNames: readonly string[];
  readonly title: string;
  readonly hide?: Hide;
}

/**
 * ELK instead of dagre for the product: rendered side by side, ELK's
 * layered layout with orthogonal arrows kept every label of the 44- to
 * 146-arrow products clear of the others, where dagre let some overlap.
 * Viewers without the ELK plugin fall back to dagre.
 */
export const PRODUCT_CONFIG = { layout: 'elk' };

/** One arrow of the product: the labels of one style between two tuples. */
export interface ProductArrow {
  readonly v: string;
  readonly w: string;
  readonly style: ArrowStyle;
  readonly labels: readonly string[];
}

/**
 * The projected edges between different tuples, split by style. A label is
 * named in the patent when the patent names its action for every system's
 * move it makes (FIG. 8's rule, per system); a failure injection when its
 * action counts against the failure budget. With `hide`, the arrows left
 * are those between tuples still reachable from the all-off tuple without
 * the hidden ones: the product as it runs without failures or readings.
 */
export function productArrows(p: Projection, labelNames: readonly string[], hide: Hide = SHOW_ALL): ProductArrow[] {
  const all = styledArrows(p, labelNames, hide);
  const start = p.nodes().find((k) => p.node(k).states.every((st) => st === 0));
  if (start === undefined || (!hide.failures && !hide.readings)) return all;
  const reached = new Set([start]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const a of all) if (reached.has(a.v) && !reached.has(a.w)) (reached.add(a.w), (grew = true));
  }
  return all.filter((a) => reached.has(a.v));
}

function styledArrows(p: Projection, labelNames: readonly string[], hide: Hide): ProductArrow[] {
  const out: ProductArrow[] = [];
  for (const e of p.edges()) {
    if (e.v === e.w) continue;
    const a = p.node(e.v).states;
    const b = p.node(e.w).states;
    const parts = new Map<string, { style: ArrowStyle; labels: string[] }>();
    for (const l of p.edge(e).labels) {
      const name = labelNames[l];
      const action = actionOf(name);
      const named = a.every((st, i) => st === b[i] || patentNames(st, b[i], action));
      const style: ArrowStyle = { source: named ? 'patent' : 'reading', failure: isFailureLabel(name) };
      if ((hide.failures && style.failure) || (hide.readings && style.source === 'reading')) continue;
      const k = styleKey(style);
      if (!parts.has(k)) parts.set(k, { style, labels: [] });
      parts.get(k)!.labels.push(name);
    }
    for (const part of parts.values()) out.push({ v: e.v, w: e.w, ...part });
  }
  return out;
}

function tupleClass(groups: readonly StateGroup[]): string {
  if (groups.includes('fault')) return 'fault';
  if (groups.every((g) => g === 'online')) return 'online';
  if (groups.includes('online')) return 'mixed';
  if (groups.every((g) => g === 'off')) return 'off';
  return 'offline';
}

const arrowLines = (labels: readonly string[]): string[] => packLines(groupByAction(labels));

/** Node keys that some arrow touches, plus the all-off tuple, in the projection's order. */
function drawnNodes(p: Projection, arrows: readonly ProductArrow[]): string[] {
  const touched = new Set(arrows.flatMap((a) => [a.v, a.w]));
  return p.nodes().filter((k) => p.node(k).count > 0 && (touched.has(k) || p.node(k).states.every((st) => st === 0)));
}

/** The product, one node per reachable tuple (with `hide`, per tuple still reached). */
export function productFlowchart(p: Projection, o: ProductOptions): Flowchart {
  const systems = p.graph().systems;
  const arrows = productArrows(p, o.labelNames, o.hide);
  const keys = drawnNodes(p, arrows);
  const ids = new Map(keys.map((k, i) => [k, mermaidId(`S${i}_${p.node(k).states.join('_')}`)]));
  const nodes: FlowNode[] = keys.map((k) => {
    const states = p.node(k).states;
    const lines = states.map((st, j) => {
      const d = describeState(st);
      return `#${systems[j]} ${st === 0 ? 'off' : `${d.id} ${d.name}`}`;
    });
    return { id: ids.get(k)!, lines, cls: tupleClass(states.map(groupOf)) };
  });
  return flowchartText({
    title: o.title,
    config: PRODUCT_CONFIG,
    classDefs: STATE_CLASSES,
    nodes,
    groups: [],
    arrows: arrows.map((a) => ({ from: ids.get(a.v)!, to: ids.get(a.w)!, lines: arrowLines(a.labels), style: a.style })),
    legend: {},
  });
}

const GROUP_NAMES: Readonly<Record<StateGroup, string>> = { off: 'off', online: 'Online', offline: 'Offline', fault: 'Fault' };
const GROUP_ORDER: readonly StateGroup[] = ['off', 'offline', 'online', 'fault'];

/**
 * The product projected onto state groups: one node per reachable tuple of
 * groups (`#0 Online, #1 Offline`) listing the ST tuples it holds, one arrow
 * per pair of such nodes and style with the labels of every tuple arrow
 * between them grouped by action. Moves inside one node are not drawn.
 */
export function groupFlowchart(p: Projection, o: ProductOptions): Flowchart {
  const systems = p.graph().systems;
  const arrows = productArrows(p, o.labelNames, o.hide);
  const keys = drawnNodes(p, arrows);
  const clusterOf = (k: string): string => p.node(k).states.map((st) => groupOf(st as FtState)).join('|');
  const rank = (c: string): number => c.split('|').reduce((a, g) => a * 4 + GROUP_ORDER.indexOf(g as StateGroup), 0);
  const members = new Map<string, string[]>();
  for (const k of keys) members.set(clusterOf(k), [...(members.get(clusterOf(k)) ?? []), k]);
  const clusters = [...members.keys()].sort((a, b) => rank(a) - rank(b));
  const ids = new Map(clusters.map((c) => [c, mermaidId(`C_${c.replace(/\|/g, '_')}`)]));
  const nodes: FlowNode[] = clusters.map((c) => {
    const groups = c.split('|') as StateGroup[];
    const title = groups.map((g, j) => `#${systems[j]} ${GROUP_NAMES[g]}`).join(', ');
    const tuples = members.get(c)!.map((k) => p.node(k).states.map((st) => (st === 0 ? 'off' : stateLabel(st))).join('|'));
    const count = members.get(c)!.reduce((a, k) => a + p.node(k).count, 0);
    return { id: ids.get(c)!, lines: [title, ...packLines(tuples, 36), `${count.toLocaleString('en-US')} model states`], cls: tupleClass(groups) };
  });
  const merged = new Map<string, { from: string; to: string; style: ArrowStyle; labels: string[] }>();
  for (const a of arrows) {
    const from = clusterOf(a.v);
    const to = clusterOf(a.w);
    if (from === to) continue;
    const k = `${from}>${to}>${styleKey(a.style)}`;
    if (!merged.has(k)) merged.set(k, { from, to, style: a.style, labels: [] });
    merged.get(k)!.labels.push(...a.labels);
  }
  return flowchartText({
    title: o.title,
    config: PRODUCT_CONFIG,
    classDefs: STATE_CLASSES,
    nodes,
    groups: [],
    arrows: [...merged.values()].map((m) => ({ from: ids.get(m.from)!, to: ids.get(m.to)!, lines: arrowLines([...new Set(m.labels)]), style: m.style })),
    legend: {},
  });
}
