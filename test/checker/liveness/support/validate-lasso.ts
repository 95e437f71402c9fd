import type { Lasso } from '../../../../checker/liveness/index.js';
import type { NaiveProblem } from './naive-liveness.js';

const outCache = new WeakMap<object, number[][]>();

/** The labels of each state's out-edges (cached per triples array: big graphs are validated many times). */
function outLabels(p: NaiveProblem): number[][] {
  let out = outCache.get(p.triples);
  if (out === undefined) {
    const lists: number[][] = Array.from({ length: p.n }, () => []);
    p.triples.forEach(([s, l]) => lists[s].push(l));
    outCache.set(p.triples, (out = lists));
  }
  return out;
}

/**
 * Everything wrong with `lasso` as a counterexample of `p` (empty: valid),
 * checked from the triples alone: a real path from an initial state, through
 * a source after which it stays in the region and the source's level,
 * closing on itself or ending in a dead end, visiting an accept state on the
 * loop (or being one, for a dead end), fair on its loop. Linear in the size
 * of the graph plus the lasso's length times the constraints.
 */
export function lassoProblems(p: NaiveProblem, lasso: Lasso): string[] {
  const bad: string[] = [];
  const { states, edges, loopStart } = lasso;
  const last = states.length - 1;
  const out = outLabels(p);
  if (states.length !== edges.length + 1) return [`${states.length} states for ${edges.length} edges`];
  if (loopStart < 0 || loopStart > last) return [`loopStart ${loopStart} out of 0..${last}`];
  if (!new Set(p.initial).has(states[0])) bad.push(`states[0] = ${states[0]} is not initial`);
  edges.forEach((k, i) => {
    const t = p.triples[k];
    if (t === undefined || t[0] !== states[i] || t[2] !== states[i + 1]) bad.push(`edge ${k} does not go from ${states[i]} to ${states[i + 1]}`);
  });
  const levelOf = (v: number) => (p.level === null ? 0 : p.level[v]);
  // the suffix that stays in the region at the last state's level; a source must start part of it
  let first = last + 1;
  while (first > 0 && p.region[states[first - 1]] === 1 && levelOf(states[first - 1]) === levelOf(states[last])) first--;
  let via = -1;
  for (let j = first; j <= loopStart && via < 0; j++) if (p.sources[states[j]] === 1) via = j;
  if (via < 0) bad.push('no source after which the path stays in the region and its level');
  if (loopStart === last) {
    if (out[states[last]].length > 0) bad.push(`final state ${states[last]} is not a dead end`);
    if (p.accept[states[last]] !== 1) bad.push(`dead end ${states[last]} is not an accept state`);
    return bad;
  }
  if (states[last] !== states[loopStart]) bad.push(`loop does not close: ${states[last]} != ${states[loopStart]}`);
  const loop = states.slice(loopStart, last);
  const loopLabels = edges.slice(loopStart).map((k) => p.triples[k]?.[1] ?? -1);
  if (!loop.some((v) => p.accept[v] === 1)) bad.push('no accept state on the loop');
  for (const f of p.fairness) {
    const taken = loopLabels.some((l) => f.labels[l] === 1);
    const enabledAt = (v: number) => out[v].some((l) => f.labels[l] === 1);
    if (f.kind === 'weak' && !taken && loop.every(enabledAt)) bad.push(`weak ${f.name} enabled all along the loop, never taken`);
    if (f.kind === 'strong' && !taken && loop.some(enabledAt)) bad.push(`strong ${f.name} enabled on the loop, never taken`);
  }
  return bad;
}
