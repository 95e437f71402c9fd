/**
 * The named properties ftcheck proves or refutes. Each has a one-line
 * statement and the paragraphs it rests on. Kinds:
 * - invariant: must hold in every reachable state;
 * - recoverable: from every reachable state in scope, some goal state is
 *   reachable (AG (scope -> EF goal), checked on the reachable graph);
 * - deadlock: no reachable state without successors, except legitimate end
 *   states (service lost: no system online).
 */
import { ACT, NONE, ST10, ST3, ST4, ST5, ST9 } from '../hw/ft-controller.js';
import { DELIVERED, MASTER_ABORT, REQUEST_KINDS } from '../hw/io-subsystem.js';
import type { StateAccess } from './state-access.js';
import { TABLE3, cellAllows, table4, type Cell } from './tables.js';

interface Common {
  readonly name: string;
  readonly statement: string;
  readonly cites: string;
}
export interface InvariantProperty extends Common {
  readonly kind: 'invariant';
  holds(s: StateAccess): boolean;
}
export interface RecoverableProperty extends Common {
  readonly kind: 'recoverable';
  scope(s: StateAccess): boolean;
  goal(s: StateAccess): boolean;
}
export interface DeadlockProperty extends Common {
  readonly kind: 'deadlock';
}
export type Property = InvariantProperty | RecoverableProperty | DeadlockProperty;

const OUTBOUND_KINDS = REQUEST_KINDS.map((k) => k.dir === 'outbound');

/** How many online systems are in `mode`. */
function onlineInMode(s: StateAccess, mode: number): number {
  let k = 0;
  for (let i = 0; i < s.n; i++) if (s.online(i) && s.mode(i) === mode) k++;
  return k;
}

function anyOnline(s: StateAccess): boolean {
  for (let i = 0; i < s.n; i++) if (s.online(i)) return true;
  return false;
}

/** [0072] Pre offline: outbound master-aborted, nothing inbound delivered. */
function preOfflineIsolated(s: StateAccess, i: number): boolean {
  const req = s.requests[i];
  for (let k = 0; k < req.length; k += 2) {
    const o = s.outcomeOf(i, req[k], req[k + 1]);
    if (OUTBOUND_KINDS[req[k]] ? o !== MASTER_ABORT : o === DELIVERED) return false;
  }
  return true;
}

/** [0073] Fault: every own request master-aborted; no request of another system reaches it. */
function faultIsolated(s: StateAccess, i: number): boolean {
  const req = s.requests[i];
  for (let k = 0; k < req.length; k += 2) if (s.outcomeOf(i, req[k], req[k + 1]) !== MASTER_ABORT) return false;
  for (let j = 0; j < s.n; j++) {
    if (j === i) continue;
    const other = s.requests[j];
    for (let k = 0; k < other.length; k += 2) {
      if (other[k + 1] === i && s.outcomeOf(j, other[k], i) === DELIVERED) return false;
    }
  }
  return true;
}

/** Tables 3-4 against the requester's row. */
function followsTables(s: StateAccess, i: number, t4: Record<number, Cell>): boolean {
  const st = s.st(i);
  if (st === 0) return true;
  const req = s.requests[i];
  for (let k = 0; k < req.length; k += 2) {
    const kind = REQUEST_KINDS[req[k]];
    const cell = kind.dir === 'outbound' ? TABLE3[st] : t4[st];
    const allowed = cellAllows(cell, kind.dir, kind.peer);
    const delivered = s.outcomeOf(i, req[k], req[k + 1]) === DELIVERED;
    if (delivered && !allowed) return false;
    if (!kind.cross && allowed && !delivered) return false;
  }
  return true;
}

function crossNeedsLink(s: StateAccess, i: number): boolean {
  const req = s.requests[i];
  for (let k = 0; k < req.length; k += 2) {
    const far = req[k + 1];
    if (far >= 0 && !s.linked(i, far) && s.outcomeOf(i, req[k], far) === DELIVERED) return false;
  }
  return true;
}

