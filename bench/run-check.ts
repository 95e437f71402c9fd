/**
 * Child process of the bench: runs one check case (check-cases.ts) and prints
 * one JSON line (CheckMeasurement). Usage: node dist/bench/run-check.js CASE
 * [--quick].
 */
import { PROPERTIES } from '../properties/catalogue.js';
import { isLiveness } from '../properties/kinds.js';
import { runCheck, runCheckParallel, type CheckConfig } from '../properties/verify.js';
import { defaultReadings } from '../model/readings.js';
import { checkCases, type PropertySelection } from './check-cases.js';

export interface CheckMeasurement {
  readonly states: number;
  readonly transitions: number;
  readonly depth: number;
  readonly seconds: number;
  /** User + system CPU time of the whole process (every thread). */
  readonly cpuSeconds: number;
  readonly rssBaseline: number;
  readonly rssPeak: number;
  readonly complete: boolean;
  readonly verdicts: Record<string, number>;
}

const quick = process.argv.includes('--quick');
const name = process.argv[2];
const c = checkCases(quick).find((x) => x.name === name);
if (c === undefined) {
  console.error(`usage: run-check.js CASE [--quick]; cases: ${checkCases(quick).map((x) => x.name).join(', ')}`);
  process.exit(2);
}

function selected(s: PropertySelection): string[] {
  if (s === 'all') return [];
  if (s === 'one-invariant') return ['one-act'];
  if (s === 'invariants') return PROPERTIES.filter((p) => p.kind === 'invariant' || p.kind === 'deadlock').map((p) => p.name);
  return PROPERTIES.filter((p) => !isLiveness(p)).map((p) => p.name);
}

const config: CheckConfig = { params: c.params, readings: defaultReadings(), properties: selected(c.properties), allViolations: true,
  symmetry: c.symmetry === true, fingerprint: c.fingerprint === true };
(globalThis as { gc?: () => void }).gc?.();
const rssBaseline = process.memoryUsage().rss;
const cpu0 = process.cpuUsage();
const start = performance.now();
const o = c.workers > 1 ? await runCheckParallel(config, c.workers) : runCheck(config);
const seconds = (performance.now() - start) / 1000;
const cpu = process.cpuUsage(cpu0);
const verdicts: Record<string, number> = {};
for (const v of o.verdicts) verdicts[v.verdict] = (verdicts[v.verdict] ?? 0) + 1;
const m: CheckMeasurement = {
  states: o.result.stats.states,
  transitions: o.result.stats.transitions,
  depth: o.result.stats.depth,
  seconds,
  cpuSeconds: (cpu.user + cpu.system) / 1e6,
  rssBaseline,
  rssPeak: process.resourceUsage().maxRSS * 1024,
  complete: o.complete,
  verdicts,
};
process.stdout.write(`${JSON.stringify(m)}\n`);
