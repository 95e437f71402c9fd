/** `ftcheck check`: exhaustive proof of the property catalogue, or shortest counterexamples. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { createProgressReporter } from '../../checker/index.js';
import { runCheck, exitCodeOf } from '../../properties/verify.js';
import { checkJson, checkText, coverageText, stepsOf } from '../../reports/check-report.js';
import { traceScenario } from '../../reports/trace.js';
import { addModelOptions, resolveModelConfig } from '../cli-config.js';

export const DEFAULT_OUT = 'reports/out';

export function registerCheck(program: Command): void {
  const cmd = program
    .command('check')
    .description('explore the composed model exhaustively and prove or refute every property (exit 0: all hold; 1: a violation or an incomplete run; 2: bad usage)');
  addModelOptions(cmd);
  cmd
    .option('--json', 'print one JSON object (documented in the README) instead of text')
    .option('--full-trace', 'show whole states at each step of a counterexample instead of the changed fields')
    .option('--coverage', 'list how often each transition label fired')
    .option('--out <DIR>', 'where counterexample scenarios are written', DEFAULT_OUT)
    .action((opts: Record<string, unknown>) => {
      const config = resolveModelConfig(opts);
      const progress = createProgressReporter({ enabled: !opts.json });
      const outcome = runCheck({ ...config, onProgress: progress.onProgress });
      progress.stop();
      const files = new Map<string, string>();
      for (const v of outcome.verdicts) {
        const steps = stepsOf(outcome, v);
        if (!steps) continue;
        const dir = join(String(opts.out), 'counterexamples');
        mkdirSync(dir, { recursive: true });
        const file = join(dir, `${v.property.name}.json`);
        writeFileSync(file, JSON.stringify(traceScenario(outcome.model, steps, v.property.name), null, 2) + '\n');
        files.set(v.property.name, file);
      }
      if (opts.json) process.stdout.write(JSON.stringify(checkJson(outcome, files), null, 2) + '\n');
      else {
        process.stdout.write(checkText(outcome, { fullTrace: Boolean(opts.fullTrace), scenarioFiles: files }) + '\n');
        if (opts.coverage) process.stdout.write('\nCoverage (firings per transition label):\n' + coverageText(outcome) + '\n');
      }
      process.exitCode = exitCodeOf(outcome);
    });
}
