/**
 * `ftcheck replay FILE.json`: apply a scenario's labels and show every system
 * and the fields that changed after each step; when the scenario says which
 * property it violates, check that its last state does.
 * Exit 0: replayed to the end (and the claimed violation confirmed, or not
 * decidable by replay); 1: a step not enabled, an expectation not met, a
 * claim refuted; 2: the file is not a scenario.
 */
import type { Command } from 'commander';
import { readScenarioFile, replay, scenarioModel } from '../../model/scenario.js';
import { checkClaim, replayExitCode, replayJsonReport, replayText, unknownClaim } from '../../reports/replay.js';
import { UsageError } from '../errors.js';

export function registerReplay(program: Command): void {
  program
    .command('replay')
    .description(
      'replay a scenario (a list of transition labels from the initial state), printing each system and the fields that changed ' +
        'after every step; a scenario that names the property it "violates" is checked against its last state ' +
        '(exit 0: replayed and the claim confirmed; 1: a step not enabled, an expectation not met, a claim refuted; 2: not a scenario)',
    )
    .argument('<FILE>', 'scenario JSON: {"steps": ["power_on(#0)", ...]} or a JSON array of labels')
    .option('--json', 'print one JSON object: {"ok", "steps": [{"step", "label", "systems", "changed", "milestone"?}], "fold", "violates"?, "error"?}')
    .option('--full-trace', 'show every step (a prefix of power-on and first synchronization is otherwise folded into one line) with every field of its state')
    .action((file: string, opts: { json?: boolean; fullTrace?: boolean }) => {
      try {
        const sc = readScenarioFile(file);
        if (!sc.ok) throw new UsageError(sc.error);
        const bad = unknownClaim(sc.value);
        if (bad) throw new UsageError(`scenario '${file}': ${bad}`);
        const model = scenarioModel(sc.value);
        if (!model.ok) throw new UsageError(`scenario '${file}': ${model.error}`);
        const r = replay(model.value, sc.value);
        const claim = checkClaim(r, sc.value);
        if (opts.json) process.stdout.write(JSON.stringify(replayJsonReport(r, claim), null, 2) + '\n');
        else {
          process.stdout.write(replayText(sc.value, r, claim, { full: Boolean(opts.fullTrace) }) + '\n');
          if (r.error) process.stderr.write(`ftcheck: replay stopped: ${r.error}\n`);
        }
        process.exitCode = replayExitCode(r, claim);
      } catch (e) {
        // --json promises one object on stdout, also when the file is not a scenario
        if (opts.json && e instanceof UsageError) process.stdout.write(JSON.stringify({ ok: false, steps: [], error: e.message }, null, 2) + '\n');
        throw e;
      }
    });
}
