/** `ftcheck readings` and `ftcheck properties`: what can be chosen and what is checked. */
import type { Command } from 'commander';
import { AMBIGUITIES } from '../../model/readings.js';
import { PROPERTIES } from '../../properties/catalogue.js';
import { isLiveness } from '../../properties/kinds.js';
import { fairnessOf } from '../../properties/liveness-check.js';
import { DEFAULT_FAIRNESS, fairnessText } from '../../model/fairness.js';

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
      const rows = PROPERTIES.map((p) => ({
        name: p.name,
        kind: p.kind,
        statement: p.statement,
        cites: p.cites,
        trigger: p.when,
        ...(isLiveness(p) ? { fairness: fairnessText(fairnessOf(p, undefined)), ...(p.fairness ? { ownFairness: p.fairness } : {}) } : {}),
      }));
      if (opts.json) return void process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
      for (const r of rows) {
        process.stdout.write(`${r.name} (${r.kind}) ${r.cites}\n  ${r.statement}\n  says something when: ${r.trigger}\n`);
        if ('fairness' in r) process.stdout.write(`  under fairness: ${r.fairness}\n`);
      }
      process.stdout.write(`\nThe liveness properties rest on the model's hardware-progress assumptions (model/fairness.ts), each with its paragraph:\n`);
      for (const d of DEFAULT_FAIRNESS) process.stdout.write(`  ${d.kind === 'weak' ? 'WF' : 'SF'} ${d.family}: ${d.why} ${d.cites}\n`);
    });
}
