/**
 * npm run bench [-- --quick] [-- --case NAME] [-- --repeat N] [-- --engine-only
 * | --check-only]: for each case in bench/cases/, explores the system with the
 * naive explorer and with the engine, each in its own child process (one
 * after the other, never both at once), and prints the figures and the
 * engine/naive ratios. With --repeat N each explorer runs N times and the
 * fastest run is kept (both sides alike). Then the check cases
 * (check-cases.ts): the whole check as `ftcheck check` runs it, with 1 and 2
 * worker threads, with and without the liveness properties, and the ratios
 * the issues set as targets.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchCases } from './cases/index.js';
import { checkCases, paramsText } from './check-cases.js';
import { rssBytesPerState, type Measurement } from './measurement.js';
import type { CheckMeasurement } from './run-check.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.includes('--case') ? args[args.indexOf('--case') + 1] : undefined;
const repeat = args.includes('--repeat') ? Math.max(1, Number(args[args.indexOf('--repeat') + 1]) || 1) : 1;
const runner = fileURLToPath(new URL('./run-case.js', import.meta.url));

function measure(name: string, mode: 'engine' | 'naive'): Measurement {
  let best: Measurement | null = null;
  for (let k = 0; k < repeat; k++) {
    const m = measureOnce(name, mode);
    if (best === null || m.seconds < best.seconds) best = m;
  }
  return best!;
}

function measureOnce(name: string, mode: 'engine' | 'naive'): Measurement {
  const child = spawnSync(process.execPath, ['--expose-gc', runner, name, mode, ...(quick ? ['--quick'] : [])], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`${name}/${mode} failed with status ${child.status}`);
  return JSON.parse(child.stdout.trim().split('\n').pop() ?? '') as Measurement;
}

const n = (x: number) => Math.round(x).toLocaleString('en-US');
const mb = (x: number) => `${(x / 1048576).toFixed(0)} MB`;

function line(label: string, m: Measurement): string {
  const store = m.storeBytes === null ? '' : `, store ${(m.storeBytes / m.states).toFixed(1)} B/state`;
  return (
    `  ${label.padEnd(6)} ${n(m.states)} states, ${n(m.transitions)} transitions, depth ${m.depth}, ` +
    `${m.seconds.toFixed(2)} s, ${n(m.states / m.seconds)} states/s, ${n(m.transitions / m.seconds)} transitions/s, ` +
    `peak RSS ${mb(m.rssPeak)} (+${mb(m.rssPeak - m.rssBaseline)}), peak heap ${mb(m.heapPeak)}, ` +
    `peak arrayBuffers ${mb(m.externalPeak)}, ${rssBytesPerState(m).toFixed(1)} B/state (RSS)${store}`
  );
}

let failed = false;
for (const c of args.includes('--check-only') ? [] : benchCases) {
  if (only !== undefined && c.name !== only) continue;
  console.log(`${c.name}: ${c.describe(quick)}`);
  const naive = measure(c.name, 'naive');
  console.log(line('naive', naive));
  const engine = measure(c.name, 'engine');
  console.log(line('engine', engine));
  if (naive.states !== engine.states || naive.transitions !== engine.transitions || naive.depth !== engine.depth) {
    console.log('  MISMATCH: the two explorers disagree on states, transitions or depth');
    failed = true;
  }
  const speed = engine.states / engine.seconds / (naive.states / naive.seconds);
  const memory = rssBytesPerState(naive) / rssBytesPerState(engine);
  const target = c.reference === undefined ? ' (target >= 10x)' : '';
  console.log(
    `  ratio ${c.name}: engine/naive states/s = ${speed.toFixed(1)}x${target}, ` +
      `naive/engine bytes/state = ${memory.toFixed(1)}x${target}`,
  );
  if (c.reference !== undefined) console.log(`  reference: ${c.reference}`);
}
if (!args.includes('--engine-only')) failed = runCheckCases() || failed;
if (failed) process.exitCode = 1;

function runCheckCases(): boolean {
  const checkRunner = fileURLToPath(new URL('./run-check.js', import.meta.url));
  const measured = new Map<string, CheckMeasurement>();
  let bad = false;
  for (const c of checkCases(quick)) {
    if (only !== undefined && c.name !== only) continue;
    let best: CheckMeasurement | null = null;
    for (let k = 0; k < repeat; k++) {
      const child = spawnSync(process.execPath, ['--expose-gc', checkRunner, c.name, ...(quick ? ['--quick'] : [])], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 1 << 20,
      });
      if (child.status !== 0) throw new Error(`check case ${c.name} failed with status ${child.status}`);
      const m = JSON.parse(child.stdout.trim().split('\n').pop() ?? '') as CheckMeasurement;
      if (best === null || m.seconds < best.seconds) best = m;
    }
    const m = best!;
    measured.set(c.name, m);
    const verdicts = Object.entries(m.verdicts).map(([v, k]) => `${k} ${v}`).join(', ');
    console.log(
      `check ${c.name} (${paramsText(c.params)}, ${c.properties} properties, ${c.workers} worker(s)): ${n(m.states)} states, ` +
        `${n(m.transitions)} transitions, depth ${m.depth}, ${m.seconds.toFixed(2)} s wall, ${m.cpuSeconds.toFixed(2)} s CPU, ` +
        `${n(m.states / m.seconds)} states/s, peak RSS ${mb(m.rssPeak)}, ${((m.rssPeak - m.rssBaseline) / m.states).toFixed(1)} B/state (RSS); ` +
        `${m.complete ? 'complete' : 'INCOMPLETE'}: ${verdicts}`,
    );
    if (!m.complete || (m.verdicts.violated ?? 0) > 0) bad = true;
  }
  const ratio = (a: string, b: string, f: (x: CheckMeasurement, y: CheckMeasurement) => number, what: string) => {
    const x = measured.get(a), y = measured.get(b);
    if (x !== undefined && y !== undefined) console.log(`  ratio ${what}: ${f(x, y).toFixed(2)}x`);
  };
  ratio('n2-defaults-all', 'n2-defaults-safety', (x, y) => x.seconds / y.seconds, 'liveness: N = 2 defaults, every property / safety only, wall time (target <= 3x)');
  ratio('reference-all-2w', 'reference-all-1w', (x, y) => x.states / x.seconds / (y.states / y.seconds), '2 workers / 1 worker, states/s, (2,3,3,4,1) every property');
  ratio('n3-defaults-all-2w', 'n3-defaults-all-1w', (x, y) => x.states / x.seconds / (y.states / y.seconds), '2 workers / 1 worker, states/s, N = 3 every property (target >= 1.7x)');
  ratio('reference-safety-1w', 'reference-safety-symmetry-1w', (x, y) => x.states / y.states, 'symmetry, (2,3,3,4,1) safety: states stored plain / reduced (at most 2 = 2!)');
  ratio('reference-safety-1w', 'reference-safety-symmetry-1w', (x, y) => x.seconds / y.seconds, 'symmetry, (2,3,3,4,1) safety: wall time plain / reduced');
  ratio('n3-defaults-all-1w', 'n3-defaults-safety-symmetry-1w', (x, y) => x.states / y.states, 'symmetry, N = 3 defaults: states stored plain / reduced (at most 6 = 3!)');
  ratio('n3-defaults-safety-symmetry-2w', 'n3-defaults-safety-symmetry-1w', (x, y) => x.states / x.seconds / (y.states / y.seconds), '2 workers / 1 worker, states/s, N = 3 safety with symmetry');
  ratio('n3-defaults-all-symmetry-2w', 'n3-defaults-all-symmetry-1w', (x, y) => y.seconds / x.seconds, '1 worker / 2 workers, wall time, N = 3 every property with symmetry');
  ratio('n3-defaults-all-2w', 'n3-defaults-all-symmetry-2w', (x, y) => x.seconds / y.seconds, 'symmetry, N = 3 defaults, every property, 2 workers: wall time plain / reduced');
  const sym3 = measured.get('n3-defaults-all-symmetry-2w');
  if (sym3 !== undefined) console.log(`  N = 3 defaults, every property, symmetry, 2 workers: ${sym3.seconds.toFixed(1)} s wall (issue 11 target: <= 15 s)`);
  ratio('reference-invariants-fingerprint-1w', 'reference-invariants-1w', (x, y) => x.seconds / y.seconds, 'fingerprint / full store, (2,3,3,4,1) invariants and deadlock: wall time');
  ratio('reference-invariants-fingerprint-1w', 'reference-invariants-1w', (x, y) => (x.rssPeak - x.rssBaseline) / x.states / ((y.rssPeak - y.rssBaseline) / y.states), 'fingerprint / full store, (2,3,3,4,1): bytes/state of RSS');
  const ref = measured.get('reference-all-1w');
  if (ref !== undefined) {
    console.log(`  ratio one worker / SPIN's compiled verifier (835k states/s, 72 B/state of RSS; issue 11) at (2,3,3,4,1), every property: ` +
      `${(ref.states / ref.seconds / 835_000).toFixed(2)}x the speed, ${((ref.rssPeak - ref.rssBaseline) / ref.states / 72).toFixed(2)}x the bytes/state`);
  }
  return bad;
}
