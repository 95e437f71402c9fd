/**
 * Why a surviving mutant is something no property over this model can see,
 * by mutant id pattern. A survivor without an entry here is a gap of the
 * catalogue (the report says "not explained yet").
 */
import type { Mutant } from '../../model/mutants.js';

interface Explanation {
  readonly match: RegExp;
  readonly why: string;
}

export const EXPLANATIONS: readonly Explanation[] = [];

export function explainSurvivor(m: Mutant): string | undefined {
  return EXPLANATIONS.find((e) => e.match.test(m.id))?.why;
}
