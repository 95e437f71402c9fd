/**
 * An order-independent fingerprint of the set of reachable states, so two runs
 * (two readings) can be told apart when they reach different states even if
 * they reach as many. Two 32-bit sums of differently seeded state hashes: equal
 * fingerprints with equal counts mean, with overwhelming likelihood, the same
 * reachable states, i.e. the reading made no difference to what can happen in
 * this configuration.
 */
import { hashWords, type ExploredGraph, type StateIndex } from '../../checker/index.js';

export function stateSetFingerprint(graph: ExploredGraph): string {
  const words = new Uint32Array(graph.stateWords + 1);
  let a = 0, b = 0;
  for (let i = 0; i < graph.stateCount; i++) {
    graph.readState(i as StateIndex, words);
    words[graph.stateWords] = 0;
    a = (a + hashWords(words, 0, graph.stateWords)) >>> 0;
    words[graph.stateWords] = 0x9e3779b9;
    b = (b + hashWords(words, 0, graph.stateWords + 1)) >>> 0;
  }
  return `${graph.stateCount}:${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}
