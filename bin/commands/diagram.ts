/**
 * `ftcheck diagram`: Mermaid diagrams of the explored model (FIG. 8 per
 * system, the product graph, FIG. 9-11 and counterexample sequence diagrams)
 * as .mmd files, report.md, optionally graph.json, and SVG/PNG rendered with
 * Debian's chromium. Without chromium the text files are still written and
 * one line says how to render them.
 *
 * The output paths are checked before the run; the verdicts and the replay
 * of each scenario are printed (stdout) before any file is written, one
 * "wrote" line per file on stderr. Exit 0: every property holds, the run is
 * complete, every scenario replayed to its end and every file was written;
 * 1 otherwise; 2 bad usage.
 */
import { join } from 'node:path';
import type { Command } from 'commander';
import { exitCodeOf } from '../../properties/verify.js';
import { configLine, statsLines } from '../../reports/check-report.js';
import {
  buildDiagrams, defaultScenarioFiles, renderDiagrams, ScenarioFileError, writeGraph, writeMermaidFiles, writeReport,
  type DiagramSet, type RenderedFile,
} from '../../reports/diagrams.js';
import { parseHide, SHOW_ALL } from '../../reports/mermaid/edge-style.js';
import { MermaidRenderer, chromiumPath } from '../../reports/mermaid/render.js';
import { addModelOptions, resolveModelConfig } from '../cli-config.js';
import { EXIT_VIOLATION, UsageError } from '../errors.js';
import { checkOutputDir, checkOutputFile, makeOutputDir, writeOutputs } from '../output-path.js';

export const DEFAULT_DIAGRAM_OUT = 'reports/out';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** The verdict table, the run statistics and how each scenario replayed: what the run found. */
function resultLines(set: DiagramSet): string[] {
  const o = set.outcome;
  const w = Math.max(...o.verdicts.map((v) => v.property.name.length));
  const lines = [`ftcheck diagram: US 2006/0150004 A1 FT controller model (${configLine(o)})`];
  for (const v of o.verdicts) {
    const mark = v.verdict === 'holds' ? 'holds   ' : v.verdict === 'violated' ? 'VIOLATED' : v.verdict === 'vacuous' ? 'VACUOUS ' : 'unknown ';
    const len = v.state !== undefined ? `  (trace: ${o.result.graph.depthOf(v.state)} steps)` : '';
    lines.push(`  ${mark}  ${v.property.name.padEnd(w)}  ${v.property.cites}${len}`);
  }
  lines.push(...statsLines(o));
  for (const r of set.replays) {
    const own = r.ownParams ? ` (with its own ${r.ownParams})` : '';
    lines.push(r.error ? `scenario ${r.name}: replay of ${r.steps} steps${own} STOPPED at ${r.error}` : `scenario ${r.name}: replayed all ${r.steps} steps${own}`);
  }
  return lines;
}

