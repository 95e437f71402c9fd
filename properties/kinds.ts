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
 *   states; it speaks of every state.
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

export type Property = InvariantProperty | RecoverableProperty | DeadlockProperty;