export const PROPERTIES: readonly Property[] = [
  {
    kind: 'invariant',
    name: 'one-act',
    statement: 'At most one online system is in ACT mode.',
    cites: '[0055], [0061]',
    holds: (s) => onlineInMode(s, ACT) <= 1,
  },
  {
    kind: 'invariant',
    name: 'online-has-act',
    statement: 'Whenever some system is online, one online system is in ACT mode (the one that keeps the service).',
    cites: '[0055], Table 1',
    holds: (s) => !anyOnline(s) || onlineInMode(s, ACT) > 0,
  },
  {
    kind: 'invariant',
    name: 'pre-offline-isolated',
    statement: 'A system in Pre offline gets no IO access through: every outbound request is master-aborted, no inbound request is delivered.',
    cites: 'Table 3, Table 4, [0072]',
    holds: (s) => {
      for (let i = 0; i < s.n; i++) if (s.st(i) === ST9 && !preOfflineIsolated(s, i)) return false;
      return true;
    },
  },
  {
    kind: 'invariant',
    name: 'fault-isolated',
    statement: 'A Fault system is cut off from inside and outside: its own requests are master-aborted and no other system reaches it.',
    cites: '[0073], Table 3, Table 4',
    holds: (s) => {
      for (let i = 0; i < s.n; i++) if (s.st(i) === ST10 && !faultIsolated(s, i)) return false;
      return true;
    },
  },
  {
    kind: 'invariant',
    name: 'access-tables',
    statement: "Every IO access outcome follows the requester's row of Tables 3 and 4: what stays inside a system is delivered exactly when the row allows it, and nothing the row forbids is delivered.",
    cites: 'Table 3, Table 4, [0074]-[0077]',
    holds: (s) => {
      const t4 = table4(s.readings);
      for (let i = 0; i < s.n; i++) if (!followsTables(s, i, t4)) return false;
      return true;
    },
  },
  {
    kind: 'invariant',
    name: 'crosslink-required',
    statement: 'No cross-system access is delivered while the crosslink between the two systems is down.',
    cites: '[0033], [0039], FIG. 3',
    holds: (s) => {
      for (let i = 0; i < s.n; i++) if (!crossNeedsLink(s, i)) return false;
      return true;
    },
  },
  {
    kind: 'invariant',
    name: 'online-sync-storage-equal',
    statement: 'Two systems in Online sync hold equal main storage.',
    cites: '[0045], [0064], [0065]',
    holds: (s) => {
      for (let a = 0; a < s.n; a++) for (let b = a + 1; b < s.n; b++) {
        if (s.st(a) === ST4 && s.st(b) === ST4 && !s.sameStorage(a, b)) return false;
      }
      return true;
    },
  },
  {
    kind: 'invariant',
    name: 'sync-copy-complete',
    statement: 'A system in Pre online sync holds the same main storage as the ACT it was synchronized with: the copy was complete, so the memory check of [0064] passes.',
    cites: '[0044], [0045], [0064], [0089], [0097]',
    holds: (s) => {
      let act = -1;
      for (let i = 0; i < s.n; i++) if ((s.st(i) === ST3 || s.st(i) === ST4) && s.mode(i) === ACT) act = i;
      if (act < 0) return true;
      for (let i = 0; i < s.n; i++) if (s.st(i) === ST3 && i !== act && !s.sameStorage(i, act)) return false;
      return true;
    },
  },
  {
    kind: 'invariant',
    name: 'service-continuity',
    statement: 'Once the systems have first been fully duplicated, some system is online as long as fewer than N failures were injected since they were last all in Online sync.',
    cites: '[0035], [0005]',
    holds: (s) => !s.everFullyDuplexed() || s.faultsSinceDuplex() >= s.n || anyOnline(s),
  },
  {
    kind: 'invariant',
    name: 'failed-cpu-separated',
    statement: 'A CPU subsystem with an explicit failure is never online: it is separated at once.',
    cites: '[0035], [0052], [0065], [0073]',
    holds: (s) => {
      for (let i = 0; i < s.n; i++) if (s.failed(i) && s.online(i)) return false;
      return true;
    },
  },
  {
    kind: 'invariant',
    name: 'pre-online-sync-mode-fixed',
    statement: 'The mode of a system in Pre online sync never switches while it stays there.',
    cites: '[0064]',
    holds: (s) => {
      for (let i = 0; i < s.n; i++) if (s.st(i) === ST3 && s.mode(i) !== s.modeOnEnteringST3(i)) return false;
      return true;
    },
  },
  {
    kind: 'invariant',
    name: 'online-async-from-online-sync',
    statement: 'Online async is entered only from Online sync.',
    cites: '[0066], [0095]',
    holds: (s) => {
      for (let i = 0; i < s.n; i++) if (s.st(i) === ST5 && s.previousState(i) !== ST4) return false;
      return true;
    },
  },
  {
    kind: 'invariant',
    name: 'copy-into-standby',
    statement: 'A duplication copy writes only into the main storage of a system that is not online.',
    cites: '[0044], [0048]-[0050]',
    holds: (s) => {
      const to = s.copyTarget();
      return to < 0 || !s.online(to);
    },
  },
  {
    kind: 'invariant',
    name: 'mode-before-service',
    statement: 'A system is online only after the board controller has set its mode.',
    cites: '[0083], [0084], [0055]',
    holds: (s) => {
      for (let i = 0; i < s.n; i++) if (s.online(i) && s.mode(i) === NONE) return false;
      return true;
    },
  },
  {
    kind: 'recoverable',
    name: 'redundancy-recoverable',
    statement: 'From every reachable state with a system online, or with no failure injected yet, full duplication (every system in Online sync) can be reached.',
    cites: '[0044], [0088]-[0100], [0035]',
    scope: (s) => anyOnline(s) || s.faultsInjected() === 0,
    goal: (s) => {
      for (let i = 0; i < s.n; i++) if (s.st(i) !== ST4) return false;
      return true;
    },
  },
  {
    kind: 'deadlock',
    name: 'no-deadlock',
    statement: 'Every reachable state has a successor, except when the service is lost (no system online) and only a new power-on could restart it.',
    cites: '[0079]-[0080], [0083]',
  },
];

export const PROPERTY_NAMES = PROPERTIES.map((p) => p.name);

export function findProperty(name: string): Property | undefined {
  return PROPERTIES.find((p) => p.name === name);
}
