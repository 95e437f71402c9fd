/**
 * The kinds of property ftcheck proves or refutes. Every property has a
 * one-line statement in the patent's terms, the paragraphs it rests on, and
 * a trigger: the states where it says something. A property whose trigger
 * never holds on a reachable state is reported vacuous, not proved.
 *
 * - invariant: must hold in every reachable state where its trigger holds
 *   (outside the trigger it holds trivially);
 * - recoverable: from every reachable state in scope, some goal state is
 *   reachable (AG (scope -> EF goal), on the reachable graph); the scope is
 *   its trigger;
 * - deadlock: no reachable state without successors except legitimate end
 *   states; it speaks of every state;
 * - enabled: in every reachable state where its scope holds for system i,
 *   a step of the named action for system i is enabled (a capability the
 *   FT controller must offer, TLA+'s ENABLED); checked on the labelled
 *   graph; the scope is its trigger;
 * - leads-to (P ~> Q): every fair behaviour that reaches a P state later
 *   reaches a Q state (optionally: unless another failure is injected
 *   first); its trigger is P;
 * - infinitely-often (GF P) and eventually-always (FG P) over the fair
 *   behaviours; they speak of every behaviour.
 * Liveness kinds rest on fairness: the model's hardware-progress
 * assumptions (model/fairness.ts), or the property's own.
 */
import type { StateAccess } from './state-access.js';

interface Common {
  readonly name: string;
  readonly statement: string;
  readonly cites: string;
  /** The trigger in words, for reports ("two systems in Online sync"). */
  readonly when: string;
}

export interface InvariantProperty extends Common {
  readonly kind: 'invariant';
  /** Where the property says something. Keep it and `holds` allocation-free: they run on every state. */
  trigger(s: StateAccess): boolean;
  holds(s: StateAccess): boolean;
  /** One line of facts on a state where `holds` is false: why it fails there. */
  explain(s: StateAccess): string;
}

export interface RecoverableProperty extends Common {
  readonly kind: 'recoverable';
  scope(s: StateAccess): boolean;
  goal(s: StateAccess): boolean;
  /** One line on a state in scope from which the goal cannot be reached: what blocks recovery. */
  explain(s: StateAccess): string;
}

export interface DeadlockProperty extends Common {
  readonly kind: 'deadlock';
}

export interface EnabledProperty extends Common {
  readonly kind: 'enabled';
  /** The action, as labels name it before their parameters (e.g. 'force_isolate' for force_isolate(#i)). */
  readonly action: string;
  /** Where a step of `action` for system i must be enabled. */
  scope(s: StateAccess, i: number): boolean;
}

interface Liveness extends Common {
  /** The fairness this property rests on instead of the model's defaults (a spec of model/fairness.ts). */
  readonly fairness?: string;
}

export interface LeadsToProperty extends Liveness {
  readonly kind: 'leads-to';
  /** Checked for each system i separately (P(s, i) ~> Q(s, i)); otherwise i is 0 and ignored. */
  readonly perSystem: boolean;
  p(s: StateAccess, i: number): boolean;
  q(s: StateAccess, i: number): boolean;
  /**
   * Under no further failures: a behaviour that injects another failure
   * before Q, or in which a failure still undetected at P is detected, escapes
   * (it is not a counterexample).
   */
  readonly unlessAnotherFailure?: boolean;
}

export interface InfinitelyOftenProperty extends Liveness {
  readonly kind: 'infinitely-often';
  p(s: StateAccess): boolean;
}

export interface EventuallyAlwaysProperty extends Liveness {
  readonly kind: 'eventually-always';
  p(s: StateAccess): boolean;
}

export type LivenessProperty = LeadsToProperty | InfinitelyOftenProperty | EventuallyAlwaysProperty;
export type Property = InvariantProperty | RecoverableProperty | DeadlockProperty | EnabledProperty | LivenessProperty;

export const isLiveness = (p: Property): p is LivenessProperty => p.kind === 'leads-to' || p.kind === 'infinitely-often' || p.kind === 'eventually-always';
