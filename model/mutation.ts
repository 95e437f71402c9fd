/**
 * First-order mutations of the model, for mutation analysis of the property
 * catalogue (`ftcheck mutate`): each changes one rule of a block's table, one
 * cell of Tables 3-4, one capacity, or skips one named guard, history update
 * or effect (model/hooks.ts). The model applies a mutation when it is built;
 * no mutation means the model as specified.
 */
import type { Outcome } from '../hw/io-subsystem.js';
import type { EffectId, GhostId, GuardId } from './hooks.js';

/** A rule of a compiled block table: FT controller (event, state, mode) or CPU (event, phase). */
export interface RuleRef {
  readonly block: 'ft' | 'cpu';
  /** Index into the block's compiled table (see model/rules.ts). */
  readonly rule: number;
}

export type Mutation =
  /** The rule leads to another local state (`to` is the table's result code). */
  | (RuleRef & { readonly op: 'retarget'; readonly to: number })
  /** The rule is accepted but leaves the local state unchanged instead of moving it. */
  | (RuleRef & { readonly op: 'unchanged' })
  /** The block no longer accepts the event in that local state (the action needing it is disabled). */
  | (RuleRef & { readonly op: 'drop' })
  /** A cell of Tables 3-4: request kind `kind` of a system in state `st` gets `outcome` on its own side. */
  | { readonly op: 'access'; readonly kind: number; readonly st: number; readonly outcome: Outcome }
  /** The model uses a capacity one more or one less than the parameter says. */
  | { readonly op: 'capacity'; readonly which: 'buffer' | 'trace'; readonly delta: 1 | -1 }
  | { readonly op: 'skip-guard'; readonly guard: GuardId }
  | { readonly op: 'skip-ghost'; readonly ghost: GhostId }
  | { readonly op: 'skip-effect'; readonly effect: EffectId };
