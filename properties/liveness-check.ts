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
import type { ExploreResult, LabelId, StateIndex, StateSymmetry } from '../checker/index.js';
import type { SystemSymmetry } from '../model/symmetry.js';
import { coverBytes, coverEdges, coverState, plainAlloc, type CoverAlloc, type CoverPlan } from '../checker/symmetry-cover.js';
import type { RecordedEdges } from '../checker/edges.js';
import { SEARCH_BYTES_PER_STATE, SearchRunner, SharedSearch, type FairnessConstraint, type GraphQuotient, type LivenessResult, type SearchJob } from '../checker/liveness/index.js';
import type { WorkerPool } from '../checker/parallel/pool.js';
import { searchInParallel, sharedGraphOf, sharedQuotientOf, sharedUint32 } from '../checker/parallel/searches.js';
import { DEFAULT_FAIRNESS, expandFairness, parseFairness, type FairnessDecl } from '../model/fairness.js';
import type { FtModel } from '../model/ft-model.js';
import type { LivenessProperty } from './kinds.js';
import type { StateAccess } from './state-access.js';
import { bitsOf, valuesOf, type PredicateCall } from './predicate-calls.js';

export interface Lasso {
  readonly states: readonly StateIndex[];
  /** labels[k] leads from states[k] to states[k + 1]. */
  readonly labels: readonly LabelId[];
  readonly loopStart: number;
  /** For a per-system property: the system it fails for. */
  readonly system?: number;
  /** The states themselves, when `states` are only their orbits' stored representatives (symmetry). */
  readonly words?: readonly Uint32Array[];
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
 * The graph the searches run on and how to read its states: the run's own
 * (plainSpace), or under symmetry the unfolding of the quotient into the
 * system's graph (unfoldedSpace), whose nodes are not stored states.
 */
export interface LivenessSpace {
  readonly edges: RecordedEdges;
  readonly initial: readonly number[];
  readonly stateCount: number;
  /** The nodes are numbered in BFS order from `initial`: where each level starts, then the node count (SharedSearch's bfsLevels). */
  readonly levels: Uint32Array;
  /** The real state of node s. */
  readState(s: number, out: Uint32Array): Uint32Array;
  /** The stored state that stands for node s (itself, or its orbit's representative), for witnesses and reports. */
  stored(s: number): StateIndex;
  /**
   * For an unfolding (whose nodes are not stored states: lassos carry their
   * states' words): the nodes of representative q's orbit are states g(q),
   * so predicates are evaluated once per representative and read for g(q)
   * through the permutation (the catalogue's predicates treat the systems
   * alike: p(g(s), i) = p(s, preimage(g, i))).
   */
  readonly orbits: Orbits | null;
  /** A smaller graph the searched one maps onto (under symmetry: the quotient, each orbit a node range), or null. */
  readonly quotient: GraphQuotient | null;
  /** Per-system properties: the systems to search for, given the property's fairness (under symmetry, system 0 speaks for all when the fairness is symmetric). */
  systemsFor(fairness: readonly FairnessConstraint[], systems: number): number[];
}

export interface Orbits {
  readonly size: number;
  readonly representatives: number;
  readRepresentative(q: number, out: Uint32Array): Uint32Array;
  preimage(g: number, i: number): number;
  /** The nodes of q's orbit, one per distinct state: nodeBase[q] .. nodeBase[q + 1] - 1. */
  readonly nodeBase: Uint32Array;
  /** The element g such that node nodeBase[q] + c is the state g(q). */
  elementAt(q: number, c: number): number;
}

/** The initial states of a run: the first ones stored, those without a parent. */
function initialCount(g: ExploreResult['graph']): number {
  let n = 0;
  while (n < g.stateCount && g.parentOf(n as StateIndex) === null) n++;
  return n;
}

/** A state's failure level: a new failure, or the detection of one still pending, changes it ("no further failures"). */
function failureLevel(v: StateAccess): number {
  return v.faultsInjected() * 4 + Math.min(3, v.undetectedFailures());
}

const allSystems = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** The space of an unreduced run: its states and recorded edges. */
export function plainSpace(result: ExploreResult): LivenessSpace {
  const g = result.graph;
  const edges = g.edges;
  if (!edges?.labelled) throw new Error('liveness needs labelled edges');
  const initial = Array.from({ length: initialCount(g) }, (_, s) => s);
  return {
    edges, initial, stateCount: g.stateCount, levels: g.levels(), orbits: null, quotient: null,
    readState: (s, out) => g.readState(s as StateIndex, out),
    stored: (s) => s as StateIndex,
    systemsFor: (_, n) => allSystems(n),
  };
}

/**
 * The space of a symmetry-reduced run unfolded (checker/symmetry-cover.ts):
 * a node per real state, those of representative q's orbit from
 * nodeBase[q] on. `initialStates`: the model's.
 */
export function unfoldedSpace(
  result: ExploreResult, tags: Uint8Array, symmetry: SystemSymmetry, initialStates: readonly Uint32Array[], alloc: CoverAlloc = plainAlloc,
  unfold?: (quotient: RecordedEdges, tags: Uint8Array, plan: CoverPlan) => void,
): LivenessSpace {
  const g = result.graph;
  const quotient = g.edges;
  if (!quotient?.labelled) throw new Error('liveness needs labelled edges');
  const read = (q: number, out: Uint32Array) => g.readState(q as StateIndex, out);
  const cover = coverEdges(quotient, tags, symmetry, read, initialCount(g), initialStates, g.stateWords, alloc, unfold);
  const scratch = new Uint32Array(g.stateWords);
  const orbits: Orbits = {
    size: cover.size,
    representatives: g.stateCount,
    readRepresentative: read,
    preimage: (e, i) => symmetry.preimage(e, i),
    nodeBase: cover.nodeBase,
    elementAt: cover.elementAt,
  };
  // the nodes of q are as deep as q: a path to q lifts to a path from an initial node to each of them
  const levels = g.levels().map((start) => cover.nodeBase[start]);
  return {
    edges: cover.edges, initial: cover.initial, stateCount: cover.edges.stateCount, levels, orbits,
    quotient: { graph: quotient, classStart: cover.nodeBase },
    readState: (v, out) => coverState(symmetry, cover, read, v, scratch, out),
    stored: (v) => cover.representativeOf(v) as StateIndex,
    systemsFor: (fairness, n) => (fairnessIsSymmetric(fairness, symmetry) ? [0] : allSystems(n)),
  };
}

/**
 * Bytes the liveness step allocates after the exploration, about (for the
 * --max-memory budget): the unfolded graph under symmetry (coverBytes), a
 * predicate mask per group of 32 bits and the failure level per node, and
 * each searching thread's scratch (SEARCH_BYTES_PER_STATE).
 */
export function livenessBytes(
  result: ExploreResult, unfoldedBy: number, properties: readonly LivenessProperty[], systems: number, threads: number,
): number {
  const edges = result.graph.edges;
  const nodes = result.graph.stateCount * unfoldedBy;
  const graph = unfoldedBy > 1 && edges !== undefined ? coverBytes(result.graph.stateCount, edges.count, unfoldedBy) : 0;
  // at most every system of a per-system property is searched
  const groups = predicateGroups(properties, (p) => (p.kind === 'leads-to' && p.perSystem ? allSystems(systems) : [0])).length;
  return graph + nodes * (4 * groups + 4) + threads * nodes * SEARCH_BYTES_PER_STATE;
}

/** Whether every permutation maps each constraint onto one of the same kind (then the fair behaviours are closed under the symmetry). */
export function fairnessIsSymmetric(fairness: readonly FairnessConstraint[], symmetry: StateSymmetry): boolean {
  const image = new Uint8Array(fairness[0]?.labels.length ?? 0);
  for (let g = 1; g < symmetry.size; g++) {
    for (const c of fairness) {
      image.fill(0);
      for (let l = 0; l < c.labels.length; l++) if (c.labels[l] !== 0) image[symmetry.mapLabel(g, l)] = 1;
      if (!fairness.some((d) => d.kind === c.kind && d.labels.every((x, l) => (x !== 0) === (image[l] !== 0)))) return false;
    }
  }
  return true;
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
  readonly initial: readonly number[];
  readonly levels: Uint32Array;
  readonly quotient: GraphQuotient | null;
  readonly masks: readonly Uint32Array[];
  readonly level: Uint32Array | null;
  readonly jobs: readonly SearchJob[];
  finish(results: readonly LivenessResult[]): LivenessOutcome[];
}

export function planLiveness(
  model: FtModel, space: LivenessSpace, access: StateAccess, properties: readonly LivenessProperty[], runFairness: string | undefined,
  alloc: (length: number) => Uint32Array = (length) => new Uint32Array(length),
): LivenessPlan {
  const { edges, initial } = space;
  const n = space.stateCount;
  const words = new Uint32Array(model.stateWords);
  const level = properties.some((p) => p.kind === 'leads-to' && p.unlessAnotherFailure) ? alloc(n) : null;
  const fairnessByProperty = new Map<LivenessProperty, FairnessDecl[]>();
  const constraintsByProperty = new Map<LivenessProperty, FairnessConstraint[]>();
  for (const property of properties) {
    const fairness = fairnessOf(property, runFairness);
    fairnessByProperty.set(property, fairness);
    constraintsByProperty.set(property, constraintsOf(model, fairness));
  }
  const systems = model.params.systems;
  const groups = predicateGroups(properties, (p) => (p.kind === 'leads-to' && p.perSystem ? space.systemsFor(constraintsByProperty.get(p)!, systems) : [0]));
  const masks: Uint32Array[] = [];
  const jobs: SearchJob[] = [];
  const owners: Predicates[] = [];
  const triggers = new Map<LivenessProperty, { triggered: number; witness: number }>();
  for (const group of groups) {
    const bits = alloc(n);
    // the level rides on the first group's pass over the states
    for (const [p, t] of evaluateGroup(space, access, group, systems, bits, masks.length === 0 ? level : null, words)) triggers.set(p, t);
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
      const base = { triggered, witness: witness < 0 ? null : space.stored(witness), fairness: fairnessByProperty.get(property)! };
      let best: { r: Extract<LivenessResult, { holds: false }>; system: number } | null = null;
      const perSystem = property.kind === 'leads-to' && property.perSystem && systems > 1;
      results.forEach((r, j) => {
        if (owners[j].property !== property) return;
        if (!r.holds && (best === null || r.states.length < best.r.states.length)) best = { r, system: owners[j].system };
      });
      if (best === null) return { holds: true, ...base };
      const { r, system } = best as { r: Extract<LivenessResult, { holds: false }>; system: number };
      const lasso: Lasso = {
        states: r.states.map((s) => space.stored(s)),
        labels: r.edges.map((k) => edges.label(k) as LabelId),
        loopStart: r.loopStart,
        ...(perSystem ? { system } : {}),
        ...(space.orbits === null ? {} : { words: r.states.map((s) => space.readState(s, new Uint32Array(model.stateWords))) }),
      };
      return { holds: false, ...base, lasso };
    });
  };
  return { edges, initial, levels: space.levels, quotient: space.quotient, masks, level, jobs, finish };
}

