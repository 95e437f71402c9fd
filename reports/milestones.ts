/**
 * Milestones of a trace, decided from the model states (never from step
 * counts), and the prefix of a long trace that can be folded into one line.
 *
 * Most counterexamples begin with the same power-on and first
 * synchronization of FIGS. 9-10 before anything interesting happens. A
 * milestone is the first state of a trace where such a phase is complete:
 *
 * - `power-on` (FIG. 9, T100-T204): an Online ready ACT crosslinked to an
 *   Offline SBY (the first such pair);
 * - `sync-reset` (FIGS. 9-10 to T110): two systems in Pre online sync;
 * - `duplex` (FIGS. 9-10, T100-T211): every system in Online sync.
 *
 * A milestone counts only when no failure was injected before it (the
 * prefix is then the figures' ordinary sequence, not a story of its own).
 * The fold is the longest prefix, of at least FOLD_MIN_STEPS steps, that ends
 * exactly at a milestone and leaves at least one step (the one that matters)
 * unfolded; it never reaches into the loop of a lasso.
 */
import { ST2, ST3, ST4, ST7 } from '../hw/ft-controller.js';
import type { StateView } from '../model/view.js';

export type MilestoneId = 'power-on' | 'sync-reset' | 'duplex';

export interface Milestone {
  readonly id: MilestoneId;
  /** The step (state index in the trace) where the milestone is first reached. */
  readonly step: number;
  /** What the prefix up to it did, with the figures and T-steps: "power-on and first synchronization, as in FIGS. 9-10 (T100-T211)". */
  readonly text: string;
}

/** A prefix of steps 1..`to` folded into one line; `to` is the milestone's step. */
export interface Fold {
  readonly from: 1;
  readonly to: number;
  readonly milestone: Milestone;
}

/** The shortest prefix worth folding, in steps. */
export const FOLD_MIN_STEPS = 8;

const linked = (v: StateView, a: number, b: number): boolean => v.crosslinks.some(([x, y]) => (x === a && y === b) || (x === b && y === a));

interface MilestoneRule {
  readonly id: MilestoneId;
  /** The milestone's text when `v` reaches it, else null. */
  reached(v: StateView): string | null;
}

const RULES: readonly MilestoneRule[] = [
  {
    id: 'power-on',
    reached(v) {
      for (const a of v.systems) {
        if (a.st !== ST2 || a.mode !== 'ACT') continue;
        const b = v.systems.find((s) => s.st === ST7 && s.mode === 'SBY' && linked(v, a.id, s.id));
        if (b) return 'power-on and crosslink connection, as in FIG. 9 (T100-T204)';
      }
      return null;
    },
  },
  {
    id: 'sync-reset',
    reached(v) {
      return v.systems.filter((s) => s.st === ST3).length >= 2 ? 'power-on and first synchronization copied, as in FIGS. 9-10 (T100-T110)' : null;
    },
  },
  {
    id: 'duplex',
    reached(v) {
      return v.systems.every((s) => s.st === ST4) ? 'power-on and first synchronization, as in FIGS. 9-10 (T100-T211)' : null;
    },
  },
];

/**
 * The milestones of a trace of states (index = step, 0 the initial state):
 * each at the first state that reaches it, if no failure was injected up to
 * there. In step order.
 */
export function milestonesOf(views: readonly StateView[]): Milestone[] {
  const out: Milestone[] = [];
  for (const rule of RULES) {
    for (let k = 0; k < views.length; k++) {
      if (views[k].faultsInjected > 0) break;
      const text = rule.reached(views[k]);
      if (text !== null) {
        out.push({ id: rule.id, step: k, text });
        break;
      }
    }
  }
  return out.sort((a, b) => a.step - b.step);
}

export interface FoldOptions {
  /** The step where a lasso's loop begins: the fold ends before it. */
  readonly loopStart?: number;
  /** Steps that must stay visible (e.g. a scenario step with its author's note): the fold ends before the first. */
  readonly keep?: (step: number) => boolean;
}

/** The prefix to fold, or null when no milestone ends one of at least FOLD_MIN_STEPS steps before the last step. */
export function foldOf(views: readonly StateView[], o: FoldOptions = {}): Fold | null {
  const last = views.length - 1;
  let limit = last - 1;
  if (o.loopStart !== undefined) limit = Math.min(limit, o.loopStart - 1);
  if (o.keep) {
    for (let k = 1; k <= limit; k++) {
      if (o.keep(k)) {
        limit = k - 1;
        break;
      }
    }
  }
  let best: Milestone | null = null;
  for (const m of milestonesOf(views)) if (m.step >= FOLD_MIN_STEPS && m.step <= limit) best = m;
  return best ? { from: 1, to: best.step, milestone: best } : null;
}

/** The one line a folded prefix is printed as; `reached` summarizes the milestone's state. */
export function foldLine(f: Fold, reached: string): string {
  return `steps 1-${f.to}: ${f.milestone.text}, no failure; then ${reached}  (--full-trace shows the ${f.to} steps)`;
}
