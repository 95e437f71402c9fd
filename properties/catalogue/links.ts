/**
 * The crosslinks 140 ([0032] [0033], FIG. 3) and the states that say
 * whether one is connected: the divide states have none (Table 2), their
 * progression Online ready and the copy destination Recover offline have one
 * ([0062] [0070] [0071]; under S20 offline a reset Fault system enters
 * Offline with or without a link), and the
 * systems of a lock-step group are linked to each other.
 */
import { ST1, ST2, ST6, ST7, ST8, isLockstep, stateLabel } from '../../hw/ft-controller.js';
import type { InvariantProperty } from '../kinds.js';
import type { StateAccess } from '../state-access.js';
import { sysText } from './words.js';

function anyLinkOf(s: StateAccess, i: number): boolean {
  for (let j = 0; j < s.n; j++) if (j !== i && s.linked(i, j)) return true;
  return false;
}

function lockstepPartner(s: StateAccess, i: number): boolean {
  for (let j = 0; j < s.n; j++) if (j !== i && s.linked(i, j) && isLockstep(s.st(j))) return true;
  return false;
}

/** Under S20 offline-divide, Offline always has a crosslink; read literally, a reset Fault system may be in Offline without one. */
const offlineHasLink = (s: StateAccess): boolean => s.model.readings['S20-reset-fault-without-link'] === 'offline-divide';

/** The first system whose state and crosslinks disagree, as a sentence, or ''. */
function linkMismatch(s: StateAccess): string {
  for (let i = 0; i < s.n; i++) {
    const st = s.st(i);
    if ((st === ST1 || st === ST6) && anyLinkOf(s, i)) return `${sysText(s, i)} has a crosslink connected`;
    if ((st === ST2 || st === ST8 || (st === ST7 && offlineHasLink(s))) && !anyLinkOf(s, i)) return `${sysText(s, i)} has no crosslink connected`;
    if (isLockstep(st) && !lockstepPartner(s, i)) return `${sysText(s, i)} runs in lock-step with no linked partner in ${stateLabel(3)}-${stateLabel(5)}`;
  }
  return '';
}

export const LINK_PROPERTIES: readonly InvariantProperty[] = [
  {
    kind: 'invariant',
    name: 'crosslink-ends-powered',
    statement: 'A connected crosslink has both its ends powered.',
    cites: '[0032], [0033], FIG. 3',
    when: 'a crosslink connected',
    trigger: (s) => {
      for (let a = 0; a < s.n; a++) for (let b = a + 1; b < s.n; b++) if (s.linked(a, b)) return true;
      return false;
    },
    holds: (s) => {
      for (let a = 0; a < s.n; a++) for (let b = a + 1; b < s.n; b++) if (s.linked(a, b) && (!s.powered(a) || !s.powered(b))) return false;
      return true;
    },
    explain: (s) => {
      for (let a = 0; a < s.n; a++) for (let b = a + 1; b < s.n; b++) {
        if (s.linked(a, b) && (!s.powered(a) || !s.powered(b))) return `the crosslink #${a}-#${b} is connected but #${s.powered(a) ? b : a} is powered off`;
      }
      return '';
    },
  },
  {
    kind: 'invariant',
    name: 'crosslink-state-consistent',
    statement: 'Online divide and Offline divide have no crosslink connected; Online ready, Offline and Recover offline have one; a system in Pre online sync, Online sync or Online async is linked to a partner running in lock-step. (Under S20 offline, read literally, Offline may have none: a reset Fault system enters it, [0070].)',
    cites: 'Table 2, [0062], [0069], [0070], [0071], [0063]-[0066]',
    when: 'some system powered',
    trigger: (s) => {
      for (let i = 0; i < s.n; i++) if (s.powered(i)) return true;
      return false;
    },
    holds: (s) => linkMismatch(s) === '',
    explain: linkMismatch,
  },
];
