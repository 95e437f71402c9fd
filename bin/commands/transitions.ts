/** `ftcheck transitions`: the transition relation as Markdown tables, one per block. */
import { writeFileSync } from 'node:fs';
import type { Command, } from 'commander';
import { Option } from 'commander';
import { defaultReadings, withReadings } from '../../model/readings.js';
import { transitionsMarkdown } from '../../reports/transitions.js';
import { UsageError } from '../errors.js';

export function registerTransitions(program: Command): void {
  program
    .command('transitions')
    .description('print the whole transition relation as Markdown tables, one per hardware block, with citations')
    .addOption(new Option('--reading <ID=NAME>', 'show the relation under this reading (repeatable)').argParser((v: string, prev: string[] = []) => [...prev, v]))
    .option('--out <FILE>', 'write to FILE instead of standard output')
    .action((opts: { reading?: string[]; out?: string }) => {
      const overrides: Record<string, string> = {};
      for (const f of opts.reading ?? []) {
        const m = /^([^=]+)=(.+)$/.exec(f);
        if (!m) throw new UsageError(`--reading takes ID=NAME (got '${f}')`);
        overrides[m[1]] = m[2];
      }
      const r = withReadings(defaultReadings(), overrides);
      if ('error' in r) throw new UsageError(r.error);
      const md = transitionsMarkdown(r);
      if (opts.out) {
        writeFileSync(opts.out, md);
        process.stderr.write(`wrote ${opts.out}\n`);
      } else process.stdout.write(md);
    });
}
