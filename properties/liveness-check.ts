/**
 * Liveness verdicts on the explored graph (checker/liveness), with
 * stuttering as in TLA+ (a behaviour may stay in a state forever when
 * nothing fair is enabled there: fault injections, writes and IO are never
 * fair, so a system that only waits for one of them is stuck): the masks of
 * a property's predicates over every reachable state, its fairness
 * families over the model's labels, and the fair lasso that refutes it, as
 * state indices and labels (the trace's last state equals the state of
 * `loopStart` for a cycle; `loopStart` is the last step for a run that
 * stops there: nothing fair is enabled, and it stutters forever).
 */
import type { ExploreResult, LabelId, StateIndex } from '../checker/index.js';
import type { RecordedEdges } from '../checker/edges.js';
import { SearchRunner, SharedSearch, type FairnessConstraint, type LivenessResult, type SearchJob } from '../checker/liveness/index.js';
import type { WorkerPool } from '../checker/parallel/pool.js';
import { searchInParallel, sharedGraphOf, sharedUint32 } from '../checker/parallel/searches.js';
import { DEFAULT_FAIRNESS, expandFairness, parseFairness, type FairnessDecl } from '../model/fairness.js';
import type { FtModel } from '../model/ft-model.js';
import type { LivenessProperty } from './kinds.js';
import type { StateAccess } from './state-access.js';

export interface Lasso {
  readonly states: readonly StateIndex[];
  /** labels[k] leads from states[k] to states[k + 1]. */
  readonly labels: readonly LabelId[];
  readonly loopStart: number;
  /** For a per-system property: the system it fails for. */
  readonly system?: number;
}

export interface LivenessOutcome {
  readonly holds: boolean;
  /** Reachable states where P holds (leads-to), or every reachable state (GF, FG). */
  readonly triggered: number;
  readonly witness: StateIndex | null;
  readonly lasso?: Lasso;
  /** The fairness the verdict rests on. */
  readonly fairness: readonly FairnessDecl[];
}

/** The fairness of a property: its own spec, the run's (`--fairness`), or the model's defaults. */
export function fairnessOf(p: LivenessProperty, runSpec: string | undefined): FairnessDecl[] {
  const spec = p.fairness ?? runSpec;
  if (spec === undefined) return [...DEFAULT_FAIRNESS];
  const d = parseFairness(spec);
  if ('error' in d) throw new Error(d.error);
  return d;
}

function constraintsOf(model: FtModel, decls: readonly FairnessDecl[]): FairnessConstraint[] {
  return expandFairness(decls, model.labels).map((f) => {
    const labels = new Uint8Array(model.labelNames.length);
    for (const l of f.labels) labels[l] = 1;
    return { kind: f.kind, name: f.name, labels };
  });
}

/** The predicates of one property for one system, as bits of the per-state masks of its group. */
interface Predicates {
  readonly property: LivenessProperty;
  readonly system: number;
  /** Bit of P (leads-to) or of the predicate (GF, FG). */
  readonly p: number;
  /** Bit of Q (leads-to only), else -1. */
  readonly q: number;
}

/**
 * The searches that decide liveness properties on a complete run recorded
 * with labelled edges: one per property, and per system of a per-system
 * one (SearchJob), over predicate masks evaluated with each state decoded
 * once per 32 predicates; `finish` turns the searches' results (in job order)
 * into the outcomes. `alloc` makes the masks and the level (shared memory
 * when threads are to run the searches).
 */
export interface LivenessPlan {
  readonly edges: RecordedEdges;
  readonly initial: number[];
  readonly masks: readonly Uint32Array[];
  readonly level: Uint32Array | null;
  readonly jobs: readonly SearchJob[];
  finish(results: readonly LivenessResult[]): LivenessOutcome[];
}

export function planLiveness(
  model: FtModel, result: ExploreResult, access: StateAccess, properties: readonly LivenessProperty[], runFairness: string | undefined,
  alloc: (length: number) => Uint32Array = (length) => new Uint32Array(length),
): LivenessPlan {
  const g = result.graph;
  const edges = g.edges;
  if (!edges?.labelled) throw new Error('liveness needs labelled edges');
  const n = g.stateCount;
  const initial: number[] = [];
  for (let s = 0; s < n && g.parentOf(s as StateIndex) === null; s++) initial.push(s);
  const words = new Uint32Array(g.stateWords);
  const level = properties.some((p) => p.kind === 'leads-to' && p.unlessAnotherFailure) ? alloc(n) : null;
  const groups = predicateGroups(properties, model.params.systems);
  const masks: Uint32Array[] = [];
  const jobs: SearchJob[] = [];
  const owners: Predicates[] = [];
  const triggers = new Map<LivenessProperty, { triggered: number; witness: number }>();
  const fairnessByProperty = new Map<LivenessProperty, FairnessDecl[]>();
  const constraintsByProperty = new Map<LivenessProperty, FairnessConstraint[]>();
  for (const property of properties) {
    const fairness = fairnessOf(property, runFairness);
    fairnessByProperty.set(property, fairness);
    constraintsByProperty.set(property, constraintsOf(model, fairness));
  }
  for (const group of groups) {
    const bits = alloc(n);
    // the level rides on the first group's pass over the states
    for (const [p, t] of evaluateGroup(g, access, group, bits, masks.length === 0 ? level : null, words)) triggers.set(p, t);
    for (const x of group) {
      const { property } = x;
      const keepLevel = property.kind === 'leads-to' && property.unlessAnotherFailure === true;
      jobs.push({ kind: property.kind, group: masks.length, p: x.p, q: x.q, keepLevel, stutter: true, fairness: constraintsByProperty.get(property)! });
      owners.push(x);
    }
    masks.push(bits);
  }
  const finish = (results: readonly LivenessResult[]): LivenessOutcome[] => {
    if (results.length !== jobs.length) throw new Error(`internal: ${results.length} search results for ${jobs.length} jobs`);
    return properties.map((property) => {
      const { triggered, witness } = triggers.get(property)!;
      const base = { triggered, witness: witness < 0 ? null : (witness as StateIndex), fairness: fairnessByProperty.get(property)! };
      let best: { r: Extract<LivenessResult, { holds: false }>; system: number } | null = null;
      let systems = 0;
      results.forEach((r, j) => {
        if (owners[j].property !== property) return;
        systems++;
        if (!r.holds && (best === null || r.states.length < best.r.states.length)) best = { r, system: owners[j].system };
      });
      if (best === null) return { holds: true, ...base };
      const { r, system } = best as { r: Extract<LivenessResult, { holds: false }>; system: number };
      return {
        holds: false,
        ...base,
        lasso: { states: r.states as StateIndex[], labels: r.edges.map((k) => edges.label(k) as LabelId), loopStart: r.loopStart, ...(systems > 1 ? { system } : {}) },
      };
    });
  };
  return { edges, initial, masks, level, jobs, finish };
}

