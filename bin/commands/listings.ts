/** `ftcheck readings` and `ftcheck properties`: what can be chosen and what is checked. */
import type { Command } from 'commander';
import { AMBIGUITIES } from '../../model/readings.js';
import { PROPERTIES } from '../../properties/catalogue.js';

export function registerListings(program: Command): void {
  program
    .command('readings')
    .description('list the ambiguous or silent places of the patent and their readings (for --reading ID=NAME)')
    .option('--json', 'as JSON')
    .action((opts: { json?: boolean }) => {
      if (opts.json) return void process.stdout.write(JSON.stringify(AMBIGUITIES, null, 2) + '\n');
      for (const e of AMBIGUITIES) {
        process.stdout.write(`${e.id}: ${e.title}  ${e.cites.join(' ')}\n`);
        for (const o of e.options) process.stdout.write(`  ${o.name === e.defaultReading ? '*' : ' '} ${o.name}: ${o.means}\n`);
        process.stdout.write(`    default: ${e.defaultReading}${e.proposedAmendment ? ' (proposed amendment)' : ''}: ${e.why}\n\n`);
      }
    });
  program
    .command('properties')
    .description('list the properties that check proves or refutes')
    .option('--json', 'as JSON')
    .action((opts: { json?: boolean }) => {
      const rows = PROPERTIES.map((p) => ({ name: p.name, kind: p.kind, statement: p.statement, cites: p.cites }));
      if (opts.json) return void process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
      for (const r of rows) process.stdout.write(`${r.name} (${r.kind}) ${r.cites}\n  ${r.statement}\n`);
    });
}
