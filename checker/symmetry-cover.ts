/**
 * The graph of the system itself, unfolded from a symmetry-reduced run, for
 * the properties a quotient does not preserve (liveness under fairness per
 * process: a fair cycle of the system may be only a path between two
 * members of an orbit in the quotient).
 *
 * The unfolding (a covering graph) has a node (q, g) = q * size + g for
 * every stored orbit representative q and group element g; the node stands
 * for the real state g(q). A quotient edge from q labelled l to q', whose
 * real successor was h(q') (taggedQuotientSystem records h), gives the node
 * (q, g) the edge labelled g(l) to (q', g∘h): the image under g of q's real
 * step. So every real state's out-edges are exactly its node's, and paths
 * from a node are the real paths from its state, labels and all: fairness,
 * enabledness and every path property read on the unfolding as on the
 * system. A state fixed by some elements (g(q) = g'(q)) has several nodes,
 * which changes no path property. What the unfolding saves is the
 * exploration (the model's successors, the store, the invariants run once
 * per orbit), not the size of the graph.
 */
import type { ExploreResult } from './result.js';
import { RecordedEdges } from './edges.js';
import type { StateSymmetry } from './symmetry.js';
import { sameWords } from './collect.js';
import type { EdgeGraph } from './edge-graph.js';
import { ArrayColumn as FlatColumn } from './parallel/shared-states.js';

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
  /** Over nodes 0 .. stateCount * size - 1; labels are the system's. */
  readonly edges: RecordedEdges;
  /** Group elements per orbit representative. */
  readonly size: number;
  /** The nodes of the real initial states. */
  readonly initial: number[];
}

/** Typed arrays of a length (plain, or over shared memory when the searches run on threads). */
export interface CoverAlloc {
  u32(length: number): Uint32Array;
  u8(length: number): Uint8Array;
}

/** Bytes coverEdges allocates for a quotient of `states` and `edges` under a group of `size` elements: a 32-bit target and a label per edge, a start per node. */
export function coverBytes(states: number, edges: number, size: number): number {
  return edges * size * 5 + states * size * 4;
}

export const plainAlloc: CoverAlloc = { u32: (n) => new Uint32Array(n), u8: (n) => new Uint8Array(n) };

/**
 * An unfolding being written: the group's tables and the arrays its rows go
 * to (plain data, so that threads can each write a range of rows when the
 * arrays are shared). The rows of representative q are the nodes q * size ..
 * q * size + size - 1, their edges from quotient.firstEdge(q) * size on.
 */
export interface CoverPlan {
  readonly size: number;
  readonly labelCount: number;
  /** compose[a * size + b]: the element a∘b. */
  readonly compose: Uint8Array;
  /** labelOf[g * labelCount + l]: the image of label l under g. */
  readonly labelOf: Uint8Array;
  readonly targets: Uint32Array;
  readonly labels: Uint8Array;
  readonly starts: Uint32Array;
}

/**
 * Writes the rows of representatives from .. to - 1 of `plan` (each range
 * independently of the others: a row's first edge follows from the
 * quotient's). `tags` from splitTags.
 */
export function unfoldRows(quotient: EdgeGraph, tags: Uint8Array, plan: CoverPlan, from: number, to: number): void {
  const { size, labelCount, compose, labelOf, targets, labels, starts } = plan;
  for (let q = from; q < to; q++) {
    const first = quotient.firstEdge(q);
    const last = quotient.firstEdge(q + 1);
    let e = first * size;
    for (let g = 0; g < size; g++) {
      starts[q * size + g] = e;
      const row = g * size;
      const names = g * labelCount;
      for (let k = first; k < last; k++) {
        targets[e] = quotient.target(k) * size + compose[row + tags[k]];
        labels[e] = labelOf[names + quotient.label(k)];
        e++;
      }
    }
  }
}

/** Writes every row of the plan here (coverEdges' default). */
const unfoldHere = (quotient: EdgeGraph, tags: Uint8Array, plan: CoverPlan): void => unfoldRows(quotient, tags, plan, 0, quotient.stateCount);

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
  const nodes = quotient.stateCount * size;
  const count = quotient.count * size;
  if (nodes >= 0xffffffff || count > 0xffffffff) throw new Error(`symmetry: the unfolded graph (${nodes} nodes, ${count} edges) does not fit 32-bit indices`);
  if (labelCount > 0x100) throw new Error('symmetry: the unfolding keeps labels in one byte');
  if (tags.length < quotient.count) throw new Error(`symmetry: ${tags.length} tags for ${quotient.count} edges`);
  const compose = new Uint8Array(size * size);
  for (let a = 0; a < size; a++) for (let b = 0; b < size; b++) compose[a * size + b] = symmetry.compose(a, b);
  const labelOf = new Uint8Array(size * labelCount);
  for (let g = 0; g < size; g++) for (let l = 0; l < labelCount; l++) labelOf[g * labelCount + l] = symmetry.mapLabel(g, l);
  const plan: CoverPlan = { size, labelCount, compose, labelOf, targets: alloc.u32(count), labels: alloc.u8(count), starts: alloc.u32(nodes) };
  const initial = initialNodes(symmetry, readState, initialRepresentatives, initialStates, words);
  unfold(quotient, tags, plan);
  const { targets, labels, starts } = plan;
  const edges = new RecordedEdges(new FlatColumn(targets), new FlatColumn(labels), new FlatColumn(starts), nodes, count, nodes, labelCount, targets.byteLength + labels.byteLength + starts.byteLength);
  return { edges, size, initial };
}

function initialNodes(
  symmetry: StateSymmetry, readState: (q: number, out: Uint32Array) => Uint32Array, representatives: number, initialStates: readonly Uint32Array[], words: number,
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
      nodes.push(q * symmetry.size + g);
    }
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

/** The real state of node `v` of an unfolding of `size` elements per representative. */
export function coverState(
  symmetry: StateSymmetry, readState: (q: number, out: Uint32Array) => Uint32Array, v: number, scratch: Uint32Array, out: Uint32Array,
): Uint32Array {
  const size = symmetry.size;
  readState(Math.floor(v / size), scratch);
  symmetry.apply(v % size, scratch, out);
  return out;
}
