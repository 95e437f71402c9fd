/**
 * The kinds of injected failure; each uses one unit of the failure budget F.
 */
export const FAULT_CPU = 0, FAULT_COMPARE = 1, FAULT_LINK = 2, FAULT_ISOLATE = 3, FAULT_COPY = 4, FAULT_HANG = 5;
export type FaultKind = 0 | 1 | 2 | 3 | 4 | 5;
export const FAULT_KINDS = 6;

export const FAULT_KIND_NAMES: Record<FaultKind, string> = {
  0: 'CPU failure',
  1: 'comparison disagreement',
  2: 'crosslink loss',
  3: 'forced isolation',
  4: 'DMA copy error',
  5: 'hang (a CPU subsystem or the DMA controller stops responding)',
};

/** Field-name suffixes of the per-kind counters. */
export const FAULT_KIND_KEYS: Record<FaultKind, string> = { 0: 'cpu', 1: 'compare', 2: 'link', 3: 'isolate', 4: 'copy', 5: 'hang' };

/*
 * The model does not keep a count per kind: since the last full duplication
 * it keeps the number of failures (capped at N) and whether the last one was
 * a CPU failure of a system in lock-step (model/layout.ts). Counting each
 * kind apart distinguished states no property told apart and multiplied the
 * state space by 2.5 at the N = 2 defaults (measured).
 */
