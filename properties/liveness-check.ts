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
import { eventuallyAlways, infinitelyOften, leadsTo, type FairnessConstraint, type LivenessResult } from '../checker/liveness/index.js';
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

/** Decides a liveness property on a complete run recorded with labelled edges. */
export function checkLiveness(model: FtModel, result: ExploreResult, access: StateAccess, p: LivenessProperty, runFairness: string | undefined): LivenessOutcome {
  const g = result.graph;
  const edges = g.edges;
  if (!edges?.labelled) throw new Error('liveness needs labelled edges');
  const n = g.stateCount;
  const fairness = fairnessOf(p, runFairness);
  const constraints = constraintsOf(model, fairness);
  const initial: number[] = [];
  for (let s = 0; s < n && g.parentOf(s as StateIndex) === null; s++) initial.push(s);
  const words = new Uint32Array(g.stateWords);
  const systems = p.kind === 'leads-to' && p.perSystem ? model.params.systems : 1;
  const masks = Array.from({ length: systems }, () => ({ p: new Uint8Array(n), q: new Uint8Array(n) }));
  const level = p.kind === 'leads-to' && p.unlessAnotherFailure ? new Uint32Array(n) : null;
  let triggered = 0, witness = -1;
  for (let s = 0; s < n; s++) {
    const v = access.load(g.readState(s as StateIndex, words));
    // "no further failures": a new failure, or the detection of one still pending, changes the level
    if (level) level[s] = v.faultsInjected() * 4 + Math.min(3, v.undetectedFailures());
    let any = false;
    for (let i = 0; i < systems; i++) {
      if (p.kind === 'leads-to') {
        masks[i].p[s] = p.p(v, i) ? 1 : 0;
        masks[i].q[s] = p.q(v, i) ? 1 : 0;
        if (masks[i].p[s]) any = true;
      } else {
        masks[i].p[s] = p.p(v) ? 1 : 0;
        any = true;
      }
    }
    if (any) (triggered++, witness < 0 && (witness = s));
  }
  let best: { r: Extract<LivenessResult, { holds: false }>; system: number } | null = null;
  for (let i = 0; i < systems; i++) {
    const r =
      p.kind === 'leads-to'
        ? leadsTo(edges, initial, masks[i].p, masks[i].q, constraints, level, true)
        : p.kind === 'infinitely-often'
          ? infinitelyOften(edges, initial, masks[i].p, constraints, true)
          : eventuallyAlways(edges, initial, masks[i].p, constraints, true);
    if (!r.holds && (best === null || r.states.length < best.r.states.length)) best = { r, system: i };
  }
  const base = { triggered, witness: witness < 0 ? null : (witness as StateIndex), fairness };
  if (best === null) return { holds: true, ...base };
  const { r, system } = best;
  return {
    holds: false,
    ...base,
    lasso: {
      states: r.states as StateIndex[],
      labels: r.edges.map((k) => edges.label(k) as LabelId),
      loopStart: r.loopStart,
      ...(systems > 1 ? { system } : {}),
    },
  };
}
