/**
 * The check stage: build the model for a configuration, explore it once with
 * every selected property, and turn the exploration into verdicts.
 *
 * - "holds" only after a complete exploration, and only if the property's
 *   trigger held on some reachable state; otherwise "vacuous" (complete, never
 *   triggered) or "unknown" (the run stopped early).
 * - A violation carries the state whose shortest trace refutes it and one
 *   line explaining why it fails there.
 * - Every verdict carries how many reachable states triggered the property
 *   and the first of them (its witness, reached by a shortest trace).
 */
import {
  canReach, concretizeTrace, defaultMaxBytes, explore, exploreAsync, quotientSystem, taggedQuotientSystem, type Exploration, type ExploreOptions, type ExploreResult, gib, type InvariantSet,
  type PackedSystem, type StateIndex,
} from '../checker/index.js';
import { permutationsOf, SystemSymmetry, symmetryObstacle } from '../model/symmetry.js';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exploreParallel } from '../checker/parallel/explore-parallel.js';
import { WorkerPool } from '../checker/parallel/pool.js';
import { FtModel } from '../model/ft-model.js';
import type { CheckSourceArgs } from './check-source.js';
import type { Mutation } from '../model/mutation.js';
import type { Params } from '../model/params.js';
import type { Readings } from '../model/readings.js';
import { AccessTally } from './access-coverage.js';
import { PROPERTIES, type InvariantProperty, type Property, type RecoverableProperty } from './catalogue.js';
import { isLiveness, type EnabledProperty, type LivenessProperty } from './kinds.js';
import { sysText } from './catalogue/words.js';
import { checkLivenessAll, checkLivenessParallel, fairnessOf, livenessBytes, plainSpace, unfoldedSpace, type Lasso, type LivenessOutcome, type LivenessSpace } from './liveness-check.js';
import { plainAlloc, splitTags, type CoverAlloc, type CoverPlan } from '../checker/symmetry-cover.js';
import { sharedCoverAlloc } from '../checker/parallel/searches.js';
import { unfoldInParallel } from '../checker/parallel/unfold.js';
import type { RecordedEdges } from '../checker/edges.js';
import { initialStatesOf } from '../checker/collect.js';
import type { FairnessDecl } from '../model/fairness.js';
import { StateAccess } from './state-access.js';
import { invariantMasksOf } from './predicate-calls.js';

export type Verdict = 'holds' | 'violated' | 'vacuous' | 'unknown';

export interface PropertyVerdict {
  readonly property: Property;
  readonly verdict: Verdict;
  /** The refuting state: violating, deadlocked, or (recoverable) stuck; its trace is the shortest. */
  readonly state?: StateIndex;
  /** Why the verdict is unknown or vacuous, or what the refuting state means. */
  readonly note?: string;
  /** One line of facts on the refuting state: why the property fails there. */
  readonly explanation?: string;
  /** Reachable states where the property's trigger held (a lower bound on an incomplete run). */
  readonly triggered: number;
  /** The first of them in BFS order: its trace is a shortest witness. */
  readonly witness?: StateIndex;
  /** A liveness counterexample: an infinite fair run, a stem and a loop (`state` is then its last state). */
  readonly lasso?: Lasso;
  /** Where the lasso's loop starts: the index of the step the last one returns to (its last step for a dead end). */
  readonly loopStart?: number;
  /** The fairness a liveness verdict rests on. */
  readonly fairness?: readonly FairnessDecl[];
}

export interface CheckConfig {
  readonly params: Params;
  readonly readings: Readings;
  /** Property names to check; empty = all. */
  readonly properties?: readonly string[];
  /** Go on after the first violation and report each violated property with its own trace. */
  readonly allViolations?: boolean;
  readonly maxStates?: number;
  readonly maxSeconds?: number;
  /** Bytes the store and edges may take (ExploreOptions.maxBytes). */
  readonly maxBytes?: number;
  readonly onProgress?: ExploreOptions['onProgress'];
  /** What a complete run does after its exploration, step by step (the liveness graph, predicates, searches), for a status line. */
  readonly onStage?: (text: string) => void;
  /** A first-order mutation of the model (mutation analysis). */
  readonly mutation?: Mutation | null;
  /** Keep labelled edges even when no property needs them (diagrams). */
  readonly recordLabelledEdges?: boolean;
  /** Fairness for the liveness properties without their own (model/fairness.ts syntax); default the model's. */
  readonly fairness?: string;
  /**
   * Explore one state per orbit of the permutations of the systems
   * (model/symmetry.ts); traces are mapped back to the unreduced model. With
   * no property named, every property (liveness on the unfolded graph, symmetry-cover.ts).
   * Throws where it is unsound (reductionRefusal).
   */
  readonly symmetry?: boolean;
  /**
   * Store 64-bit fingerprints instead of states (one thread; checker/
   * fingerprint-store.ts): invariants and deadlock freedom only; with no
   * property named, those.
   */
  readonly fingerprint?: boolean;
}

