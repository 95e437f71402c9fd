/**
 * Silent places the model currently decides one way, with no named reading:
 * the rest of the register. Each is a candidate for a new entry of
 * model/readings.ts (a reading needs model code, so none is explorable yet).
 * Listed in the report so that a reviewer sees every place where the model
 * had to choose, not only those the explorer can vary.
 */

export interface UnexploredAlternative {
  readonly name: string;
  /** What the model would do under it. */
  readonly means: string;
}

export interface UnexploredPlace {
  readonly id: string;
  readonly title: string;
  readonly cites: readonly string[];
  readonly quote: string;
  readonly question: string;
  /** What the model does today (its fixed choice), with the code that does it. */
  readonly modelDoes: string;
  readonly alternatives: readonly UnexploredAlternative[];
  /** What a reading would have to touch in the model. */
  readonly modelEffect: string;
}

export const UNEXPLORED: readonly UnexploredPlace[] = [
  {
    id: 'U1-copy-abandoned',
    title: 'A copy whose source or destination is separated',
    cites: ['[0044]', '[0071]', '[0073]', '[0088]-[0090]'],
    quote: '[0071] "a recover mode is set in order to enter duplication processing in which the main storage of the memory 112 is copied"',
    question: 'Nothing says what happens to a duplication (full or partial copy) when either end fails or is isolated part-way, nor in what state the destination is left.',
    modelDoes: 'The copy is abandoned; a source waiting in SMM returns to its OS; an orphaned Recover offline destination stays in ST8 and may be synchronized again by a full copy (FtModel.abortJobOf, syncStart).',
    alternatives: [
      { name: 'orphan-stays-recover-offline', means: 'as today' },
      { name: 'orphan-back-to-offline', means: 'the destination returns to Offline ST7 and must loop in BIOS again (T205) before a new synchronization' },
      { name: 'orphan-to-fault', means: 'the destination is isolated (Fault) and needs the [0070] reset' },
    ],
    modelEffect: 'abortJobOf: set the destination\'s FT state (new FT event) instead of leaving ST8; syncStart: drop the ST8 case.',
  },
  {
    id: 'U2-disagreement-in-online-async',
    title: 'A second disagreement while already in Online async',
    cites: ['[0066]', '[0067]', '[0042]'],
    quote: '[0066] "The systems in this state behave as if they were still in synchronization."',
    question: 'If the systems behave as if synchronized, does a further CPU-bus or IO disagreement in ST5 do anything (restart the trace, end ST5 at once, isolate the SBY)?',
    modelDoes: 'Nothing: the disagreement actions are disabled while any system is in ST5 (FtModel.disagreement returns).',
    alternatives: [
      { name: 'ignored', means: 'as today: a disagreement in ST5 is not an event' },
      { name: 'ends-async', means: 'a second disagreement ends Online async at once (ACT to Online ready, SBY to Pre offline)' },
      { name: 'isolates-sby', means: 'a second disagreement sets the SBY to Fault (the pair is not recoverable by partial copy)' },
    ],
    modelEffect: 'disagreement(): allow ST5 members; a new FT event for ST5; a new failure-budget use.',
  },
  {
    id: 'U3-almost-full-threshold',
    title: 'The "almost full" threshold',
    cites: ['[0062]', '[0072]', 'Table 1'],
    quote: '[0062] "exceeds a predetermined threshold and becomes \u201cAlmost Full\u201d"',
    question: 'The threshold is "predetermined" but never given. How far before full is "almost full", and may it be zero slots (exit at once) for a small buffer?',
    modelDoes: 'Almost full is one entry short of the capacity (hw/ft-trace.ts almostFull: count >= capacity - 1); with T = 1 or B = 1 that is reached at once.',
    alternatives: [
      { name: 'one-short', means: 'as today' },
      { name: 'k-short', means: 'a parameter K of slots kept in reserve (K < capacity), so the explorer can show which K leaves room for the writes between T117 and T118' },
    ],
    modelEffect: 'almostFull() takes the reserve K from Params; a new size parameter rather than a reading.',
  },
  {
    id: 'U6-mode-after-repair',
    title: 'The mode of a system reset out of Fault',
    cites: ['[0070]', '[0055]', '[0064]'],
    quote: '[0070] "Further, this is a state after reset has been applied to CPU subsystem 110 in \u201cFault\u201d state"',
    question: 'The reset of a Fault system returns it to Offline; nothing says whether it keeps its old mode (a failed ACT would be an offline ACT) or loses it until the next synchronization reset or board-controller setting.',
    modelDoes: 'The mode is kept (repair-reset: ST10 -> ST7 with the same mode). It only matters under S2 keep-modes, where a repaired former ACT comes back online as a second ACT.',
    alternatives: [
      { name: 'keep-mode', means: 'as today' },
      { name: 'clear-mode', means: 'the reset clears the mode; the synchronization reset or the board controller sets it again' },
      { name: 'becomes-sby', means: 'the reset sets SBY: an offline system is never ACT' },
    ],
    modelEffect: 'ftStep repair-reset: mode NONE or SBY.',
  },
  {
    id: 'U7-smi-ack-never-returned',
    title: 'A CPU that never returns SMI ACK',
    cites: ['[0071]', '[0072]', 'Table 2 Pre offline'],
    quote: '[0072] "this state ST9 is continued until SMI ACK has been returned from all CPUs 111"',
    question: 'If a CPU of the SBY hangs and never acknowledges the SMI, ST9 lasts forever. Is there a timeout, and where does it lead (Fault)?',
    modelDoes: 'Every SBY CPU eventually acknowledges (smi_ack is always enabled in ST9 with the CPU in OS); no hang is modelled.',
    alternatives: [
      { name: 'always-acks', means: 'as today' },
      { name: 'timeout-to-fault', means: 'an injected hang; after it, a timeout moves the system to Fault' },
      { name: 'wait-forever', means: 'an injected hang and no timeout: the pair stays split until a reset' },
    ],
    modelEffect: 'a new injected action smi_hang(#i) and, per reading, a timeout action.',
  },
  {
    id: 'U8-n3-disagreement-voting',
    title: 'A disagreement among three systems in Online sync ([0102])',
    cites: ['[0102]', '[0055]', '[0066]'],
    quote: '[0055] "In the case where the FT controller 130 cannot identify a specific error location, as in the case where a disagreement occurs in the comparison, it continues providing a service using the CPU subsystem 110 in \u201cACT\u201d mode"',
    question: 'With three systems a disagreement between two of them is attributable by majority. Do all three go to Online async, or is the odd one out separated?',
    modelDoes: 'Every system in Online sync goes to Online async together; at the exit the ACT goes to Online ready and every SBY to Pre offline, and they are resynchronized one at a time.',
    alternatives: [
      { name: 'all-async', means: 'as today' },
      { name: 'majority-vote', means: 'the system that disagrees with the other two goes to Pre offline (or Fault); the other two stay in Online sync' },
    ],
    modelEffect: 'disagreement(): choose the odd system (a new label per system) when N = 3.',
  },
  {
    id: 'U9-one-copy-at-a-time',
    title: 'How many copies run at once ([0102])',
    cites: ['[0036]', '[0044]', '[0102]'],
    quote: '[0044] "copy all of or a part of the contents of the main storage area ... to the main storage area of the memory 112 in the CPU subsystem 110 that is being in a standby state"',
    question: 'With three systems two may need a copy at the same time; each system has its own DMA controller 122. May two copies run at once, and may one source feed two destinations?',
    modelDoes: 'One global DMA job at a time (JOB, JOB_SRC, JOB_DST are global fields).',
    alternatives: [
      { name: 'one-at-a-time', means: 'as today' },
      { name: 'one-per-source', means: 'each system\u2019s DMA controller runs its own job' },
    ],
    modelEffect: 'layout: the job fields per system instead of global; every DMA action indexed by source.',
  },
  {
    id: 'U10-act-failure-during-resync',
    title: 'Failure of the ACT while its partner waits for the resynchronization',
    cites: ['[0035]', '[0072]', '[0096]-[0098]'],
    quote: '[0072] "At this time point, duplication between the systems is released."',
    question: 'Between T117 and T122 the SBY is in Pre offline or Recover offline with storage that differs only by the traced pages. If the ACT fails then, is the service lost, or may the SBY, once its copy and context are complete, take over?',
    modelDoes: 'The service is lost: the copy is abandoned and the partner stays offline (service-continuity excuses it: the disagreement and the failure are two injected faults).',
    alternatives: [
      { name: 'service-lost', means: 'as today' },
      { name: 'complete-copy-takes-over', means: 'a destination that already holds the context (after T121) becomes Online ready ACT' },
    ],
    modelEffect: 'cpuFail(): when the source of a job whose context was copied fails, move the destination to ST2 and promote it.',
  },
  {
    id: 'U11-crosslink-before-mode',
    title: 'Crosslink connected before the board controller sets the mode',
    cites: ['[0083]-[0085]', 'FIG. 9'],
    quote: '[0085] "Next, both systems are connected to each other by the crosslinks 140 and 140 (T204)."',
    question: 'FIG. 9 connects the crosslinks after T101/T201. Nothing rules out an earlier connection; a system in Offline divide without a mode would then go to Offline without one.',
    modelDoes: 'The crosslink waits until every Offline divide end has a mode (readyForLink).',
    alternatives: [
      { name: 'after-mode', means: 'as today (the order of FIG. 9)' },
      { name: 'any-time', means: 'the crosslink may connect as soon as both ends are powered' },
    ],
    modelEffect: 'readyForLink(): accept ST6 without mode; setMode must then also run in ST7.',
  },
  {
    id: 'U12-storage-after-separation',
    title: 'What the main storage of a separated system holds',
    cites: ['[0044]', '[0045]', '[0070]'],
    quote: '[0045] "If the contents are not copied across the entire main storage area of the memory 112, the duplication operation ... cannot be guaranteed."',
    question: 'A system that goes to Fault or Offline keeps whatever its memory held; only a full copy makes it usable again. May a later partial copy rely on it?',
    modelDoes: 'Pages are cleared on entry to ST7 and ST10 (FtModel.emit), so stale data can never pass a memory check by chance; only a full copy follows.',
    alternatives: [
      { name: 'cleared', means: 'as today (an abstraction)' },
      { name: 'stale-kept', means: 'pages keep their values, so the explorer can show whether anything relies on stale storage' },
    ],
    modelEffect: 'emit(): drop the clearing; the state space grows.',
  },
];
