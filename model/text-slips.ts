/**
 * Text slips: places where the patent contradicts itself or names something
 * that does not exist, but where every reading leads to the same behaviour,
 * so the model needs no option for them (contrast model/readings.ts). They are
 * listed so that the register of ambiguities is complete: a reviewer sees
 * each discrepancy of the reading guide accounted for, either as a reading
 * the checker explores or as a slip with the reason no option is needed.
 */

export interface SlipInstance {
  /** Paragraph or table. */
  readonly where: string;
  /** What the text says (quoted). */
  readonly says: string;
  /** What it must mean. */
  readonly means: string;
  /** Who found it: the reading guide's table, or a later review of the text. */
  readonly foundBy: 'reading guide' | 'review';
}

export interface TextSlip {
  /** The reading guide's id (D1, D8). */
  readonly id: string;
  readonly title: string;
  readonly cites: readonly string[];
  /** The reading guide's wording of the conflict. */
  readonly conflict: string;
  readonly instances: readonly SlipInstance[];
  /** Why no reading of it changes the model's behaviour. */
  readonly whyNoOption: string;
}

export const TEXT_SLIPS: readonly TextSlip[] = [
  {
    id: 'D1',
    title: '"Online sync state ST5"',
    cites: ['[0066]'],
    conflict: 'ST5 is Online async',
    instances: [
      {
        where: '[0066]',
        says: '"In this case, both systems 100 and 100 are in \u201cOnline sync\u201d state ST5."',
        means: 'both systems are in Online async ST5',
        foundBy: 'reading guide',
      },
    ],
    whyNoOption:
      'Name and number disagree, but the number, the heading "1-5. Online Async State ST5" and the first sentence of [0066] ' +
      '("a temporary state to which the system is shifted ... in Online sync state ST4") all say the state entered is the one ' +
      'after Online sync, i.e. ST5. Reading "Online sync" would make the disagreement a no-op, which contradicts [0067], ' +
      '[0095] and FIG. 11. There is one state either way, so no model option.',
  },
  {
    id: 'D8',
    title: 'Slips of numeral or spelling',
    cites: ['[0031]', '[0055]', '[0050]', '[0064]', '[0061]', '[0042]', 'Table 4'],
    conflict: '"#0" for the other system, "CPU subsystem 111", "memory controller 112", "STB"/"SYB" modes',
    instances: [
      { where: '[0031]', says: '"the other (for example, #0 system)"', means: '#1 system', foundBy: 'reading guide' },
      { where: '[0055]', says: '"separates the CPU subsystem 111 in \u201cSTB\u201d mode"', means: 'CPU subsystem 110 in SBY mode', foundBy: 'reading guide' },
      { where: '[0050]', says: '"FT controller 130 and memory controller 112 of other system"', means: 'memory controller 113 (112 is the memory)', foundBy: 'reading guide' },
      { where: '[0064]', says: '"CPU subsystem 110 in \u201cSYB\u201d mode is set to Fault"', means: 'SBY mode', foundBy: 'reading guide' },
      { where: '[0061]', says: '"Only one CPU subsystem 110 becomes state S1"', means: 'state ST1 (Online divide); "S1" is also the name of a step of FIG. 7', foundBy: 'review' },
      { where: '[0042]', says: '"even if a disconnection between the both signals occurs"', means: 'a disagreement between the two signals (the sentence is about the comparison buffers)', foundBy: 'review' },
      { where: 'Table 4 heading', says: '"Inbound access from CPU subsystem to IO subsystem"', means: 'inbound access from IO subsystem to CPU subsystem (the column is "IO inbound request")', foundBy: 'review' },
    ],
    whyNoOption:
      'Each slip names a block or a mode that is unambiguous from the figure numerals ([0034]: memory 112, memory controller 113; ' +
      'FIG. 1: CPU subsystem 110) and from [0055], which defines only ACT and SBY. No sentence changes meaning once the ' +
      'numeral or spelling is corrected, so no option.',
  },
];

export function findSlip(id: string): TextSlip | undefined {
  return TEXT_SLIPS.find((s) => s.id === id);
}
