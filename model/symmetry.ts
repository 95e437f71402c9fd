/**
 * The interchangeability of systems #0..#N-1 ([0031] [0102]: identical
 * systems joined by crosslinks): a permutation of the systems maps a
 * composed state to another by moving each system's fields to its new index
 * and renaming the fields that name a system (the resynchronization source,
 * the crosslink pairs, a running copy job's source and destination).
 *
 * The canonical member of an orbit is the image whose field vector is least
 * in field order. Two shortcuts find it without building images: a state
 * whose systems' states increase and that names no system is its own
 * (plainlyOrdered, read from the packed words); a state that names no
 * system and has no two equal system blocks has the image that sorts the
 * blocks (sortingElement). Otherwise each permutation's image is compared
 * field by field, abandoned at the first field that is greater.
 *
 * Whether the model commutes with these permutations depends on its
 * readings and parameters: `symmetryObstacle` says why not where it does not.
 */
import type { StateSymmetry } from '../checker/symmetry.js';
import { linkBit, pairCount } from '../hw/crosslink.js';
import { JOB_IDLE } from '../hw/dma-controller.js';
import { JOB, JOB_DST, JOB_SRC, LINKS, RESYNC_FROM, ST, type Layout } from './layout.js';
import type { Mutation } from './mutation.js';
import type { Params } from './params.js';
import type { Readings } from './readings.js';

/** Every permutation of 0..n-1, the identity first; perm[i] is the new index of system i. */
export function permutationsOf(n: number): Int8Array[] {
  const out: Int8Array[] = [];
  const rec = (prefix: number[]): void => {
    if (prefix.length === n) {
      out.push(Int8Array.from(prefix));
      return;
    }
    for (let i = 0; i < n; i++) if (!prefix.includes(i)) rec([...prefix, i]);
  };
  rec([]);
  return out;
}

/** How a field names systems. */
const PLAIN = 0, SYSTEM_PLUS_ONE = 1, LINK_MASK = 2, JOB_SYSTEM = 3;

export class SystemSymmetry implements StateSymmetry {
  readonly size: number;
  private readonly n: number;
  private readonly per: number;
  private readonly fieldCount: number;
  /** perm[g][i]: new index of system i under element g; inv[g][b]: the system that becomes b. */
  private readonly perm: Int8Array[];
  private readonly inv: Int8Array[];
  /** linkMap[g][mask]: the crosslink mask with every pair renamed by g. */
  private readonly linkMap: Uint8Array[];
  /** source[g][k]: the field of the original state that field k of its image under g comes from. */
  private readonly source: Int32Array[];
  /** Per system: word, shift and mask of its ST field, then of its RESYNC_FROM field (plainlyOrdered). */
  private readonly order: Int32Array;
  /** How field k names systems (PLAIN: it does not). */
  private readonly kind: Uint8Array;
  private readonly fields: Int32Array;
  private readonly best: Int32Array;
  /** Scratch of sortingElement: each system's place among the sorted blocks. */
  private readonly rank: Int32Array;
  /** elementOfRanks[r0 * n^(n-1) + ... + r(n-1)]: the element that sends system i to r_i. */
  private readonly elementOfRanks: Int32Array;
  private readonly image: Int32Array;
  private readonly job: number;
  /** compose[a * size + b]: the element a∘b; inverses[a]: a's inverse. */
  private readonly composition: Uint8Array;
  private readonly inverses: Uint8Array;
  /** labelImage[g * labels + l]: the label of g's image of a step labelled l (null: no label names given). */
  private readonly labelImage: Int32Array | null;
  private readonly labelCount: number;

