/**
 * Projections of the explored graph onto FT-controller states, as
 * @dagrejs/graphlib graphs: onto one system's state (FIG. 8 reconstructed),
 * and onto the tuple of every system's state (the product graph). Each
 * projected edge carries the transition labels that move it; self-loops
 * (labels that leave the projected state unchanged) are kept as edges so
 * users' tools see them, and the diagrams leave them out.
 */
import { Graph } from '@dagrejs/graphlib';
import type { ExploredGraph, LabelId, StateIndex } from '../../checker/index.js';
import { STATE_NAMES, groupOf, stateLabel, type FtState, type StateGroup } from '../../hw/ft-controller.js';
import type { FtModel } from '../../model/ft-model.js';
import { ST } from '../../model/layout.js';

/** A projected state. */
export interface ProjectedNode {
  /** The FT state of each projected system (one entry for a per-system projection). */
  readonly states: readonly FtState[];
  /** Reachable model states that project onto this node (0: never reached). */
  readonly count: number;
}

/** A projected edge: the labels of every recorded transition between the two projected states. */
export interface ProjectedEdge {
  /** Distinct labels, in LabelId order. */
  readonly labels: readonly LabelId[];
  /** Recorded transitions (with duplicates) behind this edge. */
  readonly firings: number;
}

export interface ProjectionInfo {
  /** Systems projected onto, in tuple order. */
  readonly systems: readonly number[];
  /** False when the exploration stopped early: the projection may then miss states and edges. */
  readonly complete: boolean;
}

export type Projection = Graph<ProjectionInfo, ProjectedNode, ProjectedEdge>;

/** Every FT state a controller can be in, off first. */
export const ALL_FT_STATES: readonly FtState[] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** Node key of a state tuple: `ST4` for one system, `ST4|ST3` for the product. */
export function nodeKey(states: readonly number[]): string {
  return states.map(stateLabel).join('|');
}

export function describeState(st: FtState): { id: string; name: string; group: StateGroup } {
  return { id: stateLabel(st), name: STATE_NAMES[st], group: groupOf(st) };
}

/** The FT state of every system in every stored state: `out[s * n + i]`. */
export function ftStatesOf(model: FtModel, graph: ExploredGraph): Uint8Array {
  const n = model.params.systems;
  const out = new Uint8Array(graph.stateCount * n);
  const words = new Uint32Array(graph.stateWords);
  const fields = new Int32Array(model.layout.size);
  for (let s = 0; s < graph.stateCount; s++) {
    model.layout.decode(graph.readState(s as StateIndex, words), fields);
    for (let i = 0; i < n; i++) out[s * n + i] = fields[model.layout.at(i, ST)];
  }
  return out;
}

/**
 * Projects the recorded edges of `graph` onto the states of `systems` (e.g.
 * [0] for system #0, [0, 1] for the product of two systems). With
 * `allStates`, every state tuple is a node even if never reached (count 0),
 * which only makes sense for one system.
 */
export function project(
  graph: ExploredGraph,
  ft: Uint8Array,
  n: number,
  systems: readonly number[],
  o: { complete: boolean; allStates?: boolean },
): Projection {
  if (!graph.edges) throw new Error('project: the exploration was run without recordEdges');
  const g: Projection = new Graph<ProjectionInfo, ProjectedNode, ProjectedEdge>({ directed: true, multigraph: false });
  g.setGraph({ systems: [...systems], complete: o.complete });
  const tuple = (s: number): FtState[] => systems.map((i) => ft[s * n + i] as FtState);
  const counts = new Map<string, { states: FtState[]; count: number }>();
  if (o.allStates && systems.length === 1) for (const st of ALL_FT_STATES) counts.set(nodeKey([st]), { states: [st], count: 0 });
  for (let s = 0; s < graph.stateCount; s++) {
    const t = tuple(s);
    const k = nodeKey(t);
    const c = counts.get(k);
    if (c) c.count++;
    else counts.set(k, { states: t, count: 1 });
  }
  for (const [k, v] of counts) g.setNode(k, { states: v.states, count: v.count });
  const acc = new Map<string, { v: string; w: string; labels: Set<LabelId>; firings: number }>();
  const keyOf: string[] = new Array(graph.stateCount);
  for (let s = 0; s < graph.stateCount; s++) keyOf[s] = nodeKey(tuple(s));
  graph.edges.forEachEdge((src, label, dst) => {
    const v = keyOf[src];
    const w = keyOf[dst];
    const k = `${v}\u0000${w}`;
    let e = acc.get(k);
    if (!e) acc.set(k, (e = { v, w, labels: new Set(), firings: 0 }));
    e.labels.add(label);
    e.firings++;
  });
  for (const e of acc.values()) g.setEdge(e.v, e.w, { labels: [...e.labels].sort((a, b) => a - b), firings: e.firings });
  return g;
}
