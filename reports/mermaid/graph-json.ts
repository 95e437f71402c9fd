/**
 * The reachable graph as JSON for users' own tools (`--graph-json`): every
 * stored state with its decoded fields, every distinct (src, label, dst)
 * edge, the label table with decoded parameters, and the projections in
 * graphlib's JSON form (`json.read` turns them back into graphs). Written
 * one state or edge per line, so a large graph streams to disk.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { json } from '@dagrejs/graphlib';
import type { ExploredGraph, StateIndex } from '../../checker/index.js';
import type { FtModel } from '../../model/ft-model.js';
import { viewOf } from '../../model/view.js';
import type { Projection } from './projection.js';

export const GRAPH_JSON_FORMAT = 'ftcheck-graph';
export const GRAPH_JSON_VERSION = 1;

export interface GraphJsonInput {
  readonly model: FtModel;
  readonly graph: ExploredGraph;
  readonly complete: boolean;
  readonly stopReason: string;
  /** Named projections, e.g. `system-0`, `product`. */
  readonly projections: ReadonlyMap<string, Projection>;
}

/**
 * Calls `emit(src, label, dst)` once per distinct edge. Edges are recorded
 * grouped by source state, so duplicates are removed per source.
 */
export function forEachDistinctEdge(graph: ExploredGraph, emit: (src: number, label: number, dst: number) => void): void {
  if (!graph.edges) throw new Error('graph JSON needs an exploration with recordEdges');
  let current = -1;
  const seen = new Set<string>();
  graph.edges.forEachEdge((src, label, dst) => {
    if (src !== current) {
      current = src;
      seen.clear();
    }
    const k = `${label},${dst}`;
    if (seen.has(k)) return;
    seen.add(k);
    emit(src, label, dst);
  });
}

/** Writes the graph JSON to `path`; returns the number of states and edges written. */
export function writeGraphJson(path: string, g: GraphJsonInput): { states: number; edges: number } {
  const fd = openSync(path, 'w');
  let buf = '';
  const put = (s: string) => {
    buf += s;
    if (buf.length > 1 << 20) {
      writeSync(fd, buf);
      buf = '';
    }
  };
  try {
    const { model, graph } = g;
    put('{\n');
    put(`"format": ${JSON.stringify(GRAPH_JSON_FORMAT)},\n"version": ${GRAPH_JSON_VERSION},\n`);
    put(`"params": ${JSON.stringify(model.params)},\n"readings": ${JSON.stringify(model.readings)},\n`);
    put(`"complete": ${g.complete},\n"stopReason": ${JSON.stringify(g.stopReason)},\n`);
    put('"labels": [\n');
    model.labelNames.forEach((name, id) => {
      put(`${id ? ',\n' : ''}${JSON.stringify({ id, name, ...model.labels.labels[id] })}`);
    });
    put('\n],\n"states": [\n');
    const words = new Uint32Array(graph.stateWords);
    for (let i = 0; i < graph.stateCount; i++) {
      const s = i as StateIndex;
      const state = { id: i, depth: graph.depthOf(s), parent: graph.parentOf(s), ...viewOf(model, graph.readState(s, words)) };
      put(`${i ? ',\n' : ''}${JSON.stringify(state)}`);
    }
    put('\n],\n"edges": [\n');
    let edges = 0;
    forEachDistinctEdge(graph, (src, label, dst) => {
      put(`${edges++ ? ',\n' : ''}{"src":${src},"label":${label},"dst":${dst}}`);
    });
    put('\n],\n"projections": {\n');
    [...g.projections].forEach(([name, p], k) => {
      put(`${k ? ',\n' : ''}${JSON.stringify(name)}: ${JSON.stringify(json.write(p))}`);
    });
    put('\n}\n}\n');
    writeSync(fd, buf);
    return { states: graph.stateCount, edges };
  } finally {
    closeSync(fd);
  }
}
