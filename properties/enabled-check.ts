/** An 'enabled' property judged on one state by generating its successors (replay, the ambiguity explorer). */
import type { FtModel } from '../model/ft-model.js';
import { successorsOf } from '../model/scenario.js';
import type { EnabledProperty } from './kinds.js';
import { StateAccess } from './state-access.js';

/** The first system in the scope of an 'enabled' property with no step of its action from `words`, in words; null if none. */
export function missingCapability(model: FtModel, property: EnabledProperty, words: Uint32Array): string | null {
  const s = new StateAccess(model).load(words);
  const labels = new Set(successorsOf(model, words).map((m) => model.labelNames[m.label]));
  for (let i = 0; i < s.n; i++) {
    if (property.scope(s, i) && !labels.has(`${property.action}(#${i})`)) return `#${i} is in scope, but no ${property.action}(#${i}) step is enabled in the last state`;
  }
  return null;
}

