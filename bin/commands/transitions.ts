/** `ftcheck transitions`: the transition relation as Markdown tables, one per block. */
import { writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { defaultReadings, withReadings } from '../../model/readings.js';
import { transitionsMarkdown } from '../../reports/transitions.js';
import { parseReadingFlags } from '../cli-config.js';
import { EXIT_VIOLATION, UsageError } from '../errors.js';
import { checkOutputFile, makeOutputDir, writeOutputs } from '../output-path.js';

export function registerTransitions(program: Command): void {
  program
    .command('transitions')
    .description('print the whole transition relation as Markdown tables, one per hardware block, with citations')
    .addOption(new Option('--reading <ID=NAME>', 'show the relation under this reading (repeatable)').argParser((v: string, prev: string[] = []) => [...prev, v]))
    .option('--out <FILE>', 'write to FILE instead of standard output (its directory is created if needed)')
    .action((opts: { reading?: string[]; out?: string }) => {
      if (opts.out !== undefined) checkOutputFile(opts.out, '--out');
      const r = withReadings(defaultReadings(), parseReadingFlags(opts.reading ?? []));
      if ('error' in r) throw new UsageError(r.error);
      const md = transitionsMarkdown(r);
      if (opts.out === undefined) return void process.stdout.write(md);
      const file = opts.out;
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
