import type { NaiveSystem } from './case.js';

export interface NaiveResult {
  readonly states: number;
  readonly transitions: number;
  readonly depth: number;
}

/**
 * The baseline the engine is measured against: states as objects, a Map
 * keyed by JSON.stringify, an array queue read with a cursor (not shift()),
 * parent index and label name kept per state so traces would be available
 * as in the engine. `sample` is called every 65,536 states (memory probes).
 */
export function naiveExplore<S>(system: NaiveSystem<S>, sample: () => void): NaiveResult {
  const seen = new Map<string, number>();
  const queue: S[] = [];
  const parent: number[] = [];
  const label: string[] = [];
  const depthOf: number[] = [];
  const add = (s: S, p: number, l: string, d: number) => {
    const key = JSON.stringify(s);
    if (seen.has(key)) return;
    seen.set(key, queue.length);
    queue.push(s);
    parent.push(p);
    label.push(l);
    depthOf.push(d);
    if ((queue.length & 0xffff) === 0) sample();
  };
  for (const s of system.initial()) add(s, -1, '', 0);
  let transitions = 0;
  for (let i = 0; i < queue.length; i++) {
    for (const [l, next] of system.successors(queue[i])) {
      transitions++;
      add(next, i, l, depthOf[i] + 1);
    }
  }
  return { states: queue.length, transitions, depth: depthOf.length > 0 ? depthOf[depthOf.length - 1] : 0 };
}
