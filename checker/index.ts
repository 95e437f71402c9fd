/**
 * Public API of the generic explicit-state checker. Model code imports from
 * here; the other modules of checker/ are internals.
 */
export type {
  LabelId,
  PackedInvariant,
  PackedSystem,
  StateEncoding,
  StateIndex,
  SuccessorSink,
  TransitionSystem,
} from './transition-system.js';
export { explore, exploreAsync, Exploration } from './explore.js';
export { setsOf, type InvariantSet } from './invariants.js';
export { FlatEdgeGraph, type EdgeGraph } from './edge-graph.js';
export type { ExploreOptions, ExploreProgress } from './options.js';
export type { ExploreResult, StopReason, TriggerCount, Violation } from './result.js';
export type { ExploreStats } from './stats.js';
export { formatStats } from './stats.js';
export { ExploredGraph } from './graph.js';
export { RecordedEdges, type EdgeMode, type EdgeVisitor } from './edges.js';
export { buildTrace, formatTrace, traceLabels, type TraceStep } from './trace.js';
export { coverageRows, deadLabels, type Coverage, type CoverageRow } from './coverage.js';
export { buildAdjacency, type Adjacency } from './adjacency.js';
export { canReach, statesThatCannotReach, type GoalPredicate } from './reachability.js';
export { packSystem, PackedView, type DecodedStep } from './pack.js';
export { replayLabels, replayTrace, type ReplayError, type ReplayResult } from './replay.js';
export { initialStatesOf, successorsOf, type Move } from './collect.js';
export { createProgressReporter, type ProgressReporter, type ProgressReporterOptions } from './progress.js';
export { hashWords } from './hash.js';
export { exploreParallel, ParallelExploration, type ParallelOptions } from './parallel/explore-parallel.js';
export { WorkerPool } from './parallel/pool.js';
export { loadSource, type LoadedSource, type SourceModule, type SourceSystem, type SystemSource } from './parallel/source.js';
export type { StoredStates } from './stored-states.js';
export { concretizeTrace, leastImage, quotientSystem, symmetryDefect, taggedQuotientSystem, type StateSymmetry, type SymmetryDefect } from './symmetry.js';
export { forecastText, gib, LevelGrowth, type MemoryForecast } from './forecast.js';
export { collisionProbability } from './fingerprint-store.js';
export { defaultMaxBytes } from './options.js';
