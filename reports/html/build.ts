/**
 * `ftcheck report --html`: one check outcome (and optionally a readings
 * matrix) as one self-contained HTML file. The sequence diagrams are
 * rendered to SVG here, at build time, with mermaid-cli; without a renderer
 * (no chromium) each diagram is the Mermaid text instead.
 */
import type { CheckOutcome } from '../../properties/verify.js';
import { traceOf } from '../check-report.js';
import { counterexampleTrace } from '../diagrams.js';
import { sizeProblem } from '../mermaid/limits.js';
import type { MermaidRenderer } from '../mermaid/render.js';
import { sequenceDiagram } from '../mermaid/sequence-diagram.js';
import { reportData, type CounterexampleData } from './data.js';
import type { MatrixView } from './matrix.js';
import { cxAnchor, reportPage } from './page.js';

export interface HtmlReportOptions {
  /** The command line, shown in the header. */
  readonly command?: string;
  /** Renders the diagrams to SVG; null: the Mermaid text is included instead, with `noRenderer` saying why. */
  readonly renderer: MermaidRenderer | null;
  readonly noRenderer?: string;
  readonly matrix: MatrixView | null;
  /** Why the matrix is missing, shown in its place. */
  readonly matrixMissing?: string;
  /** ISO time stamp; default now. */
  readonly generated?: string;
}

export interface HtmlReport {
  readonly html: string;
  readonly counterexamples: number;
  /** Diagrams rendered to SVG, and included as Mermaid text. */
  readonly svgs: number;
  readonly mermaidTexts: number;
}

export async function htmlReport(o: CheckOutcome, opts: HtmlReportOptions): Promise<HtmlReport> {
  const diagrams = new Map<string, CounterexampleData['diagram']>();
  let svgs = 0;
  let texts = 0;
  for (const v of o.verdicts) {
    if (!traceOf(o, v)) continue;
    const text = sequenceDiagram(counterexampleTrace(o, v));
    const tooBig = sizeProblem(text);
    if (tooBig) {
      diagrams.set(v.property.name, null);
      continue;
    }
    if (opts.renderer) {
      try {
        const svg = new TextDecoder().decode(await opts.renderer.svg(text, `seq-${cxAnchor(v.property.name)}`));
        diagrams.set(v.property.name, { svg: svg.replace(/^<\?xml[^>]*>\s*/, '') });
        svgs++;
        continue;
      } catch (e) {
        diagrams.set(v.property.name, { mermaid: text, why: `Mermaid could not render it: ${String((e as Error).message ?? e).split('\n')[0]}` });
        texts++;
        continue;
      }
    }
    diagrams.set(v.property.name, { mermaid: text, why: opts.noRenderer ?? 'not rendered' });
    texts++;
  }
  const data = reportData(o, { command: opts.command, diagrams, generated: opts.generated });
  const html = reportPage(data, { matrix: opts.matrix, matrixMissing: opts.matrixMissing });
  return { html, counterexamples: data.counterexamples.length, svgs, mermaidTexts: texts };
}
