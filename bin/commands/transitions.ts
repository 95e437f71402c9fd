/** `ftcheck transitions`: the transition relation as Markdown tables, one per block. */
import { writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { runCheck } from '../../properties/verify.js';
import { configLine } from '../../reports/check-report.js';
import { labelFirings, transitionsMarkdown, type TransitionCounts } from '../../reports/transitions.js';
import { addModelOptions, resolveModelConfig } from '../cli-config.js';
import { EXIT_VIOLATION } from '../errors.js';
import { checkOutputFile, makeOutputDir, writeOutputs } from '../output-path.js';

export function registerTransitions(program: Command): void {
  const cmd = program
    .command('transitions')
    .description('print the whole transition relation as Markdown tables, one per hardware block, with citations');
  addModelOptions(cmd, false, false);
  cmd
    .option('--coverage', 'explore the configuration (model options) first and add to every rule how often reachable transitions take it')
    .option('--out <FILE>', 'write to FILE instead of standard output (its directory is created if needed)')
    .action((opts: Record<string, unknown>) => {
      const out = opts.out === undefined ? undefined : String(opts.out);
      if (out !== undefined) checkOutputFile(out, '--out');
      const config = resolveModelConfig(opts);
      let counts: TransitionCounts | undefined;
      if (opts.coverage === true) {
        const o = runCheck({ ...config, properties: ['one-act'] });
        const line = configLine(o) + (o.complete ? '' : `, INCOMPLETE (${o.result.stopReason}): the counts cover only the states explored`);
        if (!o.complete) process.exitCode = EXIT_VIOLATION;
        counts = { counters: o.result.counters, firings: labelFirings(o.model.labelNames, o.result.coverage.firings), states: o.result.stats.states, line };
      }
      const md = transitionsMarkdown(config.readings, counts);
      if (out === undefined) return void process.stdout.write(md);
      const file = out;
      const w = writeOutputs(() => {
        makeOutputDir(dirname(file));
        writeFileSync(file, md);
      }, file);
      if (w.ok) process.stderr.write(`wrote ${file}\n`);
      else {
        process.stderr.write(`ftcheck: error: ${w.error}\n`);
        process.exitCode = EXIT_VIOLATION;
      }
    });
}
