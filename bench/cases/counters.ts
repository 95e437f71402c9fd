import type { LabelId, PackedSystem, SuccessorSink } from '../../checker/index.js';
import type { BenchCase, NaiveSystem } from '../case.js';

/**
 * Interleaved product of `count` counters modulo `modulus`: counter i can
 * step (`inc_i`: c_i := c_i + 1 mod m) or, when non-zero, reset (`reset_i`).
 * Every combination is reachable: modulus^count states, about
 * count * (2 - 1/modulus) transitions per state. Counters are packed
 * `bits` bits each, `perWord` per 32-bit word.
 */
export interface CounterShape {
  readonly count: number;
  readonly modulus: number;
  readonly bits: number;
  readonly perWord: number;
}

/** Module-level successor function: no closure per state, no allocation. */
function counterSuccessors(sys: PackedCounters, state: Uint32Array, sink: SuccessorSink): void {
  const out = sink.out;
  const words = sys.stateWords;
  const modulus = sys.shape.modulus;
  const fieldMask = sys.fieldMask;
  const wordOf = sys.wordOf;
  const shiftOf = sys.shiftOf;
  for (let i = 0; i < wordOf.length; i++) {
    const w = wordOf[i];
    const shift = shiftOf[i];
    const word = state[w];
    const c = (word >>> shift) & fieldMask;
    const cleared = word & ~(fieldMask << shift);
    for (let k = 0; k < words; k++) out[k] = state[k];
    out[w] = (cleared | ((c + 1 === modulus ? 0 : c + 1) << shift)) >>> 0;
    sink.emit((2 * i) as LabelId);
    if (c !== 0) {
      for (let k = 0; k < words; k++) out[k] = state[k];
      out[w] = cleared >>> 0;
      sink.emit((2 * i + 1) as LabelId);
    }
  }
}

class PackedCounters implements PackedSystem {
  readonly stateWords: number;
  readonly labelNames: readonly string[];
  /** Word and bit offset of each counter. */
  readonly wordOf: Int32Array;
  readonly shiftOf: Int32Array;
  readonly fieldMask: number;

  constructor(readonly shape: CounterShape) {
    this.stateWords = Math.ceil(shape.count / shape.perWord);
    const names: string[] = [];
    for (let i = 0; i < shape.count; i++) names.push(`inc_${i}`, `reset_${i}`);
    this.labelNames = names;
    this.wordOf = Int32Array.from({ length: shape.count }, (_, i) => Math.floor(i / shape.perWord));
    this.shiftOf = Int32Array.from({ length: shape.count }, (_, i) => (i % shape.perWord) * shape.bits);
    this.fieldMask = (1 << shape.bits) - 1;
  }

  initial(sink: SuccessorSink): void {
    sink.out.fill(0);
    sink.emit(0 as LabelId);
  }

  successors(state: Uint32Array, sink: SuccessorSink): void {
    counterSuccessors(this, state, sink);
  }
}

interface CounterState {
  readonly c: number[];
}

class NaiveCounters implements NaiveSystem<CounterState> {
  constructor(readonly shape: CounterShape) {}

  initial(): CounterState[] {
    return [{ c: new Array<number>(this.shape.count).fill(0) }];
  }

  successors(s: CounterState): Array<[string, CounterState]> {
    const next: Array<[string, CounterState]> = [];
    for (let i = 0; i < s.c.length; i++) {
      const inc = s.c.slice();
      inc[i] = (inc[i] + 1) % this.shape.modulus;
      next.push([`inc_${i}`, { c: inc }]);
      if (s.c[i] !== 0) {
        const reset = s.c.slice();
        reset[i] = 0;
        next.push([`reset_${i}`, { c: reset }]);
      }
    }
    return next;
  }
}

/** A counters bench case with a full and a quick shape. */
export function countersCase(name: string, full: CounterShape, quick: CounterShape): BenchCase {
  const pick = (q: boolean) => (q ? quick : full);
  return {
    name,
    describe(q) {
      const s = pick(q);
      const words = Math.ceil(s.count / s.perWord);
      return `${s.count} counters mod ${s.modulus}, ${words} word(s)/state, ${(s.modulus ** s.count).toLocaleString('en-US')} states`;
    },
    packed: (q) => new PackedCounters(pick(q)),
    naive: (q) => new NaiveCounters(pick(q)),
  };
}
