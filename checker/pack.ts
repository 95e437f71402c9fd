import type { TraceStep } from './trace.js';
import type {
  LabelId,
  PackedInvariant,
  PackedSystem,
  SuccessorSink,
  TransitionSystem,
} from './transition-system.js';

/** A trace step with the state decoded and the label mapped back. */
export interface DecodedStep<S, L> {
  readonly label: L | null;
  readonly labelName: string | null;
  readonly state: S;
}

/**
 * A readable TransitionSystem seen as a PackedSystem, plus the conversions
 * back (decode states, map LabelIds to labels). Labels get LabelIds in the
 * order of `ts.labels`; a successor's label is matched by identity first,
 * then by `labelName`, so labels that are fresh objects still map.
 */
export class PackedView<S, L> implements PackedSystem {
  readonly stateWords: number;
  readonly labelNames: readonly string[];
  private readonly byLabel = new Map<L, LabelId>();
  private readonly byName = new Map<string, LabelId>();

  constructor(readonly source: TransitionSystem<S, L>) {
    const words = source.encoding.words;
    if (!(Number.isInteger(words) && words >= 1)) throw new RangeError(`encoding.words must be an integer >= 1, got ${words}`);
    this.stateWords = words;
    this.labelNames = source.labels.map((l) => source.labelName(l));
    source.labels.forEach((label, id) => {
      const name = this.labelNames[id];
      if (this.byName.has(name)) throw new Error(`two labels share the name "${name}"`);
      this.byName.set(name, id as LabelId);
      this.byLabel.set(label, id as LabelId);
    });
  }

  initial(sink: SuccessorSink): void {
    for (const s of this.source.initialStates()) {
      this.source.encoding.encode(s, sink.out);
      sink.emit(0 as LabelId);
    }
  }

  successors(state: Uint32Array, sink: SuccessorSink): void {
    const s = this.source.encoding.decode(state);
    for (const [label, next] of this.source.successors(s)) {
      const id = this.labelIdOf(label);
      this.source.encoding.encode(next, sink.out);
      sink.emit(id);
    }
  }

  isTerminal(state: Uint32Array): boolean {
    return this.source.isTerminal !== undefined && this.source.isTerminal(this.source.encoding.decode(state));
  }

  /** The readable state of packed `words`. */
  decode(words: Uint32Array): S {
    return this.source.encoding.decode(words);
  }

  /** The packed words of `state` (a new array). */
  encode(state: S): Uint32Array {
    const out = new Uint32Array(this.stateWords);
    this.source.encoding.encode(state, out);
    return out;
  }

  /** The label with id `id`. */
  labelOf(id: LabelId): L {
    if (!(id >= 0 && id < this.source.labels.length)) throw new RangeError(`label id ${id} out of range`);
    return this.source.labels[id];
  }

  /** The id of `label`; throws if it is not one of `ts.labels` (by identity or name). */
  labelIdOf(label: L): LabelId {
    const id = this.byLabel.get(label) ?? this.byName.get(this.source.labelName(label));
    if (id === undefined) throw new Error(`label "${this.source.labelName(label)}" is not listed in the system's labels`);
    return id;
  }

  /** A packed invariant that decodes the state and applies `holds`. */
  invariant(name: string, holds: (state: S) => boolean): PackedInvariant {
    const encoding = this.source.encoding;
    return { name, holds: (words) => holds(encoding.decode(words)) };
  }

  /** The trace with states decoded and labels mapped back. */
  decodeTrace(trace: readonly TraceStep[]): DecodedStep<S, L>[] {
    return trace.map((step) => ({
      label: step.label === null ? null : this.labelOf(step.label),
      labelName: step.label === null ? null : this.labelNames[step.label],
      state: this.decode(step.state),
    }));
  }
}

/** Adapts a readable TransitionSystem to the PackedSystem the explorer runs on. */
export function packSystem<S, L>(ts: TransitionSystem<S, L>): PackedView<S, L> {
  return new PackedView(ts);
}