export interface CheckOutcome {
  readonly config: CheckConfig;
  readonly model: FtModel;
  readonly result: ExploreResult;
  readonly verdicts: readonly PropertyVerdict[];
  /** True iff the exploration covered every reachable state. */
  readonly complete: boolean;
  /** Which Tables 3-4 outcomes reachable states exercise (rule coverage of the access control). */
  readonly access: AccessTally;
}

/** The reductions a check may run under (CheckConfig.symmetry, .fingerprint). */
export interface Reductions {
  readonly symmetry?: boolean;
  readonly fingerprint?: boolean;
}

/** Why `property` cannot be checked under these reductions, or null. */
function unsupported(property: Property, r: Reductions): string | null {
  if (r.fingerprint && property.kind !== 'invariant' && property.kind !== 'deadlock') return 'fingerprint';
  return null;
}

/** The named properties, or (none named) every property the reductions can check. */
export function selectProperties(names: readonly string[] | undefined, reductions: Reductions = {}): Property[] {
  if (!names || names.length === 0) return PROPERTIES.filter((p) => unsupported(p, reductions) === null);
  return PROPERTIES.filter((p) => names.includes(p.name));
}

/** The properties a run under these reductions leaves out when none is named. */
export function propertiesLeftOut(reductions: Reductions): Property[] {
  return PROPERTIES.filter((p) => unsupported(p, reductions) !== null);
}

/** Why the reductions would be unsound or impossible for this model and these properties, or null. */
export function reductionRefusal(model: FtModel, selected: readonly Property[], reductions: Reductions): string | null {
  if (reductions.symmetry) {
    const obstacle = symmetryObstacle(model.params, model.readings, model.mutation);
    if (obstacle !== null) return `--symmetry: ${obstacle}`;
  }
  if (reductions.fingerprint) {
    const graph = selected.filter((p) => unsupported(p, { fingerprint: true }) !== null).map((p) => p.name);
    if (graph.length > 0) return `--fingerprint: the properties ${graph.join(', ')} need the state graph, which fingerprint mode does not keep (it checks invariants and deadlock freedom)`;
  }
  return null;
}

/**
 * What the explorer runs: the model, or under `symmetry` its quotient; and
 * the result with traces mapped back to the model.
 */
function reduction(model: FtModel, config: Omit<CheckConfig, 'params' | 'readings'>, plan: CheckPlan, alloc: CoverAlloc = plainAlloc): {
  readonly system: PackedSystem;
  readonly finish: (result: ExploreResult) => Reduced;
} {
  const refusal = reductionRefusal(model, plan.selected, config);
  if (refusal !== null) throw new Error(refusal);
  if (!config.symmetry) return { system: model, finish: (result) => ({ result, space: () => plainSpace(result) }) };
  const symmetry = new SystemSymmetry(model.layout, model.labelNames);
  const concrete = (r: ExploreResult): ExploreResult => ({ ...r, graph: r.graph.withTraceMap((t) => concretizeTrace(model, symmetry, t)) });
  if (!unfolds(plan.selected)) return { system: quotientSystem(model, symmetry), finish: (r) => ({ result: concrete(r), space: () => plainSpace(r) }) };
  return {
    system: taggedQuotientSystem(model, symmetry),
    finish: (raw) => {
      const { result, tags } = splitTags(raw, model.labelNames.length, alloc);
      return { result: concrete(result), space: (unfold) => unfoldedSpace(result, tags!, symmetry, initialStatesOf(model), alloc, unfold) };
    },
  };
}