export function registerDiagram(program: Command): void {
  const cmd = program
    .command('diagram')
    .description(
      'write Mermaid diagrams (FIG. 8 per system, product graph, FIG. 9-11 and counterexample sequence diagrams), report.md, and their SVG/PNG ' +
        '(exit 0: every property holds and every scenario replays; 1: a violation, an incomplete run, a scenario that does not replay, a file not written; 2: bad usage)',
    );
  addModelOptions(cmd, true, false);
  cmd
    .option('--out <DIR>', 'output directory', DEFAULT_DIAGRAM_OUT)
    .option('--graph-json [FILE]', 'also write the reachable graph (states with decoded fields, labelled edges, projections) as JSON; default FILE: OUT/graph.json')
    .option('--scenario <FILE>', 'also draw this scenario (e.g. a counterexample written by check) as a sequence diagram (repeatable)', collect)
    .option('--hide <WHAT>', 'leave out of FIG. 8 and the product graph: failures (failure-injection arrows), readings (arrows the patent does not name), or failures,readings')
    .option('--no-render', 'write .mmd and report.md only, no SVG/PNG')
    .option('--json', 'print one JSON object (verdicts, scenario replays, files) instead of the verdicts and one line per file')
    .action(async (opts: Record<string, unknown>) => {
      const hide = opts.hide === undefined ? SHOW_ALL : parseHide(String(opts.hide));
      if ('error' in hide) throw new UsageError(hide.error);
      const { symmetry: _checkOnly, ...config } = resolveModelConfig(opts); // symmetry reduction is for check only
      const out = String(opts.out);
      checkOutputDir(out, '--out');
      const graphFile = opts.graphJson === undefined ? undefined : typeof opts.graphJson === 'string' ? opts.graphJson : join(out, 'graph.json');
      if (graphFile !== undefined) checkOutputFile(graphFile, '--graph-json');
      const json = Boolean(opts.json);
      const wrote = (line: string) => {
        if (!json) process.stderr.write(`wrote ${line}\n`);
      };
      const extra = (opts.scenario as string[] | undefined) ?? [];
      let set: DiagramSet;
      try {
        set = buildDiagrams({ ...config, hide, scenarios: [...defaultScenarioFiles(), ...extra] });
      } catch (e) {
        if (e instanceof ScenarioFileError) throw new UsageError(e.message);
        throw e;
      }
      if (!json) process.stdout.write(resultLines(set).join('\n') + '\n');

      const files: { file: string; kind: string; width?: number; height?: number; ms?: number }[] = [];
      let rendered = false;
      let renderNote: string | null = null;
      const first = writeOutputs(() => {
        makeOutputDir(out);
        for (const f of writeMermaidFiles(set, out)) {
          files.push({ file: f, kind: 'mmd' });
          wrote(f);
        }
        if (graphFile !== undefined) {
          const g = writeGraph(set, graphFile);
          files.push({ file: graphFile, kind: 'graph-json' });
          wrote(`${graphFile} (${g.states.toLocaleString('en-US')} states, ${g.edges.toLocaleString('en-US')} edges)`);
        }
      }, out);
      let written = first;
      if (first.ok && opts.render !== false) {
        for (const d of set.diagrams) if (d.problem && !json) process.stderr.write(`ftcheck: not rendered: ${d.name} (${d.problem})\n`);
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
              wrote(`${f.svg} (${f.width}x${f.height}; SVG and PNG in ${(f.ms / 1000).toFixed(1)} s)`);
              wrote(`${f.png} (${f.pngWidth}x${f.pngHeight} px)`);
            });
            rendered = true;
          } catch (e) {
            // a file system error becomes one line; anything else (Mermaid rejecting our text) is a bug and rethrown
            written = writeOutputs(() => {
              throw e;
            }, out);
          } finally {
            await renderer.close();
          }
        }
      }
      if (written.ok) {
        written = writeOutputs(() => {
          const report = writeReport(set, out, rendered);
          files.push({ file: report, kind: 'report' });
          wrote(report);
        }, join(out, 'report.md'));
      }
      const writeError = written.ok ? undefined : written.error;
      if (writeError) process.stderr.write(`ftcheck: error: ${writeError}\n`);
      if (json) {
        const o = set.outcome;
        process.stdout.write(
          JSON.stringify(
            {
              out,
              complete: set.complete,
              verdicts: o.verdicts.map((v) => ({ name: v.property.name, verdict: v.verdict, ...(v.state !== undefined ? { length: o.result.graph.depthOf(v.state) } : {}) })),
              scenarios: set.replays.map((r) => ({
                file: r.file, diagram: r.name, ok: !r.error, steps: r.steps, replayed: r.replayed,
                ...(r.ownParams ? { ownParams: r.ownParams } : {}), ...(r.error ? { error: r.error } : {}),
              })),
              rendered,
              ...(renderNote ? { renderNote } : {}),
              notes: set.notes,
              files,
              ...(writeError ? { writeError } : {}),
            },
            null,
            2,
          ) + '\n',
        );
      }
      const replayFailed = set.replays.some((r) => r.error !== undefined);
      // a drawing command: a vacuous property is reported in report.md, not an error here (check decides that)
      process.exitCode = Math.max(exitCodeOf(set.outcome, true), replayFailed || writeError ? EXIT_VIOLATION : 0);
    });
}
