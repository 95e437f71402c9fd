/**
 * Why a surviving mutant is something no property over this model can see,
 * by mutant id pattern. A survivor without an entry here is a gap of the
 * catalogue (the report says "not explained yet"). Each entry was written
 * from the mutant's first difference (difference.ts) on the N = 2 defaults.
 */
import type { Mutant } from '../../model/mutants.js';

interface Explanation {
  readonly match: RegExp;
  readonly why: string;
}

export const EXPLANATIONS: readonly Explanation[] = [
  {
    match: /^ft:(forced-isolation|explicit-failure):[^:]+:drop$/,
    why:
      'removes a way to fail: the controller no longer accepts this failure (or software isolation) in one state. The ' +
      'patent says what must follow a failure, never that a failure must be possible, so a model that fails in fewer ' +
      'places satisfies every requirement; rule coverage (check --coverage, --strict) is what shows the rule never taken.',
  },
  {
    match: /^ft:(cpu-bus-disagreement|io-disagreement|st3-sby-separated):(ST3|ST4)\/(ACT|SBY):drop$/,
    why:
      'removes a disagreement or a separation in Pre online sync or Online sync: the run where it would happen simply ' +
      'goes on without it (a disagreement is a failure injection here), so every state it leaves out is one where less ' +
      'went wrong; no requirement says a disagreement must be possible.',
  },
  {
    match: /^ft:(cpu-bus-disagreement|io-disagreement|st3-sby-separated):(ST3|ST4)\/ACT->ST2\/ACT$/,
    why:
      'sends the ACT of Pre online sync (or the ACT whose SBY is separated) straight to Online ready when its SBY leaves, ' +
      'instead of letting it finish Pre online sync alone: the ACT keeps the service either way and the next ' +
      'synchronization starts from Online ready in both; [0064] names only what happens to the SBY.',
  },
  {
    match: /^ft:(cpu-bus-disagreement|io-disagreement):ST4\/SBY->ST10\/SBY$|^ft:st3-sby-separated:ST4\/SBY->ST9\/SBY$|^ft:link-leave-group:ST3\/SBY->ST10\/SBY$/,
    why:
      'changes where a separated SBY waits (Fault, Pre offline or Offline): every one of them is cut off from IO and ' +
      'from the service, its storage is rewritten by a full copy before it rejoins, and fault-has-cause accepts a Fault ' +
      'entered from Pre online sync (a failed memory check leaves no mark in the state that a link loss would not ' +
      'leave too), so no state property tells the two apart.',
  },
  {
    match: /^ft:(crosslink-connected|repair-reset-unlinked):ST10(\/ACT|\/SBY)?:drop$/,
    why:
      'the crosslink can no longer be connected while one end is in Fault, or a Fault system with no crosslink can no ' +
      'longer be reset: the other step comes first instead (the reset after the link, or the link after the reset), ' +
      'which reaches the same states in another order; both are an operator\'s choice, and no requirement says in which order.',
  },
  {
    match: /^ft:set-sby:ST6->ST6\/ACT$|^guard:set_mode\.undecided$/,
    why:
      'changes the mode an offline system waits with (ACT instead of SBY, or a mode set again after a repair): modes are ' +
      'assigned again at the synchronization reset (S2, [0090]), and an offline system is not online, so one-act and ' +
      'online-has-act never see the difference.',
  },
  {
    match: /^cpu:repair-reset:/,
    why:
      'the CPU after a repair reset starts in the BIOS or its wait loop instead of in reset: it only skips steps the ' +
      'board controller takes next anyway (release_reset, bios_wait_sync), so the same FT states follow; the CPU phase ' +
      'of an offline system is not something the patent constrains beyond "reset has been applied" ([0070]).',
  },
  {
    match: /^cpu:sync-reset:/,
    why:
      'the CPU after the synchronization reset starts in reset or in the OS instead of the BIOS: both systems still ' +
      'run the memory check of Pre online sync before Online sync, and the OS writes reach both storages in ' +
      'lock-step, so storage equality and every FT state sequence stay as they are.',
  },
  {
    match: /^capacity:(buffer|trace)-1$/,
    why:
      'a comparison buffer or trace memory one entry smaller: a smaller capacity is a legal design (the bounds are ' +
      'upper bounds), Online async only ends sooner and falls back to a full copy more often.',
  },
  {
    match: /^guard:(sync_start|resync_start)\.idle$/,
    why:
      'lets a synchronization start while a copy already runs; in this model that step changes nothing (a self-loop), ' +
      'so the reachable states and all other steps are the same.',
  },
  {
    match: /^guard:crosslink_lost\.up$/,
    why:
      'lets a crosslink that is already down be lost again: the step changes nothing but the failure budget, so every ' +
      'state it leads to is reached with more budget left by not taking it.',
  },
  {
    match: /^guard:cpu_write\.lockstep-group$/,
    why:
      'lets the ACT write in Online sync while its partner is still in the BIOS: the write is mirrored into both ' +
      'storages by the lock-step hardware all the same, so storage equality holds.',
  },
  {
    match: /^guard:async_exit\.due$/,
    why:
      'lets software leave Online async before the trace memory or buffer reaches its mark (D6): leaving early is a ' +
      'behaviour the patent allows software (it only says when it must leave), and every later step is the same.',
  },
  {
    match: /^effect:leave-service\.clear$/,
    why:
      'keeps the stale storage of a system that left the service: a full copy overwrites it before the system is ' +
      'online again ([0088]-[0090]), so no property of an online system sees it.',
  },
  {
    match: /^(guard:inject\.budget|effect:budget)$/,
    why:
      'unbounded failures: the failure budget no longer bounds the model, so the state space exceeds the cap and the ' +
      'run is undecided (no violation found in the part explored).',
  },
];

export function explainSurvivor(m: Mutant): string | undefined {
  return EXPLANATIONS.find((e) => e.match.test(m.id))?.why;
}
