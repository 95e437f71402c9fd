/**
 * Who reaches whom: the access control of Tables 3-4 ([0074]-[0077]), Pre
 * offline and Fault cut off ([0072] [0073]), the crosslink ([0033]), failed
 * CPU subsystems separated at once ([0035] [0052] [0065]).
 */
import { ACT, ST3, ST4, ST9, ST10 } from '../../hw/ft-controller.js';
import { DELIVERED, MASTER_ABORT, OUTCOME_NAMES, REJECTED, REQUEST_KINDS } from '../../hw/io-subsystem.js';
import type { EnabledProperty, InvariantProperty } from '../kinds.js';
import type { StateAccess } from '../state-access.js';
import { TABLE3, cellAllows, table4, type Cell } from '../tables.js';
import { perNeighbourhood } from './neighbourhood.js';
import { sysText, which } from './words.js';

const OUTBOUND_KINDS = REQUEST_KINDS.map((k) => k.dir === 'outbound');
const kindText = (kind: number, far: number) => {
  const k = REQUEST_KINDS[kind];
  return `${k.dir} ${k.peer}${k.cross ? ` (#${far})` : ''}`;
};

/** [0072] Pre offline: outbound master-aborted, nothing inbound delivered. Returns the first offending request as k, or -1. */
const preOfflineLeak = perNeighbourhood((s, i) => {
  const req = s.requests[i];
  for (let k = 0; k < req.length; k += 2) {
    const o = s.outcomeOf(i, req[k], req[k + 1]);
    if (OUTBOUND_KINDS[req[k]] ? o !== MASTER_ABORT : o === DELIVERED) return k;
  }
  return -1;
});

/**
 * [0073] [0064]: why a system may be in Fault: a failure of its CPU subsystem
 * was specified (an explicit failure, or a hang the watchdog detected),
 * software isolated it, or it was the SBY of Pre online sync when a failure or
 * disagreement occurred in either system (which covers a failed memory check).
 * Under S7 fault-sby an IO disagreement in Online sync also sets the SBY to
 * Fault, and under S14 a disagreement while the ACT is still in Pre online
 * sync sets its SBY to Fault even if that SBY had reached Online sync; in Online sync or Online async a disagreement otherwise does not
 * ([0066] [0067]: they go on to Online async, then Pre offline).
 */
function faultCause(s: StateAccess, i: number): boolean {
  if (s.failed(i) || s.isolated(i) || (s.previousState(i) === ST3 && s.mode(i) !== ACT)) return true;
  if (!s.disagreed(i)) return false;
  if (s.model.readings['S7-io-disagreement'] === 'fault-sby') return true;
  // S14: the SBY had finished its memory check but its ACT may not have: [0064] then governs the pair. What the
  // state keeps is that the SBY left Online sync on a disagreement, not where its ACT was at the time.
  return s.model.readings['S14-disagreement-during-split-check'] === 'pair-still-pre-online-sync' && s.previousState(i) === ST4;
}

/** [0073] Fault: every own request master-aborted; no request of another system reaches it. */
const cutOff = perNeighbourhood((s, i) => {
  const req = s.requests[i];
  for (let k = 0; k < req.length; k += 2) if (s.outcomeOf(i, req[k], req[k + 1]) !== MASTER_ABORT) return 0;
  for (let j = 0; j < s.n; j++) {
    if (j === i) continue;
    const other = s.requests[j];
    for (let k = 0; k < other.length; k += 2) {
      if (other[k + 1] === i && s.outcomeOf(j, other[k], i) === DELIVERED) return 0;
    }
  }
  return 1;
});
const faultIsolated = (s: StateAccess, i: number): boolean => cutOff(s, i) === 1;

/**
 * Tables 3-4 against the requester's row for one request: whether request
 * `kind` of a system in state `st` breaks them, `stFar` and `up` being the far
 * system's state and the crosslink to it (0 and true for a request that stays
 * inside the system). A cell the row allows (o, or the paths a Δ names) is
 * delivered; a cross-system one is delivered whenever its crosslink is up and
 * the far system can be reached at all (not off, Pre offline or Fault:
 * [0072] [0073] say those are cut off), and otherwise master-aborted. What
 * the row forbids is refused the way the cell says: restricted under Δ,
 * master abort under X.
 */
function requestBreaks(s: StateAccess, t4: Record<number, Cell>, kind: number, st: number, stFar: number, up: boolean): boolean {
  const k = REQUEST_KINDS[kind];
  const cell = k.dir === 'outbound' ? TABLE3[st] : t4[st];
  const o = s.model.access.outcome(kind, st, stFar, up);
  if (!cellAllows(cell, k.dir, k.peer)) return o !== (cell === 'X' ? MASTER_ABORT : REJECTED);
  if (!k.cross) return o !== DELIVERED;
  const reachable = up && stFar !== 0 && stFar !== ST9 && stFar !== ST10;
  return reachable ? o !== DELIVERED : o === REJECTED;
}

/** The first request of system i that breaks Tables 3-4 (requestBreaks), as k, or -1. */
const tableBreach = perNeighbourhood((s, i) => {
  const st = s.st(i);
  if (st === 0) return -1;
  const t4 = table4(s.readings);
  const req = s.requests[i];
  for (let k = 0; k < req.length; k += 2) {
    const far = req[k + 1];
    if (requestBreaks(s, t4, req[k], st, far >= 0 ? s.st(far) : 0, far >= 0 ? s.linked(i, far) : true)) return k;
  }
  return -1;
});

const linkBreach = perNeighbourhood((s, i) => {
  const req = s.requests[i];
  for (let k = 0; k < req.length; k += 2) {
    const far = req[k + 1];
    if (far >= 0 && !s.linked(i, far) && s.outcomeOf(i, req[k], far) === DELIVERED) return k;
  }
  return -1;
});

function some(s: StateAccess, f: (i: number) => boolean): boolean {
  for (let i = 0; i < s.n; i++) if (f(i)) return true;
  return false;
}

export const ISOLATION_PROPERTIES: readonly InvariantProperty[] = [
  {
    kind: 'invariant',
    name: 'pre-offline-isolated',
    statement: 'A system in Pre offline gets no IO access through: every outbound request is master-aborted, no inbound request is delivered.',
    cites: 'Table 3, Table 4, [0072]',
    when: 'a system in Pre offline',
    trigger: (s) => some(s, (i) => s.st(i) === ST9),
    holds: (s) => {
      for (let i = 0; i < s.n; i++) if (s.st(i) === ST9 && preOfflineLeak(s, i) >= 0) return false;
      return true;
    },
    explain: (s) => {
      for (let i = 0; i < s.n; i++) {
        const k = s.st(i) === ST9 ? preOfflineLeak(s, i) : -1;
        if (k >= 0) return `${sysText(s, i)}: ${kindText(s.requests[i][k], s.requests[i][k + 1])} is ${OUTCOME_NAMES[s.outcomeOf(i, s.requests[i][k], s.requests[i][k + 1])]}`;
      }
      return '';
    },
  },
  {
    kind: 'invariant',
    name: 'fault-isolated',
    statement: 'A Fault system is cut off from inside and outside: its own requests are master-aborted and no other system reaches it.',
    cites: '[0073], Table 3, Table 4',
    when: 'a system in Fault',
    trigger: (s) => some(s, (i) => s.st(i) === ST10),
    holds: (s) => {
      for (let i = 0; i < s.n; i++) if (s.st(i) === ST10 && !faultIsolated(s, i)) return false;
      return true;
    },
    explain: (s) => `${which(s, (i) => s.st(i) === ST10 && !faultIsolated(s, i))} in Fault but reachable (own requests not all master-aborted, or another system's request delivered to it)`,
  },
  {
    kind: 'invariant',
    name: 'fault-has-cause',
    statement:
      'A system is in Fault only for a reason the patent gives: a failure of its CPU subsystem was specified (an explicit failure, or a hang detected), software compulsorily isolated it, or it was the SBY in Pre online sync when a failure or disagreement occurred, a failed memory check included ([0064]); under S7 fault-sby also an SBY whose IO comparison disagreed, and under S14 (pair still in Pre online sync) an SBY that disagreed in Online sync, its ACT possibly still in its memory check. A crosslink loss, a disagreement in Online sync or Online async, or a normal step never sends a system to Fault.',
    cites: '[0073], [0064], [0052], [0065]-[0067]',
    when: 'a system in Fault',
    trigger: (s) => some(s, (i) => s.st(i) === ST10),
    holds: (s) => {
      for (let i = 0; i < s.n; i++) if (s.st(i) === ST10 && !faultCause(s, i)) return false;
      return true;
    },
    explain: (s) => `${which(s, (i) => s.st(i) === ST10 && !faultCause(s, i))} in Fault with no failure specified, no isolation, and not the SBY of Pre online sync`,
  },
  {
    kind: 'invariant',
    name: 'access-tables',
    statement: "Every IO access outcome follows the requester's row of Tables 3 and 4: what the row allows is delivered (across systems: whenever the crosslink is up and the far system is not cut off), what it restricts (Δ) is refused as restricted, what it marks X is master-aborted.",
    cites: 'Table 3, Table 4, [0074]-[0077]',
    when: 'some system powered',
    trigger: (s) => some(s, (i) => s.powered(i)),
    holds: (s) => {
      for (let i = 0; i < s.n; i++) if (tableBreach(s, i) >= 0) return false;
      return true;
    },
    explain: (s) => {
      for (let i = 0; i < s.n; i++) {
        const k = tableBreach(s, i);
        if (k >= 0) return `${sysText(s, i)}: ${kindText(s.requests[i][k], s.requests[i][k + 1])} is ${OUTCOME_NAMES[s.outcomeOf(i, s.requests[i][k], s.requests[i][k + 1])]}, against its row of Tables 3-4`;
      }
      return '';
    },
  },
  {
    kind: 'invariant',
    name: 'crosslink-required',
    statement: 'No cross-system access is delivered while the crosslink between the two systems is down.',
    cites: '[0033], [0039], FIG. 3',
    when: 'two powered systems with the crosslink between them down',
    trigger: (s) => {
      for (let a = 0; a < s.n; a++) for (let b = a + 1; b < s.n; b++) if (s.powered(a) && s.powered(b) && !s.linked(a, b)) return true;
      return false;
    },
    holds: (s) => {
      for (let i = 0; i < s.n; i++) if (linkBreach(s, i) >= 0) return false;
      return true;
    },
    explain: (s) => {
      for (let i = 0; i < s.n; i++) {
        const k = linkBreach(s, i);
        if (k >= 0) return `${sysText(s, i)}: ${kindText(s.requests[i][k], s.requests[i][k + 1])} is delivered with the crosslink to #${s.requests[i][k + 1]} down`;
      }
      return '';
    },
  },
  {
    kind: 'invariant',
    name: 'failed-cpu-separated',
    statement: 'A CPU subsystem with an explicit failure is never online: it is separated at once.',
    cites: '[0035], [0052], [0065], [0073]',
    when: 'a CPU subsystem with an explicit failure',
    trigger: (s) => some(s, (i) => s.failed(i)),
    holds: (s) => {
      for (let i = 0; i < s.n; i++) if (s.failed(i) && s.online(i)) return false;
      return true;
    },
    explain: (s) => `${which(s, (i) => s.failed(i) && s.online(i))} failed but still online`,
  },
  {
    kind: 'invariant',
    name: 'isolation-separates',
    statement: 'A CPU subsystem that software compulsorily isolated is in Fault until it is reset.',
    cites: '[0073], [0070]',
    when: 'a system isolated by software and not reset since',
    trigger: (s) => some(s, (i) => s.isolated(i)),
    holds: (s) => {
      for (let i = 0; i < s.n; i++) if (s.isolated(i) && s.st(i) !== ST10) return false;
      return true;
    },
    explain: (s) => {
      for (let i = 0; i < s.n; i++) if (s.isolated(i) && s.st(i) !== ST10) return `${sysText(s, i)} although software isolated it and it was not reset`;
      return '';
    },
  },
];

/**
 * [0073]: software can compulsorily isolate a CPU subsystem; S17 says which
 * (default: every powered one but the ACT of Pre online sync, whose rule
 * [0064] prevails). Isolations count against the failure budget F, so the
 * capability is required while the budget lasts.
 */
export const ISOLATION_CAPABILITIES: readonly EnabledProperty[] = [
  {
    kind: 'enabled',
    name: 'isolation-available',
    action: 'force_isolate',
    statement:
      'Software can compulsorily isolate any powered CPU subsystem that is not already in Fault, in every state ([0073]; under S17 not-pre-online-sync-act, except the ACT in Pre online sync): the FT controller accepts the isolation wherever the system is in its sequence (within the failure budget F, which isolations count against).',
    cites: '[0073], [0064] (S17)',
    when: 'a powered system not in Fault that software may isolate, with failure budget left',
    scope: (s, i) =>
      s.powered(i) &&
      s.st(i) !== ST10 &&
      s.faultsInjected() < s.model.params.faults &&
      !(s.readings['S17-forced-isolation'] === 'not-pre-online-sync-act' && s.st(i) === ST3 && s.mode(i) === ACT),
  },
];
