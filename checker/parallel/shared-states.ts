import type { WordArray } from '../alloc.js';
import type { StoredStates } from '../stored-states.js';
import { SharedTable } from './table.js';

/**
 * The states of a finished parallel run, read from the shared buffers
 * (StoredStates, so ExploredGraph and traces work on it as on the sequential
 * store). Lookups go through the run's final table.
 */
export class SharedStates implements StoredStates {
  constructor(
    readonly count: number,
    readonly words: number,
    private readonly states: Uint32Array,
    private readonly parents: Uint32Array,
    private readonly labels: WordArray,
    private readonly table: SharedTable | null,
  ) {}

  read(index: number, out: Uint32Array): Uint32Array {
    const base = index * this.words;
    for (let k = 0; k < this.words; k++) out[k] = this.states[base + k];
    return out;
  }

  indexOf(state: Uint32Array): number {
    if (this.table === null) return -1;
    const i = this.table.indexOf(state);
    return i < this.count ? i : -1;
  }

  parentOf(index: number): number {
    return this.parents[index];
  }

  labelOf(index: number): number {
    return this.labels[index];
  }
}

/** A flat array as RecordedEdges' ReadColumn. */
export class ArrayColumn {
  constructor(readonly data: WordArray) {}

  get(k: number): number {
    return this.data[k];
  }
}
