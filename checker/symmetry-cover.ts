/**
 * The graph of the system itself, unfolded from a symmetry-reduced run, for
 * the properties a quotient does not preserve (liveness under fairness per
 * process: a fair cycle of the system may be only a path between two
 * members of an orbit in the quotient).
 *
 * The unfolding has one node per real state: for every stored orbit
 * representative q, a node per distinct state g(q) of its orbit, that is
 * per left coset g∘S of its stabilizer S (the elements that fix q), named
 * by the coset's least element. A quotient edge from q labelled l to q',
 * whose real successor was h(q') (taggedQuotientSystem records h), gives the
 * node of g(q) the edge labelled g(l) to the node of (g∘h)(q'): the image
 * under g of q's real step. So every real state is one node whose out-edges
 * are exactly its real steps, labels and all: the unfolding is the
 * reachable graph of the system itself, up to numbering (nodes in BFS level
 * order), and every path property, fairness, component and shortest path
 * reads on it as on the system. (A node per element instead, when states
 * are fixed by some elements, has copies of a state that a real cycle
 * through it need not connect: a shortest lasso could come out longer.)
 * What the unfolding saves is the exploration (the model's successors, the
 * store, the invariants run once per orbit), not the size of the graph.
 */
import type { ExploreResult } from './result.js';
import { RecordedEdges } from './edges.js';
import type { StateSymmetry } from './symmetry.js';
import { sameWords } from './collect.js';
import type { EdgeGraph } from './edge-graph.js';
import { ArrayColumn as FlatColumn } from './parallel/shared-states.js';
import { rangeContaining } from './ranges.js';

/**
 * The run of a taggedQuotientSystem with its labels folded back to the
 * system's `labelCount` (coverage, stored incoming labels, edges), and the
 * element h of every recorded edge (null when the run kept no labelled edges).
 * `alloc` makes the tags and the folded labels (of up to 256 labels): shared
 * memory when threads are to unfold the graph.
 */
export function splitTags(result: ExploreResult, labelCount: number, alloc: CoverAlloc = plainAlloc): { readonly result: ExploreResult; readonly tags: Uint8Array | null } {
  const fold = (a: Float64Array): Float64Array => {
    const out = new Float64Array(labelCount);
    for (let l = 0; l < a.length; l++) out[l % labelCount] += a[l];
    return out;
  };
  const names = result.coverage.labelNames.slice(0, labelCount);
  const coverage = { labelNames: names, firings: fold(result.coverage.firings), discovered: fold(result.coverage.discovered) };
  const edges = result.graph.edges;
  if (edges === undefined || !edges.labelled) {
    return { result: { ...result, coverage, graph: result.graph.withLabels(names, edges, labelCount) }, tags: null };
  }
  const count = edges.count;
  const tags = alloc.u8(count);
  const labels = labelCount <= 0x100 ? alloc.u8(count) : labelCount <= 0x10000 ? new Uint16Array(count) : new Uint32Array(count);
  for (let k = 0; k < count; k++) {
    const raw = edges.label(k);
    labels[k] = raw % labelCount;
    tags[k] = (raw / labelCount) | 0;
  }
  const c = edges.columns();
  const folded = new RecordedEdges(c.targets, new FlatColumn(labels), c.starts, c.expanded, count, edges.stateCount, labelCount, edges.bytes + labels.byteLength + count);
  return { result: { ...result, coverage, graph: result.graph.withLabels(names, folded, labelCount) }, tags };
}

/** The unfolding of a quotient graph (see the module comment). */
export interface SymmetryCover {
  /** Over its nodes, one per real state; labels are the system's. */
  readonly edges: RecordedEdges;
  /** Group elements. */
  readonly size: number;
  /** The nodes of the real initial states. */
  readonly initial: number[];
  /** The nodes of representative q are nodeBase[q] .. nodeBase[q + 1] - 1 (its orbit's states). */
  readonly nodeBase: Uint32Array;
  /** The element g such that node v is the state g(q) of its representative q. */
  elementOf(v: number): number;
  /** The same for node nodeBase[q] + c. */
  elementAt(q: number, c: number): number;
  /** The representative whose orbit node v is in. */
  representativeOf(v: number): number;
}

