import { eventuallyAlways, infinitelyOften, leadsTo } from './properties.js';
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

/** Runs jobs one after the other on one graph, with the SharedSearch and the two masks a job's bits become. */
export class SearchRunner {
  private readonly pMask: Uint8Array;
  private readonly qMask: Uint8Array;

  constructor(
    private readonly shared: SharedSearch,
    private readonly masks: readonly Uint32Array[],
    private readonly level: Uint32Array | null,
  ) {
    this.pMask = new Uint8Array(shared.stateCount);
    this.qMask = new Uint8Array(shared.stateCount);
  }

  run(job: SearchJob): LivenessResult {
    const { shared, pMask, qMask } = this;
    const { graph, initial } = shared;
    const bits = this.masks[job.group];
    const n = shared.stateCount;
    if (bits === undefined || bits.length !== n) throw new Error(`search job: no predicate masks ${job.group} of ${n} states`);
    for (let s = 0; s < n; s++) pMask[s] = (bits[s] >>> job.p) & 1;
    switch (job.kind) {
      case 'leads-to': {
        for (let s = 0; s < n; s++) qMask[s] = (bits[s] >>> job.q) & 1;
        if (job.keepLevel && this.level === null) throw new Error('search job: keeps a level, but no level was given');
        return leadsTo(graph, initial, pMask, qMask, job.fairness, job.keepLevel ? this.level : null, job.stutter, shared);
      }
      case 'infinitely-often':
        return infinitelyOften(graph, initial, pMask, job.fairness, job.stutter, shared);
      case 'eventually-always':
        return eventuallyAlways(graph, initial, pMask, job.fairness, job.stutter, shared);
    }
  }
}
