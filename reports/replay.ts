/**
 * What `ftcheck replay` shows: each step with the fields that changed (the
 * same flattened diff `check` prints under a counterexample), and, when the
 * scenario names the property it violates, whether its last state does.
 *
 * An invariant is decided on the last state; a deadlock too (no successor,
 * and not the legitimate end where no system is online). A recoverable
 * property (AG (scope -> EF goal)) is refuted when the last state is outside
 * the scope or already a goal; otherwise it needs the reachable graph from
 * there, which is `check`'s work: the claim is then left undecided, with the
 * command that decides it.
 */
import { missingCapability } from '../properties/enabled-check.js';
import { checkLasso } from '../properties/lasso-check.js';
import { fairnessText, parseFairness } from '../model/fairness.js';
import { ACTION_DOCS } from '../model/actions-doc.js';
import type { FtModel } from '../model/ft-model.js';
import { PARAM_SPECS } from '../model/params.js';
import { nonDefaultReadings } from '../model/readings.js';
import { initialState, successorsOf, type ReplayResult, type Scenario } from '../model/scenario.js';
import { summarize, type StateView } from '../model/view.js';
import { findProperty, PROPERTY_NAMES, type Property } from '../properties/catalogue.js';
import { StateAccess } from '../properties/state-access.js';
import { diff, flatten } from './flatten.js';
import { foldLine, foldOf, milestonesOf, type Fold } from './milestones.js';
import { foldJson, fullStateText } from './trace.js';

/**
 * What replay found about a scenario's `violates` claim:
 * - confirmed: the last state violates the property, as claimed;
 * - refuted: it does not (the scenario does not show what it claims);
 * - undecided: replay cannot tell from the last state (a recoverable property in scope);
 * - not-reached: the replay stopped before the last step.
 */
export type ClaimResult = 'confirmed' | 'refuted' | 'undecided' | 'not-reached';

export interface ClaimCheck {
  readonly property: string;
  readonly kind: Property['kind'];
  readonly result: ClaimResult;
  /** One line saying what was found and, when undecided, how to decide it. */
  readonly message: string;
}

/** A one-line error when the scenario claims to violate a property the catalogue does not have, else null. */
export function unknownClaim(sc: Scenario): string | null {
  if (sc.violates === undefined || findProperty(sc.violates)) return null;
  return `"violates": unknown property '${sc.violates}' (known: ${PROPERTY_NAMES.join(', ')})`;
}

/** The `ftcheck check` command line that decides `property` on the model the scenario ran on. */
export function checkCommandFor(model: FtModel, property: string): string {
  const params = PARAM_SPECS.map((s) => `${s.flag} ${model.params[s.key]}`);
  const readings = nonDefaultReadings(model.readings).map((r) => `--reading ${r}`);
  return ['ftcheck check', `--property ${property}`, ...params, ...readings].join(' ');
}

/** The state words after the last replayed step (the initial state when there is none). */
function lastWords(r: ReplayResult): Uint32Array {
  return r.steps.length ? r.steps[r.steps.length - 1].words : initialState(r.model);
}