/** Typed arrays of a length (plain, or over shared memory when the searches run on threads). */
export interface CoverAlloc {
  u32(length: number): Uint32Array;
  u8(length: number): Uint8Array;
}

/**
 * Bytes coverEdges allocates for a quotient of `states` and `edges` under a
 * group of `size` elements, at most (every orbit full): a 32-bit target and
 * a label per edge, a start per node; per representative its stabilizer,
 * first node and first edge.
 */
export function coverBytes(states: number, edges: number, size: number): number {
  return edges * size * 5 + states * size * 4 + states * 9;
}

export const plainAlloc: CoverAlloc = { u32: (n) => new Uint32Array(n), u8: (n) => new Uint8Array(n) };

/** The most group elements the unfolding handles (a stabilizer is a byte of them). */
const MAX_ELEMENTS = 8;

/**
 * An unfolding being written: the group's tables, each representative's
 * stabilizer and where its nodes and edges start, and the arrays its rows go
 * to (plain data, so that threads can each write a range of rows when the
 * arrays are shared).
 */
export interface CoverPlan {
  readonly size: number;
  readonly labelCount: number;
  /** compose[a * size + b]: the element a∘b. */
  readonly compose: Uint8Array;
  /** labelOf[g * labelCount + l]: the image of label l under g. */
  readonly labelOf: Uint8Array;
  /** For a stabilizer S (a bit per element): coset[S * size + g] is the index of g∘S among the cosets of S by least element. */
  readonly coset: Uint8Array;
  /** leader[S * size + c]: the least element of coset c of S. */
  readonly leader: Uint8Array;
  /** Per representative: its stabilizer (bit g: g fixes it). */
  readonly stabilizer: Uint8Array;
  /** Per representative and one more: its first node, its first edge. */
  readonly nodeBase: Uint32Array;
  readonly edgeBase: Uint32Array;
  readonly targets: Uint32Array;
  readonly labels: Uint8Array;
  readonly starts: Uint32Array;
}

/**
 * Writes the rows of representatives from .. to - 1 of `plan` (each range
 * independently of the others). `tags` from splitTags.
 */
export function unfoldRows(quotient: EdgeGraph, tags: Uint8Array, plan: CoverPlan, from: number, to: number): void {
  const { size, labelCount, compose, labelOf, coset, leader, stabilizer, nodeBase, edgeBase, targets, labels, starts } = plan;
  // a row's quotient edges read once (the targets' tables are random accesses), then written once per coset
  let node = new Uint32Array(4);
  let cosetRow = new Uint32Array(4);
  let tag = new Uint8Array(4);
  let label = new Uint8Array(4);
  for (let q = from; q < to; q++) {
    const first = quotient.firstEdge(q);
    const degree = quotient.firstEdge(q + 1) - first;
    if (degree > node.length) {
      const room = Math.max(degree, node.length * 2);
      [node, cosetRow, tag, label] = [new Uint32Array(room), new Uint32Array(room), new Uint8Array(room), new Uint8Array(room)];
    }
    for (let i = 0; i < degree; i++) {
      const t = quotient.target(first + i);
      node[i] = nodeBase[t];
      cosetRow[i] = stabilizer[t] * size;
      tag[i] = tags[first + i];
      label[i] = quotient.label(first + i);
    }
    const base = nodeBase[q];
    const cosets = nodeBase[q + 1] - base;
    const own = stabilizer[q] * size;
    let e = edgeBase[q];
    for (let c = 0; c < cosets; c++) {
      const g = leader[own + c];
      starts[base + c] = e;
      const row = g * size;
      const names = g * labelCount;
      for (let i = 0; i < degree; i++) {
        targets[e] = node[i] + coset[cosetRow[i] + compose[row + tag[i]]];
        labels[e] = labelOf[names + label[i]];
        e++;
      }
    }
  }
}