/** Whether a symmetry-reduced run of these properties must be unfolded (liveness: fairness is per system). */
export function unfolds(selected: readonly Property[]): boolean {
  return selected.some(isLiveness);
}

/**
 * A finished run (traces mapped back to the model) and the space its
 * liveness searches run on (under symmetry the unfolding, its arrays made by
 * the reduction's alloc, its rows written by `unfold`: here by default).
 */
interface Reduced {
  readonly result: ExploreResult;
  readonly space: (unfold?: Unfolder) => LivenessSpace;
}

type Unfolder = (quotient: RecordedEdges, tags: Uint8Array, plan: CoverPlan) => void;

export function runCheck(config: CheckConfig): CheckOutcome {
  return checkModel(new FtModel(config.params, config.readings, config.mutation ?? null), config);
}

/**
 * runCheck in slices that let the event loop run (signal handlers: `onStart`
 * receives the Exploration, whose interrupt() ends the run as
 * 'interrupted' with everything decided so far).
 */
export async function runCheckAsync(config: CheckConfig, onStart?: (run: Exploration) => void): Promise<CheckOutcome> {
  const model = new FtModel(config.params, config.readings, config.mutation ?? null);
  const plan = planCheck(model, config);
  const { system, finish } = reduction(model, config, plan);
  const result = await exploreAsync(system, plan.options, onStart);
  return verdictsOf(model, config, plan, finish(result));
}

/**
 * runCheckAsync on `workers` threads (checker/parallel/): the same verdicts,
 * counts, traces and coverage (a complete parallel run is the sequential one),
 * from the compiled check-source module. `onStart` receives the run, whose
 * interrupt() ends it as 'interrupted'.
 */
export async function runCheckParallel(
  config: CheckConfig,
  workers: number,
  onStart?: (run: { interrupt(): void }) => void,
  where: { readonly module?: string; readonly pool?: WorkerPool; readonly workerScript?: string } = {},
): Promise<CheckOutcome> {
  const model = new FtModel(config.params, config.readings, config.mutation ?? null);
  const plan = planCheck(model, config);
  if (config.fingerprint) throw new Error('--fingerprint runs on one thread');
  const { finish } = reduction(model, config, plan, sharedCoverAlloc);
  const { invariantSets: _sets, ...options } = plan.options;
  const args: CheckSourceArgs = {
    params: config.params,
    readings: config.readings,
    mutation: config.mutation ?? null,
    properties: plan.selected.map((p) => p.name),
    symmetry: config.symmetry === true,
  };
  const source = { module: where.module ?? checkSourceModule().href, args };
  const pool = where.pool ?? new WorkerPool(workers, where.workerScript);
  try {
    const raw = await exploreParallel(source, { ...options, workers, pool }, onStart);
    const own = model.counters.length;
    plan.tally.absorb(raw.counters.subarray(own));
    return await verdictsOfParallel(pool, model, config, plan, finish({ ...raw, counters: raw.counters.slice(0, own) }));
  } finally {
    if (where.pool === undefined) await pool.close();
  }
}

/** Whether this is compiled code, whose check-source module workers can load as it is (not the copy a build left). */
export function parallelCheckCompiled(): boolean {
  return import.meta.url.endsWith('.js');
}

/** The compiled check-source module (workers run compiled code only; from TypeScript sources, the copy under dist/). */
export function checkSourceModule(): URL {
  const here = import.meta.url;
  const url = here.endsWith('.js') ? new URL('./check-source.js', here) : new URL('../dist/properties/check-source.js', here);
  if (!existsSync(fileURLToPath(url))) throw new Error(`the compiled check source is missing (${fileURLToPath(url)}): run npm run build`);
  return url;
}

/** The same on a given model (tests use it on deliberately broken variants). */
export function checkModel(model: FtModel, config: Omit<CheckConfig, 'params' | 'readings'>): CheckOutcome {
  const plan = planCheck(model, config);
  const { system, finish } = reduction(model, config, plan);
  return verdictsOf(model, config, plan, finish(explore(system, plan.options)));
}

export interface CheckPlan {
  readonly selected: Property[];
  readonly invariants: InvariantProperty[];
  readonly access: StateAccess;
  readonly tally: AccessTally;
  readonly options: ExploreOptions;
}

