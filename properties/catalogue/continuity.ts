/**
 * The point of the design: the service goes on through failures ([0005]
 * [0035]), duplication can always be re-established ([0044] [0088]-[0100]),
 * and it can be re-established at high speed after a disagreement ([0045]).
 */
import { ST2, ST3, ST4, ST5, ST8, stateLabel } from '../../hw/ft-controller.js';
import { JOB_PARTIAL } from '../../hw/dma-controller.js';
import type { DeadlockProperty, InvariantProperty, RecoverableProperty } from '../kinds.js';
import type { StateAccess } from '../state-access.js';
import { anyOnline, anyServing } from './modes.js';
import { allText } from './words.js';

/** What keeps full duplication out of reach, in one line. */
function recoveryBlocker(s: StateAccess): string {
  const parts = [`failure budget used: ${s.faultsInjected()} of ${s.model.params.faults}`, allText(s)];
  if (!anyOnline(s)) parts.push('no system online to copy from');
  return parts.join('; ');
}

export const CONTINUITY_INVARIANTS: readonly InvariantProperty[] = [
  {
    kind: 'invariant',
    name: 'service-continuity',
    statement: 'Once the systems have first been fully duplicated, some system provides the service (online and responding) as long as fewer than N failures were injected since they were last all in Online sync.',
    cites: '[0035], [0005]',
    when: 'after full duplication, fewer than N failures since',
    trigger: (s) => s.everFullyDuplexed() && s.faultsSinceDuplex() < s.n,
    holds: (s) => !s.everFullyDuplexed() || s.faultsSinceDuplex() >= s.n || anyServing(s),
    explain: (s) => `no system online after only ${s.faultsSinceDuplex()} failure(s) since full duplication (N = ${s.n}): ${allText(s)}`,
  },
  {
    kind: 'invariant',
    name: 'service-survives-single-fault',
    statement:
      'A CPU failure of a system running in lock-step with a partner, a disagreement between lock-step systems, or the loss of a crosslink while some system provides the service, never stops the service: the other CPU subsystem (for a disagreement, the ACT; for a crosslink loss, the online system, which goes on in Online divide) goes on providing it, so until the next failure some system is online.',
    cites: '[0035], [0055], [0061], [0064]-[0067], Table 2',
    when: 'a CPU failure in lock-step, a disagreement, or a crosslink loss during service; no failure since',
    trigger: (s) => s.survivableFault(),
    holds: (s) => !s.survivableFault() || anyServing(s),
    explain: (s) => `the last failure was a CPU failure in lock-step, a disagreement or a crosslink loss during service, and no system is online now: ${allText(s)}`,
  },
  {
    kind: 'invariant',
    name: 'online-sync-after-pre-online-sync',
    statement: 'A system enters Online sync only from Pre online sync: the comparison check of main storage ([0064]) comes before the complete synchronous state.',
    cites: '[0064], [0065], [0091], [0092]',
    when: 'a system in Online sync',
    trigger: (s) => {
      for (let i = 0; i < s.n; i++) if (s.st(i) === ST4) return true;
      return false;
    },
    holds: (s) => {
      for (let i = 0; i < s.n; i++) if (s.st(i) === ST4 && s.previousState(i) !== ST3) return false;
      return true;
    },
    explain: (s) => {
      for (let i = 0; i < s.n; i++) if (s.st(i) === ST4 && s.previousState(i) !== ST3) return `#${i} entered Online sync from ${stateLabel(s.previousState(i))}`;
      return '';
    },
  },
  {
    kind: 'invariant',
    name: 'online-async-from-online-sync',
    statement: 'Online async is entered only from Online sync.',
    cites: '[0066], [0095]',
    when: 'a system in Online async',
    trigger: (s) => {
      for (let i = 0; i < s.n; i++) if (s.st(i) === ST5) return true;
      return false;
    },
    holds: (s) => {
      for (let i = 0; i < s.n; i++) if (s.st(i) === ST5 && s.previousState(i) !== ST4) return false;
      return true;
    },
    explain: (s) => {
      for (let i = 0; i < s.n; i++) if (s.st(i) === ST5 && s.previousState(i) !== ST4) return `#${i} entered Online async from ${stateLabel(s.previousState(i))}`;
      return '';
    },
  },
];

/** Scope of high-speed-resync-possible: a system waiting in Recover offline to be resynchronized by its former partner, which is Online ready. */
function awaitsPartialCopy(s: StateAccess): boolean {
  for (let i = 0; i < s.n; i++) {
    const from = s.resyncFrom(i);
    if (s.st(i) === ST8 && from >= 0 && s.st(from) === ST2 && !s.hung(from) && !s.hung(i) && !s.copyRunning()) return true;
  }
  return false;
}

export const CONTINUITY_GRAPH_PROPERTIES: readonly (RecoverableProperty | DeadlockProperty)[] = [
  {
    kind: 'recoverable',
    name: 'redundancy-recoverable',
    statement: 'From every reachable state with a system providing the service (online and responding), or with no failure injected yet, full duplication (every system in Online sync) can be reached.',
    cites: '[0044], [0088]-[0100], [0035]',
    when: 'a system online, or no failure yet',
    scope: (s) => anyServing(s) || s.faultsInjected() === 0,
    goal: (s) => {
      for (let i = 0; i < s.n; i++) if (s.st(i) !== ST4) return false;
      return true;
    },
    explain: recoveryBlocker,
  },
  {
    kind: 'recoverable',
    name: 'high-speed-resync-possible',
    statement: 'From every state where a system waits in Recover offline to be resynchronized by its former partner in Online ready, resynchronization by a partial copy of the traced difference can be reached.',
    cites: '[0045], [0096], [0097]',
    when: 'a system in Recover offline awaiting its former partner',
    scope: awaitsPartialCopy,
    goal: (s) => s.jobKind() === JOB_PARTIAL,
    explain: (s) => `no partial copy can follow: ${allText(s)}`,
  },
  {
    kind: 'deadlock',
    name: 'no-deadlock',
    statement: 'Every reachable state has a successor, except when the service is lost (no system online) and only a new power-on could restart it.',
    cites: '[0079]-[0080], [0083]',
    when: 'every state',
  },
];