/** Decides the properties (planLiveness) with every search on this thread, one after the other on one SharedSearch. */
export function checkLivenessAll(
  model: FtModel, result: ExploreResult, access: StateAccess, properties: readonly LivenessProperty[], runFairness: string | undefined,
): LivenessOutcome[] {
  if (properties.length === 0) return [];
  const plan = planLiveness(model, result, access, properties, runFairness);
  const runner = new SearchRunner(new SharedSearch(plan.edges, plan.initial), plan.masks, plan.level);
  return plan.finish(plan.jobs.map((job) => runner.run(job)));
}

/**
 * The same with the searches on the threads of `pool` at once, when the
 * run's edges are in shared memory (a parallel run's); otherwise on this
 * thread. `meanwhile` runs here while the threads search.
 */
export async function checkLivenessParallel(
  pool: WorkerPool, model: FtModel, result: ExploreResult, access: StateAccess, properties: readonly LivenessProperty[], runFairness: string | undefined,
  meanwhile: () => void = () => {},
): Promise<LivenessOutcome[]> {
  const graph = result.graph.edges === undefined ? null : sharedGraphOf(result.graph.edges);
  if (graph === null || properties.length === 0) {
    meanwhile();
    return checkLivenessAll(model, result, access, properties, runFairness);
  }
  const plan = planLiveness(model, result, access, properties, runFairness, sharedUint32);
  const searching = searchInParallel(pool, graph, plan.initial, plan.masks, plan.level, plan.jobs);
  meanwhile();
  return plan.finish(await searching);
}

/** The predicates of the properties, per system, in groups of at most 32 bits, a property never split. */
function predicateGroups(properties: readonly LivenessProperty[], n: number): Predicates[][] {
  const groups: Predicates[][] = [];
  let group: Predicates[] = [];
  let used = 0;
  for (const property of properties) {
    const systems = property.kind === 'leads-to' && property.perSystem ? n : 1;
    const width = systems * (property.kind === 'leads-to' ? 2 : 1);
    if (used + width > 32) (groups.push(group), (group = []), (used = 0));
    for (let i = 0; i < systems; i++) {
      group.push({ property, system: i, p: used, q: property.kind === 'leads-to' ? used + 1 : -1 });
      used += property.kind === 'leads-to' ? 2 : 1;
    }
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

/**
 * The group's predicates on every state into `bits`, and per property the
 * reachable states it triggers on (a P state of some system for leads-to,
 * every state for GF and FG) and the first of them. With `level`, also each
 * state's failure level there.
 */
function evaluateGroup(
  g: ExploreResult['graph'], access: StateAccess, group: readonly Predicates[], bits: Uint32Array, level: Uint32Array | null, words: Uint32Array,
): Map<LivenessProperty, { triggered: number; witness: number }> {
  const tally = new Map<LivenessProperty, { triggered: number; witness: number; last: number }>();
  for (const x of group) tally.set(x.property, { triggered: 0, witness: -1, last: -1 });
  const counts = group.map((x) => tally.get(x.property)!);
  const n = g.stateCount;
  for (let s = 0; s < n; s++) {
    const v = access.load(g.readState(s as StateIndex, words));
    // "no further failures": a new failure, or the detection of one still pending, changes the level
    if (level !== null) level[s] = v.faultsInjected() * 4 + Math.min(3, v.undetectedFailures());
    let b = 0;
    for (let k = 0; k < group.length; k++) {
      const { property, system, p, q } = group[k];
      let fires = true;
      if (property.kind === 'leads-to') {
        fires = property.p(v, system);
        if (fires) b |= 1 << p;
        if (property.q(v, system)) b |= 1 << q;
      } else if (property.p(v)) b |= 1 << p;
      // a per-system property counts a state once, however many systems it fires for
      const c = counts[k];
      if (fires && c.last !== s) {
        c.last = s;
        c.triggered++;
        if (c.witness < 0) c.witness = s;
      }
    }
    bits[s] = b >>> 0;
  }
  return tally;
}
