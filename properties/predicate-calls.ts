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

/**
 * A function `(params) { head; line(0); ...; tail }` in which line(k) may
 * call methods of `o${k}`, the k-th object, each its own call site.
 */
function generate<T, F>(objects: readonly T[], params: string, head: string, line: (k: number) => string, tail: string): F {
  const consts = objects.map((_, k) => `const o${k} = objects[${k}];`).join('\n');
  const lines = objects.map((_, k) => line(k)).join('\n');
  const make = new Function('objects', `${consts}\nreturn function (${params}) {\n${head}\n${lines}\n${tail}\n};`) as (objects: readonly T[]) => F;
  return make(objects);
}

const propertiesOf = (calls: readonly PredicateCall[]): LivenessProperty[] => calls.map((c) => c.property);

/** `(v) => word`: bit k of the word is whether call k holds at v (at most 32 calls). */
export function bitsOf(calls: readonly PredicateCall[]): (v: StateAccess) => number {
  if (calls.length > 32) throw new Error(`internal: ${calls.length} predicates do not fit one word`);
  return generate(propertiesOf(calls), 'v', 'let b = 0;', (k) => `if (${callOf(calls[k], k)}) b |= ${(1 << k) >>> 0};`, 'return b >>> 0;');
}

/** `(v, out) => void`: out[k] = 1 if call k holds at v, else 0. */
export function valuesOf(calls: readonly PredicateCall[]): (v: StateAccess, out: Uint8Array) => void {
  return generate(propertiesOf(calls), 'v, out', '', (k) => `out[${k}] = ${callOf(calls[k], k)} ? 1 : 0;`, '');
}

/**
 * `(v, masks) => void` for up to 32 invariants: masks[0] gets bit k where
 * invariant k does not hold at v, masks[1] where its trigger holds.
 */
export function invariantMasksOf(invariants: readonly InvariantProperty[]): (v: StateAccess, masks: Uint32Array) => void {
  if (invariants.length > 32) throw new Error(`internal: ${invariants.length} invariants do not fit one word`);
  const bit = (k: number) => (1 << k) >>> 0;
  return generate(invariants, 'v, masks', 'let x = 0, t = 0;', (k) => `if (o${k}.trigger(v)) t |= ${bit(k)};\nif (!o${k}.holds(v)) x |= ${bit(k)};`, 'masks[0] = x >>> 0;\nmasks[1] = t >>> 0;');
}