  /** `labelNames`: the model's, for mapLabel (the unfolding of liveness checks); the other operations do without. */
  constructor(private readonly layout: Layout, labelNames: readonly string[] | null = null) {
    this.n = layout.systems;
    this.per = layout.perSystem;
    this.fieldCount = layout.size;
    this.perm = permutationsOf(this.n);
    this.size = this.perm.length;
    this.inv = this.perm.map((p) => {
      const inv = new Int8Array(p.length);
      p.forEach((to, from) => (inv[to] = from));
      return inv;
    });
    const masks = 1 << pairCount(this.n);
    this.linkMap = this.perm.map((p) => {
      const map = new Uint8Array(masks);
      for (let m = 0; m < masks; m++) {
        let out = 0;
        for (let a = 0; a < this.n; a++) {
          for (let b = a + 1; b < this.n; b++) if ((m >>> linkBit(a, b, this.n)) & 1) out |= 1 << linkBit(p[a], p[b], this.n);
        }
        map[m] = out;
      }
      return map;
    });
    this.order = new Int32Array(6 * this.n);
    for (let i = 0; i < this.n; i++) {
      const st = layout.at(i, ST), from = layout.at(i, RESYNC_FROM);
      this.order.set([layout.word[st], layout.shift[st], layout.mask[st], layout.word[from], layout.shift[from], layout.mask[from]], 6 * i);
    }
    this.kind = new Uint8Array(this.fieldCount);
    for (let i = 0; i < this.n; i++) this.kind[i * this.per + RESYNC_FROM] = SYSTEM_PLUS_ONE;
    this.kind[layout.global + LINKS] = LINK_MASK;
    this.kind[layout.global + JOB_SRC] = this.kind[layout.global + JOB_DST] = JOB_SYSTEM;
    this.source = this.inv.map((inv) => {
      const src = new Int32Array(this.fieldCount);
      for (let k = 0; k < this.fieldCount; k++) {
        const b = (k / this.per) | 0;
        src[k] = k < layout.global ? inv[b] * this.per + (k - b * this.per) : k;
      }
      return src;
    });
    this.fields = new Int32Array(this.fieldCount);
    this.best = new Int32Array(this.fieldCount);
    this.rank = new Int32Array(this.n);
    this.elementOfRanks = new Int32Array(this.n ** this.n).fill(-1);
    this.perm.forEach((p, g) => (this.elementOfRanks[Array.from(p).reduce((key, to) => key * this.n + to, 0)] = g));
    this.image = new Int32Array(this.fieldCount);
    this.job = layout.global + JOB;
    const key = (p: ArrayLike<number>) => Array.from(p).join(',');
    const index = new Map(this.perm.map((p, g) => [key(p), g]));
    this.composition = new Uint8Array(this.size * this.size);
    for (let a = 0; a < this.size; a++) {
      for (let b = 0; b < this.size; b++) this.composition[a * this.size + b] = index.get(key(this.perm[b].map((to) => this.perm[a][to])))!;
    }
    this.inverses = Uint8Array.from(this.inv, (p) => index.get(key(p))!);
    this.labelCount = labelNames?.length ?? 0;
    this.labelImage = labelNames === null ? null : labelImages(labelNames, this.perm);
  }

  compose(a: number, b: number): number {
    return this.composition[a * this.size + b];
  }

  inverse(a: number): number {
    return this.inverses[a];
  }

  /** The system whose fields become system i's under element g. */
  preimage(g: number, i: number): number {
    return this.inv[g][i];
  }

  /** The bits of the elements that map `state` to itself (bit 0, the identity, always). */
  stabilizer(state: Uint32Array): number {
    // every element that moves a system makes a greater image of it, so not itself
    if (this.plainlyOrdered(state)) return 1;
    const f = this.fields;
    this.layout.decode(state, f);
    // the same when no system names another and their blocks differ: each element moves some block elsewhere
    if (this.sortingElement(f) >= 0) return 1;
    let bits = 1;
    for (let g = 1; g < this.size; g++) {
      let k = 0;
      while (k < this.fieldCount && this.imageField(g, f, k) === f[k]) k++;
      if (k === this.fieldCount) bits |= 1 << g;
    }
    return bits;
  }

  mapLabel(g: number, label: number): number {
    if (this.labelImage === null) throw new Error('internal: SystemSymmetry built without label names cannot map labels');
    return this.labelImage[g * this.labelCount + label];
  }

  /** Field k of the image of `f` (decoded) under element g. */
  private imageField(g: number, f: Int32Array, k: number): number {
    const v = f[this.source[g][k]];
    switch (this.kind[k]) {
      case PLAIN:
        return v;
      case SYSTEM_PLUS_ONE:
        return v > 0 ? this.perm[g][v - 1] + 1 : v;
      case LINK_MASK:
        return this.linkMap[g][v];
      default:
        return f[this.job] !== JOB_IDLE ? this.perm[g][v] : v;
    }
  }

  apply(g: number, state: Uint32Array, out: Uint32Array): void {
    const f = this.fields;
    this.layout.decode(state, f);
    for (let k = 0; k < this.fieldCount; k++) this.image[k] = this.imageField(g, f, k);
    this.layout.encode(this.image, out);
  }

  /**
   * A sufficient test for `state` being its own least image, read straight
   * from the words (half the successors of the N = 3 defaults pass it, and
   * skip the decoding): the systems' states increase strictly, #0 < #1 < ...,
   * and no system names another (RESYNC_FROM 0). Then an element g that
   * moves some system, i the first it moves, maps the blocks before i onto
   * themselves unchanged and puts the state of a system after i first in
   * block i: a greater image.
   */
  private plainlyOrdered(state: Uint32Array): boolean {
    const { order } = this;
    let previous = -1;
    for (let t = 0; t < order.length; t += 6) {
      const st = (state[order[t]] >>> order[t + 1]) & order[t + 2];
      if (st <= previous || ((state[order[t + 3]] >>> order[t + 4]) & order[t + 5]) !== 0) return false;
      previous = st;
    }
    return true;
  }