/** Evaluates the scenario's `violates` claim at the end of the replay; undefined when it makes none. */
export function checkClaim(r: ReplayResult, sc: Scenario): ClaimCheck | undefined {
  if (sc.violates === undefined) return undefined;
  const p = findProperty(sc.violates);
  if (!p) throw new Error(unknownClaim(sc)!);
  const name = p.name;
  const at = r.steps.length ? `its last state (after step ${r.steps.length})` : 'its initial state';
  const claim = (result: ClaimResult, message: string): ClaimCheck => ({ property: name, kind: p.kind, result, message });
  if (!r.ok) return claim('not-reached', `the scenario claims to violate ${name}, but the replay stopped before its end, so the claim was not evaluated`);
  const words = lastWords(r);
  const s = new StateAccess(r.model).load(words);
  switch (p.kind) {
    case 'invariant':
      return p.holds(s)
        ? claim('refuted', `the scenario claims to violate ${name}, but ${name} holds in ${at}: ${p.statement}`)
        : claim('confirmed', `violates ${name} in ${at}, as the scenario claims: ${p.statement}`);
    case 'deadlock': {
      const moves = successorsOf(r.model, words);
      if (moves.length > 0) {
        const labels = [...new Set(moves.map((m) => r.model.labelNames[m.label]))];
        const shown = labels.slice(0, 4).join(', ') + (labels.length > 4 ? `, ... (${labels.length} labels)` : '');
        return claim('refuted', `the scenario claims to violate ${name}, but ${at} is not deadlocked: ${shown} enabled`);
      }
      if (r.model.isTerminal(words)) {
        return claim('refuted', `the scenario claims to violate ${name}, but ${at} is a legitimate end (no system online: the service is lost), which ${name} allows`);
      }
      return claim('confirmed', `violates ${name} in ${at}, as the scenario claims: no transition is enabled while a system is online`);
    }
    case 'leads-to':
    case 'infinitely-often':
    case 'eventually-always': {
      if (sc.loop === undefined) return claim('refuted', `the scenario claims to violate ${name}, a liveness property, but has no "loop": a finite run cannot refute it`);
      const fairness = parseFairness(sc.fairness ?? 'default');
      if ('error' in fairness) return claim('refuted', fairness.error);
      const states = [initialState(r.model), ...r.steps.map((x) => x.words)];
      const labels = r.steps.map((x) => r.model.labels.idOf(x.label)!);
      const c = checkLasso(r.model, p, fairness, states, labels, sc.loop);
      const loopText = sc.loop === r.steps.length ? `the run ends at step ${sc.loop}` : `the loop back to step ${sc.loop} closes`;
      return c.ok
        ? claim('confirmed', `violates ${name}, as the scenario claims: ${loopText}, it is fair under ${fairnessText(fairness)}, and ${c.why}`)
        : claim('refuted', `the scenario claims to violate ${name}, but ${c.why}`);
    }
    case 'enabled': {
      const missing = missingCapability(r.model, p, words);
      return missing === null
        ? claim('refuted', `the scenario claims to violate ${name}, but in ${at} every system in its scope can take a ${p.action} step`)
        : claim('confirmed', `violates ${name} in ${at}, as the scenario claims: ${missing.replace(' in the last state', '')}`);
    }
    case 'recoverable':
      if (!p.scope(s)) return claim('refuted', `the scenario claims to violate ${name}, but ${at} is outside its scope, where nothing needs to be recoverable`);
      if (p.goal(s)) return claim('refuted', `the scenario claims to violate ${name}, but ${at} already is a goal state (full duplication)`);
      return claim(
        'undecided',
        `replay cannot decide ${name} from the last state alone (it is in scope and not a goal; whether a goal is reachable from it needs the reachable graph): check it with ${checkCommandFor(r.model, name)}`,
      );
  }
}

/** The exit code of a replay: 0 when it reached its end and its claim, if any, is confirmed or undecided. */
export function replayExitCode(r: ReplayResult, claim: ClaimCheck | undefined): 0 | 1 {
  return r.ok && (claim === undefined || claim.result === 'confirmed' || claim.result === 'undecided') ? 0 : 1;
}

/** The block and paragraphs of a label's transition, e.g. "FT controller 130; [0090] T110". */
function citationOf(model: FtModel, label: string): string | undefined {
  const id = model.labels.idOf(label);
  if (id === undefined) return undefined;
  const doc = ACTION_DOCS[model.labels.labels[id].action];
  return doc ? `${doc.block}; ${doc.cites}` : undefined;
}

/** The changed fields of each step, from the initial state on; ghosts included when `ghosts`. */
function changesOf(r: ReplayResult, ghosts: boolean): [string, string, string][][] {
  let prev = flatten(r.initial, ghosts);
  return r.steps.map((s) => {
    const flat = flatten(s.view, ghosts);
    const d = diff(prev, flat);
    prev = flat;
    return d;
  });
}

