/**
 * `ftcheck diagram`: Mermaid diagrams of the explored model (FIG. 8 per
 * system, the product graph, FIG. 9-11 and counterexample sequence diagrams)
 * as .mmd files, report.md, optionally graph.json, and SVG/PNG rendered with
 * Debian's chromium. Without chromium the text files are still written and
 * one line says how to render them.
 */
import { join } from 'node:path';
import type { Command } from 'commander';
import {
  buildDiagrams, defaultScenarioFiles, renderDiagrams, ScenarioFileError, writeGraph, writeMermaidFiles, writeReport, type RenderedFile,
} from '../../reports/diagrams.js';
import { parseHide, SHOW_ALL } from '../../reports/mermaid/edge-style.js';
import { MermaidRenderer, chromiumPath } from '../../reports/mermaid/render.js';
import { addModelOptions, resolveModelConfig } from '../cli-config.js';
import { UsageError } from '../errors.js';

export const DEFAULT_DIAGRAM_OUT = 'reports/out';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function registerDiagram(program: Command): void {
  const cmd = program
    .command('diagram')
    .description('write Mermaid diagrams (FIG. 8 per system, product graph, FIG. 9-11 and counterexample sequence diagrams), report.md, and their SVG/PNG');
  addModelOptions(cmd, true, false);
  cmd
    .option('--out <DIR>', 'output directory', DEFAULT_DIAGRAM_OUT)
    .option('--graph-json [FILE]', 'also write the reachable graph (states with decoded fields, labelled edges, projections) as JSON; default FILE: OUT/graph.json')
    .option('--scenario <FILE>', 'also draw this scenario (e.g. a counterexample written by check) as a sequence diagram (repeatable)', collect)
    .option('--hide <WHAT>', 'leave out of FIG. 8 and the product graph: failures (failure-injection arrows), readings (arrows the patent does not name), or failures,readings')
    .option('--no-render', 'write .mmd and report.md only, no SVG/PNG')
    .option('--json', 'print one JSON object listing the files instead of one line per file')
    .action(async (opts: Record<string, unknown>) => {
      const hide = opts.hide === undefined ? SHOW_ALL : parseHide(String(opts.hide));
      if ('error' in hide) throw new UsageError(hide.error);
      const config = resolveModelConfig(opts);
      const out = String(opts.out);
      const json = Boolean(opts.json);
      const say = (line: string) => {
        if (!json) process.stdout.write(line + '\n');
      };
      const extra = (opts.scenario as string[] | undefined) ?? [];
      let set;
      try {
        set = buildDiagrams({ ...config, hide, scenarios: [...defaultScenarioFiles(), ...extra] });
      } catch (e) {
        if (e instanceof ScenarioFileError) throw new UsageError(e.message);
        throw e;
      }
      const files: { file: string; kind: string; width?: number; height?: number; ms?: number }[] = [];
      for (const f of writeMermaidFiles(set, out)) {
        files.push({ file: f, kind: 'mmd' });
        say(`wrote ${f}`);
      }
      for (const d of set.diagrams) if (d.problem) say(`not rendered: ${d.name} (${d.problem})`);
      if (opts.graphJson !== undefined) {
        const file = typeof opts.graphJson === 'string' ? opts.graphJson : join(out, 'graph.json');
        const g = writeGraph(set, file);
        files.push({ file, kind: 'graph-json' });
        say(`wrote ${file} (${g.states.toLocaleString('en-US')} states, ${g.edges.toLocaleString('en-US')} edges)`);
      }
      let rendered = false;
      let renderNote: string | null = null;
      if (opts.render !== false) {
        const renderer = await MermaidRenderer.open(chromiumPath());
        if ('error' in renderer) {
          renderNote =
            `${renderer.error}: wrote .mmd and report.md only; to get SVG/PNG, install chromium (apt-get install chromium) ` +
            `or point PUPPETEER_EXECUTABLE_PATH at a Chrome, and rerun; or open ${join(out, 'report.md')} in a Mermaid-aware Markdown viewer`;
          process.stderr.write(`ftcheck: ${renderNote}\n`);
        } else {
          try {
            await renderDiagrams(set, out, renderer, (f: RenderedFile) => {
              files.push({ file: f.svg, kind: 'svg', width: f.width, height: f.height, ms: f.ms });
              files.push({ file: f.png, kind: 'png', width: f.pngWidth, height: f.pngHeight });
              say(`wrote ${f.svg} (${f.width}x${f.height}; SVG and PNG in ${(f.ms / 1000).toFixed(1)} s)`);
              say(`wrote ${f.png} (${f.pngWidth}x${f.pngHeight} px)`);
            });
            rendered = true;
          } finally {
            await renderer.close();
          }
        }
      }
      const report = writeReport(set, out, rendered);
      files.push({ file: report, kind: 'report' });
      say(`wrote ${report}`);
      if (json) {
        process.stdout.write(
          JSON.stringify({ out, complete: set.complete, rendered, ...(renderNote ? { renderNote } : {}), notes: set.notes, files }, null, 2) + '\n',
        );
      }
    });
}