export function planCheck(model: FtModel, config: Omit<CheckConfig, 'params' | 'readings'>): CheckPlan {
  const selected = selectProperties(config.properties, config);
  const invariants = selected.filter((p): p is InvariantProperty => p.kind === 'invariant');
  const access = new StateAccess(model);
  const tally = new AccessTally(model);
  const needsGraph = selected.some((p) => p.kind === 'recoverable');
  const needsLabels = config.recordLabelledEdges === true || selected.some((p) => isLiveness(p) || p.kind === 'enabled');
  return {
    selected,
    invariants,
    access,
    tally,
    options: {
      invariantSets: catalogueSets(invariants, access, tally),
      onViolation: config.allViolations ? 'continue' : 'stop',
      recordEdges: config.fingerprint ? 'none' : needsLabels ? 'labelled' : needsGraph ? 'targets' : 'none',
      fingerprint: config.fingerprint === true,
      maxStates: config.maxStates,
      maxSeconds: config.maxSeconds,
      ...(config.maxBytes !== undefined ? { maxBytes: config.maxBytes } : {}),
      onProgress: config.onProgress,
    },
  };
}

/**
 * The invariant properties as invariant sets: each state is decoded once
 * (StateAccess) and every property's trigger and holds evaluated on it; the
 * access tally of rule coverage rides on the same pass. With no invariant
 * selected the tally still runs (as an empty set).
 */
function catalogueSets(invariants: readonly InvariantProperty[], access: StateAccess, tally: AccessTally): InvariantSet[] {
  const sets: InvariantSet[] = [];
  for (let at = 0; at < Math.max(1, invariants.length); at += 32) {
    const part = invariants.slice(at, at + 32);
    const first = at === 0;
    const masksOf = invariantMasksOf(part);
    sets.push({
      names: part.map((p) => p.name),
      evaluate(state, masks) {
        const s = access.load(state);
        if (first) tally.count(s);
        masksOf(s, masks);
      },
    });
  }
  return sets;
}

function verdictsOf(model: FtModel, config: Omit<CheckConfig, 'params' | 'readings'>, plan: CheckPlan, reduced: Reduced): CheckOutcome {
  const { result } = reduced;
  const liveness = plan.selected.filter(isLiveness);
  if (!result.complete || liveness.length === 0) return outcomeOf(model, config, plan, result, otherVerdicts(model, plan, result), liveness, []);
  const over = livenessOverBudget(model, config, plan, result, liveness, 1);
  const stage = stageOf(config, result);
  const decided = over !== null ? over : (outOfMemoryAsNull(() => checkLivenessAll(model, spaceOf(reduced, config, stage), plan.access, liveness, config.fairness, stage)) ?? MEMORY_RAN_OUT);
  stage('the other properties');
  return outcomeOf(model, config, plan, result, otherVerdicts(model, plan, result), liveness, decided);
}

/** config.onStage, each text after what the complete exploration did. */
function stageOf(config: Omit<CheckConfig, 'params' | 'readings'>, result: ExploreResult): (text: string) => void {
  const say = config.onStage;
  if (say === undefined) return () => {};
  const done = `explored ${result.stats.states.toLocaleString('en-US')} ${config.symmetry ? 'orbits' : 'states'}`;
  return (text) => say(`${done}; ${text}`);
}

/** The liveness space (under symmetry, the unfolding: said first, it takes a while; its rows may be written elsewhere, by `unfold`). */
function spaceOf(reduced: Reduced, config: Omit<CheckConfig, 'params' | 'readings'>, stage: (text: string) => void, unfold?: Unfolder): LivenessSpace {
  if (config.symmetry) stage('liveness: unfolding the reduced graph into the systems\' own');
  return reduced.space(unfold);
}

const MEMORY_RAN_OUT = 'not decided: the exploration was complete, but memory ran out for the graph the liveness searches need';

/**
 * Why the liveness step is not attempted: what it would allocate
 * (livenessBytes) on top of what the exploration holds passes the memory
 * budget (--max-memory). Null when it fits.
 */
