/**
 * The catalogue's predicates on a state as one function with a call site
 * per predicate (generated once per run, as model/layout.ts does for
 * decoding): the liveness predicates of a pass over the states, the
 * invariants' triggers and verdicts on every state explored. The predicates
 * are different functions: one call site that calls them in turn is
 * megamorphic, never inlined, and costs more than most predicates
 * themselves; a site that only ever calls one is inlined.
 */
import type { InvariantProperty, LivenessProperty } from './kinds.js';
import type { StateAccess } from './state-access.js';

/** P or Q of a property, for one system (0 for a property that is not per system). */
export interface PredicateCall {
  readonly property: LivenessProperty;
  readonly which: 'p' | 'q';
  readonly system: number;
}

function callOf(c: PredicateCall, k: number): string {
  if (c.which === 'q' && c.property.kind !== 'leads-to') throw new Error(`internal: property ${c.property.name} has no Q`);
  return c.property.kind === 'leads-to' ? `o${k}.${c.which}(v, ${c.system})` : `o${k}.p(v)`;
}

function generate<F>(calls: readonly PredicateCall[], params: string, head: string, body: (call: string, k: number) => string, tail: string): F {
  const objects = calls.map((_, k) => `const o${k} = objects[${k}];`).join('\n');
  const lines = calls.map((c, k) => body(callOf(c, k), k)).join('\n');
  const make = new Function('objects', `${objects}\nreturn function (${params}) {\n${head}\n${lines}\n${tail}\n};`) as (objects: readonly LivenessProperty[]) => F;
  return make(calls.map((c) => c.property));
}

/** `(v) => word`: bit k of the word is whether call k holds at v (at most 32 calls). */
export function bitsOf(calls: readonly PredicateCall[]): (v: StateAccess) => number {
  if (calls.length > 32) throw new Error(`internal: ${calls.length} predicates do not fit one word`);
  return generate(calls, 'v', 'let b = 0;', (call, k) => `if (${call}) b |= ${(1 << k) >>> 0};`, 'return b >>> 0;');
}

/** `(v, out) => void`: out[k] = 1 if call k holds at v, else 0. */
export function valuesOf(calls: readonly PredicateCall[]): (v: StateAccess, out: Uint8Array) => void {
  return generate(calls, 'v, out', '', (call, k) => `out[${k}] = ${call} ? 1 : 0;`, '');
}

/**
 * `(v, masks) => void` for up to 32 invariants: masks[0] gets bit k where
 * invariant k does not hold at v, masks[1] where its trigger holds.
 */
export function invariantMasksOf(invariants: readonly InvariantProperty[]): (v: StateAccess, masks: Uint32Array) => void {
  if (invariants.length > 32) throw new Error(`internal: ${invariants.length} invariants do not fit one word`);
  const objects = invariants.map((_, k) => `const o${k} = objects[${k}];`).join('\n');
  const lines = invariants.map((_, k) => `if (o${k}.trigger(v)) t |= ${(1 << k) >>> 0};\nif (!o${k}.holds(v)) x |= ${(1 << k) >>> 0};`).join('\n');
  const make = new Function('objects', `${objects}\nreturn function (v, masks) {\nlet x = 0, t = 0;\n${lines}\nmasks[0] = x >>> 0;\nmasks[1] = t >>> 0;\n};`);
  return (make as (objects: readonly InvariantProperty[]) => (v: StateAccess, masks: Uint32Array) => void)(invariants);
}
