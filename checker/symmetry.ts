/**
 * Symmetry reduction: explore one representative per orbit of a group of
 * state permutations that the system commutes with (succ(g s) = g succ(s)
 * for every element g). The explorer stays unaware of it: `quotientSystem`
 * wraps the system so that every state it emits is replaced by its orbit's
 * canonical member, and `concretizeTrace` turns a path of the quotient back
 * into a path of the system itself that ends in the very state stored.
 *
 * Soundness is the caller's business: the group must be one the system
 * commutes with, and every property checked must be invariant under it.
 * `symmetryDefect` finds a state where the first fails, for tests.
 */
import { initialStatesOf, sameWords, successorsOf } from './collect.js';
import type { TraceStep } from './trace.js';
import type { LabelId, PackedSystem, SuccessorSink } from './transition-system.js';

export interface StateSymmetry {
  /** Number of group elements; element 0 is the identity. */
  readonly size: number;
  /** Writes the image of `state` under element g into `out` (a different array). */
  apply(g: number, state: Uint32Array, out: Uint32Array): void;
  /**
   * Replaces `state` (in place) by the canonical member of its orbit: the
   * same state for every member of the orbit. Returns an element a with
   * canonical = a(state) (0 when the state was canonical already). Called
   * for every successor, so it must not allocate.
   */
  canonicalize(state: Uint32Array): number;
  /** The element a∘b: apply b, then a. */
  compose(a: number, b: number): number;
  /** Optional, a faster way to the bits of the elements g with g(state) = state (bit 0, the identity, always set). */
  stabilizer?(state: Uint32Array): number;
  inverse(a: number): number;
  /** The label of the image of a step: a step labelled `label` from s is a step labelled mapLabel(g, label) from g(s). */
  mapLabel(g: number, label: number): number;
}

/** Lexicographic order of two packed states of `words` words. */
function compareWords(a: Uint32Array, b: Uint32Array, words: number): number {
  for (let k = 0; k < words; k++) if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
  return 0;
}

/**
 * The canonical member by brute force: the least image in word order. Any
 * StateSymmetry can use it; a model with a cheaper canonical form provides
 * its own (tests compare the two).
 */
export function leastImage(size: number, words: number, apply: StateSymmetry['apply']): (state: Uint32Array) => number {
  const best = new Uint32Array(words);
  const image = new Uint32Array(words);
  return (state) => {
    best.set(state.subarray(0, words));
    let element = 0;
    for (let g = 1; g < size; g++) {
      apply(g, state, image);
      if (compareWords(image, best, words) < 0) (best.set(image), (element = g));
    }
    state.set(best);
    return element;
  };
}

/**
 * A sink that canonicalizes each successor before handing it on, its label
 * raised by offset[a] for the element a that canonicalized it (all 0 for the
 * plain quotient).
 */
class CanonicalSink implements SuccessorSink {
  readonly out: Uint32Array;
  inner: SuccessorSink | null = null;

  constructor(words: number, private readonly symmetry: StateSymmetry, private readonly offset: Int32Array) {
    this.out = new Uint32Array(words);
  }

  emit(label: LabelId): void {
    const inner = this.inner!;
    inner.out.set(this.out);
    const a = this.symmetry.canonicalize(inner.out);
    inner.emit((label + this.offset[a]) as LabelId);
  }
}

/** `system` with every emission going through `sink` first, under these label names. */
function throughSink(system: PackedSystem, sink: CanonicalSink, labelNames: readonly string[]): PackedSystem {
  return {
    stateWords: system.stateWords,
    labelNames,
    initial(out) {
      sink.inner = out;
      system.initial(sink);
    },
    successors(state, out) {
      sink.inner = out;
      system.successors(state, sink);
    },
    isTerminal: (state) => system.isTerminal !== undefined && system.isTerminal(state),
    get counters() {
      return system.counters;
    },
  };
}

/**
 * The quotient of `system` by `symmetry`: the same labels, counters and dead
 * ends, with every state (initial ones included) canonical. Emitted labels
 * are those of the representative's own steps.
 */
export function quotientSystem(system: PackedSystem, symmetry: StateSymmetry): PackedSystem {
  return throughSink(system, new CanonicalSink(system.stateWords, symmetry, new Int32Array(symmetry.size)), system.labelNames);
}

/**
 * The quotient whose labels also say how each successor was canonicalized:
 * a representative q's step labelled l to a real successor t = h(q') (q'
 * canonical) is emitted as l + labelCount * h, over labelCount * size label
 * names. The explorer records that like any label; `splitTags` folds the
 * labels of the finished run back and keeps the elements h per edge, from
 * which `coverEdges` (symmetry-cover.ts) unfolds the quotient into a graph
 * of the system itself for properties the quotient does not preserve.
 */
export function taggedQuotientSystem(system: PackedSystem, symmetry: StateSymmetry): PackedSystem {
  const count = system.labelNames.length;
  // canonical = a(t), so t = h(canonical) for h = a's inverse
  const offset = Int32Array.from({ length: symmetry.size }, (_, a) => count * symmetry.inverse(a));
  const labelNames: string[] = [];
  for (let h = 0; h < symmetry.size; h++) for (const name of system.labelNames) labelNames.push(h === 0 ? name : `${name}@${h}`);
  return throughSink(system, new CanonicalSink(system.stateWords, symmetry, offset), labelNames);
}