/** Writes every row of the plan here (coverEdges' default). */
const unfoldHere = (quotient: EdgeGraph, tags: Uint8Array, plan: CoverPlan): void => unfoldRows(quotient, tags, plan, 0, quotient.stateCount);

/** The bits of the elements that fix `state` (the identity always). */
function stabilizerOf(symmetry: StateSymmetry, state: Uint32Array, image: Uint32Array, words: number): number {
  if (symmetry.stabilizer !== undefined) return symmetry.stabilizer(state);
  let bits = 1;
  for (let g = 1; g < symmetry.size; g++) {
    symmetry.apply(g, state, image);
    if (sameWords(image, state, words)) bits |= 1 << g;
  }
  return bits;
}

/** The coset tables of every set of elements containing the identity (CoverPlan.coset, .leader). */
function cosetTables(symmetry: StateSymmetry): { coset: Uint8Array; leader: Uint8Array } {
  const size = symmetry.size;
  const coset = new Uint8Array((1 << size) * size);
  const leader = new Uint8Array((1 << size) * size);
  for (let set = 1; set < 1 << size; set += 2) {
    const leastOf = new Uint8Array(size);
    for (let g = 0; g < size; g++) {
      let least = g;
      for (let s = 0; s < size; s++) if ((set >>> s) & 1) least = Math.min(least, symmetry.compose(g, s));
      leastOf[g] = least;
    }
    const leaders = [...new Set(leastOf)].sort((a, b) => a - b);
    leaders.forEach((g, c) => (leader[set * size + c] = g));
    for (let g = 0; g < size; g++) coset[set * size + g] = leaders.indexOf(leastOf[g]);
  }
  return { coset, leader };
}

/**
 * Unfolds `quotient` (labels folded, `tags` from splitTags). `initialStates`
 * are the real initial states; each must be the image of a stored initial
 * representative, and the set must be closed under the group (else the
 * unfolding's initial nodes would not be the system's: thrown). `unfold`
 * writes the rows (unfoldRows): here by default, or started on threads, in
 * which case the returned graph may be read only once they are done.
 */