function livenessOverBudget(
  model: FtModel, config: Omit<CheckConfig, 'params' | 'readings'>, plan: CheckPlan, result: ExploreResult, liveness: readonly LivenessProperty[], threads: number,
): string | null {
  const limit = plan.options.maxBytes ?? defaultMaxBytes();
  const held = result.stats.storeBytes + result.stats.edgeBytes;
  const unfoldedBy = config.symmetry ? permutationsOf(model.params.systems).length : 1;
  const need = livenessBytes(result, unfoldedBy, liveness, model.params.systems, threads);
  if (held + need <= limit) return null;
  return (
    `not decided: the exploration was complete, but the liveness searches need about ${gib(need)} more ` +
    `(${unfoldedBy > 1 ? 'the graph unfolded, ' : ''}predicate masks, scratch for ${threads} thread(s)) and the exploration holds ${gib(held)} ` +
    `of the ${gib(limit)} memory budget (raise --max-memory)`
  );
}

/**
 * The liveness outcomes, or null when their graph or scratch could not be
 * allocated: the other verdicts of the finished run are kept, and the
 * liveness ones are reported undecided.
 */
function outOfMemoryAsNull<T>(decide: () => T): T | null {
  try {
    return decide();
  } catch (e) {
    if (e instanceof RangeError && /allocation failed|Invalid typed array length|Array buffer/i.test(e.message)) return null;
    throw e;
  }
}

async function outOfMemoryAsNullAsync<T>(decide: () => Promise<T>): Promise<T | null> {
  try {
    return await decide();
  } catch (e) {
    if (e instanceof RangeError && /allocation failed|Invalid typed array length|Array buffer/i.test(e.message)) return null;
    throw e;
  }
}

/** verdictsOf with the liveness searches on the pool's threads, the other verdicts decided here meanwhile. */
async function verdictsOfParallel(pool: WorkerPool, model: FtModel, config: Omit<CheckConfig, 'params' | 'readings'>, plan: CheckPlan, reduced: Reduced): Promise<CheckOutcome> {
  const { result } = reduced;
  const liveness = plan.selected.filter(isLiveness);
  if (!result.complete || liveness.length === 0) return verdictsOf(model, config, plan, reduced);
  const over = livenessOverBudget(model, config, plan, result, liveness, pool.size);
  if (over !== null) return outcomeOf(model, config, plan, result, otherVerdicts(model, plan, result), liveness, over);
  let others = new Map<Property, PropertyVerdict>();
  const stage = stageOf(config, result);
  // under symmetry the pool's threads unfold the graph while this one evaluates the predicates
  let unfolding: Promise<void> | null = null;
  const unfold: Unfolder = (quotient, tags, cover) => {
    unfolding = unfoldInParallel(pool, quotient, tags, cover);
    unfolding.catch(() => {});
  };
  const decided = (await outOfMemoryAsNullAsync(() => {
    const space = spaceOf(reduced, config, stage, config.symmetry ? unfold : undefined);
    return checkLivenessParallel(pool, model, space, plan.access, liveness, config.fairness, () => (others = otherVerdicts(model, plan, result)), stage, unfolding);
  })) ?? MEMORY_RAN_OUT;
  if (others.size === 0) others = otherVerdicts(model, plan, result);
  return outcomeOf(model, config, plan, result, others, liveness, decided);
}

function outcomeOf(
  model: FtModel, config: Omit<CheckConfig, 'params' | 'readings'>, plan: CheckPlan, result: ExploreResult,
  others: ReadonlyMap<Property, PropertyVerdict>, liveness: readonly LivenessProperty[], decided: readonly LivenessOutcome[] | string,
): CheckOutcome {
  // a string: why a complete run left the liveness properties undecided
  const unknownWhy = typeof decided === 'string' ? decided : `not decided: the run stopped early (${result.stopReason})`;
  const verdicts = plan.selected.map((property): PropertyVerdict => {
    if (!isLiveness(property)) return others.get(property)!;
    const vacuousWhy = `vacuous: its trigger (${property.when}) holds on no reachable state`;
    return livenessVerdict(property, typeof decided === 'string' ? undefined : decided[liveness.indexOf(property)], config.fairness, unknownWhy, vacuousWhy);
  });
  return { config: { ...config, params: model.params, readings: model.readings }, model, result, verdicts, complete: result.complete, access: plan.tally };
}

