/**
 * FIG. 8 reconstructed: the per-system projection as a Mermaid
 * `stateDiagram-v2`. States ST1-ST10 by name inside Online / Offline / Fault
 * composite states; each transition labelled with the model labels that take
 * it and, when the patent names it, its paragraphs. States never reached are
 * drawn dashed; transitions the patent names but the model never takes are
 * drawn with a "not taken" label; transitions the model takes that the patent
 * does not name are labelled as coming from a reading.
 */
import { OFF, type FtState, type StateGroup } from '../../hw/ft-controller.js';
import { frontMatter, mermaidId, mermaidLines, mermaidText } from './escape.js';
import { LABELS_PER_EDGE } from './limits.js';
import { PATENT_EDGES, patentEdge } from './patent-edges.js';
import { ALL_FT_STATES, describeState, nodeKey, type Projection } from './projection.js';

export interface StateDiagramOptions {
  readonly labelNames: readonly string[];
  readonly title: string;
}

const GROUPS: readonly { group: StateGroup; title: string }[] = [
  { group: 'online', title: 'Online (service)' },
  { group: 'offline', title: 'Offline' },
  { group: 'fault', title: 'Fault (separated)' },
];

/** Which marks a projected transition gets. */
export type EdgeKind = 'patent' | 'reading' | 'not-taken';

export interface DrawnTransition {
  readonly from: FtState;
  readonly to: FtState;
  readonly kind: EdgeKind;
  readonly labels: readonly string[];
  readonly cites?: string;
}

/** The transitions the diagram draws: projected edges without self-loops, plus patent edges never taken. */
export function drawnTransitions(p: Projection, labelNames: readonly string[]): DrawnTransition[] {
  const out: DrawnTransition[] = [];
  const stOf = (key: string): FtState => p.node(key).states[0];
  for (const e of p.edges()) {
    if (e.v === e.w) continue;
    const from = stOf(e.v);
    const to = stOf(e.w);
    const pe = patentEdge(from, to);
    out.push({ from, to, kind: pe ? 'patent' : 'reading', labels: p.edge(e).labels.map((l) => labelNames[l]), cites: pe?.cites });
  }
  for (const pe of PATENT_EDGES) {
    const v = nodeKey([pe.from]);
    const w = nodeKey([pe.to]);
    if (!p.hasEdge(v, w)) out.push({ from: pe.from, to: pe.to, kind: 'not-taken', labels: [], cites: pe.cites });
  }
  const rank = (t: DrawnTransition) => t.from * 16 + t.to;
  return out.sort((a, b) => rank(a) - rank(b));
}

function edgeText(t: DrawnTransition, complete: boolean): string[] {
  if (t.kind === 'not-taken') {
    const pe = patentEdge(t.from, t.to)!;
    return [`NOT TAKEN by the model${complete ? '' : ' in this incomplete run'}: ${pe.trigger}`, pe.cites];
  }
  const shown = t.labels.slice(0, LABELS_PER_EDGE);
  const more = t.labels.length - shown.length;
  const lines = [...shown];
  if (more > 0) lines.push(`+${more} more`);
  lines.push(t.kind === 'patent' ? t.cites! : 'not named in the patent: a model reading');
  return lines;
}

/** One arrow drawn: from a state or, when merged, from a whole group. */
interface Arrow {
  readonly from: string;
  readonly to: string;
  readonly text: string[];
}

/**
 * Transitions that leave every reached state of a group for the same target
 * with the same labels and marks are drawn once, from the group (as FIG. 8
 * would draw "failure from any offline state").
 */
function arrows(ts: readonly DrawnTransition[], reached: (st: FtState) => boolean, complete: boolean): Arrow[] {
  const byKey = new Map<string, DrawnTransition[]>();
  for (const t of ts) {
    const g = describeState(t.from).group;
    if (t.kind === 'not-taken' || g === describeState(t.to).group || g === 'off') continue;
    const k = [g, t.to, t.kind, t.cites ?? '', ...t.labels].join('\u0000');
    byKey.set(k, [...(byKey.get(k) ?? []), t]);
  }
  const merged = new Set<DrawnTransition>();
  const out: Arrow[] = [];
  for (const members of byKey.values()) {
    const g = describeState(members[0].from).group;
    const inGroup = ALL_FT_STATES.filter((st) => describeState(st).group === g && reached(st));
    if (members.length < 2 || members.length !== inGroup.length) continue;
    for (const m of members) merged.add(m);
    const t = members[0];
    const text = edgeText(t, complete);
    text.splice(text.length - 1, 0, `from every ${GROUPS.find((x) => x.group === g)!.title} state`);
    out.push({ from: groupId(g), to: stateId(t.to), text });
  }
  for (const t of ts) if (!merged.has(t)) out.push({ from: stateId(t.from), to: stateId(t.to), text: edgeText(t, complete) });
  return out;
}

const stateId = (st: FtState): string => mermaidId(st === OFF ? 'off' : `ST${st}`);
const groupId = (g: StateGroup): string => mermaidId(`group_${g}`);

/** The stateDiagram-v2 text of one system's projection. */
export function stateDiagram(p: Projection, o: StateDiagramOptions): string {
  const lines: string[] = ['stateDiagram-v2'];
  lines.push('  classDef unreached fill:#f4f4f4,stroke:#999,stroke-dasharray:4 4,color:#888');
  lines.push('  classDef fault fill:#fde2e2,stroke:#c33');
  lines.push('  classDef offline fill:#e4ecfb,stroke:#4a6fb5');
  lines.push('  classDef online fill:#e2f5e4,stroke:#3a8a45');
  const count = (st: FtState): number => (p.hasNode(nodeKey([st])) ? p.node(nodeKey([st])).count : 0);
  const stateLine = (st: FtState, indent: string): string => {
    const d = describeState(st);
    const n = count(st);
    const second = n > 0 ? `${n.toLocaleString('en-US')} model states` : p.graph().complete ? 'never reached' : 'not reached (incomplete run)';
    return `${indent}state "${mermaidLines([st === OFF ? 'powered off' : `${d.id} ${d.name}`, second])}" as ${stateId(st)}`;
  };
  lines.push(`  [*] --> ${stateId(OFF)}`);
  lines.push(stateLine(OFF, '  '));
  for (const g of GROUPS) {
    lines.push(`  state "${mermaidText(g.title)}" as ${groupId(g.group)} {`);
    for (const st of ALL_FT_STATES) if (st !== OFF && describeState(st).group === g.group) lines.push(stateLine(st, '    '));
    lines.push('  }');
  }
  for (const a of arrows(drawnTransitions(p, o.labelNames), (st) => count(st) > 0, p.graph().complete)) {
    lines.push(`  ${a.from} --> ${a.to} : ${mermaidLines(a.text)}`);
  }
  for (const st of ALL_FT_STATES) {
    const cls = count(st) === 0 ? 'unreached' : st === OFF ? null : describeState(st).group;
    if (cls) lines.push(`  class ${stateId(st)} ${cls}`);
  }
  return frontMatter(o.title) + lines.join('\n') + '\n';
}
