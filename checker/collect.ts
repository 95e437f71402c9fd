import type { LabelId, PackedSystem, SuccessorSink } from './transition-system.js';

/** A successor as a value: label and a copy of the words. */
export interface Move {
  readonly label: LabelId;
  readonly state: Uint32Array;
}

/** A sink that copies every emitted state; for cold paths (replay, tests), never the BFS loop. */
class CollectingSink implements SuccessorSink {
  readonly out: Uint32Array;
  readonly moves: Move[] = [];

  constructor(words: number) {
    this.out = new Uint32Array(words);
  }

  emit(label: LabelId): void {
    this.moves.push({ label, state: this.out.slice() });
  }
}

/** The initial states of `system`, in emission order (duplicates kept). */
export function initialStatesOf(system: PackedSystem): Uint32Array[] {
  const sink = new CollectingSink(system.stateWords);
  system.initial(sink);
  return sink.moves.map((m) => m.state);
}

/** The successors of `state`, in emission order (duplicates kept). The state is not modified. */
export function successorsOf(system: PackedSystem, state: Uint32Array): Move[] {
  const sink = new CollectingSink(system.stateWords);
  system.successors(state.slice(), sink);
  return sink.moves;
}

/** True if the first `words` words of a and b are equal. */
export function sameWords(a: Uint32Array, b: Uint32Array, words: number): boolean {
  for (let k = 0; k < words; k++) if (a[k] !== b[k]) return false;
  return true;
}
