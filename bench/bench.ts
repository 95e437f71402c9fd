/**
 * npm run bench [-- --quick] [-- --case NAME] [-- --repeat N]: for each case in
 * bench/cases/, explores the system with the naive explorer and with the
 * engine, each in its own child process (one after the other, never both at
 * once), and prints the figures and the engine/naive ratios. With --repeat
 * N each explorer runs N times and the fastest run is kept (both sides alike).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchCases } from './cases/index.js';
import { rssBytesPerState, type Measurement } from './measurement.js';

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
for (const c of benchCases) {
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
if (failed) process.exitCode = 1;
