/**
 * `ftcheck ambiguities`: for each register entry and each of its readings (or
 * each combination, with --product), run the whole property catalogue; write
 * reports/out/ambiguities.md with the matrix and every counterexample.
 * Exit 0: every run complete and every counterexample confirmed by replay;
 * 1: a run stopped early or a counterexample did not replay; 2: bad usage.
 */
import type { Command } from 'commander';
import { exitCodeOf, rowOutcome } from '../../reports/ambiguities/findings.js';
import { ambiguitiesJson } from '../../reports/ambiguities/json.js';
import { MAX_PRODUCT_RUNS, planProduct, planSingle, productSize, resolveOnly } from '../../reports/ambiguities/plan.js';
import { exploreAmbiguities, type Row } from '../../reports/ambiguities/run.js';
import { writeAmbiguities } from '../../reports/ambiguities/write.js';
import { addModelOptions, resolveModelConfig } from '../cli-config.js';
import { UsageError } from '../errors.js';
import { DEFAULT_OUT } from './check.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

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
    .option('--force', 'run a --product larger than the limit')
    .option('--out <DIR>', 'where the report and the counterexample scenarios are written', DEFAULT_OUT)
    .option('--json', 'print the matrix as one JSON object instead of the progress lines and the summary')
    .action((opts: Record<string, unknown>) => {
      const config = resolveModelConfig(opts);
      const only = resolveOnly((opts.only as string[] | undefined) ?? []);
      if ('error' in only) throw new UsageError(only.error);
      const product = Boolean(opts.product);
      if (product) {
        const size = productSize(only.ids);
        if (size > MAX_PRODUCT_RUNS && !opts.force) {
          throw new UsageError(
            `--product over ${only.ids.length} entries is ${size.toLocaleString('en-US')} combinations, past the limit of ${MAX_PRODUCT_RUNS} runs: ` +
              'pick 2-4 entries with --only, or add --force',
          );
        }
      }
      const runs = product ? planProduct(config.readings, only.ids) : planSingle(config.readings, only.ids);
      const quiet = Boolean(opts.json);
      const width = String(runs.length).length;
      let baseline: Row | undefined;
      const onRun = (row: Row, k: number, n: number) => {
        baseline ??= row;
        if (quiet) return;
        const secs = row.seconds.toFixed(1);
        process.stderr.write(`[${String(k + 1).padStart(width)}/${n}] ${row.key}: ${row.states.toLocaleString('en-US')} states, ${secs} s; ${rowOutcome(row, baseline)}\n`);
      };
      const matrix = exploreAmbiguities({
        params: config.params,
        base: config.readings,
        mode: product ? 'product' : 'single',
        entries: only.ids,
        runs,
        properties: config.properties,
        maxStates: config.maxStates,
        maxSeconds: config.maxSeconds,
        onRun,
      });
      const command = ['ftcheck', ...process.argv.slice(2)].join(' ');
      const files = writeAmbiguities(matrix, String(opts.out), { command });
      if (quiet) process.stdout.write(JSON.stringify({ report: files.report, ...ambiguitiesJson(matrix) }, null, 2) + '\n');
      else {
        process.stdout.write(`wrote ${files.report} (${matrix.rows.length} runs, ${files.scenarios.length} counterexample scenarios)\n`);
      }
      process.exitCode = exitCodeOf(matrix);
    });
}