/** Decides the properties (planLiveness) with every search on this thread, one after the other on one SharedSearch. */
export function checkLivenessAll(
  model: FtModel, space: LivenessSpace, access: StateAccess, properties: readonly LivenessProperty[], runFairness: string | undefined,
  stage: (text: string) => void = () => {},
): LivenessOutcome[] {
  if (properties.length === 0) return [];
  stage(predicatesStage(properties, space));
  const plan = planLiveness(model, space, access, properties, runFairness);
  const runner = new SearchRunner(new SharedSearch(plan.edges, plan.initial, plan.levels, plan.quotient), plan.masks, plan.level);
  return plan.finish(plan.jobs.map((job, k) => (stage(`liveness: search ${k + 1} of ${plan.jobs.length}`), runner.run(job))));
}

const predicatesStage = (properties: readonly LivenessProperty[], space: LivenessSpace): string =>
  `liveness: the predicates of ${properties.length} properties on ${space.stateCount.toLocaleString('en-US')} states`;

/**
 * The same with the searches on the threads of `pool` at once, when the
 * space's edges are in shared memory (a parallel run's, or an unfolding
 * made with sharedCoverAlloc); otherwise on this thread. `meanwhile` runs
 * here while the threads search. `edgesReady`: the space's edges are still
 * being written (an unfolding on the pool's threads, unfoldInParallel): the
 * predicates are evaluated here meanwhile, the searches start once it resolves.
 */
