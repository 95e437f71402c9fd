/**
 * npm run -s build && node dist/bench/liveness.js [--shape product|random|ft]
 * [--states N]: times the liveness properties on one graph. Prints seconds
 * per call (wall clock, and CPU time, which is what counts on a shared
 * machine) and peak RSS.
 *
 * - product (default): 5 counters of k states each (k^5 about N), every
 *   state has one edge per counter (+1 mod k, label = counter mod 4). P: the
 *   first two counters are 0; Q: the third is 0. P ~> Q fails (the other
 *   counters can move forever) and holds under weak fairness of label 2, so
 *   the whole not-Q region is searched.
 * - random: N states, 1..9 edges each (mostly local), labels 0, 2, 3, every
 *   not-Q state with an exit into Q on label 1.
 * - ft: the FT model (2 systems, 4 pages, trace 3: 2.4M states) explored
 *   with recordEdges; P every other state, Q every 7th (for timing only).
 *
 * product and random are built straight into typed arrays and renumbered in
 * BFS order, as the explorer stores states.
 */
import { FlatEdgeGraph, type EdgeGraph } from '../checker/edge-graph.js';
import { buildAdjacency, explore } from '../checker/index.js';
import { FtModel } from '../model/ft-model.js';
import { DEFAULT_PARAMS } from '../model/params.js';
import { defaultReadings } from '../model/readings.js';
import { eventuallyAlways, infinitelyOften, leadsTo, type FairnessConstraint, type LivenessResult } from '../checker/liveness/index.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const shape = opt('--shape', 'product');
const wanted = Number(opt('--states', '1000000'));

