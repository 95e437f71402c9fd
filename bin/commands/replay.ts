/** `ftcheck replay FILE.json`: apply a scenario's labels and show every system after each step. */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parseScenario, replay, replayJson, scenarioModel } from '../../model/scenario.js';
import { summarize } from '../../model/view.js';
import { EXIT_VIOLATION, UsageError } from '../errors.js';

export function registerReplay(program: Command): void {
  program
    .command('replay')
    .description('replay a scenario (a list of transition labels from the initial state), printing each system after every step')
    .argument('<FILE>', 'scenario JSON: {"steps": ["power_on(#0)", ...]} or a JSON array of labels')
    .option('--json', 'print one JSON object: {"ok", "steps": [{"label", "systems": [{"id", "state", "name", "mode"}]}], "error"?}')
    .action((file: string, opts: { json?: boolean }) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        throw new UsageError(`cannot read scenario '${file}'`);
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (e) {
        throw new UsageError(`scenario '${file}' is not valid JSON: ${(e as Error).message}`);
      }
      const sc = parseScenario(json);
      if (!sc.ok) throw new UsageError(`scenario '${file}': ${sc.error}`);
      const model = scenarioModel(sc.value);
      if (!model.ok) throw new UsageError(`scenario '${file}': ${model.error}`);
      const r = replay(model.value, sc.value);
      if (opts.json) {
        process.stdout.write(JSON.stringify(replayJson(r), null, 2) + '\n');
      } else {
        if (sc.value.description) process.stdout.write(`${sc.value.description}\n`);
        process.stdout.write(`  0. initial: ${summarize(r.initial)}\n`);
        r.steps.forEach((s, k) => {
          process.stdout.write(`  ${k + 1}. ${s.label}${s.note ? `   (${s.note})` : ''}\n       ${summarize(s.view)}\n`);
        });
        if (r.error) process.stderr.write(`ftcheck: replay stopped: ${r.error}\n`);
        else process.stdout.write(`replayed ${r.steps.length} step(s)\n`);
      }
      if (!r.ok) process.exitCode = EXIT_VIOLATION;
    });
}
