/**
 * A counterexample as a Mermaid sequence diagram, drawn by
 * reports/mermaid/sequence-diagram.ts (the same drawing `ftcheck diagram`
 * makes of `check`'s counterexamples), titled with the reading it refutes.
 */
import type { Property } from '../../properties/catalogue.js';
import { sizeProblem } from '../mermaid/limits.js';
import { sequenceDiagram } from '../mermaid/sequence-diagram.js';
import type { ReadableStep } from '../trace.js';

const ENDS: Record<Property['kind'], string> = {
  invariant: 'violating',
  deadlock: 'deadlocked',
  recoverable: 'stuck',
  enabled: 'violating',
  'leads-to': 'looping',
  'infinitely-often': 'looping',
  'eventually-always': 'looping',
};

/** The diagram text, or null when Mermaid could not draw it faithfully (too large). */
export function counterexampleDiagram(steps: readonly ReadableStep[], property: Property, title: string, note?: string, loopStart?: number): string | null {
  const text = sequenceDiagram({
    ...(loopStart !== undefined ? { loopStart } : {}),
    title,
    initial: steps[0].view,
    steps: steps.slice(1).map((s) => ({ label: s.label!, view: s.view })),
    verdict: { property: property.name, statement: property.statement, ends: ENDS[property.kind], ...(note ? { note } : {}) },
  });
  return sizeProblem(text) === null ? text : null;
}
