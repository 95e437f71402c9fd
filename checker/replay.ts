import { initialStatesOf, sameWords, successorsOf } from './collect.js';
import type { TraceStep } from './trace.js';
import type { LabelId, PackedSystem } from './transition-system.js';

/**
 * Why a replay failed, as data. `step` is the position in the trace: 0 is the
 * initial state, k >= 1 the state reached by the k-th label.
 */
export type ReplayError =
  | { readonly kind: 'no-initial-state'; readonly step: 0; readonly message: string }
  | { readonly kind: 'not-initial'; readonly step: 0; readonly message: string }
  | { readonly kind: 'bad-label'; readonly step: number; readonly label: number; readonly message: string }
  | {
      readonly kind: 'label-not-enabled';
      readonly step: number;
      readonly label: LabelId;
      /** Labels enabled at that point (sorted, distinct). */
      readonly enabled: readonly LabelId[];
      readonly message: string;
    }
  | {
      readonly kind: 'state-mismatch';
      readonly step: number;
      readonly label: LabelId;
      readonly expected: Uint32Array;
      /** The successors that label does lead to. */
      readonly candidates: readonly Uint32Array[];
      readonly message: string;
    };

export type ReplayResult =
  | {
      readonly ok: true;
      /** One witness path: the initial state, then one state per label. */
      readonly trace: TraceStep[];
      /** Every state the label sequence can end in (distinct, first-reached order). */
      readonly finalStates: Uint32Array[];
    }
  | { readonly ok: false; readonly error: ReplayError };

const name = (system: PackedSystem, label: number) => system.labelNames[label] ?? `#${label}`;
const hex = (w: Uint32Array) => `[${Array.from(w, (x) => x.toString(16)).join(' ')}]`;

interface Node {
  readonly state: Uint32Array;
  readonly prev: number;
  readonly label: LabelId | null;
}

/**
 * Replays a label sequence from the initial states. Nondeterminism is
 * allowed: the replay follows every state the labels can lead to (a set,
 * deduplicated by words) and fails only when no state of the set enables the
 * next label. Never throws for a bad sequence; returns the error as data.
 */
export function replayLabels(system: PackedSystem, labels: readonly LabelId[]): ReplayResult {
  const words = system.stateWords;
  const layers: Node[][] = [dedupe(initialStatesOf(system).map((state) => ({ state, prev: -1, label: null })))];
  if (layers[0].length === 0) return fail({ kind: 'no-initial-state', step: 0, message: 'the system has no initial state' });
  for (let k = 0; k < labels.length; k++) {
    const label = labels[k];
    const step = k + 1;
    if (!(Number.isInteger(label) && label >= 0 && label < system.labelNames.length)) {
      return fail({ kind: 'bad-label', step, label, message: `step ${step}: label id ${label} does not exist` });
    }
    const next: Node[] = [];
    const enabled = new Set<LabelId>();
    layers[k].forEach((node, prev) => {
      for (const move of successorsOf(system, node.state)) {
        enabled.add(move.label);
        if (move.label === label) next.push({ state: move.state, prev, label });
      }
    });
    if (next.length === 0) return fail(notEnabled(system, step, label, enabled));
    layers.push(dedupe(next));
  }
  const last = layers[layers.length - 1];
  const trace: TraceStep[] = [];
  for (let k = layers.length - 1, i = 0; k >= 0; k--) {
    const node = layers[k][i];
    trace.push({ label: node.label, state: node.state.slice(0, words) });
    i = node.prev;
  }
  return { ok: true, trace: trace.reverse(), finalStates: last.map((n) => n.state) };
}

/**
 * Replays a recorded trace (as returned by `graph.traceTo`): step 0 must be
 * an initial state, and each later step must be a successor of the previous
 * state through its label with exactly the recorded words. Returns the first
 * step that does not hold, as data.
 */
export function replayTrace(system: PackedSystem, trace: readonly TraceStep[]): ReplayResult {
  const words = system.stateWords;
  if (trace.length === 0) return replayLabels(system, []);
  const initial = initialStatesOf(system);
  if (!initial.some((s) => sameWords(s, trace[0].state, words))) {
    return fail({ kind: 'not-initial', step: 0, message: `step 0: ${hex(trace[0].state)} is not an initial state` });
  }
  for (let step = 1; step < trace.length; step++) {
    const label = trace[step].label;
    if (label === null || !(Number.isInteger(label) && label >= 0 && label < system.labelNames.length)) {
      return fail({ kind: 'bad-label', step, label: label ?? -1, message: `step ${step}: label ${label} does not exist` });
    }
    const moves = successorsOf(system, trace[step - 1].state);
    const candidates = moves.filter((m) => m.label === label).map((m) => m.state);
    if (candidates.length === 0) return fail(notEnabled(system, step, label, new Set(moves.map((m) => m.label))));
    const expected = trace[step].state;
    if (!candidates.some((c) => sameWords(c, expected, words))) {
      return fail({
        kind: 'state-mismatch',
        step,
        label,
        expected: expected.slice(0, words),
        candidates,
        message: `step ${step}: ${name(system, label)} does not lead to ${hex(expected)} (leads to ${candidates.map(hex).join(', ')})`,
      });
    }
  }
  const finalState = trace[trace.length - 1].state.slice(0, words);
  return { ok: true, trace: trace.map((s) => ({ label: s.label, state: s.state.slice(0, words) })), finalStates: [finalState] };
}

function notEnabled(system: PackedSystem, step: number, label: LabelId, enabled: Set<LabelId>): ReplayError {
  const list = [...enabled].sort((a, b) => a - b);
  const names = list.map((l) => name(system, l)).join(', ') || 'none (deadlock)';
  return {
    kind: 'label-not-enabled',
    step,
    label,
    enabled: list,
    message: `step ${step}: ${name(system, label)} is not enabled; enabled: ${names}`,
  };
}

function dedupe(nodes: Node[]): Node[] {
  const seen = new Set<string>();
  return nodes.filter((n) => {
    const key = n.state.join(',');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function fail(error: ReplayError): ReplayResult {
  return { ok: false, error };
}
