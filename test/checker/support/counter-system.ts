import type { LabelId, PackedSystem, SuccessorSink } from '../../../checker/index.js';

/**
 * An unbounded system for bound tests: a 64-bit counter over two words with
 * one step `inc` (and `jump`, +2); never finishes within any test's budget.
 */
export const endlessCounter: PackedSystem = {
  stateWords: 2,
  labelNames: ['inc', 'jump'],
  initial(sink: SuccessorSink) {
    sink.out[0] = 0;
    sink.out[1] = 0;
    sink.emit(0 as LabelId);
  },
  successors(state: Uint32Array, sink: SuccessorSink) {
    for (let step = 1; step <= 2; step++) {
      const low = (state[0] + step) >>> 0;
      sink.out[0] = low;
      sink.out[1] = low < state[0] ? (state[1] + 1) >>> 0 : state[1];
      sink.emit((step - 1) as LabelId);
    }
  },
};