/** The verdicts of the selected properties but the liveness ones. */
function otherVerdicts(model: FtModel, plan: CheckPlan, result: ExploreResult): Map<Property, PropertyVerdict> {
  const verdicts = new Map<Property, PropertyVerdict>();
  const words = new Uint32Array(model.stateWords);
  for (const property of plan.selected) if (!isLiveness(property)) verdicts.set(property, otherVerdict(property, model, plan, result, words));
  return verdicts;
}

function otherVerdict(property: Exclude<Property, LivenessProperty>, model: FtModel, plan: CheckPlan, result: ExploreResult, words: Uint32Array): PropertyVerdict {
  const { access } = plan;
  const unknownWhy = `not decided: the run stopped early (${result.stopReason})`;
  const vacuousWhy = (when: string) => `vacuous: its trigger (${when}) holds on no reachable state`;
  switch (property.kind) {
    case 'invariant': {
      const t = result.triggers.find((x) => x.invariant === property.name)!;
      const trig = { triggered: t.count, ...(t.first !== null ? { witness: t.first } : {}) };
      const v = result.violations.find((x) => x.invariant === property.name);
      if (v) {
        const explanation = property.explain(access.load(result.graph.readState(v.state, words)));
        return { property, verdict: 'violated', state: v.state, explanation, ...trig };
      }
      if (!result.complete) return { property, verdict: 'unknown', note: unknownWhy, ...trig };
      if (t.count === 0) return { property, verdict: 'vacuous', note: vacuousWhy(property.when), ...trig };
      return { property, verdict: 'holds', ...trig };
    }
    case 'deadlock': {
      const trig = { triggered: result.stats.expanded, ...(result.stats.states > 0 ? { witness: 0 as StateIndex } : {}) };
      if (result.deadlockCount > 0) {
        return { property, verdict: 'violated', state: result.deadlocks[0], note: `${result.deadlockCount} deadlocked state(s)`, explanation: 'no transition is enabled, yet a system is online', ...trig };
      }
      if (!result.complete) return { property, verdict: 'unknown', note: unknownWhy, ...trig };
      return { property, verdict: 'holds', ...trig };
    }
    case 'recoverable':
      return recoverableVerdict(property, result, access, unknownWhy, vacuousWhy(property.when));
    case 'enabled':
      return enabledVerdict(model, property, result, access, unknownWhy, vacuousWhy(property.when));
  }
}

/** `r`: the property decided on the run (checkLivenessAll), undefined if the run was incomplete. */
function livenessVerdict(property: LivenessProperty, r: LivenessOutcome | undefined, fairness: string | undefined, unknownWhy: string, vacuousWhy: string): PropertyVerdict {
  if (r === undefined) return { property, verdict: 'unknown', note: unknownWhy, triggered: 0, fairness: fairnessOf(property, fairness) };
  const trig = { triggered: r.triggered, ...(r.witness !== null ? { witness: r.witness } : {}), fairness: r.fairness };
  if (r.lasso) {
    const last = r.lasso.states[r.lasso.states.length - 1];
    const cycle = r.lasso.loopStart < r.lasso.states.length - 1;
    const forSystem = r.lasso.system !== undefined ? ` (for system #${r.lasso.system})` : '';
    const explanation = cycle
      ? `a fair run${forSystem} repeats steps ${r.lasso.loopStart}-${r.lasso.states.length - 1} forever without reaching what the property promises`
      : `the run${forSystem} stops in a state where nothing fair is enabled, so it may wait there forever, and what the property promises never comes`;
    return { property, verdict: 'violated', state: last, lasso: r.lasso, loopStart: r.lasso.loopStart, explanation, ...trig };
  }
  if (property.kind === 'leads-to' && r.triggered === 0) return { property, verdict: 'vacuous', note: vacuousWhy, ...trig };
  return { property, verdict: 'holds', ...trig };
}

/**
 * ENABLED on the recorded labelled graph: the first state (BFS order) where
 * the scope holds for some system i and no step of the action for i leaves it.
 * Every stored state is judged, so an incomplete run can still refute it.
 */
