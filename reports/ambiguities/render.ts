/**
 * `--render`: each counterexample's sequence diagram as an SVG beside its
 * .mmd, through reports/mermaid's renderer (mermaid-cli and chromium). The
 * report embeds ```mermaid blocks either way; the SVGs are for viewers that
 * do not draw Mermaid.
 */
import { writeFileSync } from 'node:fs';
import type { MermaidRenderer } from '../mermaid/render.js';
import { matricesOf, type AmbiguityReport } from './findings.js';

/** Renders every written diagram (diagramFile set) to `<same name>.svg`; sets `svgFile`. */
export async function renderCounterexamples(r: AmbiguityReport, renderer: MermaidRenderer, onFile: (svg: string) => void = () => {}): Promise<string[]> {
  const out: string[] = [];
  for (const m of matricesOf(r)) {
    for (const row of m.rows) {
      for (const c of row.cells) {
        const cx = c.counterexample;
        if (!cx?.diagram || !cx.diagramFile) continue;
        let svg: Uint8Array;
        try {
          svg = await renderer.svg(cx.diagram);
        } catch (e) {
          throw new Error(`Mermaid could not render ${cx.diagramFile}: ${String((e as Error).message).split('\n').slice(0, 3).join(' ')}`);
        }
        cx.svgFile = cx.diagramFile.replace(/\.mmd$/, '.svg');
        writeFileSync(cx.svgFile, svg);
        out.push(cx.svgFile);
        onFile(cx.svgFile);
      }
    }
  }
  return out;
}
