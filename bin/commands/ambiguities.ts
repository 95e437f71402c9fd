/**
 * `ftcheck ambiguities`: for each register entry and each of its readings (or
 * each combination, with --product), run the whole property catalogue; write
 * reports/out/ambiguities.md with the matrix and every counterexample.
 * Exit 0: every run complete and every counterexample confirmed by replay;
 * 1: a run stopped early, a counterexample did not replay, or a file could
 * not be written (the results are printed first); 2: bad usage, including an
 * --out that cannot be written, found before any run.
 */
import type { Command } from 'commander';
import { join } from 'node:path';
import { matricesOf, reportExitCode, rowOutcome, summarize, type AmbiguityReport } from '../../reports/ambiguities/findings.js';
import { ambiguitiesJson } from '../../reports/ambiguities/json.js';
import {
  MAX_PAIRS_RUNS, MAX_PRODUCT_RUNS, THREE_SYSTEM_COST, planCost, planFor, productSize, resolveOnly, type PlanMode,
} from '../../reports/ambiguities/plan.js';
import { ambiguityReport } from '../../reports/ambiguities/report.js';
import type { Row } from '../../reports/ambiguities/run.js';
import { renderCounterexamples } from '../../reports/ambiguities/render.js';
import { writeCounterexampleFiles, writeReportFile } from '../../reports/ambiguities/write.js';
import { MermaidRenderer, chromiumPath } from '../../reports/mermaid/render.js';
import { addModelOptions, resolveModelConfig } from '../cli-config.js';
import { EXIT_VIOLATION, UsageError } from '../errors.js';
import { checkOutputDir, makeOutputDir, writeOutputs } from '../output-path.js';
import { DEFAULT_OUT } from './check.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** One line on stderr per run: `[ 3/22] D5-copy-direction=from-recover-offline: 26,033 states, 0.4 s; violates ...`. */
export function progressLine(tag: string, row: Row, baseline: Row, k: number, n: number): void {
  const count = `${String(k + 1).padStart(String(n).length)}/${n}`;
  const where = tag ? ` ${tag}` : '';
  process.stderr.write(`[${count}${where}] ${row.key}: ${row.states.toLocaleString('en-US')} states, ${row.seconds.toFixed(1)} s; ${rowOutcome(row, baseline)}\n`);
}

