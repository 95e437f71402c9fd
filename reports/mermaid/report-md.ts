/**
 * `report.md`: the check's verdict table, the run statistics and every
 * diagram as an embedded ```mermaid block (with links to its SVG and PNG),
 * so the report reads on any Markdown viewer that renders Mermaid.
 */
import type { CheckOutcome } from '../../properties/verify.js';
import { configLine, statsLines } from '../check-report.js';

export type DiagramSection = 'fig8' | 'product' | 'scenario' | 'counterexample';

/** One diagram as the report shows it. */
export interface ReportDiagram {
  /** File stem: `<name>.mmd`, `<name>.svg`, `<name>.png`. */
  readonly name: string;
  readonly title: string;
  readonly section: DiagramSection;
  readonly text: string;
  /** Sentences shown above the diagram (what it shows, what was left out). */
  readonly caption: readonly string[];
  /** The counterexample's property, for the verdict table's link. */
  readonly property?: string;
  /** Why the diagram is not embedded or rendered (too large), or null. */
  readonly problem: string | null;
}

export interface ReportInput {
  readonly outcome: CheckOutcome;
  readonly diagrams: readonly ReportDiagram[];
  /** Whether SVG/PNG files exist beside report.md. */
  readonly rendered: boolean;
  /** Extra lines for the statistics section (projection sizes, timings). */
  readonly notes: readonly string[];
}

/** Text safe inside a Markdown table cell. */
export function mdCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ').replace(/</g, '&lt;');
}

/** A heading anchor as GitHub builds it. */
export function anchorOf(heading: string): string {
  return heading.toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, '').trim().replace(/\s/g, '-');
}

const SECTIONS: readonly { section: DiagramSection; heading: string; intro: string }[] = [
  {
    section: 'fig8',
    heading: 'FIG. 8 reconstructed from the model',
    intro:
      'The reachable graph projected onto one system\'s FT-controller state. Each arrow carries the transition labels that move it, grouped by action ' +
      '(labels of other systems included) and, when the patent names the transition, its paragraphs. The legend in each diagram gives the arrow styles: ' +
      'solid for what the patent names, dashed for a model reading, red for failure injections, grey dotted for a transition the patent names that the model never takes. ' +
      'Dashed grey states are never reached.',
  },
  {
    section: 'product',
    heading: 'Product graph',
    intro:
      'All systems\' FT-controller states together: one node per reachable tuple, arrows styled as in FIG. 8 with their labels grouped by action. ' +
      'When that is too large to read, its projection onto each system\'s state group is drawn instead, and the title says so.',
  },
  { section: 'scenario', heading: 'Sequence diagrams of the figures', intro: 'The FIG. 9-11 scenarios replayed on the model, in the manner of the patent\'s timing charts: one numbered message per step, a note at each state change.' },
  { section: 'counterexample', heading: 'Counterexamples', intro: 'The shortest trace to each violated property, ending in the refuting state.' },
];

export function reportMarkdown(r: ReportInput): string {
  const o = r.outcome;
  const out: string[] = [];
  out.push('# ftcheck report: US 2006/0150004 A1 FT controller');
  out.push('');
  out.push(`Model: ${configLine(o)}.`);
  out.push('');
  out.push('## Verdicts');
  out.push('');
  out.push('| property | verdict | statement | cites | trace |');
  out.push('|---|---|---|---|---|');
  for (const v of o.verdicts) {
    const d = r.diagrams.find((x) => x.section === 'counterexample' && x.property === v.property.name);
    const mark = v.verdict === 'holds' ? 'holds' : v.verdict === 'violated' ? '**VIOLATED**' : v.verdict === 'vacuous' ? 'vacuous (never triggered)' : 'unknown';
    const trace = v.state !== undefined ? `${o.result.graph.depthOf(v.state)} steps${d ? `, [diagram](#${anchorOf(d.title)})` : ''}` : '';
    const statement = v.note ? `${v.property.statement} (${v.note})` : v.property.statement;
    out.push(`| ${mdCell(v.property.name)} | ${mark} | ${mdCell(statement)} | ${mdCell(v.property.cites)} | ${mdCell(trace)} |`);
  }
  out.push('');
  out.push('## Run statistics');
  out.push('');
  for (const line of [...statsLines(o), ...r.notes]) out.push(`- ${line}`);
  for (const s of SECTIONS) {
    const ds = r.diagrams.filter((d) => d.section === s.section);
    if (!ds.length) continue;
    out.push('');
    out.push(`## ${s.heading}`);
    out.push('');
    out.push(s.intro);
    for (const d of ds) {
      out.push('');
      out.push(`### ${d.title}`);
      out.push('');
      for (const c of d.caption) out.push(c);
      if (d.caption.length) out.push('');
      const files = [`[${d.name}.mmd](${d.name}.mmd)`];
      if (r.rendered && !d.problem) files.push(`[SVG](${d.name}.svg)`, `[PNG](${d.name}.png)`);
      out.push(`Files: ${files.join(' · ')}`);
      out.push('');
      if (d.problem) {
        out.push(`Not embedded: ${d.problem}.`);
        continue;
      }
      out.push('```mermaid');
      out.push(d.text.trimEnd());
      out.push('```');
    }
  }
  return out.join('\n') + '\n';
}
