/**
 * The contract between a model and the explorer. The explorer knows nothing of
 * what a state means: it stores fixed-width packed words and asks the system for
 * successors. Two views of the same thing:
 *
 * - `TransitionSystem<State, Label>`: the readable view (objects), used by
 *   small systems, tests and reports.
 * - `PackedSystem`: the view the hot loop runs on. A model that cares about
 *   speed implements it directly; `packSystem()` adapts any TransitionSystem.
 */

/** Index of a stored state, in BFS discovery order (0 = first initial state). */
export type StateIndex = number & { readonly __brand: 'StateIndex' };
/** Index into `PackedSystem.labelNames`. */
export type LabelId = number & { readonly __brand: 'LabelId' };

/** Where a packed system writes successors. */
export interface SuccessorSink {
  /**
   * Scratch buffer of `stateWords` words. The system writes the next state here
   * and then calls `emit(label)`; the explorer copies the words out before it
   * returns, so the same buffer is reused for every successor.
   */
  readonly out: Uint32Array;
  emit(label: LabelId): void;
}

export interface PackedSystem {
  /** Words (uint32) per packed state; at least 1. */
  readonly stateWords: number;
  /** Name of each label id, for coverage and traces. Every label the system can emit is listed. */
  readonly labelNames: readonly string[];
  /** Writes each initial state into `sink.out` and emits it (the label is ignored). */
  initial(sink: SuccessorSink): void;
  /**
   * Emits every successor of `state` (read-only; `stateWords` words). Must be a
   * pure function of the words: no hidden state, same successors every call.
   * Emitting the same (label, next) twice counts twice as a transition.
   */
  successors(state: Uint32Array, sink: SuccessorSink): void;
  /**
   * Legitimate end states: a state with no successor for which this returns
   * true is not reported as a deadlock. Absent: every dead end is a deadlock.
   */
  isTerminal?(state: Uint32Array): boolean;
  /**
   * Counters the system keeps about its own rules (rule coverage), indexed by
   * the system; the explorer only reports them. The system must count a rule
   * only for successors it emits.
   */
  readonly counters?: Float64Array;
}

/** An invariant over packed states: must hold in every reachable state. */
export interface PackedInvariant {
  readonly name: string;
  holds(state: Uint32Array): boolean;
  /**
   * Where the invariant says something (its antecedent): a run counts the
   * reachable states where the trigger holds and keeps the first one, so an
   * invariant that holds only because its trigger never does can be told
   * apart (vacuity). Absent: every state.
   */
  trigger?(state: Uint32Array): boolean;
}

/** Fixed-width encoding of a readable state. `decode(encode(s))` must equal `s`. */
export interface StateEncoding<State> {
  readonly words: number;
  encode(state: State, out: Uint32Array): void;
  decode(words: Uint32Array): State;
}

/** The readable view: objects in, objects out. */
export interface TransitionSystem<State, Label> {
  readonly encoding: StateEncoding<State>;
  /** Every label the system can take (for coverage: labels never taken are dead). */
  readonly labels: readonly Label[];
  labelName(label: Label): string;
  initialStates(): Iterable<State>;
  successors(state: State): Iterable<readonly [Label, State]>;
  isTerminal?(state: State): boolean;
}