/** The states of a replay, the initial one first (index = step). */
function viewsOf(r: ReplayResult): StateView[] {
  return [r.initial, ...r.steps.map((s) => s.view)];
}

/**
 * The prefix of power-on and first synchronization folded in the text of a
 * replay (reports/milestones.ts): never over a step whose author wrote a
 * note (the figures' T-steps stay visible), never when the replay stopped.
 */
export function replayFold(r: ReplayResult): Fold | null {
  if (!r.ok) return null;
  return foldOf(viewsOf(r), { keep: (k) => r.steps[k - 1]?.note !== undefined });
}

export interface ReplayTextOptions {
  /** Every step (nothing folded) with every field of its state. */
  readonly full?: boolean;
}

/** The replay as text: each step, the systems' states, the fields that changed; the claim's result. */
export function replayText(sc: Scenario, r: ReplayResult, claim: ClaimCheck | undefined, o: ReplayTextOptions = {}): string {
  const lines: string[] = [];
  if (sc.description) lines.push(sc.description);
  lines.push(`  0. initial: ${summarize(r.initial)}`);
  const changes = changesOf(r, false);
  const fold = o.full ? null : replayFold(r);
  r.steps.forEach((s, k) => {
    if (fold && k + 1 <= fold.to) {
      if (k + 1 === fold.to) lines.push(`  ${foldLine(fold, summarize(s.view))}`);
      return;
    }
    const cites = citationOf(r.model, s.label);
    lines.push(`  ${k + 1}. ${s.label}${s.note ? `   (${s.note})` : ''}${cites ? `  [${cites}]` : ''}`);
    lines.push(`       ${summarize(s.view)}`);
    if (o.full) {
      for (const [field, v] of flatten(s.view, true)) lines.push(`         ${field} = ${v}`);
      return;
    }
    for (const [field, a, b] of changes[k]) lines.push(`         ${field}: ${a} -> ${b}`);
    if (!changes[k].length) lines.push('         (no field changed)');
  });
  if (r.ok) lines.push(`replayed ${r.steps.length} step(s)`);
  if (claim?.result === 'confirmed') lines.push(`last state, every field:\n${fullStateText(lastView(r))}`);
  if (claim) lines.push(`${claim.result === 'refuted' || claim.result === 'not-reached' ? 'claim refuted' : claim.result === 'confirmed' ? 'claim confirmed' : 'claim undecided'}: ${claim.message}`);
  return lines.join('\n');
}

function lastView(r: ReplayResult): StateView {
  return r.steps.length ? r.steps[r.steps.length - 1].view : r.initial;
}

/**
 * The stable JSON of `ftcheck replay --json`: `ok` is true exactly when the
 * exit code is 0; each step has its label, note, systems and the changed
 * fields (ghosts included) as `{field: [before, after]}`; `violates` the
 * claim's result; `error` why `ok` is false; `milestone` marks the step
 * where the replay first reaches one and `fold` the prefix the text folds
 * (null when none); the steps themselves are all there.
 */
export function replayJsonReport(r: ReplayResult, claim: ClaimCheck | undefined): object {
  const changes = changesOf(r, true);
  const milestones = new Map(milestonesOf(viewsOf(r)).map((m) => [m.step, m]));
  const ok = replayExitCode(r, claim) === 0;
  const error = r.error ?? (ok ? undefined : claim?.message);
  return {
    ok,
    steps: r.steps.map((s, k) => ({
      step: k + 1,
      label: s.label,
      ...(s.note ? { note: s.note } : {}),
      systems: s.view.systems.map((x) => ({ id: x.id, state: x.state, name: x.name, mode: x.mode })),
      changed: Object.fromEntries(changes[k].map(([f, a, b]) => [f, [a, b]])),
      ...(milestones.has(k + 1) ? { milestone: { id: milestones.get(k + 1)!.id, text: milestones.get(k + 1)!.text } } : {}),
    })),
    fold: foldJson(replayFold(r)),
    ...(claim ? { violates: claim } : {}),
    ...(error ? { error } : {}),
  };
}