export function registerAmbiguities(program: Command): void {
  const cmd = program
    .command('ambiguities')
    .description(
      'run every property under each reading of each ambiguous or silent place of the patent and write ' +
        'reports/out/ambiguities.md: the register, the matrix reading x property, every counterexample (exit 0: all runs ' +
        'complete and every counterexample replays; 1: otherwise; 2: bad usage)',
    );
  addModelOptions(cmd, false);
  cmd
    .option('--property <NAME>', "check only this property (repeatable; see 'ftcheck properties')", collect)
    .option('--only <ID>', "explore only this entry (repeatable; an id or its prefix such as S5; see 'ftcheck readings')", collect)
    .option('--product', `run every combination of the readings of the entries given with --only (refused past ${MAX_PRODUCT_RUNS} runs unless --force)`)
    .option('--pairs', `run each reading alone, then every pair of readings of two entries (all entries, or those of --only; refused past ${MAX_PAIRS_RUNS} runs unless --force)`)
    .option('--force', `run a --product or --pairs past its limit (a run with three systems counts as ${THREE_SYSTEM_COST})`)
    .option('--no-n3', 'skip the three-system supplement (entries citing [0102] run again with N=3 and P=1 when N=2)')
    .option('--out <DIR>', 'where the report and the counterexample scenarios are written', DEFAULT_OUT)
    .option('--json', 'print the matrix as one JSON object instead of the progress lines and the summary')
    .option('--render', 'also render each counterexample\'s sequence diagram to SVG (needs chromium; see ftcheck diagram)')
    .action(async (opts: Record<string, unknown>) => {
      const { symmetry: _checkOnly, ...config } = resolveModelConfig(opts); // symmetry reduction is for check only
      const only = resolveOnly((opts.only as string[] | undefined) ?? []);
      if ('error' in only) throw new UsageError(only.error);
      if (opts.product && opts.pairs) throw new UsageError('--product and --pairs exclude each other');
      const mode: PlanMode = opts.product ? 'product' : opts.pairs ? 'pairs' : 'single';
      if (mode !== 'single') {
        // the product's size is computed, not planned: over the whole register it is millions of combinations
        const runs = mode === 'product' ? productSize(only.ids) : planFor(mode, config.readings, only.ids).length;
        const limit = mode === 'product' ? MAX_PRODUCT_RUNS : MAX_PAIRS_RUNS;
        const cost = planCost(runs, config.params.systems);
        if (cost > limit && !opts.force) {
          const n3 = config.params.systems >= 3 ? ` (with three systems each counts as ${THREE_SYSTEM_COST}: ${cost.toLocaleString('en-US')})` : '';
          const hint = mode === 'product' ? 'pick 2-4 entries with --only' : 'pick entries with --only';
          throw new UsageError(
            `--${mode} over ${only.ids.length} entries is ${runs.toLocaleString('en-US')} runs, past the limit of ${limit}${n3}: ${hint}, or add --force`,
          );
        }
      }
      const out = String(opts.out);
      checkOutputDir(out, '--out');
      const quiet = Boolean(opts.json);
      const report: AmbiguityReport = ambiguityReport({
        params: config.params,
        base: config.readings,
        entries: only.ids,
        mode,
        threeSystems: opts.n3 !== false,
        properties: config.properties,
        maxStates: config.maxStates,
        maxSeconds: config.maxSeconds,
        onRun: quiet ? undefined : progressLine,
      });
      const command = ['ftcheck', ...process.argv.slice(2)].join(' ');
      const matrices = matricesOf(report);
      const summaries = matrices.map(summarize);
      const runs = summaries.reduce((k, s) => k + s.runs, 0);
      const counterexamples = summaries.reduce((k, s) => k + s.counterexamples, 0);
      const replayed = summaries.reduce((k, s) => k + s.replayed, 0);
      const incomplete = summaries.reduce((k, s) => k + s.incomplete.length, 0);
      if (!quiet) {
        // the results, before any file is written (the progress lines above gave each run's verdicts)
        const confirmed = replayed === counterexamples ? 'each confirmed by an independent replay' : `${counterexamples - replayed} NOT confirmed by replay`;
        const stopped = incomplete ? `; ${incomplete} run(s) stopped early` : '';
        process.stdout.write(`${runs} runs, ${counterexamples} counterexample${counterexamples === 1 ? '' : 's'}, ${confirmed}${stopped}\n`);
      }
      let svgs = 0;
      let file: string | null = null;
      let scenarioCount = 0;
      let written = writeOutputs(() => {
        makeOutputDir(out);
        scenarioCount = writeCounterexampleFiles(report, out).scenarios.length;
      }, out);
      if (written.ok && opts.render) {
        const renderer = await MermaidRenderer.open(chromiumPath());
        if ('error' in renderer) process.stderr.write(`ftcheck: ${renderer.error}: no SVG written; the report still embeds the Mermaid text\n`);
        else {
          try {
            svgs = (await renderCounterexamples(report, renderer)).length;
          } catch (e) {
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
          file = writeReportFile(report, out, { command });
        }, join(out, 'ambiguities.md'));
      }
      const writeError = written.ok ? undefined : written.error;
      if (writeError) process.stderr.write(`ftcheck: error: ${writeError}\n`);
      if (quiet) process.stdout.write(JSON.stringify({ report: file, ...ambiguitiesJson(report), ...(writeError ? { writeError } : {}) }, null, 2) + '\n');
      else if (file) {
        const rendered = opts.render ? `, ${svgs} SVG diagrams` : '';
        process.stderr.write(`wrote ${file} (${runs} runs, ${scenarioCount} counterexample scenarios${rendered})\n`);
      }
      if (writeError) {
        process.exitCode = EXIT_VIOLATION;
        return;
      }
      process.exitCode = reportExitCode(report);
    });
}
