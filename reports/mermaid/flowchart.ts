/**
 * A projection as a Mermaid flowchart: one node per tuple of FT states (the
 * product graph of all systems, or one system's projection when the product
 * is too large to draw), one edge per projected transition labelled with the
 * model labels that take it. Self-loops are left out.
 */
import type { FtState } from '../../hw/ft-controller.js';
import { frontMatter, mermaidId, mermaidLines } from './escape.js';
import { LABELS_PER_EDGE } from './limits.js';
import { describeState, type Projection } from './projection.js';

export interface FlowchartOptions {
  readonly labelNames: readonly string[];
  readonly title: string;
}

export interface Flowchart {
  readonly text: string;
  readonly nodes: number;
  /** Edges drawn (self-loops excluded). */
  readonly edges: number;
}

function nodeClass(states: readonly FtState[]): string {
  const groups = states.map((st) => describeState(st).group);
  if (groups.includes('fault')) return 'fault';
  if (groups.every((g) => g === 'online')) return 'online';
  if (groups.includes('online')) return 'mixed';
  return 'offline';
}

export function flowchart(p: Projection, o: FlowchartOptions): Flowchart {
  const systems = p.graph().systems;
  const ids = new Map<string, string>();
  p.nodes().forEach((k, i) => ids.set(k, mermaidId(`S${i}_${p.node(k).states.join('_')}`)));
  const lines: string[] = ['flowchart TB'];
  lines.push('  classDef online fill:#e2f5e4,stroke:#3a8a45');
  lines.push('  classDef mixed fill:#eef6e0,stroke:#6a8a3a');
  lines.push('  classDef offline fill:#e4ecfb,stroke:#4a6fb5');
  lines.push('  classDef fault fill:#fde2e2,stroke:#c33');
  for (const k of p.nodes()) {
    const nd = p.node(k);
    const text = nd.states.map((st, j) => {
      const d = describeState(st);
      return `#${systems[j]} ${st === 0 ? 'off' : `${d.id} ${d.name}`}`;
    });
    lines.push(`  ${ids.get(k)}["${mermaidLines(text)}"]:::${nodeClass(nd.states)}`);
  }
  let edges = 0;
  for (const e of p.edges()) {
    if (e.v === e.w) continue;
    const names = p.edge(e).labels.map((l) => o.labelNames[l]);
    const shown = names.slice(0, LABELS_PER_EDGE);
    if (names.length > shown.length) shown.push(`+${names.length - shown.length} more`);
    lines.push(`  ${ids.get(e.v)} -->|"${mermaidLines(shown)}"| ${ids.get(e.w)}`);
    edges++;
  }
  return { text: frontMatter(o.title) + lines.join('\n') + '\n', nodes: p.nodeCount(), edges };
}
