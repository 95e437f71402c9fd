/**
 * Child process of the bench: runs one case with one explorer and prints one
 * JSON line (Measurement). Usage: node --expose-gc dist/bench/run-case.js
 * CASE engine|naive [--quick]. Each explorer runs in its own process so its
 * peak RSS is its own.
 */
import { explore } from '../checker/index.js';
import { benchCases } from './cases/index.js';
import type { Measurement } from './measurement.js';
import { naiveExplore } from './naive-explorer.js';

const [caseName, mode] = process.argv.slice(2);
const quick = process.argv.includes('--quick');
const bench = benchCases.find((c) => c.name === caseName);
if (bench === undefined || (mode !== 'engine' && mode !== 'naive')) {
  console.error(`usage: run-case.js CASE engine|naive [--quick]; cases: ${benchCases.map((c) => c.name).join(', ')}`);
  process.exit(2);
}

const gc = (globalThis as { gc?: () => void }).gc;
let heapPeak = 0;
let externalPeak = 0;
function sample(): void {
  const m = process.memoryUsage();
  heapPeak = Math.max(heapPeak, m.heapUsed);
  externalPeak = Math.max(externalPeak, m.arrayBuffers);
}

const packed = mode === 'engine' ? bench.packed(quick) : null;
const naive = mode === 'naive' ? bench.naive(quick) : null;
gc?.();
const baseline = process.memoryUsage();
const start = performance.now();
let states: number;
let transitions: number;
let depth: number;
let storeBytes: number | null = null;
if (packed !== null) {
  const result = explore(packed, { onProgress: sample, maxBytes: Infinity });
  if (!result.complete) throw new Error(`engine stopped: ${result.stopReason}`);
  ({ states, transitions, depth } = result.stats);
  storeBytes = result.stats.storeBytes;
} else if (naive !== null) {
  ({ states, transitions, depth } = naiveExplore(naive, sample));
} else {
  throw new Error('unreachable');
}
const seconds = (performance.now() - start) / 1000;
sample();
const measurement: Measurement = {
  states,
  transitions,
  depth,
  seconds,
  rssBaseline: baseline.rss,
  rssPeak: process.resourceUsage().maxRSS * 1024,
  heapBaseline: baseline.heapUsed,
  heapPeak,
  externalBaseline: baseline.arrayBuffers,
  externalPeak,
  storeBytes,
};
process.stdout.write(`${JSON.stringify(measurement)}\n`);
