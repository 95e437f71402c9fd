import { findFairLasso } from './find-fair-lasso.js';
import type { SharedSearch } from './shared-search.js';
import type { FairnessConstraint, LivenessResult } from './types.js';

/**
 * One liveness search described by data only, so that another thread can run
 * it: its predicates are bits of per-state uint32 masks (`masks[group]`, bit
 * `p` for P or the predicate, bit `q` for Q of a leads-to), its fairness
 * constraints plain arrays. Structured-cloneable.
 */
export interface SearchJob {
  readonly kind: 'leads-to' | 'infinitely-often' | 'eventually-always';
  readonly group: number;
  readonly p: number;
  /** Q's bit for leads-to; -1 otherwise. */
  readonly q: number;
  /** Whether the path must keep the level of its source (leadsTo's `level`). */
  readonly keepLevel: boolean;
  readonly stutter: boolean;
  readonly fairness: readonly FairnessConstraint[];
}

/**
 * Runs jobs one after the other on one graph, with the SharedSearch and the
 * masks a job's bits become: each in one pass over the states (the query
 * leadsTo, infinitelyOften or eventuallyAlways would build from them,
 * built straight from the bits).
 */
export class SearchRunner {
  private readonly sources: Uint8Array;
  private readonly region: Uint8Array;

  constructor(
    private readonly shared: SharedSearch,
    private readonly masks: readonly Uint32Array[],
    private readonly level: Uint32Array | null,
  ) {
    this.sources = new Uint8Array(shared.stateCount);
    this.region = new Uint8Array(shared.stateCount);
  }

  run(job: SearchJob): LivenessResult {
    const { shared, sources, region } = this;
    const { graph, initial } = shared;
    const bits = this.masks[job.group];
    const n = shared.stateCount;
    if (bits === undefined || bits.length !== n) throw new Error(`search job: no predicate masks ${job.group} of ${n} states`);
    const { fairness, stutter } = job;
    const p = job.p;
    switch (job.kind) {
      case 'leads-to': {
        // P ~> Q: from the P states, a fair path that stays in not Q
        if (job.keepLevel && this.level === null) throw new Error('search job: keeps a level, but no level was given');
        const q = job.q;
        for (let s = 0; s < n; s++) {
          const b = bits[s];
          sources[s] = (b >>> p) & 1;
          region[s] = ((b >>> q) & 1) ^ 1;
        }
        return findFairLasso(graph, initial, { sources, region, accept: region, level: job.keepLevel ? this.level : null, stutter }, fairness, shared);
      }
      case 'infinitely-often': {
        // GF P = true ~> P
        for (let s = 0; s < n; s++) region[s] = ((bits[s] >>> p) & 1) ^ 1;
        return findFairLasso(graph, initial, { sources: sources.fill(1), region, accept: region, level: null, stutter }, fairness, shared);
      }
      case 'eventually-always': {
        // FG P: a fair path through not P infinitely often, anywhere
        for (let s = 0; s < n; s++) sources[s] = ((bits[s] >>> p) & 1) ^ 1;
        return findFairLasso(graph, initial, { sources: region.fill(1), region, accept: sources, level: null, stutter }, fairness, shared);
      }
    }
  }
}