  /**
   * The element that gives the least image of `f` (decoded) when no system
   * names another (RESYNC_FROM 0 everywhere) and no two systems' blocks are
   * equal, else -1. Then an image's blocks are the systems' own blocks,
   * unchanged, in the order the element puts them, before the global fields:
   * the least image puts them in increasing order, and only one element does.
   */
  private sortingElement(f: Int32Array): number {
    const { n, per, rank } = this;
    for (let i = 0; i < n; i++) if (f[i * per + RESYNC_FROM] !== 0) return -1;
    rank.fill(0);
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        let t = 0;
        const x = a * per, y = b * per;
        while (t < per && f[x + t] === f[y + t]) t++;
        if (t === per) return -1;
        if (f[x + t] < f[y + t]) rank[b]++;
        else rank[a]++;
      }
    }
    let key = 0;
    for (let i = 0; i < n; i++) key = key * n + rank[i];
    return this.elementOfRanks[key];
  }

  canonicalize(state: Uint32Array): number {
    if (this.plainlyOrdered(state)) return 0;
    const f = this.fields;
    const best = this.best;
    const size = this.fieldCount;
    this.layout.decode(state, f);
    const sorted = this.sortingElement(f);
    if (sorted >= 0) {
      if (sorted === 0) return 0;
      for (let k = 0; k < size; k++) best[k] = this.imageField(sorted, f, k);
      this.layout.encode(best, state);
      return sorted;
    }
    best.set(f);
    let element = 0;
    for (let g = 1; g < this.size; g++) {
      let k = 0, v = 0;
      while (k < size && (v = this.imageField(g, f, k)) === best[k]) k++;
      if (k === size || v > best[k]) continue;
      for (let j = k; j < size; j++) best[j] = this.imageField(g, f, j);
      element = g;
    }
    if (element !== 0) this.layout.encode(best, state);
    return element;
  }
}

/** Why the systems are not interchangeable under these parameters, readings and mutation, or null when they are. */
export function symmetryObstacle(params: Params, readings: Readings, mutation: Mutation | null): string | null {
  if (mutation !== null) return 'a mutant of the model need not treat the systems alike';
  if (params.systems < 3) return null;
  if (readings['S21-takeover-choice'] === 'lowest-index') {
    return 'reading S21-takeover-choice=lowest-index lets the lowest-numbered SBY take over, so the systems are not interchangeable';
  }
  // the lowest-numbered member writes for a lock-step group; that is symmetric only while groups are fully linked
  for (const [id, name] of [['D3-crosslink-loss', 'states-unchanged'], ['S13-n3-copy-source', 'act-in-online-sync']] as const) {
    if (readings[id] === name) {
      return `reading ${id}=${name} lets three systems run in lock-step without every crosslink between them, where the lowest-numbered member writes for the group, so the systems are not interchangeable`;
    }
  }
  return null;
}

/**
 * A label's name with system i renamed p[i]: `cpu_fail(#1)` under 1 -> 2 is
 * `cpu_fail(#2)`; an unordered pair such as `crosslink_lost(#0,#2)` and a
 * lock-step group's write such as `cpu_write(#0+#2,p0,v1)` are named lowest first.
 */
function renamedLabel(name: string, p: ArrayLike<number>): string {
  const renamed = name.replace(/#(\d+)/g, (_, d: string) => `#${p[Number(d)]}`);
  return renamed
    .replace(/\(#(\d+),#(\d+)\)/, (m, a: string, b: string) => (Number(a) > Number(b) ? `(#${b},#${a})` : m))
    .replace(/#\d+(\+#\d+)+/, (group) => group.split('+').sort((x, y) => Number(x.slice(1)) - Number(y.slice(1))).join('+'));
}

/**
 * The label of each label's image under each permutation, by the names
 * (renamedLabel). Throws if an image is not
 * a label: the labels would not name the systems alike.
 */
function labelImages(labelNames: readonly string[], perms: readonly Int8Array[]): Int32Array {
  const id = new Map(labelNames.map((name, l) => [name, l]));
  const count = labelNames.length;
  const out = new Int32Array(perms.length * count);
  perms.forEach((p, g) => {
    labelNames.forEach((name, l) => {
      const renamed = renamedLabel(name, p);
      const image = id.get(renamed);
      if (image === undefined) throw new Error(`symmetry: label ${name} has no image under permutation [${Array.from(p).join(',')}] (${renamed})`);
      out[g * count + l] = image;
    });
  });
  return out;
}

/**
 * The label ids of each label's images under renaming the systems (its
 * orbit, itself included), from the names: `cpu_fail(#1)` and `cpu_fail(#0)`
 * are one orbit.
 */
export function labelOrbits(labelNames: readonly string[], systems: number): number[][] {
  const id = new Map(labelNames.map((name, l) => [name, l]));
  return labelNames.map((name) => {
    const orbit = new Set<number>();
    for (const p of permutationsOf(systems)) {
      const image = id.get(renamedLabel(name, p));
      if (image !== undefined) orbit.add(image);
    }
    return [...orbit].sort((a, b) => a - b);
  });
}
