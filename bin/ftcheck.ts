#!/usr/bin/env node
/**
 * ftcheck: exhaustive model checker of the fault-tolerant controller of
 * US 2006/0150004 A1. Each subcommand lives in bin/commands/; the exit codes
 * are documented in bin/errors.ts.
 */
import { Command, CommanderError } from 'commander';
import { registerCheck } from './commands/check.js';
import { registerReplay } from './commands/replay.js';
import { registerTransitions } from './commands/transitions.js';
import { registerListings } from './commands/listings.js';
import { registerDiagram } from './commands/diagram.js';
import { registerAmbiguities } from './commands/ambiguities.js';
import { registerMutate } from './commands/mutate.js';
import { registerReport } from './commands/report.js';
import { EXIT_INTERNAL, EXIT_USAGE, UsageError, internalErrorMessage } from './errors.js';

// `ftcheck ... | head` closes the pipe early: end quietly instead of with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

const program = new Command();
program
  .name('ftcheck')
  .description('Formal model and exhaustive model checker of the lock-step duplex FT controller of US 2006/0150004 A1')
  .version('0.1.0')
  .exitOverride()
  .addHelpText(
    'after',
    '\nExit codes (every command): 0 success (every property holds, every replay and claim confirmed, every file written); ' +
      '1 a violation, a vacuous property (check, report), an incomplete run, a scenario that does not replay or is refuted, a file not written after the work; ' +
      '2 bad usage, found before any work; 3 an internal error (a bug: rerun with FTCHECK_DEBUG=1 for the stack and report it).\n',
  );

registerCheck(program);
registerReplay(program);
registerTransitions(program);
registerListings(program);
registerDiagram(program);
registerAmbiguities(program);
registerMutate(program);
registerReport(program);

/** A usage error of commander's as one line, with where to find the usage. */
const oneLine = (command: string) => (str: string, write: (s: string) => void) =>
  write(`${str.trimEnd().replace(/^error: /, 'ftcheck: error: ')} (see '${command} --help')\n`);
program.configureOutput({ outputError: oneLine('ftcheck') });
for (const c of program.commands) c.configureOutput({ outputError: oneLine(`ftcheck ${c.name()}`) });

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    process.exitCode = e.exitCode === 0 ? 0 : EXIT_USAGE;
  } else if (e instanceof UsageError) {
    process.stderr.write(`ftcheck: error: ${e.message}\n`);
    process.exitCode = EXIT_USAGE;
  } else {
    // everything a user can get wrong is a UsageError before any work: what is left is a bug
    process.stderr.write(internalErrorMessage(e) + '\n');
    if (process.env.FTCHECK_DEBUG) process.stderr.write(`${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = EXIT_INTERNAL;
  }
}
