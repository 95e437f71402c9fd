import type { LabelId, PackedSystem, SuccessorSink } from '../../../checker/index.js';

/**
 * A packed system over an explicit list of distinct states (words each):
 * from state k, `next` goes to k+1 and `skip` to k+7 (when they exist);
 * the initial state is state 0. BFS discovers them in a known order.
 */
export function listSystem(states: readonly Uint32Array[], words: number): PackedSystem {
  const index = new Map(states.map((s, k) => [s.join(','), k]));
  const emitTo = (k: number, label: number, sink: SuccessorSink) => {
    sink.out.set(states[k]);
    sink.emit(label as LabelId);
  };
  return {
    stateWords: words,
    labelNames: ['next', 'skip'],
    initial: (sink) => emitTo(0, 0, sink),
    successors(state, sink) {
      const k = index.get(state.join(','))!;
      if (k + 1 < states.length) emitTo(k + 1, 0, sink);
      if (k + 7 < states.length) emitTo(k + 7, 1, sink);
    },
  };
}

/** Order in which BFS from 0 over +1/+7 discovers 0..n-1: by depth, then by discovery. */
export function listBfsOrder(n: number): number[] {
  const order = [0];
  const seen = new Set([0]);
  for (let i = 0; i < order.length; i++) {
    for (const d of [1, 7]) {
      const k = order[i] + d;
      if (k < n && !seen.has(k)) (seen.add(k), order.push(k));
    }
  }
  return order;
}
