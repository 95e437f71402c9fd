/**
 * An order-independent fingerprint of a reachable labelled graph, to tell an
 * equivalent mutant (same reachable labelled graph as the unmutated model,
 * so no property over the model could ever kill it) from a surviving one.
 * States are hashed by their decoded fields (independent of how a mutant
 * packs them) together with what the access control gives every system's
 * requests there (the labelling the access properties read); edges by
 * source, label name and target. Equal fingerprints mean equal graphs but
 * with a probability of error of about 2^-64 per comparison.
 */
import { hashWords, type ExploreResult, type StateIndex } from '../../checker/index.js';
import type { FtModel } from '../../model/ft-model.js';
import { StateAccess } from '../state-access.js';

export interface GraphFingerprint {
  readonly states: number;
  readonly transitions: number;
  readonly a: number;
  readonly b: number;
}

function nameHash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Needs a complete run with labelled edges. */
export function fingerprintOf(model: FtModel, result: ExploreResult): GraphFingerprint {
  const g = result.graph;
  const e = g.edges;
  if (!e?.labelled || !result.complete) throw new Error('fingerprintOf needs a complete run with labelled edges');
  const n = g.stateCount;
  const fields = new Int32Array(model.layout.size);
  const access = new StateAccess(model);
  const outcomes = new Uint32Array(model.params.systems * 16 + fields.length);
  const h1 = new Uint32Array(n), h2 = new Uint32Array(n);
  const words = new Uint32Array(g.stateWords);
  for (let s = 0; s < n; s++) {
    g.readState(s as StateIndex, words);
    model.layout.decode(words, fields);
    const view = access.load(words);
    let k = 0;
    for (let f = 0; f < fields.length; f++) outcomes[k++] = fields[f];
    for (let i = 0; i < view.n; i++) {
      const req = view.requests[i];
      for (let r = 0; r < req.length; r += 2) outcomes[k++] = view.outcomeOf(i, req[r], req[r + 1]);
    }
    h1[s] = hashWords(outcomes, 0, k);
    outcomes[k] = 0x9e3779b9;
    h2[s] = hashWords(outcomes, 0, k + 1);
  }
  const labels = model.labelNames.map(nameHash);
  let a = 0, b = 0;
  for (let s = 0; s < n; s++) {
    a = (a + Math.imul(h1[s], 0x2545f491)) >>> 0;
    b = (b + Math.imul(h2[s] ^ 0x68e31da4, 0x9e3779b1)) >>> 0;
    for (let k = e.firstEdge(s), end = e.firstEdge(s + 1); k < end; k++) {
      const d = e.target(k), l = labels[e.label(k)];
      a = (a + (Math.imul(h1[s], 0x85ebca6b) ^ Math.imul(h1[d] + 0x27d4eb2f, 0xc2b2ae35) ^ l)) >>> 0;
      b = (b + Math.imul(h2[s] ^ Math.imul(l, 31), 0x165667b1) + Math.imul(h2[d], 0x9e3779b1)) >>> 0;
    }
  }
  return { states: n, transitions: result.stats.transitions, a, b };
}

export function sameGraph(x: GraphFingerprint, y: GraphFingerprint): boolean {
  return x.states === y.states && x.transitions === y.transitions && x.a === y.a && x.b === y.b;
}
