/**
 * Progress: what the patent's sequences promise will happen, not only what
 * must never happen. Each holds under the model's hardware-progress
 * fairness (model/fairness.ts) and, where it says so, under no further
 * failures: a behaviour that injects another failure before the promise is
 * kept is not a counterexample (the failure budget bounds them anyway).
 */
import { OFF, ST10, ST3, ST4, ST5, ST6, ST7, ST8, ST9 } from '../../hw/ft-controller.js';
import type { LivenessProperty } from '../kinds.js';
import type { StateAccess } from '../state-access.js';

function otherServing(s: StateAccess, i: number): boolean {
  for (let j = 0; j < s.n; j++) if (j !== i && s.serving(j)) return true;
  return false;
}

function anyServing(s: StateAccess): boolean {
  for (let j = 0; j < s.n; j++) if (s.serving(j)) return true;
  return false;
}

export const PROGRESS_PROPERTIES: readonly LivenessProperty[] = [
  {
    kind: 'leads-to',
    name: 'powered-system-joins',
    perSystem: true,
    unlessAnotherFailure: true,
    statement:
      'Under no further failures, a system that has been powered on goes online: the board controller sets its mode, and it either provides the service (the first system, Online divide) or is synchronized with the system that does (Offline, Recover offline, then Pre online sync), as FIGS. 9-10 show. Required of a system powered on before any failure, or beside a system in service.',
    cites: '[0083] T100-T104, [0084] T200-T203, [0085]-[0092]',
    when: 'a system just powered on (Offline divide, entered from power-off) before any failure, or beside a system in service',
    // after a failure with no system in service the patent does not say who becomes ACT again (the SBY waits for a copy
    // that no one can start): the promise is about the start-up of FIGS. 9-10, and about joining a running system
    p: (s, i) => s.st(i) === ST6 && s.previousState(i) === OFF && (otherServing(s, i) || s.faultsInjected() === 0),
    q: (s, i) => s.online(i) || s.st(i) === ST10,
  },
  {
    kind: 'leads-to',
    name: 'recover-offline-progresses',
    perSystem: true,
    unlessAnotherFailure: true,
    statement: 'Under no further failures, a system in Recover offline beside a system in service reaches Pre online sync (or Fault): its copy completes and the synchronization reset follows.',
    cites: '[0071], [0088]-[0090], [0097], [0098]',
    when: 'a system in Recover offline while another provides the service',
    p: (s, i) => s.st(i) === ST8 && otherServing(s, i),
    q: (s, i) => s.st(i) === ST3 || s.st(i) === ST10,
  },
  {
    kind: 'leads-to',
    name: 'pre-online-sync-ends',
    perSystem: true,
    unlessAnotherFailure: true,
    statement: 'Under no further failures, a system in Pre online sync leaves it: its memory check completes (Pre online sync is not a complete synchronous state).',
    cites: '[0064], [0091], [0092]',
    when: 'a system in Pre online sync',
    p: (s, i) => s.st(i) === ST3,
    q: (s, i) => s.st(i) !== ST3,
  },
  {
    kind: 'leads-to',
    name: 'pre-offline-progresses',
    perSystem: true,
    unlessAnotherFailure: true,
    statement: 'Under no further failures, a system in Pre offline has every CPU return SMI ACK and enters Recover offline (or is separated).',
    cites: '[0071], [0072], [0096] T214',
    when: 'a system in Pre offline',
    p: (s, i) => s.st(i) === ST9,
    q: (s, i) => s.st(i) === ST8 || s.st(i) === ST10,
  },
  {
    kind: 'leads-to',
    name: 'copy-completes',
    perSystem: false,
    unlessAnotherFailure: true,
    statement: 'Under no further failures, a copy job that has started is finished by the synchronization reset, or abandoned.',
    cites: '[0089], [0090], [0097], [0098]',
    when: 'a copy job running',
    p: (s) => s.copyRunning(),
    q: (s) => !s.copyRunning(),
  },
  {
    kind: 'leads-to',
    name: 'online-async-is-temporary',
    perSystem: true,
    unlessAnotherFailure: true,
    statement: 'Under no further failures, a system in Online async leaves it (its software keeps writing, which fills the trace memory): Online async is a temporary state.',
    cites: '[0066], [0067], [0072], [0095]',
    when: 'a system in Online async',
    p: (s, i) => s.st(i) === ST5,
    q: (s, i) => s.st(i) !== ST5,
  },
  {
    kind: 'leads-to',
    name: 'repaired-system-rejoins',
    perSystem: false,
    unlessAnotherFailure: true,
    statement: 'Under no further failures, a system reset from Fault while another provides the service is brought back into full duplication: every powered system that is not in Fault (waiting for its own reset) is in Online sync again.',
    cites: '[0070], [0088]-[0093], [0095]-[0100]',
    when: 'a system just reset from Fault, another in service',
    p: (s) => {
      // Offline, or Offline divide when no crosslink is connected (S20)
      for (let i = 0; i < s.n; i++) if ((s.st(i) === ST7 || s.st(i) === ST6) && s.previousState(i) === ST10 && anyServing(s)) return true;
      return false;
    },
    q: (s) => {
      for (let i = 0; i < s.n; i++) if (s.powered(i) && s.st(i) !== ST10 && s.st(i) !== ST4) return false;
      return true;
    },
  },
];

