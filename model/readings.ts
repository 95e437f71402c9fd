/**
 * The readings of ambiguous or silent text. Each entry is a place where the
 * patent can be read more than one way (D1-D8 of the reading guide) or says
 * nothing and a product model must still do something (S-entries). The model
 * takes a named reading for each instead of choosing silently; the ambiguity
 * explorer enumerates them.
 */
import type { BlockReadings } from '../hw/choices.js';

export interface ReadingOption {
  readonly name: string;
  /** What the model does under this reading. */
  readonly means: string;
}

export interface AmbiguityEntry {
  readonly id: string;
  readonly title: string;
  /** Paragraphs or tables the entry rests on. */
  readonly cites: readonly string[];
  /** A short quote of the text at issue. */
  readonly quote: string;
  /** What is ambiguous or silent. */
  readonly question: string;
  readonly options: readonly ReadingOption[];
  readonly defaultReading: string;
  /** Why the default; "proposed amendment" when the default is not what the text literally says. */
  readonly why: string;
  /** true when the default is a reading the project proposes rather than the literal text. */
  readonly proposedAmendment: boolean;
}

export const AMBIGUITIES = [
  {
    id: 'D2-act-on-async-exit',
    title: 'Where the ACT system goes when it leaves Online async',
    cites: ['[0067]', '[0062]', '[0072]', '[0095]', 'Table 1'],
    quote: '[0067] "CPU subsystem 110 in ACT mode is shifted to \u201cOffline ready\u201d state"',
    question: 'There is no "Offline ready" state. Table 1, [0062], [0072] and [0095] say Online ready (ST2); the nearest state named "Offline" is ST7.',
    options: [
      { name: 'online-ready', means: 'the ACT system goes to Online ready ST2 and keeps the service (Table 1, [0062], [0072], [0095])' },
      { name: 'offline', means: 'the ACT system goes to Offline ST7, as if "Offline ready" meant the Offline state' },
    ],
    defaultReading: 'online-ready',
    why: 'Four passages and FIG. 11 agree on Online ready; [0067] is a slip.',
    proposedAmendment: false,
  },
  {
    id: 'D4-act-when-sby-set',
    title: 'State of #0 when the board controller sets #1 to SBY',
    cites: ['[0083]', '[0084]'],
    quote: '[0084] "#0 system remains in \u201cOffline divide\u201d state ST6"',
    question: '#0 entered Online divide at T101 ([0083]); read literally, setting #1 to SBY leaves (puts) #0 in Offline divide.',
    options: [
      { name: 'slip-for-#1', means: 'setting SBY leaves the other systems alone; the sentence means #1 remains in ST6' },
      { name: 'as-written', means: 'setting a system to SBY puts every system in Online divide back to Offline divide' },
    ],
    defaultReading: 'slip-for-#1',
    why: '[0083] and FIG. 9 (T204: #0 goes from Online divide to Online ready) need #0 in ST1.',
    proposedAmendment: false,
  },
  {
    id: 'D5-copy-direction',
    title: 'Which side of a duplication copy is the source',
    cites: ['Table 2', '[0044]', '[0089]', '[0097]'],
    quote: 'Table 2, Recover offline: "System in this state serves as copy source at duplication time"',
    question: 'FIGS. 10-11 and [0044] copy from the system providing service (Online ready) to the one in standby (Recover offline).',
    options: [
      { name: 'to-recover-offline', means: 'the DMA copies main storage from the Online ready system into the Recover offline system' },
      { name: 'from-recover-offline', means: 'as Table 2 says: the Recover offline system is the copy source' },
    ],
    defaultReading: 'to-recover-offline',
    why: '[0044], [0089], [0097] and both timing charts copy into the standby system.',
    proposedAmendment: false,
  },
  {
    id: 'D6-async-exit-trigger',
    title: 'What ends Online async',
    cites: ['Table 1', '[0062]', '[0067]', '[0072]', '[0095]'],
    quote: 'Table 1: "when comparison buffer or memory for tracing main storage becomes \u201cfull\u201d or \u201calmost full\u201d"; [0067]: "IO access buffer becomes \u201cFull\u201d or the size of the main storage access trace reaches the upper limit"',
    question: 'Almost full or full, and of which buffer: the IO comparison buffer 131/132, the trace memory, or either.',
    options: [
      { name: 'almost-full', means: 'leave Online async once the trace memory or the IO comparison buffer is almost full (one slot left)' },
      { name: 'full', means: 'leave Online async only when the IO comparison buffer is full or the trace reaches its upper limit ([0067])' },
      { name: 'trace-almost-full', means: 'only the trace memory counts, at almost full ([0072], [0095], FIG. 11); the IO buffer never triggers the exit' },
    ],
    defaultReading: 'almost-full',
    why: 'Table 1 names both buffers and both marks; taking the earliest mark keeps a slot in reserve.',
    proposedAmendment: false,
  },
  {
    id: 'D7-table4-offline-rows',
    title: 'Which of Offline / Recover offline restricts inbound requests',
    cites: ['Table 4', 'Table 2', '[0071]'],
    quote: 'Table 4: "Recover offline \u25cb Offline \u0394 (Source = only DMA/shared resource controller)"',
    question: 'The two rows are run together by the OCR; either row may carry the restriction.',
    options: [
      { name: 'offline-restricted', means: 'Offline: inbound only from a DMA/shared resource controller; Recover offline: accessible ([0071])' },
      { name: 'recover-restricted', means: 'Recover offline: inbound only from a DMA/shared resource controller; Offline: accessible' },
    ],
    defaultReading: 'offline-restricted',
    why: '[0071] says a Recover offline system accepts "an access request from IO subsystem 120".',
    proposedAmendment: false,
  },
  {
    id: 'S1-power-on-arbitration',
    title: 'Who decides that the first powered-on system is ACT',
    cites: ['[0061]', '[0083]', '[0084]'],
    quote: '[0061] "Only one CPU subsystem 110 becomes state S1 in the fault tolerant system."',
    question: 'The board controller sets ACT or SBY, but the text does not say how two systems powered on together agree.',
    options: [
      { name: 'arbitrated', means: 'the decision is atomic across systems: a system is set ACT only if no other system holds ACT' },
      { name: 'snapshot-at-power-on', means: "each board controller looks at the partner at its own power-on and sets ACT if no partner held ACT then" },
    ],
    defaultReading: 'arbitrated',
    why: '[0061] requires one Online divide system; only an arbitrated decision guarantees it.',
    proposedAmendment: true,
  },
  {
    id: 'S2-mode-at-sync-reset',
    title: 'Modes after a synchronization reset',
    cites: ['[0090]', '[0098]', '[0055]'],
    quote: '[0090] "At this time, #0 system operates in \u201cACT\u201d mode, and #1 system operates in \u201cSBY\u201d mode."',
    question: 'In the figures the copy source happens to be ACT already. Is the mode assigned by the synchronization reset, or kept from the board controller?',
    options: [
      { name: 'source-becomes-act', means: 'the synchronization reset makes the copy source ACT and the destination SBY' },
      { name: 'keep-modes', means: 'modes stay as the board controller set them at power-on' },
    ],
    defaultReading: 'source-becomes-act',
    why: 'The source is the system providing the service, which is what ACT means in [0055].',
    proposedAmendment: true,
  },
  {
    id: 'S3-promotion-on-act-loss',
    title: 'Does an SBY system become ACT when the ACT system is separated',
    cites: ['[0035]', '[0055]', '[0065]'],
    quote: '[0035] "the other CPU subsystem 110 that performs the same operation continue providing the service without interruption"',
    question: 'The text never switches a mode after power-on, yet the survivor of an ACT failure is the only system providing service.',
    options: [
      { name: 'promote', means: 'when the ACT system is separated, the surviving online SBY system becomes ACT' },
      { name: 'keep-sby', means: 'modes never change: the survivor stays SBY' },
    ],
    defaultReading: 'promote',
    why: 'ACT is the mode of the system that keeps the service ([0055]).',
    proposedAmendment: true,
  },
  {
    id: 'S4-survivor-state',
    title: 'State of the survivor when its partner is separated',
    cites: ['[0065]', '[0064]', '[0067]', '[0088]'],
    quote: '[0065] "if a failure occurs, a function of separating the faulty system becomes effective"',
    question: 'The faulty system goes to Fault; the text never says what state the survivor takes, and only Online ready can be a copy source for the next synchronization ([0088]).',
    options: [
      { name: 'online-ready', means: 'a system left alone in Pre online sync, Online sync or Online async goes to Online ready ST2' },
      { name: 'stay', means: 'the survivor stays in its state (alone in Online sync, Pre online sync or Online async)' },
    ],
    defaultReading: 'online-ready',
    why: 'Only Online ready can start the next synchronization; staying would make redundancy unrecoverable.',
    proposedAmendment: true,
  },
  {
    id: 'S5-act-failure-in-pre-online-sync',
    title: 'Failure of the ACT system in Pre online sync',
    cites: ['[0064]', '[0073]', '[0035]'],
    quote: '[0064] "the system cannot set CPU subsystem 110 in \u201cACT\u201d mode to Fault irrespective of whether a failure occurs in own system or other system"',
    question: 'Read literally, a failed ACT stays online in Pre online sync and the healthy SBY is set to Fault.',
    options: [
      { name: 'separate-failed-act', means: 'the failed ACT goes to Fault; the SBY (memory just copied) takes over' },
      { name: 'literal', means: 'the SBY is set to Fault and the failed ACT stays in service' },
    ],
    defaultReading: 'separate-failed-act',
    why: 'Keeping a CPU subsystem known to have failed in service contradicts [0035] and [0073].',
    proposedAmendment: true,
  },
  {
    id: 'S6-act-failure-in-online-async',
    title: 'Failure of the ACT system in Online async',
    cites: ['[0066]', '[0067]'],
    quote: '[0067] "When the error detection detects a failure in CPU subsystem 110 in \u201cSBY\u201d mode, the failed CPU subsystem 110 is shifted to \u201cFault\u201d state"',
    question: 'Only the SBY failure is covered. If the ACT fails, the SBY has run on in Online async ("as if ... still in synchronization", [0066]).',
    options: [
      { name: 'sby-takes-over', means: 'the failed ACT goes to Fault; the SBY takes over the service' },
      { name: 'sby-leaves-too', means: 'the failed ACT goes to Fault; the SBY, whose storage diverged, goes to Pre offline' },
    ],
    defaultReading: 'sby-takes-over',
    why: '[0066] says failures in Online async are handled as in synchronization, i.e. the faulty part alone is separated.',
    proposedAmendment: true,
  },
  {
    id: 'S7-io-disagreement',
    title: 'What an IO-access disagreement does',
    cites: ['[0042]', '[0062]', '[0072]', '[0055]'],
    quote: '[0042] "the FT controller 130 ... disconnects one of the CPU subsystems ... it is possible to continue the operations ... as far as the capacities of the buffers 131 and 132 permit"',
    question: 'Online async is defined by a CPU-bus disagreement, but [0062] and [0072] also trace after an IO-access disagreement.',
    options: [
      { name: 'async', means: 'both systems go to Online async and run on while the comparison buffers have room' },
      { name: 'separate-sby', means: 'the SBY is separated at once for resynchronization: ACT to Online ready, SBY to Pre offline' },
      { name: 'fault-sby', means: 'the SBY is disconnected at once and goes to Fault' },
    ],
    defaultReading: 'async',
    why: '[0042] and [0062] describe running on through the buffers and tracing after IO disagreements.',
    proposedAmendment: false,
  },
  {
    id: 'S8-trace-after-async-exit',
    title: 'Does the ACT keep tracing after it leaves Online async',
    cites: ['[0045]', '[0047]', '[0067]', '[0095]', '[0096]'],
    quote: '[0067] "When the disagreement occurs ..., operation according to the main storage access trace function is started."',
    question: 'Nothing says when the trace stops. Between leaving Online async (T117) and its SMI (T118) the ACT keeps running and writing.',
    options: [
      { name: 'until-resync', means: 'the ACT keeps tracing in Online ready until the partial copy is done, and the copy covers those writes' },
      { name: 'online-async-only', means: 'the trace runs only in Online async; writes after T117 are not traced' },
    ],
    defaultReading: 'until-resync',
    why: 'The partial copy must cover every difference ([0045]); writes after T117 are differences too.',
    proposedAmendment: true,
  },
  {
    id: 'S9-writes-during-full-copy',
    title: 'Writes by the copy source during a full copy',
    cites: ['[0045]', '[0089]'],
    quote: '[0089] "the DMA controller starts copying the memory (T106). When this copying operation has been completed (T107), SMI BIOS is used ..."',
    question: 'The source runs its OS until the SMI at T108, after the copy: pages it writes after they were copied differ.',
    options: [
      { name: 'traced-and-recopied', means: 'writes of the source during the copy are traced and re-copied before the context copy' },
      { name: 'single-pass', means: 'the copy is one pass over memory; later writes are not copied' },
    ],
    defaultReading: 'traced-and-recopied',
    why: '[0045]: a copy that is not complete cannot guarantee duplication.',
    proposedAmendment: true,
  },
  {
    id: 'S10-partial-copy-range',
    title: 'Which traced pages the partial copy covers',
    cites: ['[0045]', '[0047]', '[0097]'],
    quote: '[0047] "obtaining difference information of the main storage contents between the memory 112 of own system and memory 112 of other system"',
    question: 'Both FT controllers trace in Online async. The copy may take the source\u2019s trace alone or both.',
    options: [
      { name: 'both-traces', means: 'the partial copy covers pages traced by either system' },
      { name: 'source-trace', means: 'the partial copy covers only the pages the source (ACT) traced' },
    ],
    defaultReading: 'both-traces',
    why: 'The difference between two memories is written by either side.',
    proposedAmendment: false,
  },
  {
    id: 'S11-trace-overflow',
    title: 'A write when the trace memory is full',
    cites: ['[0042]', '[0062]', '[0067]'],
    quote: '[0067] "the size of the main storage access trace reaches the upper limit"',
    question: 'Nothing says what happens to a write that cannot be traced.',
    options: [
      { name: 'stall', means: 'the write waits until the trace is consumed (the CPU is held)' },
      { name: 'untraced', means: 'the write goes through untraced' },
    ],
    defaultReading: 'stall',
    why: 'An untraced write makes the difference information incomplete.',
    proposedAmendment: true,
  },
  {
    id: 'S12-cross-system-gate',
    title: 'Whose state gates a cross-system access',
    cites: ['[0033]', '[0073]', 'Table 3', 'Table 4'],
    quote: '[0073] "In this state ST10, access is impossible from the inside and outside of the system."',
    question: 'A cross-system access passes the FT controllers of both systems ([0033]); Tables 3-4 give only the requester\u2019s row.',
    options: [
      { name: 'both-controllers', means: 'a cross-system access must pass the rows of both the requesting and the target system' },
      { name: 'requester-only', means: 'only the requesting system\u2019s row applies' },
    ],
    defaultReading: 'both-controllers',
    why: '[0033] routes the access through both FT controllers and [0073] closes Fault from outside.',
    proposedAmendment: false,
  },
  {
    id: 'S13-n3-copy-source',
    title: 'Integrating a third system while two run in Online sync ([0102])',
    cites: ['[0102]', '[0088]', '[0090]'],
    quote: '[0102] "the present invention can be applied also to a triplicated or more multiplexed computer system"',
    question: 'Only an Online ready system is ever a copy source; with three systems the running pair is in Online sync, so read literally a third system can never join it and three systems never run in Online sync together.',
    options: [
      {
        name: 'online-sync-group',
        means: 'the ACT of a running Online sync group may be the copy source; the group copies and enters SMM together, and the synchronization reset sends every member and the destination to Pre online sync (the ACT stays ACT, the others SBY), each then passing its memory check; a disagreement in the group abandons the copy',
      },
      { name: 'online-ready-only', means: 'literal: the copy source must be in Online ready, as in FIGS. 10-11 (three systems never reach Online sync together)' },
      { name: 'act-in-online-sync', means: 'the ACT of a running Online sync group may be a copy source while the group stays in Online sync; only the destination enters Pre online sync' },
    ],
    defaultReading: 'online-sync-group',
    why: '[0102] applies the invention to a triplicated system, which must be able to run with all three in Online sync; FIG. 10 generalised: the running group is the source and the synchronization reset applies to every system it involves ([0090]). Under the literal reading, a third system can never join, and properties about full duplication are vacuous at N = 3.',
    proposedAmendment: true,
  },
  {
    id: 'S14-disagreement-during-split-check',
    title: 'A disagreement while one system is in Pre online sync and its partner already in Online sync',
    cites: ['[0064]', '[0066]', '[0091]', '[0092]'],
    quote: '[0091]-[0092]: each system goes from Pre online sync to Online sync "when completing the memory check"',
    question: 'The two memory checks complete one after the other; a disagreement between them meets one system under the ST3 rule ([0064]) and the other under the ST4 rule ([0066]).',
    options: [
      { name: 'pair-still-pre-online-sync', means: 'until both checks are done the pair counts as Pre online sync: the SBY goes to Fault, the ACT keeps the service' },
      { name: 'each-own-state', means: 'each system applies the rule of its own state: the Online sync one goes to Online async, the Pre online sync one stays' },
    ],
    defaultReading: 'pair-still-pre-online-sync',
    why: 'Applying both rules at once leaves the pair split between ST3 and ST5, from which nothing leads back to duplication.',
    proposedAmendment: true,
  },
  {
    id: 'S15-partial-copy-source',
    title: 'Which system may resynchronize a Pre offline system with a partial copy',
    cites: ['[0045]', '[0096]', '[0097]', '[0102]'],
    quote: '[0045] "A use of the difference information can reduce the amount of the main storage contents ... to be copied"',
    question: 'The traced difference is between the two systems that disagreed. With three systems, or after the old partner failed, another Online ready system may be there to copy from.',
    options: [
      { name: 'former-partner', means: 'a partial copy only from the system it was duplicated with when the disagreement came; otherwise a full copy' },
      { name: 'any-online-ready', means: 'any Online ready system may do the partial copy' },
    ],
    defaultReading: 'former-partner',
    why: 'The difference information describes one pair of memories; copying it from another system leaves the rest different.',
    proposedAmendment: true,
  },
  {
    id: 'S16-trace-memory-sharing',
    title: 'One trace memory for a pending resynchronization and a new synchronization (N = 3)',
    cites: ['[0047]', '[0045]', '[0088]', '[0102]'],
    quote: '[0047] the FT controller has "a function ... of tracing the access operation made to the main storage"',
    question: 'With three systems the ACT may owe one partner a partial copy (its trace holds their difference) while a third system asks for synchronization, whose copy also needs the trace.',
    options: [
      { name: 'finish-resync-first', means: 'a system that owes a partner a partial copy starts no other synchronization until that copy is done or abandoned' },
      { name: 'concurrent', means: 'nothing orders them: the new synchronization reuses the trace memory' },
    ],
    defaultReading: 'finish-resync-first',
    why: 'Restarting the trace for the new copy erases the difference the pending partial copy needs.',
    proposedAmendment: true,
  },
  {
    id: 'D3-crosslink-loss',
    title: 'What the loss of a crosslink does',
    cites: ['Table 2', '[0033]', '[0062]', '[0070]'],
    quote: 'Table 2, Online divide: "Crosslink is disconnected in “Offline ready” state"',
    question: 'The text only ever connects crosslinks; Table 2 ties the divide states to a disconnected crosslink. A crosslink that fails in Online ready, Online sync or during a copy is never handled.',
    options: [
      { name: 'back-to-divide', means: 'a system left without any crosslink returns to a divide state (online -> Online divide, offline -> Offline divide); a lock-step pair that loses its link keeps the ACT and sends the SBY to Offline divide; a copy over the link is abandoned' },
      { name: 'states-unchanged', means: 'states stay as they are; each side simply runs on without the other (cross-system requests fail)' },
    ],
    defaultReading: 'back-to-divide',
    why: 'Table 2 names a disconnected crosslink as what makes Online divide; without a rule, two systems in Online sync run apart unchecked.',
    proposedAmendment: true,
  },
  {
    id: 'S17-forced-isolation',
    title: 'Which systems software may compulsorily isolate',
    cites: ['[0073]', '[0064]', '[0052]'],
    quote: '[0073] "a state where being compulsorily isolated from software for separation of CPU subsystem 110"',
    question: 'Software may put a CPU subsystem in Fault without a detected failure; [0064] says the ACT in Pre online sync "cannot" be set to Fault.',
    options: [
      { name: 'not-pre-online-sync-act', means: 'software may isolate any powered system except the ACT in Pre online sync ([0064] prevails)' },
      { name: 'any-system', means: 'software may isolate any powered system, the ACT in Pre online sync included ([0073] prevails)' },
    ],
    defaultReading: 'not-pre-online-sync-act',
    why: 'The specific rule of [0064] is read as an exception to the general [0073].',
    proposedAmendment: false,
  },
  {
    id: 'S18-hang-detection',
    title: 'What detects a CPU subsystem or DMA controller that stops responding',
    cites: ['[0052]', '[0065]', '[0071]', '[0089]'],
    quote: '[0052] "The separation (state transition) of the subsystems 110 and 120 at the time of error detection is promptly done by hardware"',
    question: 'The text detects failures and disagreements, but never says what happens when a CPU stops responding part-way (no SMI ACK, no return to the OS) or the DMA controller stops in the middle of a copy: each sequence of FIGS. 9-11 waits for the next event.',
    options: [
      { name: 'watchdog', means: 'a timeout detects the hang: a hung CPU subsystem is separated as for an explicit failure, a hung DMA controller abandons its copy and recovers' },
      { name: 'undetected', means: 'nothing detects it: the hung part never answers and the sequence waiting for it never goes on' },
    ],
    defaultReading: 'watchdog',
    why: 'A fault-tolerant controller must not wait forever on a hung part; the patent names no timeout, so this is an amendment the ambiguity explorer shows the need for (liveness properties fail under undetected).',
    proposedAmendment: true,
  },
  {
    id: 'S19-disagreement-among-three',
    title: 'A disagreement in a group of three or more systems in Online sync ([0102])',
    cites: ['[0055]', 'Table 1', '[0066]', '[0102]'],
    quote: '[0055] "In the case where the FT controller 130 cannot identify a specific error location, as in the case where a disagreement occurs in the comparison, it continues providing a service using the CPU subsystem 110 in \u201cACT\u201d mode and separates the CPU subsystem 111 in \u201cSTB\u201d mode"',
    question: 'With two systems a disagreement cannot say which one erred. With three, two agree: Table 1 separates the SBY only "if there are no other factors that specify failure", and a majority is such a factor. Read literally, every SBY leaves on a disagreement.',
    options: [
      { name: 'majority', means: 'the one system that disagreed with the other two leaves for Pre offline (and is synchronized again by a full copy); the other two stay in Online sync; an outvoted ACT hands the service to a promoted SBY' },
      { name: 'every-sby-out', means: 'as with two systems: all go to Online async, then the ACT to Online ready and every SBY to Pre offline' },
    ],
    defaultReading: 'majority',
    why: 'Separating both SBYs of a triplicated system on one disagreement leaves it simplex: one more failure then stops the service after two failures of three systems (service-continuity fails at N = 3, F = 2). A majority locates the error, which is what Table 1 allows.',
    proposedAmendment: true,
  },
  {
    id: 'S20-reset-fault-without-link',
    title: 'Where a Fault system goes when it is reset with no crosslink connected',
    cites: ['[0069]', '[0070]', 'Table 2'],
    quote: '[0070] "This is a progression of \u201cOffline divide\u201d state ST6, where connection of the crosslink 140 is established. Further, this is a state after reset has been applied to CPU subsystem 110 in \u201cFault\u201d state"',
    question: 'Offline ST7 is defined as Offline divide with the crosslink connected, and also as the state after the reset of a Fault system. A Fault system may have lost its crosslink: read literally, it is then in Offline without a crosslink, a state the first sentence rules out.',
    options: [
      { name: 'offline-divide', means: 'the reset system enters Offline when a crosslink is connected, Offline divide otherwise (and Offline once the link is connected)' },
      { name: 'offline', means: 'the reset system always enters Offline, with or without a crosslink' },
    ],
    defaultReading: 'offline-divide',
    why: 'Keeps Table 2 exact (Offline always has a crosslink), so the state says whether a copy over the crosslink can start; with the literal reading an Offline system may have none, and a link loss in Offline may or may not lead to Offline divide without any difference a property could name.',
    proposedAmendment: true,
  },
  {
    id: 'S21-takeover-choice',
    title: 'Which SBY takes over when the ACT of three or more systems is lost ([0102])',
    cites: ['[0035]', '[0055]', '[0064]', '[0102]'],
    quote: '[0035] "the other CPU subsystem 110 that performs the same operation continue providing the service without interruption"',
    question: 'With two systems one SBY is left to take over. With three, two SBYs may survive the ACT (both in Online sync, or both in Pre online sync, where all but one are sent to Fault); the text never says which one continues the service.',
    options: [
      { name: 'any-sby', means: 'any one of the SBYs able to take over may be the one: the model checks every choice' },
      { name: 'lowest-index', means: 'the SBY with the lowest system number takes over (one fixed implementation; the systems are then no longer interchangeable)' },
    ],
    defaultReading: 'any-sby',
    why: 'The text is silent; checking every choice covers every implementation, a fixed rule only one, and a rule by system number is the only thing in the model that would tell identical systems apart.',
    proposedAmendment: false,
  },
] as const satisfies readonly AmbiguityEntry[];

