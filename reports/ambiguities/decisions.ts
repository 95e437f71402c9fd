/**
 * One short paragraph per register entry: what a designer of the FT
 * controller (or of the software it drives) must decide, in the terms of the
 * patent. Written by hand from the text; the report adds, after it, what the
 * explorer measured for each reading, so the paragraph does not repeat results.
 */

export const DECISIONS: Readonly<Record<string, string>> = {
  'D2-act-on-async-exit':
    'Confirm that the ACT system leaving Online async goes to Online ready and keeps the service, and correct [0067]. ' +
    'If it went offline as "Offline ready" suggests, no system would be online after the async exit until the ' +
    'resynchronization finished, so the one disagreement of FIG. 11 would interrupt the service.',
  'D4-act-when-sby-set':
    'Confirm that setting a system to SBY (T201) leaves the other system where it is, and correct [0084] to "#1 system remains in ' +
    'Offline divide". Read as written, the board controller would pull the ACT system out of Online divide, and FIG. 9 (T204: ' +
    '#0 from Online divide to Online ready) could not happen.',
  'D5-copy-direction':
    'Fix the direction of the duplication copy in Table 2: the copy source is the Online ready system providing the service ' +
    '(FIGS. 10-11, [0044]); the Recover offline system is the destination. Copying out of the standby would overwrite the ' +
    'storage of the system in service.',
  'D6-async-exit-trigger':
    'Specify which buffer ends Online async (the IO comparison buffers 131/132, the main-storage trace, or either) and at which ' +
    'mark (almost full, with how many entries in reserve, or full). The mark must leave room for what the ACT writes between ' +
    'the decision (T117) and the SMI (T118), and Table 1, [0062], [0067], [0072] and [0095] must then say the same.',
  'D7-table4-offline-rows':
    'Decide which of Offline and Recover offline accepts inbound requests only from a DMA/shared resource controller, and ' +
    'print Table 4 with separate rows. The copy into Recover offline needs the DMA path; [0071] also lets IO requests into ' +
    'Recover offline, so the restriction most likely belongs to Offline.',
  'S1-power-on-arbitration':
    'Specify how the board controllers of the systems agree on the one ACT at power-on ([0061]): an arbitration over the ' +
    'crosslink or a shared signal, and what happens when both systems are powered on at the same moment. Each board ' +
    'controller deciding from what it saw at its own power-on lets both become ACT.',
  'S2-mode-at-sync-reset':
    'State that the synchronization reset makes the copy source ACT and the destination SBY ([0090], [0098] describe it only ' +
    'for the figures, where the source is already ACT). Otherwise a system that was SBY at power-on and later became the only ' +
    'one in service could synchronize a partner and leave the pair with no ACT, or with two.',
  'S3-promotion-on-act-loss':
    'Specify that when the ACT system is separated the surviving system becomes ACT ([0035]: the other continues the ' +
    'service). The text never switches a mode after power-on; without a switch the system in service is SBY, and the ' +
    'next disagreement would separate the wrong system ([0055]).',
  'S4-survivor-state':
    'Specify the state of the system that remains when its partner is separated from Pre online sync, Online sync or ' +
    'Online async. Only an Online ready system can start the next synchronization ([0088]); a survivor left alone in ' +
    'a lock-step state can never be duplicated again.',
  'S5-act-failure-in-pre-online-sync':
    'Decide what "the system cannot set CPU subsystem 110 in ACT mode to Fault" ([0064]) means for an explicit failure of the ' +
    'ACT itself: is the failed ACT kept in service, or does the SBY (whose storage was just copied but not yet checked) take ' +
    'over? Keeping it contradicts [0035] and [0073].',
  'S6-act-failure-in-online-async':
    'Specify what happens when the ACT fails in Online async ([0067] covers only the SBY): the SBY, which ran on as if in ' +
    'synchronization but whose storage may have diverged, either takes over the service or leaves it too. The second ' +
    'loses the service after one failure that follows one disagreement.',
  'S7-io-disagreement':
    'Specify what an IO-access disagreement in Online sync does: run on through the comparison buffers in Online async ' +
    '([0042], [0062], [0072]), separate the SBY for a resynchronization at once, or isolate it. Table 1 defines Online async by ' +
    'a CPU-bus disagreement only.',
  'S8-trace-after-async-exit':
    'Specify when the main-storage access trace stops. The ACT keeps running and writing between leaving Online async (T117) ' +
    'and its SMI (T118); if those writes are not traced, the partial copy misses them and the memory check of Pre online ' +
    'sync finds the difference.',
  'S9-writes-during-full-copy':
    'Specify how the full copy (T106-T107) catches up with writes the source makes while copying: trace and re-copy them ' +
    'before the context copy, or stop the source first. [0089] runs the OS until T108, after the copy.',
  'S10-partial-copy-range':
    'Specify whose trace the partial copy covers. Both FT controllers trace in Online async; the SBY\u2019s own writes are ' +
    'differences too and must be overwritten from the ACT.',
  'S11-trace-overflow':
    'Specify what happens to a write when the trace memory is full: hold the CPU, or end Online async at once. A write that ' +
    'goes through untraced is missed by the partial copy.',
  'S12-cross-system-gate':
    'Specify that a cross-system access passes the access control of both FT controllers ([0033]), so that a Fault or Pre ' +
    'offline system is closed from outside as [0073] requires. Tables 3 and 4 give only the requester\u2019s row.',
  'S13-n3-copy-source':
    'For three or more systems ([0102]): decide how a system joins a pair already in Online sync. Only Online ready is ever a ' +
    'copy source in the text; either the running pair gives up duplication to integrate the third, or the ACT of Online ' +
    'sync may be the source and the new system joins in Pre online sync.',
  'S14-disagreement-during-split-check':
    'Specify the rule for a disagreement between the two memory checks (T115 and T211), when one system is in Pre online sync ' +
    'and the other in Online sync: the [0064] rule for the pair, or each system its own rule, which splits them between ' +
    'Pre online sync and Online async.',
  'S15-partial-copy-source':
    'Specify which system may resynchronize a Pre offline system with a partial copy: only its former partner, whose ' +
    'trace describes the difference, or any Online ready system (with three systems, or after the partner failed).',
  'D3-crosslink-loss':
    'Specify what the FT controller does when a crosslink fails. Table 2 ties the divide states to a disconnected ' +
    'crosslink, but no transition ever disconnects one. Without a rule, two systems in Online sync keep running as if ' +
    'in lock-step although nothing compares them any more, and their storage drifts apart; a copy in progress over the ' +
    'link hangs. The proposed rule: the SBY of a lock-step pair leaves for Offline divide, a system without any crosslink ' +
    'returns to a divide state, and a copy over the link is abandoned.',
  'S17-forced-isolation':
    'Specify which systems software may put in Fault without a detected failure ([0073]), and in particular whether the ' +
    'ACT of Pre online sync is exempt as [0064] says. If it may be isolated, the SBY, whose storage has not passed its ' +
    'memory check yet, is the only system left to take over.',
  'S16-trace-memory-sharing':
    'For three or more systems: specify whether the one main-storage trace of an FT controller ([0047]) can serve a pending ' +
    'resynchronization and a new synchronization at once. If not, the ACT must finish (or abandon) the partial copy it owes ' +
    'one partner before it starts copying to a third system; otherwise the new copy overwrites the difference information.',
  'S18-hang-detection':
    'Specify what detects a CPU subsystem or a DMA controller that stops responding in the middle of a sequence (no SMI ACK, ' +
    'no return to the OS, a copy that never finishes): a watchdog timeout that separates it like an explicit failure, or ' +
    'nothing. Without a detector every sequence of FIGS. 9-11 can wait forever; the progress properties show where.',
  'S19-disagreement-among-three':
    'For three or more systems: specify what a comparison disagreement does when two systems agree and one differs. ' +
    'Separating only the odd one keeps the others in Online sync; applying the two-system rule sends every SBY out and ' +
    'leaves the group simplex until the resynchronizations complete.',
  'S20-reset-fault-without-link':
    'Specify the state a Fault system enters on reset when its crosslink is not connected: Offline divide (so that Offline ' +
    'always means a crosslink is connected, as [0070] defines it) or Offline regardless. A designer of the software that ' +
    'starts a copy needs the state alone to tell whether a copy over the crosslink can begin.',
  'S21-takeover-choice':
    'For three or more systems: specify which SBY continues the service when the ACT is lost and several SBYs could: any ' +
    'of them (the software must then work whichever it is), or a fixed rule such as the lowest system number, which the ' +
    'board controllers must then agree on.',
};

export function decisionOf(id: string): string | undefined {
  return DECISIONS[id];
}
