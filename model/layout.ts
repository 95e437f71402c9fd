/**
 * The composed state as a flat vector of small integers ("fields"), and its
 * packing into 32-bit words for the explorer's store. Per-system fields come
 * first (system i at i * perSystem), then the global ones. Field widths follow
 * the parameters, so the packed state is as small as the model allows.
 */
import type { Params } from './params.js';

/** Per-system field offsets; page p of main storage is at MEM + p. */
export const ST = 0, MODE = 1, CPU = 2, FAILED = 3, TRACING = 4, TRACE_COUNT = 5, TRACE_MASK = 6,
  HELD = 7, CTX = 8, ACT_SEEN = 9, PREV_ST = 10, ST3_MODE = 11, RESYNC_FROM = 12, CORRUPTED = 13, DISAGREED = 14,
  ISOLATED = 15, HUNG = 16, MEM = 17;

/** Global field offsets, relative to `Layout.global`. */
export const LINKS = 0, JOB = 1, JOB_SRC = 2, JOB_DST = 3, JOB_PROGRESS = 4, FAULTS_USED = 5,
  EVER_DUPLEX = 6, SINCE_BASE = 7;
/**
 * SINCE_DUPLEX: failures injected since the systems were last all in Online
 * sync, capped at N. SURVIVABLE: the last failure injected is one the
 * service must survive: a CPU failure of a system in lock-step with a
 * partner, or a disagreement between lock-step systems ([0035] [0055]);
 * cleared by the next failure and by full duplication.
 */
export const SINCE_DUPLEX = SINCE_BASE, SURVIVABLE = SINCE_BASE + 1;
/** The DMA controller stopped responding in the middle of its copy job (S18). */
export const DMA_HUNG = SINCE_BASE + 2;
const GLOBAL_FIELDS = SINCE_BASE + 3;

const bitsFor = (maxValue: number): number => (maxValue <= 0 ? 1 : 32 - Math.clz32(maxValue));

export interface FieldSpec {
  readonly name: string;
  readonly max: number;
}

export class Layout {
  readonly systems: number;
  readonly pages: number;
  readonly perSystem: number;
  readonly global: number;
  readonly size: number;
  readonly words: number;
  readonly names: readonly string[];
  /** Per flat field: the word it lives in, its bit offset and its (unshifted) mask. */
  readonly word: Int32Array;
  readonly shift: Int32Array;
  readonly mask: Uint32Array;

  /** `widths`: capacities the fields must hold when they differ from the parameters (a capacity mutation). */
  constructor(p: Params, widths: { readonly buffer: number; readonly trace: number } = p) {
    this.systems = p.systems;
    this.pages = p.pages;
    this.perSystem = MEM + p.pages;
    this.global = p.systems * this.perSystem;
    this.size = this.global + GLOBAL_FIELDS;
    const specs: FieldSpec[] = [];
    for (let i = 0; i < p.systems; i++) {
      const sys: FieldSpec[] = [
        { name: 'st', max: 10 },
        { name: 'mode', max: 2 },
        { name: 'cpu', max: 5 },
        { name: 'failed', max: 1 },
        { name: 'tracing', max: 1 },
        { name: 'traceCount', max: widths.trace },
        { name: 'traceMask', max: (1 << p.pages) - 1 },
        { name: 'held', max: widths.buffer },
        { name: 'ctx', max: 1 },
        { name: 'actSeen', max: 1 },
        { name: 'prevSt', max: 10 },
        { name: 'st3Mode', max: 2 },
        { name: 'resyncFrom', max: p.systems },
        { name: 'corrupted', max: 1 },
        { name: 'disagreed', max: 1 },
        { name: 'isolated', max: 1 },
        { name: 'hung', max: 1 },
      ];
      for (let pg = 0; pg < p.pages; pg++) sys.push({ name: `mem${pg}`, max: p.values - 1 });
      for (const f of sys) specs.push({ name: `#${i}.${f.name}`, max: f.max });
    }
    const pairs = (p.systems * (p.systems - 1)) / 2;
    specs.push(
      { name: 'links', max: (1 << pairs) - 1 },
      { name: 'job', max: 2 },
      { name: 'jobSrc', max: p.systems - 1 },
      { name: 'jobDst', max: p.systems - 1 },
      { name: 'jobProgress', max: p.pages },
      { name: 'faultsUsed', max: p.faults },
      { name: 'everDuplex', max: 1 },
    );
    specs.push({ name: 'sinceDuplex', max: p.systems }, { name: 'survivable', max: 1 }, { name: 'dmaHung', max: 1 });
    this.names = specs.map((s) => s.name);
    this.word = new Int32Array(specs.length);
    this.shift = new Int32Array(specs.length);
    this.mask = new Uint32Array(specs.length);
    let w = 0, used = 0;
    specs.forEach((s, k) => {
      const bits = bitsFor(s.max);
      if (used + bits > 32) { w++; used = 0; }
      this.word[k] = w;
      this.shift[k] = used;
      this.mask[k] = bits === 32 ? 0xffffffff : (1 << bits) - 1;
      used += bits;
    });
    this.words = w + 1;
    this.decode = this.compileDecode();
    this.encode = this.compileEncode();
  }

  at(system: number, field: number): number {
    return system * this.perSystem + field;
  }

  /**
   * Packs every field of `fields` into `out[0 .. words)`: straight-line code
   * generated once per layout, as `decode` (the canonical form encodes the
   * least image of most successors it reorders).
   */
  readonly encode: (fields: Int32Array, out: Uint32Array) => void;

  /** Reads flat field k straight from packed words. */
  rd(words: Uint32Array, k: number): number {
    return (words[this.word[k]] >>> this.shift[k]) & this.mask[k];
  }

  /** Writes flat field k into packed words (v must fit its width). */
  wr(words: Uint32Array, k: number, v: number): void {
    const w = this.word[k], sh = this.shift[k], m = this.mask[k] << sh;
    words[w] = (words[w] & ~m) | ((v << sh) & m);
  }

  /**
   * Unpacks every field of `words` into `fields`: straight-line code generated
   * once per layout (constant word, shift and mask per field), because the
   * model decodes every state it expands.
   */
  readonly decode: (words: Uint32Array, fields: Int32Array) => void;

  private compileDecode(): (words: Uint32Array, fields: Int32Array) => void {
    const lines: string[] = [];
    for (let k = 0; k < this.size; k++) {
      const sh = this.shift[k], m = this.mask[k];
      lines.push(`f[${k}] = ${sh === 0 ? `w${this.word[k]}` : `(w${this.word[k]} >>> ${sh})`} & ${m >>> 0};`);
    }
    const loads = Array.from({ length: this.words }, (_, w) => `const w${w} = s[${w}];`);
    return new Function('s', 'f', [...loads, ...lines].join('\n')) as (words: Uint32Array, fields: Int32Array) => void;
  }

  private compileEncode(): (fields: Int32Array, out: Uint32Array) => void {
    const terms: string[][] = Array.from({ length: this.words }, () => []);
    for (let k = 0; k < this.size; k++) {
      const sh = this.shift[k], m = this.mask[k] >>> 0;
      terms[this.word[k]].push(sh === 0 ? `(f[${k}] & ${m})` : `((f[${k}] & ${m}) << ${sh})`);
    }
    const lines = terms.map((t, w) => `s[${w}] = ${t.join(' | ')};`);
    return new Function('f', 's', lines.join('\n')) as (fields: Int32Array, out: Uint32Array) => void;
  }
}
