/**
 * `ftcheck report --html FILE`: run the check (every property, on past the
 * first violation) and write one self-contained HTML file for design
 * reviews: the verdict table with vacuity and coverage, each counterexample
 * as a stepper with its sequence diagram (inline SVG rendered with
 * mermaid-cli; the Mermaid text without chromium), and the readings matrix
 * read from `ftcheck ambiguities --json` output (--matrix FILE) or computed
 * by running the explorer (--ambiguities, minutes).
 * Exit codes as for check: 0 every property holds on a complete run (and
 * the file was written); 1 a violation, a vacuous property (unless
 * --allow-vacuous), an incomplete run, or the file not written; 2 bad usage.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { createProgressReporter } from '../../checker/index.js';
import { exitCodeOf, runCheckAsync } from '../../properties/verify.js';
import { interruptibly, signalExitCode } from '../signals.js';
import { ambiguitiesJson } from '../../reports/ambiguities/json.js';
import { resolveOnly } from '../../reports/ambiguities/plan.js';
import { ambiguityReport } from '../../reports/ambiguities/report.js';
import { configLine, readingsLine, statsLines, vacuityLines, verdictLines } from '../../reports/check-report.js';
import { coverageOf, coverageSummary } from '../../reports/coverage-report.js';
import { htmlReport } from '../../reports/html/build.js';
import { matrixOf, type MatrixView } from '../../reports/html/matrix.js';
import { MermaidRenderer } from '../../reports/mermaid/render.js';
import { addModelOptions, resolveModelConfig, withoutBom } from '../cli-config.js';
import { EXIT_VIOLATION, fsReason, UsageError } from '../errors.js';
import { checkOutputFile, makeOutputDir, writeOutputs } from '../output-path.js';
import { progressLine } from './ambiguities.js';

/** Reads `ftcheck ambiguities --json` output; every problem is a one-line UsageError naming --matrix. */
export function readMatrixFile(file: string): MatrixView {
  let text: string;
  try {
    text = withoutBom(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`--matrix '${file}': cannot read it: ${fsReason(e)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`--matrix '${file}': not valid JSON: ${(e as Error).message.split('\n')[0]}`);
  }
  const m = matrixOf(json, file);
  if ('error' in m) throw new UsageError(`--matrix '${file}': ${m.error}`);
  return m;
}

export function registerReport(program: Command): void {
  const cmd = program
    .command('report')
    .description(
      'run the check (every property, past the first violation) and write one self-contained HTML report: verdicts with vacuity and coverage, ' +
        'each counterexample as a stepper with its sequence diagram, the readings matrix (exit codes as for check)',
    );
  addModelOptions(cmd, true, false);
  cmd
    .requiredOption('--html <FILE>', 'the HTML file to write')
    .option('--matrix <FILE>', "include the readings matrix from this file (the output of 'ftcheck ambiguities --json')")
    .option('--ambiguities', 'include the readings matrix by running the ambiguity explorer first (minutes; as ftcheck ambiguities)')
    .option('--only <ID>', "with --ambiguities: explore only this entry (repeatable; as ftcheck ambiguities --only)", (v: string, prev: string[] = []) => [...prev, v])
    .option('--no-n3', 'with --ambiguities: skip the three-system supplement')
    .option('--allow-vacuous', 'exit 0 even if a property is vacuous (its trigger never holds)')
    .action(async (opts: Record<string, unknown>) => {
      const { symmetry: _checkOnly, ...config } = resolveModelConfig(opts); // symmetry reduction is for check only
      const file = String(opts.html);
      checkOutputFile(file, '--html');
      if (opts.matrix !== undefined && opts.ambiguities) throw new UsageError('--matrix and --ambiguities exclude each other');
      let matrix: MatrixView | null = opts.matrix !== undefined ? readMatrixFile(String(opts.matrix)) : null;
      const onlyFlags = (opts.only as string[] | undefined) ?? [];
      if (onlyFlags.length && !opts.ambiguities) throw new UsageError('--only needs --ambiguities');
      const only = resolveOnly(onlyFlags);
      if ('error' in only) throw new UsageError(only.error);

      const progress = createProgressReporter();
      // SIGINT/SIGTERM end the exploration as --max-seconds does: the report is built from what was decided
      let interrupted;
      try {
        interrupted = await interruptibly((onStart) => runCheckAsync({ ...config, allViolations: true, onProgress: progress.onProgress, onStage: progress.stage }, onStart));
      } finally {
        progress.stop();
      }
      const { value: outcome, signal } = interrupted;
      if (opts.ambiguities && signal === null) {
        const report = ambiguityReport({
          params: config.params,
          base: config.readings,
          entries: only.ids,
          mode: 'single',
          threeSystems: opts.n3 !== false,
          properties: config.properties,
          maxStates: config.maxStates,
          maxSeconds: config.maxSeconds,
          diagram: null,
          onRun: progressLine,
        });
        const m = matrixOf(ambiguitiesJson(report), "the ambiguity explorer run by this 'ftcheck report --ambiguities'");
        if ('error' in m) throw new Error(m.error);
        matrix = m;
      }

      // the verdicts first, before any file is written
      const coverage = coverageOf(outcome);
      const lines = [
        `ftcheck report: US 2006/0150004 A1 FT controller model (${configLine(outcome)})`,
        readingsLine(outcome),
        '',
        ...verdictLines(outcome),
        '',
        ...statsLines(outcome),
        ...(outcome.complete ? [coverageSummary(coverage)] : []),
        ...vacuityLines(outcome),
      ];
      process.stdout.write(lines.join('\n') + '\n');

      const violated = outcome.verdicts.some((v) => v.state !== undefined);
      let renderer: MermaidRenderer | null = null;
      let noRenderer: string | undefined;
      if (violated) {
        const r = await MermaidRenderer.open();
        if ('error' in r) {
          noRenderer = `${r.error}; install it (apt-get install chromium) or set PUPPETEER_EXECUTABLE_PATH to render`;
          process.stderr.write(`ftcheck: ${r.error}: the report shows the sequence diagrams as Mermaid text\n`);
        } else renderer = r;
      }
      let built;
      try {
        built = await htmlReport(outcome, { command: ['ftcheck', ...process.argv.slice(2)].join(' '), renderer, noRenderer, matrix });
      } finally {
        await renderer?.close();
      }
      const w = writeOutputs(() => {
        makeOutputDir(dirname(file));
        writeFileSync(file, built.html);
      }, file);
      if (!w.ok) process.stderr.write(`ftcheck: error: ${w.error}\n`);
      else {
        const diagrams = built.svgs ? `, ${built.svgs} SVG diagram${built.svgs === 1 ? '' : 's'}` : built.mermaidTexts ? `, ${built.mermaidTexts} diagram(s) as Mermaid text` : '';
        const props = `${outcome.verdicts.length} propert${outcome.verdicts.length === 1 ? 'y' : 'ies'}`;
        process.stderr.write(`wrote ${file} (${props}, ${built.counterexamples} counterexample${built.counterexamples === 1 ? '' : 's'}${diagrams}${matrix ? ', the readings matrix' : ''})\n`);
      }
      const code = Math.max(exitCodeOf(outcome, Boolean(opts.allowVacuous)), w.ok ? 0 : EXIT_VIOLATION);
      process.exitCode = signal !== null ? signalExitCode(signal) : code;
    });
}