function enabledVerdict(model: FtModel, property: EnabledProperty, result: ExploreResult, access: StateAccess, unknownWhy: string, vacuousWhy: string): PropertyVerdict {
  const g = result.graph;
  const e = g.edges;
  if (e === undefined || !e.labelled) return { property, verdict: 'unknown', note: 'not decided: the run kept no labelled edges', triggered: 0 };
  const n = model.params.systems;
  const labelOf = new Int32Array(n).fill(-1);
  const pattern = new RegExp(`^${property.action}\\(#(\\d+)\\)$`);
  model.labelNames.forEach((name, l) => {
    const m = pattern.exec(name);
    if (m) labelOf[Number(m[1])] = l;
  });
  const words = new Uint32Array(g.stateWords);
  // states whose successors were all generated: on a halted run the last level's are not
  const judged = result.complete ? g.stateCount : Math.min(g.stateCount, result.stats.expanded);
  let triggered = 0, witness = -1;
  for (let st = 0; st < judged; st++) {
    const s = access.load(g.readState(st as StateIndex, words));
    let counted = false;
    for (let i = 0; i < n; i++) {
      if (!property.scope(s, i)) continue;
      if (!counted) (counted = true), triggered++;
      if (witness < 0) witness = st;
      let found = false;
      for (let k = e.firstEdge(st), end = e.firstEdge(st + 1); k < end && !found; k++) found = e.label(k) === labelOf[i];
      if (!found) {
        const explanation = `${sysText(s, i)} is in scope, but no ${property.action}(#${i}) step is enabled here`;
        return { property, verdict: 'violated', state: st as StateIndex, explanation, triggered, witness: witness as StateIndex };
      }
    }
  }
  const trig = { triggered, ...(witness >= 0 ? { witness: witness as StateIndex } : {}) };
  if (!result.complete) return { property, verdict: 'unknown', note: unknownWhy, ...trig };
  if (triggered === 0) return { property, verdict: 'vacuous', note: vacuousWhy, ...trig };
  return { property, verdict: 'holds', ...trig };
}

/** AG (scope -> EF goal) on the recorded graph. */
function recoverableVerdict(property: RecoverableProperty, result: ExploreResult, access: StateAccess, unknownWhy: string, vacuousWhy: string): PropertyVerdict {
  const g = result.graph;
  const n = g.stateCount;
  const words = new Uint32Array(g.stateWords);
  const inScope = new Uint8Array(n);
  const goal = new Uint8Array(n);
  let triggered = 0, witness = -1, goals = 0;
  for (let i = 0; i < n; i++) {
    const s = access.load(g.readState(i as StateIndex, words));
    if (property.scope(s)) {
      inScope[i] = 1;
      triggered++;
      if (witness < 0) witness = i;
    }
    if (property.goal(s)) (goal[i] = 1), goals++;
  }
  const trig = { triggered, ...(witness >= 0 ? { witness: witness as StateIndex } : {}) };
  if (!result.complete || g.edges === undefined) return { property, verdict: 'unknown', note: unknownWhy, ...trig };
  const can = canReach(g.edges, goal);
  let first = -1, stuck = 0;
  for (let i = 0; i < n; i++) {
    if (inScope[i] === 1 && can[i] === 0) {
      stuck++;
      if (first < 0) first = i;
    }
  }
  if (first >= 0) {
    const why = goals === 0 ? 'no reachable state reaches the goal at all' : `${goals} reachable state(s) satisfy the goal`;
    return {
      property,
      verdict: 'violated',
      state: first as StateIndex,
      note: `${stuck} reachable state(s) in scope from which the goal can no longer be reached (${why}); the trace leads to the first`,
      explanation: property.explain(access.load(g.readState(first as StateIndex, words))),
      ...trig,
    };
  }
  if (triggered === 0) return { property, verdict: 'vacuous', note: vacuousWhy, ...trig };
  return { property, verdict: 'holds', ...trig };
}

/**
 * Exit code of `ftcheck check`: 0 when every property holds on a complete
 * run; 1 on a violation, an incomplete run, or (unless allowed) a vacuous
 * property.
 */
export function exitCodeOf(o: CheckOutcome, allowVacuous = false): 0 | 1 {
  return o.complete && o.verdicts.every((v) => v.verdict === 'holds' || (allowVacuous && v.verdict === 'vacuous')) ? 0 : 1;
}
