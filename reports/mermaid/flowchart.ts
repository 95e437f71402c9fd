/**
 * A Mermaid flowchart from nodes, groups (subgraphs) and styled arrows: the
 * writer FIG. 8 and the product graph share. Arrows are numbered in order of
 * definition, so each gets its line style through `linkStyle`; a legend
 * subgraph shows each style used once.
 */
import { frontMatter, mermaidId, mermaidLines, mermaidText } from './escape.js';
import { legendLines, linkStyleLines, type ArrowStyle } from './edge-style.js';

export interface FlowNode {
  readonly id: string;
  readonly lines: readonly string[];
  /** A classDef name. */
  readonly cls?: string;
  /** `start`: the small filled circle of an initial state. */
  readonly shape?: 'box' | 'start';
}

export interface FlowGroup {
  readonly id: string;
  readonly title: string;
  readonly nodes: readonly FlowNode[];
  /** CSS for the group's box, e.g. `fill:#f6fbf6,stroke:#3a8a45`. */
  readonly style?: string;
}

export interface FlowArrow {
  readonly from: string;
  readonly to: string;
  /** Label lines; none for an unlabelled arrow. */
  readonly lines: readonly string[];
  /** Undefined: an unstyled arrow that is not in the legend (the initial arrow). */
  readonly style?: ArrowStyle;
}

export interface FlowchartSpec {
  readonly title: string;
  /** Mermaid config for this diagram (front matter). */
  readonly config?: object;
  readonly direction?: 'TB' | 'LR';
  readonly classDefs: readonly string[];
  /** Nodes outside any group. */
  readonly nodes: readonly FlowNode[];
  readonly groups: readonly FlowGroup[];
  readonly arrows: readonly FlowArrow[];
  /** Draw a legend of the arrow styles used; `notes` are extra lines in it, `cites` says patent arrows carry paragraphs. */
  readonly legend?: { readonly notes?: readonly string[]; readonly cites?: boolean };
}

export interface Flowchart {
  readonly text: string;
  /** Nodes drawn, legend excluded. */
  readonly nodes: number;
  /** Arrows drawn, legend excluded. */
  readonly edges: number;
}

/** Class definitions for state nodes by group. */
/** Box styles of the Online / Offline / Fault groups: a light tint of their states' colour. */
export const GROUP_STYLES: Readonly<Record<'online' | 'offline' | 'fault', string>> = {
  online: 'fill:#f7fcf7,stroke:#3a8a45',
  offline: 'fill:#f6f8fd,stroke:#4a6fb5',
  fault: 'fill:#fef7f7,stroke:#c33',
};

export const STATE_CLASSES: readonly string[] = [
  'classDef off fill:#f4f4f4,stroke:#666',
  'classDef online fill:#e2f5e4,stroke:#3a8a45',
  'classDef mixed fill:#eef6e0,stroke:#6a8a3a',
  'classDef offline fill:#e4ecfb,stroke:#4a6fb5',
  'classDef fault fill:#fde2e2,stroke:#c33',
  'classDef unreached fill:#f4f4f4,stroke:#999,stroke-dasharray:4 4,color:#888',
  'classDef start fill:#333,stroke:#333',
];

function nodeLine(n: FlowNode, indent: string): string {
  const id = mermaidId(n.id);
  const cls = n.cls ? `:::${n.cls}` : '';
  if (n.shape === 'start') return `${indent}${id}((" "))${cls}`;
  return `${indent}${id}["${mermaidLines(n.lines)}"]${cls}`;
}

export function flowchartText(s: FlowchartSpec): Flowchart {
  const lines: string[] = [`flowchart ${s.direction ?? 'TB'}`];
  for (const c of s.classDefs) lines.push(`  ${c}`);
  for (const n of s.nodes) lines.push(nodeLine(n, '  '));
  for (const g of s.groups) {
    lines.push(`  subgraph ${mermaidId(g.id)} ["${mermaidText(g.title)}"]`);
    for (const n of g.nodes) lines.push(nodeLine(n, '    '));
    lines.push('  end');
    if (g.style) lines.push(`  style ${mermaidId(g.id)} ${g.style}`);
  }
  const styles: (ArrowStyle | undefined)[] = [];
  for (const a of s.arrows) {
    const label = a.lines.length ? `|"${mermaidLines(a.lines)}"|` : '';
    lines.push(`  ${mermaidId(a.from)} -->${label} ${mermaidId(a.to)}`);
    styles.push(a.style);
  }
  const used = s.arrows.flatMap((a) => (a.style ? [a.style] : []));
  if (s.legend && (used.length || s.legend.notes?.length)) {
    const lg = legendLines(used, s.legend);
    lines.push(...lg.lines);
    styles.push(...lg.arrows);
  }
  const styled = styles.map((st, i) => ({ st, i })).filter((x): x is { st: ArrowStyle; i: number } => x.st !== undefined);
  lines.push(...linkStyleLines(styled.map((x) => x.st), styled.map((x) => x.i)));
  const nodes = s.nodes.length + s.groups.reduce((a, g) => a + g.nodes.length, 0);
  return { text: frontMatter(s.title, s.config) + lines.join('\n') + '\n', nodes, edges: s.arrows.length };
}
