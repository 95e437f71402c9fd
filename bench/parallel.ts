/**
 * node dist/bench/parallel.js [--quick] [--workers 1,2] [--repeat N] [--sequential] [--pool]
 *
 * Timing of the parallel explorer (checker/parallel/) on the FT model, N = 3
 * defaults (about 9.4M states; --quick: N = 3, P = 1, F = 1, 207k states),
 * no properties: one run per worker count (fresh threads each time, as the
 * CLI would start them), in this process, one after the other; prints
 * states/s per run and the ratio of each rate to the first (1 worker).
 * --sequential also times explore() in this process, for reference.
 * --repeat N keeps the fastest of N runs of each; with --pool the runs of a
 * worker count share their threads (WorkerPool), so that all but the first
 * run with warm threads (loaded modules, compiled code), as explore() does
 * after its first run in this process. Not a test: it asserts
 * only that every run finds the same states and transitions.
 *
 * Run from the compiled tree (npm run build first): workers load
 * dist/checker/parallel/worker.js and dist/bench/ft-source.js.
 */
import { explore, type ExploreResult } from '../checker/index.js';
import { exploreParallel } from '../checker/parallel/explore-parallel.js';
import { WorkerPool } from '../checker/parallel/pool.js';
import { createSystem, type FtSourceArgs } from './ft-source.js';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const value = (name: string, dflt: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);
const quick = flag('--quick');
const workerCounts = value('--workers', '1,2').split(',').map(Number);
const repeat = Math.max(1, Number(value('--repeat', '1')) || 1);
const args: FtSourceArgs = {
  params: quick
    ? { systems: 3, buffer: 2, trace: 2, pages: 1, values: 2, faults: 1 }
    : { systems: 3, buffer: 2, trace: 2, pages: 2, values: 2, faults: 2 },
};
const source = { module: new URL('./ft-source.js', import.meta.url).href, args };

const n = (x: number) => Math.round(x).toLocaleString('en-US');

/** A run and the CPU time the whole process (every thread) spent during it. */
interface Timed {
  readonly result: ExploreResult;
  readonly cpuSeconds: number;
}

async function timed(run: () => ExploreResult | Promise<ExploreResult>): Promise<Timed> {
  const before = process.cpuUsage();
  const result = await run();
  const used = process.cpuUsage(before);
  return { result, cpuSeconds: (used.user + used.system) / 1e6 };
}

function best(runs: Timed[]): Timed {
  return runs.reduce((a, b) => (b.result.stats.seconds < a.result.stats.seconds ? b : a));
}

function line(label: string, t: Timed): string {
  const s = t.result.stats;
  return (
    `${label.padEnd(12)} ${n(s.states)} states, ${n(s.transitions)} transitions, depth ${s.depth}, ${s.seconds.toFixed(2)} s, ` +
    `${n(s.statesPerSecond)} states/s, CPU ${t.cpuSeconds.toFixed(2)} s (${(t.cpuSeconds / s.seconds).toFixed(2)} cores busy), ` +
    `${(s.storeBytes / 1048576).toFixed(0)} MiB store`
  );
}

console.log(`FT model ${JSON.stringify(args.params)}, default readings, no properties; ${repeat} run(s) each, fastest kept`);
const results: Array<[string, Timed]> = [];
if (flag('--sequential')) {
  const runs: Timed[] = [];
  for (let k = 0; k < repeat; k++) runs.push(await timed(() => explore(createSystem(args).system)));
  results.push(['explore()', best(runs)]);
  console.log(line('explore()', best(runs)));
}
for (const workers of workerCounts) {
  const runs: Timed[] = [];
  const pool = flag('--pool') ? new WorkerPool(workers) : undefined;
  for (let k = 0; k < repeat; k++) runs.push(await timed(() => exploreParallel(source, { workers, pool })));
  await pool?.close();
  const label = `${workers} worker${workers === 1 ? '' : 's'}`;
  results.push([label, best(runs)]);
  console.log(line(label, best(runs)));
}
const [baseLabel, base] = results.find(([label]) => label !== 'explore()') ?? results[0];
for (const [label, t] of results) {
  if (t.result.stats.states !== base.result.stats.states || t.result.stats.transitions !== base.result.stats.transitions) {
    console.log(`MISMATCH: ${label} and ${baseLabel} disagree on states or transitions`);
    process.exitCode = 1;
  }
}
for (const [label, t] of results) {
  if (t === base) continue;
  const speed = t.result.stats.statesPerSecond / base.result.stats.statesPerSecond;
  console.log(`ratio ${label} / ${baseLabel}: ${speed.toFixed(2)}x states/s, ${(t.cpuSeconds / base.cpuSeconds).toFixed(2)}x CPU time`);
}
console.log('(timings on a shared machine are noisy: compare runs made at the same time)');