export type AmbiguityId = (typeof AMBIGUITIES)[number]['id'];
type EntryById<I extends AmbiguityId> = Extract<(typeof AMBIGUITIES)[number], { id: I }>;
export type ReadingName<I extends AmbiguityId> = EntryById<I>['options'][number]['name'];

/** One reading chosen for every entry. */
export type Readings = { readonly [I in AmbiguityId]: ReadingName<I> };

export function defaultReadings(): Readings {
  const r: Record<string, string> = {};
  for (const e of AMBIGUITIES) r[e.id] = e.defaultReading;
  return r as Readings;
}

export function findAmbiguity(id: string): AmbiguityEntry | undefined {
  return (AMBIGUITIES as readonly AmbiguityEntry[]).find((e) => e.id === id);
}

/** Applies `ID=NAME` overrides; returns an error message instead of throwing. */
export function withReadings(base: Readings, overrides: Record<string, string>): Readings | { error: string } {
  const r: Record<string, string> = { ...base };
  for (const [id, name] of Object.entries(overrides)) {
    const entry = findAmbiguity(id);
    if (!entry) return { error: `unknown reading '${id}' (see 'ftcheck readings')` };
    if (!entry.options.some((o) => o.name === name)) {
      return { error: `reading ${id} has no option '${name}' (options: ${entry.options.map((o) => o.name).join(', ')})` };
    }
    r[id] = name;
  }
  return r as Readings;
}

/** Readings that differ from the defaults, as `ID=NAME` strings. */
export function nonDefaultReadings(r: Readings): string[] {
  return AMBIGUITIES.filter((e) => r[e.id] !== e.defaultReading).map((e) => `${e.id}=${r[e.id]}`);
}

/** Compile-time check: the register provides every reading the blocks of hw/ depend on, with the same options. */
type SameOptions<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type EachBlockReading = { [K in keyof BlockReadings]: K extends keyof Readings ? SameOptions<BlockReadings[K], Readings[K]> : false }[keyof BlockReadings];
export const REGISTER_COVERS_BLOCKS: false extends EachBlockReading ? never : true = true;
