/** `ftcheck mutate`: mutation analysis of the property catalogue over the model's own rules and hooks. */
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { analyseMutations, BaselineFailsError } from '../../properties/mutation/analysis.js';
import { mutationJson, mutationMarkdown, mutationText } from '../../reports/mutation-report.js';
import { addModelOptions, resolveModelConfig } from '../cli-config.js';
import { parseWorkers, UsageError } from '../errors.js';
import { checkOutputDir, makeOutputDir, writeOutputs } from '../output-path.js';

export function registerMutate(program: Command): void {
  const cmd = program
    .command('mutate')
    .description('mutation analysis: run every first-order mutant of the model with the whole catalogue; report killed, survived and equivalent mutants and the kill rate (exit 0: done; 1: interrupted or the unmutated model fails; 2: bad usage)');
  addModelOptions(cmd, false, false);
  cmd
    .option('--quick', 'run a sample of about 150 mutants, stratified by operator')
    .option('--sample <N>', 'run a sample of at most N mutants')
    .option('--only <REGEX>', "run only the mutants whose id matches, e.g. '^ft:set-sby:' (ids as in mutation.md)")
    .option('--workers <N>', 'worker threads (default: the number of cores)')
    .option('--json', 'print one JSON object (killRate as a fraction, one record per mutant)')
    .option('--out <DIR>', 'where mutation.md is written', 'reports/out')
    .action(async (opts: Record<string, unknown>) => {
      const { symmetry: _checkOnly, ...config } = resolveModelConfig(opts); // symmetry reduction is for check only
      const workers = parseWorkers(opts.workers, availableParallelism());
      const sample = opts.sample !== undefined ? Number(opts.sample) : opts.quick ? 150 : undefined;
      if (sample !== undefined && !(Number.isInteger(sample) && sample >= 1)) throw new UsageError(`--sample must be a positive integer (got '${String(opts.sample)}')`);
      let only: RegExp | undefined;
      if (opts.only !== undefined) {
        try {
          only = new RegExp(String(opts.only));
        } catch (e) {
          throw new UsageError(`--only: not a regular expression: ${(e as Error).message}`);
        }
      }
      const outDir = String(opts.out);
      checkOutputDir(outDir, '--out');
      const tty = process.stderr.isTTY === true;
      const start = performance.now();
      let stop = false;
      const onSignal = () => (stop ? process.exit(130) : (stop = true));
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      const counts = { killed: 0, survived: 0, equivalent: 0, other: 0 };
      let analysis;
      try {
        analysis = await analyseMutations({
          params: config.params,
          readings: config.readings,
          workers,
          ...(sample !== undefined ? { sample } : {}),
          ...(only ? { only } : {}),
          shouldStop: () => stop,
          onResult: (r, done, total) => {
            if (r.status === 'killed' || r.status === 'survived' || r.status === 'equivalent') counts[r.status]++;
            else counts.other++;
            if (!tty) return;
            const secs = (performance.now() - start) / 1000;
            const eta = done > 0 ? (secs / done) * (total - done) : 0;
            process.stderr.write(`\rmutants: ${done}/${total} [${'#'.repeat(Math.round((20 * done) / total)).padEnd(20)}] killed ${counts.killed}, survived ${counts.survived}, equivalent ${counts.equivalent}, other ${counts.other}; ${secs.toFixed(0)} s, about ${eta.toFixed(0)} s left\x1b[K`);
          },
        });
      } catch (e) {
        if (e instanceof BaselineFailsError) {
          process.stderr.write(`ftcheck: mutate: ${e.message}\n`);
          process.exitCode = 1;
          return;
        }
        throw e;
      } finally {
        if (tty) process.stderr.write('\r\x1b[K');
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
      if (opts.json) process.stdout.write(JSON.stringify(mutationJson(analysis), null, 2) + '\n');
      else process.stdout.write(mutationText(analysis) + '\n');
      const file = join(outDir, 'mutation.md');
      const w = writeOutputs(() => {
        makeOutputDir(outDir);
        writeFileSync(file, mutationMarkdown(analysis, `ftcheck ${process.argv.slice(2).join(' ')}`));
      });
      if (w.ok) process.stderr.write(`wrote ${file}\n`);
      else {
        process.stderr.write(`ftcheck: error: ${w.error}\n`);
        process.exitCode = 1;
      }
      if (analysis.notRun > 0) process.exitCode = 130;
    });
}