let seed = 12345;
function rnd(): number {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

interface Built {
  graph: EdgeGraph;
  p: Uint8Array;
  q: Uint8Array;
}

function product(): Built {
  const k = Math.max(2, Math.round(wanted ** 0.2));
  const n = k ** 5;
  const start = new Uint32Array(n + 1);
  const targets = new Uint32Array(5 * n);
  const labels = new Uint8Array(5 * n);
  const p = new Uint8Array(n);
  const q = new Uint8Array(n);
  for (let s = 0; s < n; s++) {
    let rest = s;
    let unit = 1;
    for (let c = 0; c < 5; c++) {
      const digit = rest % k;
      rest = (rest - digit) / k;
      targets[5 * s + c] = s + (digit === k - 1 ? -digit * unit : unit);
      labels[5 * s + c] = c % 4;
      unit *= k;
    }
    p[s] = Number(s % (k * k) === 0);
    q[s] = Number(Math.floor(s / (k * k)) % k === 0);
    start[s + 1] = 5 * (s + 1);
  }
  return { graph: new FlatEdgeGraph(start, targets, labels, 4), p, q };
}

function random(): Built {
  const n = wanted;
  const p = Uint8Array.from({ length: n }, () => Number(rnd() < 0.01));
  const q = Uint8Array.from({ length: n }, () => Number(rnd() < 0.4));
  let lastQ = 0;
  for (let s = 0; s < n; s++) if (q[s]) lastQ = s;
  const start = new Uint32Array(n + 1);
  const cap = 10 * n;
  const targets = new Uint32Array(cap);
  const labels = new Uint8Array(cap);
  let m = 0;
  for (let s = 0; s < n; s++) {
    const d = 1 + Math.floor(rnd() * 9);
    for (let i = 0; i < d; i++) {
      targets[m] = rnd() < 0.8 ? (s + Math.floor(rnd() * 17) - 8 + n) % n : Math.floor(rnd() * n);
      labels[m++] = [0, 2, 3][Math.floor(rnd() * 3)];
    }
    if (!q[s]) (targets[m] = lastQ), (labels[m++] = 1);
    start[s + 1] = m;
  }
  return { graph: new FlatEdgeGraph(start, targets.slice(0, m), labels.slice(0, m), 4), p, q };
}

function ftModel(): Built {
  const model = new FtModel({ ...DEFAULT_PARAMS, pages: 4, trace: 3 }, defaultReadings());
  const run = explore(model, { recordEdges: true });
  const n = run.graph.stateCount;
  const graph = run.graph.edges!;
  return { graph, p: Uint8Array.from({ length: n }, (_, s) => Number(s % 2 === 0)), q: Uint8Array.from({ length: n }, (_, s) => Number(s % 7 === 0)) };
}

/** The graph renumbered in BFS order from state 0 (unreached states last). */
function inBfsOrder({ graph: g, p, q }: Built): Built {
  const n = g.stateCount;
  const order = new Uint32Array(n);
  const rank = new Int32Array(n).fill(-1);
  let tail = 0;
  rank[0] = 0;
  order[tail++] = 0;
  for (let head = 0; head < tail; head++) {
    const u = order[head];
    for (let k = g.firstEdge(u); k < g.firstEdge(u + 1); k++) {
      const w = g.target(k);
      if (rank[w] < 0) (rank[w] = tail), (order[tail++] = w);
    }
  }
  for (let s = 0; s < n; s++) if (rank[s] < 0) (rank[s] = tail), (order[tail++] = s);
  const start = new Uint32Array(n + 1);
  const targets = new Uint32Array(g.edgeCount);
  const labels = new Uint8Array(g.edgeCount);
  let e = 0;
  for (let i = 0; i < n; i++) {
    const u = order[i];
    for (let k = g.firstEdge(u); k < g.firstEdge(u + 1); k++) (targets[e] = rank[g.target(k)]), (labels[e++] = g.label(k));
    start[i + 1] = e;
  }
  const renumbered = (m: Uint8Array) => Uint8Array.from(order, (u) => m[u]);
  return { graph: new FlatEdgeGraph(start, targets, labels, 4), p: renumbered(p), q: renumbered(q) };
}

const { graph, p, q } = shape === 'ft' ? ftModel() : inBfsOrder(shape === 'random' ? random() : product());
const notP = p.map((x) => 1 - x);
const fam = (kind: 'weak' | 'strong', ...ls: number[]): FairnessConstraint => ({
  kind,
  name: kind + ls.join(''),
  labels: Uint8Array.from({ length: graph.labelCount }, (_, l) => Number(ls.includes(l))),
});
const perLabel = Array.from({ length: graph.labelCount }, (_, l) => fam('weak', l));
const progress = shape === 'random' ? 1 : 2;
const other = shape === 'random' ? 2 : 1;

console.log(`${shape}: ${graph.stateCount.toLocaleString('en-US')} states, ${graph.edgeCount.toLocaleString('en-US')} edges`);
let peak = process.memoryUsage().rss;
const runs: Array<[string, () => LivenessResult]> = [
  ['P ~> Q, no fairness', () => leadsTo(graph, [0], p, q, [])],
  [`P ~> Q, weak(${progress})`, () => leadsTo(graph, [0], p, q, [fam('weak', progress)])],
  [`P ~> Q, strong(${progress}), weak(${other}), strong(0,3)`, () => leadsTo(graph, [0], p, q, [fam('strong', progress), fam('weak', other), fam('strong', 0, 3)])],
  [`GF Q, weak(${progress})`, () => infinitelyOften(graph, [0], q, [fam('weak', progress)])],
  [`FG not-P, strong(${other})`, () => eventuallyAlways(graph, [0], notP, [fam('strong', other)])],
  [`P ~> Q, weak per label (${graph.labelCount})`, () => leadsTo(graph, [0], p, q, perLabel)],
];
for (const [name, run] of runs) {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const r = run();
  const seconds = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  peak = Math.max(peak, process.memoryUsage().rss);
  const verdict = r.holds ? 'holds' : `fails (stem ${r.loopStart}, loop ${r.states.length - 1 - r.loopStart})`;
  console.log(`  ${name.padEnd(42)} ${verdict.padEnd(28)} ${seconds.toFixed(2)} s (cpu ${cpuSeconds.toFixed(2)} s)`);
}
console.log(`peak RSS ${(peak / 1048576).toFixed(0)} MB`);