export function coverEdges(
  quotient: RecordedEdges,
  tags: Uint8Array,
  symmetry: StateSymmetry,
  readState: (q: number, out: Uint32Array) => Uint32Array,
  initialRepresentatives: number,
  initialStates: readonly Uint32Array[],
  words: number,
  alloc: CoverAlloc = plainAlloc,
  unfold: (quotient: RecordedEdges, tags: Uint8Array, plan: CoverPlan) => void = unfoldHere,
): SymmetryCover {
  const size = symmetry.size;
  const labelCount = quotient.labelCount;
  const reps = quotient.stateCount;
  if (size > MAX_ELEMENTS) throw new Error(`symmetry: the unfolding handles groups of at most ${MAX_ELEMENTS} elements, not ${size}`);
  if (labelCount > 0x100) throw new Error('symmetry: the unfolding keeps labels in one byte');
  if (tags.length < quotient.count) throw new Error(`symmetry: ${tags.length} tags for ${quotient.count} edges`);
  const compose = new Uint8Array(size * size);
  for (let a = 0; a < size; a++) for (let b = 0; b < size; b++) compose[a * size + b] = symmetry.compose(a, b);
  const labelOf = new Uint8Array(size * labelCount);
  for (let g = 0; g < size; g++) for (let l = 0; l < labelCount; l++) labelOf[g * labelCount + l] = symmetry.mapLabel(g, l);
  const { coset, leader } = cosetTables(symmetry);
  const stabilizer = alloc.u8(reps);
  const nodeBase = alloc.u32(reps + 1);
  const edgeBase = alloc.u32(reps + 1);
  const state = new Uint32Array(words);
  const image = new Uint32Array(words);
  let nodes = 0;
  let count = 0;
  for (let q = 0; q < reps; q++) {
    const fixed = stabilizerOf(symmetry, readState(q, state), image, words);
    stabilizer[q] = fixed;
    nodeBase[q] = nodes;
    edgeBase[q] = count;
    const cosets = size / popcount(fixed);
    nodes += cosets;
    count += cosets * (quotient.firstEdge(q + 1) - quotient.firstEdge(q));
    if (nodes >= 0xffffffff || count > 0xffffffff) throw new Error(`symmetry: the unfolded graph (${nodes} nodes, ${count} edges so far) does not fit 32-bit indices`);
  }
  nodeBase[reps] = nodes;
  edgeBase[reps] = count;
  const plan: CoverPlan = {
    size, labelCount, compose, labelOf, coset, leader, stabilizer, nodeBase, edgeBase, targets: alloc.u32(count), labels: alloc.u8(count), starts: alloc.u32(nodes),
  };
  const initial = initialNodes(symmetry, readState, initialRepresentatives, initialStates, words, nodeBase);
  unfold(quotient, tags, plan);
  const { targets, labels, starts } = plan;
  const bytes = targets.byteLength + labels.byteLength + starts.byteLength + stabilizer.byteLength + nodeBase.byteLength + edgeBase.byteLength;
  const edges = new RecordedEdges(new FlatColumn(targets), new FlatColumn(labels), new FlatColumn(starts), nodes, count, nodes, labelCount, bytes);
  const representativeOf = (v: number): number => {
    if (!(Number.isInteger(v) && v >= 0 && v < nodes)) throw new RangeError(`node ${v} out of range 0..${nodes - 1}`);
    return rangeContaining((q) => nodeBase[q], reps, v);
  };
  const elementAt = (q: number, c: number): number => leader[stabilizer[q] * size + c];
  const elementOf = (v: number): number => {
    const q = representativeOf(v);
    return elementAt(q, v - nodeBase[q]);
  };
  return { edges, size, initial, nodeBase, elementOf, elementAt, representativeOf };
}

function popcount(x: number): number {
  let n = 0;
  for (let y = x; y !== 0; y &= y - 1) n++;
  return n;
}

function initialNodes(
  symmetry: StateSymmetry, readState: (q: number, out: Uint32Array) => Uint32Array, representatives: number, initialStates: readonly Uint32Array[], words: number,
  nodeBase: Uint32Array,
): number[] {
  const nodes: number[] = [];
  const q0 = new Uint32Array(words);
  const image = new Uint32Array(words);
  const isInitial = (s: Uint32Array) => initialStates.some((x) => sameWords(x, s, words));
  for (let q = 0; q < representatives; q++) {
    readState(q, q0);
    for (let g = 0; g < symmetry.size; g++) {
      symmetry.apply(g, q0, image);
      if (!isInitial(image)) throw new Error('symmetry: the initial states are not closed under the permutations, so the unfolded graph cannot start where the system does');
    }
    for (let v = nodeBase[q]; v < nodeBase[q + 1]; v++) nodes.push(v);
  }
  for (const s of initialStates) {
    const c = s.slice();
    symmetry.canonicalize(c);
    let found = false;
    for (let q = 0; q < representatives && !found; q++) found = sameWords(readState(q, image), c, words);
    if (!found) throw new Error('symmetry: an initial state of the system has no stored representative');
  }
  return nodes;
}

/** The real state of node `v` of `cover`. */
export function coverState(
  symmetry: StateSymmetry, cover: SymmetryCover, readState: (q: number, out: Uint32Array) => Uint32Array, v: number, scratch: Uint32Array, out: Uint32Array,
): Uint32Array {
  readState(cover.representativeOf(v), scratch);
  symmetry.apply(cover.elementOf(v), scratch, out);
  return out;
}
