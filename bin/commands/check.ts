/** `ftcheck check`: exhaustive proof of the property catalogue, or shortest counterexamples. */
import { rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { createProgressReporter, defaultMaxBytes, forecastText, LevelGrowth, type ExploreProgress } from '../../checker/index.js';
import { PROPERTY_NAMES } from '../../properties/catalogue.js';
import { exitCodeOf, parallelCheckCompiled, runCheckAsync, runCheckParallel, reductionRefusal, selectProperties, type Reductions } from '../../properties/verify.js';
import { FtModel } from '../../model/ft-model.js';
import { permutationsOf } from '../../model/symmetry.js';
import { checkJson, checkText, stepsOf } from '../../reports/check-report.js';
import { coverageOf, namedNeverTaken } from '../../reports/coverage-report.js';
import { counterexampleItf, itfFileName } from '../../reports/itf.js';
import { junitXml } from '../../reports/junit.js';
import { traceScenario } from '../../reports/trace.js';
import { fairnessSpec } from '../../model/fairness.js';
import { addModelOptions, resolveModelConfig } from '../cli-config.js';
import { parseWorkers, UsageError } from '../errors.js';
import { interruptibly, signalExitCode } from '../signals.js';
import { checkOutputDir, checkOutputFile, makeOutputDir, writeOutputs } from '../output-path.js';

export const DEFAULT_OUT = 'reports/out';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function registerCheck(program: Command): void {
  const cmd = program
    .command('check')
    .description(
      'explore the composed model exhaustively and prove or refute every property (exit 0: all hold; 1: a violation, a vacuous property, or an incomplete run; 2: bad usage; 130/143: interrupted by SIGINT/SIGTERM, after printing what was decided)',
    );
  addModelOptions(cmd);
  cmd
    .option('--json', 'print one JSON object (documented in the README) instead of text')
    .option('--full-trace', 'show whole states at each step of a trace instead of the changed fields')
    .option('--coverage', 'list the rules never taken with their citations, the labels never fired and the Tables 3-4 outcomes never exercised')
    .option('--witness <NAME>', 'print the shortest trace to the first state where property NAME says something (repeatable)', collect)
    .option('--allow-vacuous', 'exit 0 even if a property is vacuous (its trigger never holds)')
    .option('--strict', 'exit 1 when a rule that the patent names is never taken')
    .option('--out <DIR>', 'where counterexample scenarios are written', DEFAULT_OUT)
    .option('--junit <FILE>', 'also write a JUnit XML report: one test case per property, a violation a failure carrying its trace')
    .option('--workers <N>', 'explore on N threads sharing one store: the same verdicts, counts and shortest traces (default: the number of cores)')
    .option(
      '--symmetry',
      'explore one state per orbit of the permutations of the systems (up to N! fewer states; traces are mapped back to the model); refused, with the reason, where the systems are not interchangeable; checks every property (liveness on the reduced graph unfolded into the system\'s own)',
    )
    .option(
      '--fingerprint',
      'store a 64-bit fingerprint per state instead of the state (as TLC; for state spaces bigger than memory), one thread; checks the invariants and deadlock freedom and prints the probability that two states shared a fingerprint',
    )
    .option('--itf <DIR>', 'also write each counterexample in the Informal Trace Format of Apalache and Quint, as DIR/PROPERTY.itf.json')
    .action(async (opts: Record<string, unknown>) => {
      const config = resolveModelConfig(opts);
      const reductions = { symmetry: config.symmetry === true, fingerprint: Boolean(opts.fingerprint) };
      const model = new FtModel(config.params, config.readings);
      const refusal = reductionRefusal(model, selectProperties(config.properties, reductions), reductions);
      if (refusal !== null) throw new UsageError(refusal);
      const hint = symmetryHint(model, config.properties, reductions);
      if (hint !== null) process.stderr.write(`ftcheck: hint: ${hint}\n`);
      // from TypeScript sources (tsx) the workers would load the last build's model: one thread unless asked
      const workers = parseWorkers(opts.workers, parallelCheckCompiled() && !opts.fingerprint ? availableParallelism() : 1);
      if (opts.fingerprint && workers > 1) throw new UsageError('--fingerprint runs on one thread: leave out --workers or pass --workers 1');
      const witnesses = (opts.witness as string[] | undefined) ?? [];
      for (const w of witnesses) if (!PROPERTY_NAMES.includes(w)) throw new UsageError(`--witness: unknown property '${w}' (known: ${PROPERTY_NAMES.join(', ')})`);
      const outDir = String(opts.out);
      checkOutputDir(outDir, '--out');
      const junitFile = opts.junit === undefined ? undefined : String(opts.junit);
      if (junitFile !== undefined) checkOutputFile(junitFile, '--junit');
      const itfDir = opts.itf === undefined ? undefined : String(opts.itf);
      if (itfDir !== undefined) checkOutputDir(itfDir, '--itf');
      const progress = createProgressReporter();
      let interrupted;
      try {
        const growth = new LevelGrowth(config.maxBytes ?? defaultMaxBytes());
        const onProgress = (p: ExploreProgress) => {
          const forecast = growth.observe(p);
          if (forecast !== null) process.stderr.write(`${progress.shown ? '\r\x1b[K' : ''}ftcheck: ${forecastText(forecast)}\n`);
          progress.onProgress(p);
        };
        const checked = { ...config, ...reductions, onProgress, onStage: progress.stage };
        interrupted = await interruptibly((onStart) => (workers > 1 ? runCheckParallel(checked, workers, onStart) : runCheckAsync(checked, onStart)));
      } finally {
        progress.stop();
      }
      const { value: outcome, signal } = interrupted;
      // the verdicts first: whatever happens to the files, a finished run is never without them
      const dir = join(outDir, 'counterexamples');
      const scenarios = new Map<string, object>();
      const files = new Map<string, string>();
      for (const v of outcome.verdicts) {
        const steps = stepsOf(outcome, v);
        if (!steps) continue;
        const lasso = v.lasso && v.fairness ? { loopStart: v.lasso.loopStart, fairness: fairnessSpec(v.fairness) } : undefined;
        scenarios.set(v.property.name, traceScenario(outcome.model, steps, v.property.name, lasso));
        files.set(v.property.name, join(dir, `${v.property.name}.json`));
      }
      const coverage = coverageOf(outcome);
      if (opts.json) process.stdout.write(JSON.stringify(checkJson(outcome, files, coverage), null, 2) + '\n');
      else {
        process.stdout.write(checkText(outcome, { fullTrace: Boolean(opts.fullTrace), scenarioFiles: files, witnesses, coverage: Boolean(opts.coverage) }) + '\n');
      }
      const checked = outcome.verdicts.map((v) => v.property.name);
      let written = writeScenarios(dir, scenarios, checked);
      if (junitFile !== undefined) {
        const xml = junitXml(outcome, { allowVacuous: Boolean(opts.allowVacuous), fullTrace: Boolean(opts.fullTrace), scenarioFiles: files });
        written = writeReported(() => [writeText(junitFile, xml)]) && written;
      }
      if (itfDir !== undefined) {
        const traces = new Map(outcome.verdicts.flatMap((v) => {
          const t = counterexampleItf(outcome, v, files.get(v.property.name));
          return t ? [[v.property.name, JSON.stringify(t, null, 2) + '\n'] as const] : [];
        }));
        written = writeReported(() => writeStale(itfDir, traces, checked.map(itfFileName), itfFileName)) && written;
      }
      const strictFailure = Boolean(opts.strict) && outcome.complete && namedNeverTaken(coverage).length > 0;
      if (strictFailure && !opts.json) {
        process.stderr.write(`ftcheck: --strict: ${namedNeverTaken(coverage).length} rule(s) the patent names were never taken (see --coverage)\n`);
      }
      const verdictCode = Math.max(exitCodeOf(outcome, Boolean(opts.allowVacuous)), strictFailure || !written ? 1 : 0);
      process.exitCode = signal !== null ? signalExitCode(signal) : verdictCode;
    });
}

/** Writes `text` to `file` (its directory created level by level) and returns it. */
function writeText(file: string, text: string): string {
  makeOutputDir(dirname(file));
  writeFileSync(file, text);
  return file;
}

/**
 * Writes one file per entry of `texts` (by property name) into `dir` and
 * removes the files of the properties checked now that have none (so the
 * directory never shows a stale counterexample). Returns the files written.
 */
function writeStale(dir: string, texts: ReadonlyMap<string, string>, checkedFiles: readonly string[], fileOf: (name: string) => string): string[] {
  makeOutputDir(dir);
  const keep = new Set([...texts.keys()].map(fileOf));
  for (const f of checkedFiles) if (!keep.has(f)) rmSync(join(dir, f), { force: true });
  return [...texts].map(([name, text]) => {
    const file = join(dir, fileOf(name));
    writeFileSync(file, text);
    return file;
  });
}

/** Runs a write after the verdicts: one `wrote FILE` line per file, or one error line (false: exit 1). */
function writeReported(write: () => string[]): boolean {
  const w = writeOutputs(write);
  if (!w.ok) process.stderr.write(`ftcheck: error: ${w.error}\n`);
  else for (const f of w.value) process.stderr.write(`wrote ${f}\n`);
  return w.ok;
}

/**
 * Writes the counterexample scenarios of this run, and removes those an
 * earlier run left for the properties checked now that no longer fail (so a
 * directory never shows a stale counterexample). A write that fails is one
 * line on stderr (false: the caller exits 1); the verdicts were already printed.
 */
function writeScenarios(dir: string, scenarios: ReadonlyMap<string, object>, checked: readonly string[]): boolean {
  const w = writeOutputs(() => {
    if (scenarios.size > 0) makeOutputDir(dir);
    for (const name of checked) {
      const file = join(dir, `${name}.json`);
      const sc = scenarios.get(name);
      if (sc) writeFileSync(file, JSON.stringify(sc, null, 2) + '\n');
      else rmSync(file, { force: true });
    }
  });
  if (!w.ok) process.stderr.write(`ftcheck: error: ${w.error}\n`);
  return w.ok;
}

/**
 * At three systems a plain run explores up to 3! images of every state; where
 * they are interchangeable (the reductions would not be refused) --symmetry
 * decides the same properties on one per orbit. Null where it does not apply.
 */
function symmetryHint(model: FtModel, properties: readonly string[] | undefined, reductions: Reductions): string | null {
  const n = model.params.systems;
  if (reductions.symmetry || reductions.fingerprint || n < 3) return null;
  const withSymmetry = { symmetry: true };
  if (reductionRefusal(model, selectProperties(properties, withSymmetry), withSymmetry) !== null) return null;
  return `the ${n} systems are interchangeable in this configuration: --symmetry checks the same properties on one state per orbit (about ${permutationsOf(n).length}x fewer states, the same verdicts)`;
}