function canonicalCopy(symmetry: StateSymmetry, state: Uint32Array): Uint32Array {
  const c = Uint32Array.from(state);
  symmetry.canonicalize(c);
  return c;
}

/**
 * A path of `system` itself for a path of its quotient (states canonical,
 * as stored by an exploration of `quotientSystem`), ending in the quotient
 * path's last state. Each step is a real step of the system, so the result
 * replays (replayTrace). Throws if the quotient path is not one (the
 * symmetry is not one the system commutes with).
 */
export function concretizeTrace(system: PackedSystem, symmetry: StateSymmetry, trace: readonly TraceStep[]): TraceStep[] {
  if (trace.length === 0) return [];
  const words = system.stateWords;
  const first = initialStatesOf(system).find((s) => sameWords(canonicalCopy(symmetry, s), trace[0].state, words));
  if (first === undefined) throw new Error('symmetry: no initial state of the system has the canonical form of the trace\'s first state');
  const path: TraceStep[] = [{ label: null, state: first }];
  for (let k = 1; k < trace.length; k++) {
    const at = path[k - 1].state;
    const moves = successorsOf(system, at).filter((m) => sameWords(canonicalCopy(symmetry, m.state), trace[k].state, words));
    if (moves.length === 0) throw new Error(`symmetry: step ${k} of the reduced trace has no counterpart in the system (is the model symmetric?)`);
    const same = moves.find((m) => m.label === trace[k].label) ?? moves[0];
    path.push({ label: same.label, state: same.state });
  }
  return endingIn(system, symmetry, path, trace[trace.length - 1].state);
}

/**
 * The image of `path` under the element that maps its last state onto
 * `target`, when that image starts in an initial state (true of systems
 * whose initial states are symmetric); otherwise `path` as it is. Labels are
 * found again, since the element may rename them.
 */
function endingIn(system: PackedSystem, symmetry: StateSymmetry, path: TraceStep[], target: Uint32Array): TraceStep[] {
  const words = system.stateWords;
  const last = path[path.length - 1].state;
  if (sameWords(last, target, words)) return path;
  const image = new Uint32Array(words);
  for (let g = 1; g < symmetry.size; g++) {
    symmetry.apply(g, last, image);
    if (!sameWords(image, target, words)) continue;
    const mapped = path.map((step) => {
      const out = new Uint32Array(words);
      symmetry.apply(g, step.state, out);
      return out;
    });
    if (!initialStatesOf(system).some((s) => sameWords(s, mapped[0], words))) return path;
    const out: TraceStep[] = [{ label: null, state: mapped[0] }];
    for (let k = 1; k < mapped.length; k++) {
      const move = successorsOf(system, mapped[k - 1]).find((m) => sameWords(m.state, mapped[k], words));
      if (move === undefined) return path;
      out.push({ label: move.label, state: mapped[k] });
    }
    return out;
  }
  return path;
}

/** A place where a system does not commute with a symmetry. */
export interface SymmetryDefect {
  readonly state: Uint32Array;
  readonly element: number;
  readonly message: string;
}

/**
 * Checks, on the first `maxStates` states reachable (BFS, plain system) from
 * the initial states or from `from`, that the successors of g(s) and of s
 * have the same canonical forms (as sets), for every element g; and that
 * `canonicalize` gives the same state for s and each g(s). Returns the first
 * defect, or null. For tests: it explores the unreduced system.
 */
export function symmetryDefect(
  system: PackedSystem,
  symmetry: StateSymmetry,
  maxStates = Infinity,
  from: readonly Uint32Array[] = initialStatesOf(system),
): SymmetryDefect | null {
  const words = system.stateWords;
  const key = (s: Uint32Array) => Array.from(s.subarray(0, words)).join(',');
  const canonKeys = (s: Uint32Array) => new Set(successorsOf(system, s).map((m) => key(canonicalCopy(symmetry, m.state))));
  const seen = new Set<string>();
  const queue: Uint32Array[] = [];
  for (const s of from) if (!seen.has(key(s))) (seen.add(key(s)), queue.push(s));
  const image = new Uint32Array(words);
  for (let at = 0; at < queue.length && at < maxStates; at++) {
    const s = queue[at];
    const mine = canonKeys(s);
    const canon = key(canonicalCopy(symmetry, s));
    for (let g = 1; g < symmetry.size; g++) {
      symmetry.apply(g, s, image);
      const img = Uint32Array.from(image);
      if (key(canonicalCopy(symmetry, img)) !== canon) return { state: s, element: g, message: `element ${g} changes the canonical form of [${key(s)}]` };
      const theirs = canonKeys(img);
      const same = theirs.size === mine.size && [...theirs].every((x) => mine.has(x));
      if (!same) return { state: s, element: g, message: `the successors of [${key(s)}] and of its image under element ${g} lie in different orbits` };
    }
    for (const m of successorsOf(system, s)) {
      const k = key(m.state);
      if (!seen.has(k)) (seen.add(k), queue.push(m.state));
    }
  }
  return null;
}