export async function checkLivenessParallel(
  pool: WorkerPool, model: FtModel, space: LivenessSpace, access: StateAccess, properties: readonly LivenessProperty[], runFairness: string | undefined,
  meanwhile: () => void = () => {},
  stage: (text: string) => void = () => {},
  edgesReady: Promise<void> | null = null,
): Promise<LivenessOutcome[]> {
  const graph = sharedGraphOf(space.edges);
  if (graph === null || properties.length === 0) {
    await edgesReady;
    meanwhile();
    return checkLivenessAll(model, space, access, properties, runFairness, stage);
  }
  stage(predicatesStage(properties, space) + (edgesReady === null ? '' : `; the unfolding on ${pool.size} threads meanwhile`));
  const plan = planLiveness(model, space, access, properties, runFairness, sharedUint32);
  await edgesReady;
  stage(`liveness: ${plan.jobs.length} searches on ${pool.size} threads; the other properties meanwhile`);
  const searching = searchInParallel(pool, graph, plan.initial, plan.levels, sharedQuotientOf(plan.quotient), plan.masks, plan.level, plan.jobs);
  meanwhile();
  return plan.finish(await searching);
}

/** The predicates of the properties, per system, in groups of at most 32 bits, a property never split. */
function predicateGroups(properties: readonly LivenessProperty[], systemsOf: (p: LivenessProperty) => readonly number[]): Predicates[][] {
  const groups: Predicates[][] = [];
  let group: Predicates[] = [];
  let used = 0;
  for (const property of properties) {
    const systems = systemsOf(property);
    const width = systems.length * (property.kind === 'leads-to' ? 2 : 1);
    if (used + width > 32) (groups.push(group), (group = []), (used = 0));
    for (const i of systems) {
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
  space: LivenessSpace, access: StateAccess, group: readonly Predicates[], systems: number, bits: Uint32Array, level: Uint32Array | null, words: Uint32Array,
): Map<LivenessProperty, { triggered: number; witness: number }> {
  if (space.orbits !== null) return evaluateOrbits(space.orbits, access, group, systems, bits, level, words);
  // bit k of a state's word is call k: the group's bits are its members' P (and Q) in order
  const calls: PredicateCall[] = [];
  for (const x of group) {
    calls[x.p] = { property: x.property, which: 'p', system: x.system };
    if (x.q >= 0) calls[x.q] = { property: x.property, which: 'q', system: x.system };
  }
  const evaluate = bitsOf(calls);
  const props = [...new Set(group.map((x) => x.property))];
  // a state triggers a property where one of its P bits is set (leads-to; per system: counted once), everywhere for GF and FG
  const always = Uint8Array.from(props, (p) => (p.kind === 'leads-to' ? 0 : 1));
  const fires = Int32Array.from(props, (property) => group.reduce((m, x) => (x.property === property ? m | (1 << x.p) : m), 0));
  const triggered = new Float64Array(props.length);
  const witness = new Int32Array(props.length).fill(-1);
  const n = space.stateCount;
  for (let s = 0; s < n; s++) {
    const v = access.load(space.readState(s, words));
    if (level !== null) level[s] = failureLevel(v);
    const b = evaluate(v);
    bits[s] = b;
    for (let u = 0; u < props.length; u++) {
      if (always[u] === 0 && (b & fires[u]) === 0) continue;
      triggered[u]++;
      if (witness[u] < 0) witness[u] = s;
    }
  }
  const out = new Map<LivenessProperty, { triggered: number; witness: number }>();
  props.forEach((p, u) => out.set(p, { triggered: triggered[u], witness: witness[u] }));
  return out;
}

/**
 * evaluateGroup on an unfolding: each representative q is decoded once, every
 * predicate evaluated on it for every system, and the node of state g(q)
 * gets the bits of system preimage(g, i) for system i. Triggers count the
 * states of q's orbit (its nodes); the witness is q's own node. The predicates' values on q make one number (when
 * they fit 53 bits; few distinct ones occur), and their images under the
 * permutations are computed once per distinct number.
 */
function evaluateOrbits(
  orbits: Orbits, access: StateAccess, group: readonly Predicates[], systems: number, bits: Uint32Array, level: Uint32Array | null, words: Uint32Array,
): Map<LivenessProperty, { triggered: number; witness: number }> {
  const props = [...new Set(group.map((x) => x.property))];
  const perSystem = props.map((p) => p.kind === 'leads-to' && p.perSystem);
  // where the value of P (or the predicate) of props[u] for system j sits in `values`: at[u * systems + j]; Q one above
  const at = new Int32Array(props.length * systems).fill(-1);
  let width = 0;
  props.forEach((p, u) => {
    for (let j = 0; j < (perSystem[u] ? systems : 1); j++) {
      at[u * systems + j] = width;
      width += p.kind === 'leads-to' ? 2 : 1;
    }
  });
  const values = new Uint8Array(width);
  const keyed = width <= 53;
  // values[x] is call x: per property and system, P then (leads-to) Q
  const calls: PredicateCall[] = [];
  // the P values of props[u]: pSlots[pStart[u] .. pStart[u + 1]) (none for GF and FG, which fire everywhere)
  const pSlots: number[] = [];
  const pStart = new Int32Array(props.length + 1);
  props.forEach((property, u) => {
    pStart[u] = pSlots.length;
    for (let j = 0; j < (perSystem[u] ? systems : 1); j++) {
      const x = at[u * systems + j];
      calls[x] = { property, which: 'p', system: j };
      if (property.kind === 'leads-to') {
        calls[x + 1] = { property, which: 'q', system: j };
        pSlots.push(x);
      }
    }
  });
  pStart[props.length] = pSlots.length;
  const always = Uint8Array.from(props, (p) => (p.kind === 'leads-to' ? 0 : 1));
  const evaluate = valuesOf(calls);
  const { size } = orbits;
  const k = group.length;
  // for node g and group member m: where in `values` its P and Q bits come from (-1: none)
  const fromP = new Int32Array(size * k);
  const fromQ = new Int32Array(size * k);
  for (let g = 0; g < size; g++) {
    group.forEach((x, m) => {
      const u = props.indexOf(x.property);
      const from = at[u * systems + (perSystem[u] ? orbits.preimage(g, x.system) : 0)];
      fromP[g * k + m] = from;
      fromQ[g * k + m] = x.q >= 0 ? from + 1 : -1;
    });
  }
  const bitP = Int32Array.from(group, (x) => x.p);
  const bitQ = Int32Array.from(group, (x) => x.q);
  const imagesOf = (out: Uint32Array, offset: number): void => {
    for (let g = 0; g < size; g++) {
      let b = 0;
      for (let m = 0; m < k; m++) {
        b |= values[fromP[g * k + m]] << bitP[m];
        const fq = fromQ[g * k + m];
        if (fq >= 0) b |= values[fq] << bitQ[m];
      }
      out[offset + g] = b >>> 0;
    }
  };
  const images = new Map<number, Uint32Array>();
  const image = new Uint32Array(size);
  const triggered = new Float64Array(props.length);
  const witness = new Int32Array(props.length).fill(-1);
  const { nodeBase } = orbits;
  for (let q = 0; q < orbits.representatives; q++) {
    const v = access.load(orbits.readRepresentative(q, words));
    evaluate(v, values);
    const base = nodeBase[q];
    const states = nodeBase[q + 1] - base;
    for (let u = 0; u < props.length; u++) {
      let fires = always[u] === 1;
      for (let t = pStart[u]; t < pStart[u + 1] && !fires; t++) fires = values[pSlots[t]] === 1;
      if (!fires) continue;
      triggered[u] += states;
      if (witness[u] < 0) witness[u] = base;
    }
    let under: Uint32Array = image;
    if (keyed) {
      let key = 0;
      for (let x = 0; x < width; x++) key = key * 2 + values[x];
      const known = images.get(key);
      if (known === undefined) {
        under = new Uint32Array(size);
        imagesOf(under, 0);
        images.set(key, under);
      } else under = known;
    } else imagesOf(image, 0);
    for (let c = 0; c < states; c++) bits[base + c] = under[orbits.elementAt(q, c)];
    if (level !== null) level.fill(failureLevel(v), base, base + states);
  }
  const out = new Map<LivenessProperty, { triggered: number; witness: number }>();
  props.forEach((p, u) => out.set(p, { triggered: triggered[u], witness: witness[u] }));
  return out;
}
